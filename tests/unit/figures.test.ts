// Figures that must be right: rounding once, impossible values, the three
// kinds of absence, the poverty estimate and the deprivation index, each on
// small tables computed by hand.
import { describe, expect, it } from 'vitest';
import { displayRound, storedValue } from '../../src/lib/precision.ts';
import { formatValue } from '../../src/indicators/format.ts';
import { absenceCounts, absenceCountsOfLevel, absenceOf, aggregateAbsence, encodeAbsence, type AbsenceKind } from '../../src/lib/absence.ts';
import { estimatePovertyRate } from '../../src/lib/poverty-estimate.ts';
import { aggregate, aggregatePerimeter } from '../../src/lib/aggregate.ts';
import { quantileOf, weightedQuantileBreaks } from '../../src/lib/quintiles.ts';
import { encodeMethods, methodOf } from '../../src/lib/indicator-format.ts';
import { breach, mergeChecks, refuseImpossibleValues } from '../../scripts/indicators/checks.ts';
import { computeDeprivationIndex, leadingEigen } from '../../scripts/indicators/deprivation-index.ts';
import { impliedNationalTotal, withinOrderOfMagnitude } from '../../scripts/indicators/unit-check.ts';
import { nativeAbsence } from '../../scripts/indicators/compute.ts';
import type { MatchedTerritory } from '../../src/lib/code-matching.ts';
import { INDICATORS, type UnitCheck } from '../../data/indicators.ts';

describe('round once', () => {
  it('stores x.xx45 as it is and shows it rounded once', () => {
    expect(storedValue(2.1245, 2)).toBe(2.1245);
    expect(formatValue(storedValue(2.1245, 2), 2)).toBe('2,12');
    // The old storage (3 decimals) rounded it to 2.125, shown 2,13.
    expect(formatValue(2.125, 2)).toBe('2,13');
  });

  it('never stores a value across the display boundary', () => {
    // France APL < 65 2023: 3.294 69… shows 3,29; stored at 3 decimals it would be 3.295 → 3,3.
    const exact = 3.2949612;
    expect(storedValue(exact, 2, 1)).toBe(exact);
    expect(storedValue(exact, 2)).toBe(3.29496);
    expect(formatValue(storedValue(exact, 2), 2)).toBe('3,29');
    expect(displayRound(storedValue(2.12496, 2, 1)!, 2)).toBe(2.12);
  });

  it('the stored value always displays as the exact value does (10,000 values near display boundaries)', () => {
    let seed = 42;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 10_000; i++) {
      const decimals = i % 4;
      // Values sitting just around a half-way point of the display grid, where double rounding bites.
      const v = (Math.floor(next() * 100_000) + 0.5 + (next() - 0.5) * 2e-3) / 10 ** decimals;
      expect(displayRound(storedValue(v, decimals)!, decimals), `${v} at ${decimals}`).toBe(displayRound(v, decimals));
    }
  });

  it('keeps integers and nulls as they are', () => {
    expect(storedValue(68350798, 0)).toBe(68350798);
    expect(storedValue(null, 1)).toBeNull();
  });
});

describe('impossible values', () => {
  const check = { min: 0, max: 100 };
  it('refuses a share above 100 % and a negative count', () => {
    expect(breach(100.5, check, 10)).toBe('max');
    expect(breach(-1, { min: 0 }, 10)).toBe('min');
    expect(breach(100, check, 10)).toBeNull();
  });

  it('accepts 0 inhabitants only where the legal population is 0', () => {
    const zero = { min: 0, zeroOnlyBelowLegalPopulation: 1 };
    expect(breach(0, zero, 0)).toBeNull(); // a « village mort pour la France »
    expect(breach(0, zero, 5192)).toBe('zero'); // Acoua, Mayotte: not in RP 2021
  });

  it('sets refused values to missing, marks them and lists them', () => {
    const territories = new Map<string, MatchedTerritory>([
      ['97601', { code: '97601', values: { pop: 0, births: 163 }, sourceCodes: ['97601'] }],
      ['55050', { code: '55050', values: { pop: 0, births: 0 }, sourceCodes: ['55050'] }],
      ['01001', { code: '01001', values: { pop: 832, births: -3 }, sourceCodes: ['01001'] }],
    ]);
    const legal = new Map([['97601', 5192], ['55050', 0], ['01001', 859]]);
    const refused = refuseImpossibleValues(territories, { pop: { min: 0, zeroOnlyBelowLegalPopulation: 1 }, births: { min: 0 } }, (c) => legal.get(c) ?? null);
    expect(refused).toEqual([
      { code: '01001', field: 'births', value: -3, rule: 'min' },
      { code: '97601', field: 'pop', value: 0, rule: 'zero' },
    ]);
    expect(territories.get('97601')!.values.pop).toBeNull();
    expect(territories.get('97601')!.absent).toEqual({ pop: 'refused' });
    expect(territories.get('55050')!.values.pop).toBe(0);
  });

  it('merges the checks of several indicators: the strictest bound wins', () => {
    const a = { ...INDICATORS[0]!, checks: { x: { min: 0 } } };
    const b = { ...INDICATORS[0]!, checks: { x: { max: 100, zeroOnlyBelowLegalPopulation: 50 } } };
    expect(mergeChecks([a, b])).toEqual({ x: { min: 0, max: 100, zeroOnlyBelowLegalPopulation: 50 } });
  });
});

describe('three kinds of absence', () => {
  it('encodes the kinds compactly and reads them back, with their counts', () => {
    const kinds = new Map<string, AbsenceKind>([
      ['a', 'secret'],
      ['b', 'secret'],
      ['c', 'uncovered'],
      ['d', 'notComputable'],
    ]);
    const absence = encodeAbsence(kinds)!;
    expect(absence).toEqual({ default: 'secret', uncovered: ['c'], notComputable: ['d'] });
    const level = { values: { a: null, b: null, c: null, d: null, e: 3 }, absence };
    expect(['a', 'b', 'c', 'd', 'e'].map((c) => absenceOf(level, c))).toEqual(['secret', 'secret', 'uncovered', 'notComputable', null]);
    expect(absenceCounts(level)).toEqual({ secret: 2, uncovered: 1, notComputable: 1 });
    // The same counts from the number of missing codes and the codes the block lists.
    const missingAmong = (codes: string[]) => (code: string) => codes.includes(code);
    expect(absenceCountsOfLevel(level, 4, missingAmong(['a', 'b', 'c', 'd']))).toEqual(absenceCounts(level));
    // A code the file lacks ('z'): the default kind; a listed code that is not missing ('d') is not counted.
    expect(absenceCountsOfLevel(level, 2, missingAmong(['c', 'z']))).toEqual({ secret: 1, uncovered: 1, notComputable: 0 });
    expect(absenceCountsOfLevel(level, 1, missingAmong(['z']))).toEqual(absenceCounts(level, ['z']));
    expect(absenceCountsOfLevel({}, 2, missingAmong(['a', 'b']))).toEqual({ secret: 0, uncovered: 2, notComputable: 0 });
    // A code listed under two kinds counts once, under the first kind (as absenceOf reads it).
    const twice = { values: { a: null, b: null }, absence: { default: 'uncovered' as const, secret: ['a'], notComputable: ['a', 'b'] } };
    expect(absenceCountsOfLevel(twice, 2, missingAmong(['a', 'b']))).toEqual(absenceCounts(twice));
    expect(absenceCounts(twice)).toEqual({ secret: 1, uncovered: 0, notComputable: 1 });
    // No level at all: not covered, as absenceOf says.
    expect(absenceCountsOfLevel(undefined, 1, missingAmong(['a']))).toEqual({ secret: 0, uncovered: 1, notComputable: 0 });
    expect(absenceOf(undefined, 'a')).toBe('uncovered');
  });

  it('an aggregate whose members all lack a value for one reason keeps that reason, otherwise it is not computable', () => {
    expect(aggregateAbsence(0, ['uncovered', 'uncovered'])).toBe('uncovered');
    expect(aggregateAbsence(0, ['secret', 'uncovered'])).toBe('notComputable');
    expect(aggregateAbsence(0.6, ['secret'])).toBe('notComputable');
  });

  it('a native value: secret cell, not in the source, refused, or a zero denominator', () => {
    const def = INDICATORS.find((d) => d.id === 'taux_natalite_2022')!;
    const t = (values: Record<string, number | null>, absent?: MatchedTerritory['absent']): MatchedTerritory => ({
      code: 'x',
      values,
      sourceCodes: ['x'],
      ...(absent ? { absent } : {}),
    });
    expect(nativeAbsence(def, undefined)).toBe('uncovered');
    expect(nativeAbsence(def, t({ naissances_2022: null, population_2021: 10 }, { naissances_2022: 'secret' }))).toBe('secret');
    expect(nativeAbsence(def, t({ naissances_2022: 163, population_2021: null }, { population_2021: 'refused' }))).toBe('uncovered');
    expect(nativeAbsence(def, t({ naissances_2022: 0, population_2021: 0 }))).toBe('notComputable');
  });
});

describe('poverty rate estimate', () => {
  // [rate %, persons, BV rate %]
  it('sum/sum over the covered communes when they hold at least 80 % of the persons', () => {
    // 20 % of 1,000 + 10 % of 3,000 = 500 poor / 4,000 = 12.5 %; the uncovered commune holds 500 of 4,500 (11 %).
    const e = estimatePovertyRate([
      { components: [20, 1000, 15], legalPopulation: 1000 },
      { components: [10, 3000, 15], legalPopulation: 3000 },
      { components: [null, 500, 15], legalPopulation: 500 },
    ]);
    expect(e.method).toBe('communes');
    expect(e.value).toBeCloseTo(12.5, 10);
    expect(e.communeShare).toBeCloseTo(4000 / 4500, 10);
  });

  it('below the declared share: each commune takes its bassin de vie rate, weighted by persons', () => {
    // Covered: 1,000 of 3,000 persons. BV estimate: (15 × 1,000 + 15 × 1,500 + 9 × 500) / 3,000 = 14 %.
    const e = estimatePovertyRate([
      { components: [30, 1000, 15], legalPopulation: 1000 },
      { components: [null, 1500, 15], legalPopulation: 1500 },
      { components: [null, null, 9], legalPopulation: 500 }, // persons secret: legal population
    ]);
    expect(e.method).toBe('bv');
    expect(e.value).toBeCloseTo(14, 10);
    expect(e.communeShare).toBeCloseTo(1 / 3, 10);
  });

  it('no estimate when the bassins de vie with a rate hold too few persons; a perimeter goes through aggregatePerimeter', () => {
    expect(estimatePovertyRate([{ components: [null, 100, null], legalPopulation: 100 }]).value).toBeNull();
    const components = { a: [20, 1000, 15] as const, b: [10, 3000, 15] as const };
    const r = aggregatePerimeter('estimate', ['a', 'b'], components, () => 1);
    expect(r.value).toBeCloseTo(12.5, 10);
    expect(r.method).toBe('communes');
    expect(aggregate('estimate', []).value).toBeNull();
  });

  it('methods per territory encode compactly', () => {
    const block = encodeMethods(new Map([['a', 'bv'], ['b', 'bv'], ['c', 'communes']]))!;
    expect(block).toEqual({ default: 'bv', others: { communes: ['c'] } });
    const level = { values: { a: 1, b: 2, c: 3, d: null }, method: block };
    expect(['a', 'c', 'd'].map((c) => methodOf(level, c))).toEqual(['bv', 'communes', null]);
  });
});

describe('FDep-like deprivation index', () => {
  it('four perfectly correlated inputs: one axis holding all the variance, income negative', () => {
    // z-scores (divisor n) of [30, 20, 10] are [1.2247, 0, −1.2247]; the three others rise.
    const rows = new Map([
      ['A', { medianIncome: 30, manualWorkers: 10, lowEducation: 10, unemployment: 10 }],
      ['B', { medianIncome: 20, manualWorkers: 20, lowEducation: 20, unemployment: 20 }],
      ['C', { medianIncome: 10, manualWorkers: 30, lowEducation: 30, unemployment: 30 }],
    ]);
    const idx = computeDeprivationIndex(rows);
    expect(idx.varianceExplained).toBeCloseTo(1, 10);
    expect(idx.loadings.map((l) => Number(l.toFixed(6)))).toEqual([-0.5, 0.5, 0.5, 0.5]);
    // score = 0.5 × (1.2247 × 4) = 2.4495 for the most deprived.
    expect(idx.scores.get('C')).toBeCloseTo(Math.sqrt(6), 10);
    expect(idx.scores.get('A')).toBeCloseTo(-Math.sqrt(6), 10);
    expect(idx.scores.get('B')).toBeCloseTo(0, 10);
  });

  it('three correlated inputs and one independent: eigenvalue 3, 75 % of the variance, loadings 1/√3 and 0', () => {
    const rows = new Map([
      ['A', { medianIncome: 4, manualWorkers: 1, lowEducation: 10, unemployment: 1 }],
      ['B', { medianIncome: 3, manualWorkers: 2, lowEducation: 20, unemployment: -1 }],
      ['C', { medianIncome: 2, manualWorkers: 3, lowEducation: 30, unemployment: -1 }],
      ['D', { medianIncome: 1, manualWorkers: 4, lowEducation: 40, unemployment: 1 }],
    ]);
    const idx = computeDeprivationIndex(rows);
    expect(idx.eigenvalue).toBeCloseTo(3, 8);
    expect(idx.varianceExplained).toBeCloseTo(0.75, 8);
    const s = 1 / Math.sqrt(3);
    expect(idx.loadings[0]).toBeCloseTo(-s, 8);
    expect(idx.loadings[1]).toBeCloseTo(s, 8);
    expect(idx.loadings[2]).toBeCloseTo(s, 8);
    expect(idx.loadings[3]).toBeCloseTo(0, 8);
  });

  it('power iteration finds the leading eigenpair of a 2×2 matrix', () => {
    // [[2,1],[1,2]]: eigenvalues 3 and 1, leading vector (1,1)/√2.
    const { value, vector } = leadingEigen([[2, 1], [1, 2]]);
    expect(value).toBeCloseTo(3, 10);
    expect(Math.abs(vector[0]!)).toBeCloseTo(Math.SQRT1_2, 8);
  });

  it('population-weighted quintiles', () => {
    const items = [1, 2, 3, 4, 5].map((v) => ({ value: v, weight: 10 }));
    expect(weightedQuantileBreaks(items, 5)).toEqual([1, 2, 3, 4]);
    expect(quantileOf(4.5, [1, 2, 3, 4])).toBe(5);
    expect(quantileOf(1, [1, 2, 3, 4])).toBe(1);
    expect(quantileOf(null, [1, 2, 3, 4])).toBeNull();
  });
});

describe('units checked against national totals', () => {
  const check: UnitCheck = {
    sourceUnit: null,
    impliedUnit: 'pour 100 000 habitants',
    scale: 100_000,
    baseShare: 1,
    expected: { total: 21_000, what: 'orthophonistes', source: 's', url: 'u' },
    tolerance: [0.7, 1.5],
  };
  it('a density of 33 per 100,000 over 68 M inhabitants implies ~22,500; per 10,000 it would be ten times too many', () => {
    const implied = impliedNationalTotal(check, 33, 68_000_000);
    expect(implied).toBeCloseTo(22_440, 6);
    expect(withinOrderOfMagnitude(check, implied)).toBe(true);
    expect(withinOrderOfMagnitude(check, impliedNationalTotal({ ...check, scale: 10_000 }, 33, 68_000_000))).toBe(false);
  });
});
