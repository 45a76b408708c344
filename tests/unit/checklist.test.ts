import { describe, expect, it } from 'vitest';
import {
  DEFAULT_THRESHOLDS,
  evaluateChecklist,
  ruleCareOffer,
  ruleCriticalMass,
  ruleDeprivation,
  ruleEpciLevel,
  ruleNoContract,
  rulePriorityZones,
  sanitiseThresholds,
  type ChecklistInput,
} from '../../src/portrait/checklist.ts';
import { buildIndicatorFigure, summariseZones, type ContractsSituation, type PortraitIndicatorDef } from '../../src/portrait/portrait-model.ts';

const noContract: ContractsSituation = { available: true, coverage: 'none', contracts: [], neighbours: [] };

function figure(def: PortraitIndicatorDef, value: number | null, depValue: number | null, regValue: number | null) {
  return buildIndicatorFigure({
    def,
    value,
    peers: null,
    references: [
      { scope: 'departement', code: '77', name: 'Seine-et-Marne', value: depValue },
      { scope: 'region', code: '11', name: 'Île-de-France', value: regValue },
      { scope: 'france', code: 'france', name: 'France', value: 3 },
    ],
  });
}
const apl: PortraitIndicatorDef = { id: 'apl', label: 'APL', theme: 'offre', polarity: 'higher-better', unit: '' };
const poverty: PortraitIndicatorDef = { id: 'pov', label: 'Taux de pauvreté', theme: 'precarite', polarity: 'higher-worse', unit: '%' };

function input(over: Partial<ChecklistInput> = {}): ChecklistInput {
  return {
    level: 'commune',
    population: 15000,
    communes: 1,
    contracts: noContract,
    zones: summariseZones([{ code: '77131', population: 15000, isolatedRural: false, qpvCount: 1, frr: false }]),
    indicators: [],
    epci: { code: '200090504', name: 'CA Coulommiers Pays de Brie', population: 60000 },
    ...over,
  };
}

describe('no existing contract', () => {
  it('passes without a contract, fails when covered or partly covered', () => {
    expect(ruleNoContract(input()).status).toBe('pass');
    const c = { name: 'CLS', status: 'signé', active: true, id: 'x', signatureDate: null, period: null, sourceUrl: null, communesCovered: 1 };
    expect(ruleNoContract(input({ contracts: { ...noContract, coverage: 'covered', contracts: [c] } })).status).toBe('fail');
    expect(ruleNoContract(input({ contracts: { ...noContract, coverage: 'partial', contracts: [c] } })).status).toBe('fail');
  });
  it('reports missing data when the contracts could not be loaded', () => {
    expect(ruleNoContract(input({ contracts: { ...noContract, available: false } })).status).toBe('missing');
  });
});

describe('priority zones', () => {
  it('passes with a QPV commune, fails without any zone', () => {
    expect(rulePriorityZones(input(), DEFAULT_THRESHOLDS).status).toBe('pass');
    const none = summariseZones([{ code: '1', population: 1, isolatedRural: false, qpvCount: 0, frr: false }]);
    expect(rulePriorityZones(input({ zones: none }), DEFAULT_THRESHOLDS).status).toBe('fail');
  });
  it('follows the adjustable minimum number of communes', () => {
    const t = { ...DEFAULT_THRESHOLDS, minPriorityCommunes: 2 };
    expect(rulePriorityZones(input(), t).status).toBe('fail');
  });
  it('reports missing data when zones are unknown', () => {
    expect(rulePriorityZones(input({ zones: summariseZones(null) }), DEFAULT_THRESHOLDS).status).toBe('missing');
    const unknown = summariseZones([{ code: '1', population: 1, isolatedRural: null, qpvCount: null, frr: null }]);
    expect(rulePriorityZones(input({ zones: unknown }), DEFAULT_THRESHOLDS).status).toBe('missing');
  });
  it('gives the counts per zone as evidence', () => {
    const ev = rulePriorityZones(input(), DEFAULT_THRESHOLDS).evidence;
    expect(ev).toContainEqual({ kind: 'zone', zone: 'qpv', communes: 1, population: 15000, total: 1 });
  });
});

describe('care offer and deprivation worse than the département / région (polarity-aware)', () => {
  it('a lower APL (higher is better) is worse', () => {
    const r = ruleCareOffer(input({ indicators: [figure(apl, 2.5, 3, 3.1)] }), DEFAULT_THRESHOLDS);
    expect(r.status).toBe('pass');
    expect(r.evidence[0]).toMatchObject({ kind: 'indicator', worse: true, value: 2.5 });
  });
  it('a higher APL is not worse', () => {
    expect(ruleCareOffer(input({ indicators: [figure(apl, 4, 3, 3.1)] }), DEFAULT_THRESHOLDS).status).toBe('fail');
  });
  it('a higher poverty rate (higher is worse) is worse', () => {
    expect(ruleDeprivation(input({ indicators: [figure(poverty, 20, 12, 15)] }), DEFAULT_THRESHOLDS).status).toBe('pass');
    expect(ruleDeprivation(input({ indicators: [figure(poverty, 10, 12, 15)] }), DEFAULT_THRESHOLDS).status).toBe('fail');
  });
  it('is worse than one reference only (région) is enough', () => {
    expect(ruleDeprivation(input({ indicators: [figure(poverty, 14, 16, 12)] }), DEFAULT_THRESHOLDS).status).toBe('pass');
  });
  it('ignores gaps under the adjustable minimum gap', () => {
    const f = figure(apl, 2.9, 3, 3); // −3.3 %
    expect(ruleCareOffer(input({ indicators: [f] }), DEFAULT_THRESHOLDS).status).toBe('fail');
    expect(ruleCareOffer(input({ indicators: [f] }), { ...DEFAULT_THRESHOLDS, minGapPct: 3 }).status).toBe('pass');
  });
  it('needs the adjustable number of worse indicators', () => {
    const inds = [figure(poverty, 20, 12, 15), figure({ ...poverty, id: 'p2' }, 10, 12, 15)];
    expect(ruleDeprivation(input({ indicators: inds }), { ...DEFAULT_THRESHOLDS, minWorseIndicators: 2 }).status).toBe('fail');
  });
  it('reports missing data without values or references', () => {
    expect(ruleCareOffer(input({ indicators: [] }), DEFAULT_THRESHOLDS).status).toBe('missing');
    expect(ruleCareOffer(input({ indicators: [figure(apl, null, 3, 3)] }), DEFAULT_THRESHOLDS).status).toBe('missing');
    expect(ruleCareOffer(input({ indicators: [figure(apl, 2, null, null)] }), DEFAULT_THRESHOLDS).status).toBe('missing');
  });
  it('ignores the France comparison (local references only)', () => {
    const f = figure(apl, 2, 2, 2); // France = 3
    expect(ruleCareOffer(input({ indicators: [f] }), DEFAULT_THRESHOLDS).status).toBe('fail');
  });
});

describe('critical mass', () => {
  it('passes over the population threshold, fails under it', () => {
    expect(ruleCriticalMass(input(), DEFAULT_THRESHOLDS).status).toBe('pass');
    expect(ruleCriticalMass(input({ population: 800 }), DEFAULT_THRESHOLDS).status).toBe('fail');
  });
  it('follows adjustable thresholds on population and communes', () => {
    expect(ruleCriticalMass(input(), { ...DEFAULT_THRESHOLDS, minPopulation: 20000 }).status).toBe('fail');
    expect(ruleCriticalMass(input(), { ...DEFAULT_THRESHOLDS, minCommunes: 5 }).status).toBe('fail');
  });
  it('reports missing population', () => {
    expect(ruleCriticalMass(input({ population: null }), DEFAULT_THRESHOLDS).status).toBe('missing');
  });
});

describe('EPCI level', () => {
  it('passes for an EPCI, fails for a commune with its EPCI as evidence', () => {
    expect(ruleEpciLevel(input({ level: 'epci' })).status).toBe('pass');
    const r = ruleEpciLevel(input());
    expect(r.status).toBe('fail');
    expect(r.evidence[0]).toMatchObject({ kind: 'level', epci: { code: '200090504' } });
  });
  it('passes for a perimeter equal to an EPCI, is missing without the data', () => {
    expect(ruleEpciLevel(input({ level: null, perimeterEpcis: { count: 1, matchesEpci: true } })).status).toBe('pass');
    expect(ruleEpciLevel(input({ level: null, perimeterEpcis: { count: 2, matchesEpci: false } })).status).toBe('fail');
    expect(ruleEpciLevel(input({ level: null })).status).toBe('missing');
  });
});

describe('evaluateChecklist and thresholds', () => {
  it('returns the six rules in order, with no score', () => {
    const r = evaluateChecklist(input());
    expect(r.map((x) => x.id)).toEqual(['no-contract', 'priority-zones', 'care-offer', 'deprivation', 'critical-mass', 'epci-level']);
    expect(r.every((x) => ['pass', 'fail', 'missing'].includes(x.status))).toBe(true);
  });
  it('sanitises user thresholds: clamps, accepts a decimal comma, falls back on garbage', () => {
    const t = sanitiseThresholds({ minGapPct: '2,5', minPopulation: -3, minCommunes: 'abc' });
    expect(t.minGapPct).toBe(2.5);
    expect(t.minPopulation).toBe(0);
    expect(t.minCommunes).toBe(DEFAULT_THRESHOLDS.minCommunes);
  });
});

describe('deprivation: poverty estimate and deprivation index, and which were used', () => {
  const fdep: PortraitIndicatorDef = { id: 'fdep', label: 'Indice de défavorisation', theme: 'precarite', polarity: 'higher-worse', unit: 'score' };
  const indexFigure = (value: number, quintile: number) =>
    buildIndicatorFigure({ def: fdep, value, peers: null, references: [{ scope: 'departement', code: '77', name: 'Seine-et-Marne', value: null }], quintile });

  it('an index in the most deprived fifth counts as unfavourable, with no département value needed', () => {
    const r = ruleDeprivation(input({ indicators: [indexFigure(1.2, 5)] }), DEFAULT_THRESHOLDS);
    expect(r.status).toBe('pass');
    expect(r.evidence.find((e) => e.kind === 'indicator')).toMatchObject({ quintile: 5, worse: true });
    expect(r.evidence.find((e) => e.kind === 'used')).toEqual({ kind: 'used', labels: ['Indice de défavorisation'] });
  });

  it('a lower quintile is known and not unfavourable; the rule says it judged on both indicators', () => {
    const r = ruleDeprivation(input({ indicators: [indexFigure(-0.3, 3), figure(poverty, 10, 12, 12)] }), DEFAULT_THRESHOLDS);
    expect(r.status).toBe('fail');
    expect(r.evidence.find((e) => e.kind === 'used')).toEqual({ kind: 'used', labels: ['Indice de défavorisation', 'Taux de pauvreté'] });
  });

  it('without comparable figures the rule says none was used', () => {
    const r = ruleDeprivation(input({ indicators: [figure(poverty, null, 12, 12)] }), DEFAULT_THRESHOLDS);
    expect(r.status).toBe('missing');
    expect(r.evidence.find((e) => e.kind === 'used')).toEqual({ kind: 'used', labels: [] });
  });
});
