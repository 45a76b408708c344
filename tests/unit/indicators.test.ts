import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { INDICATOR_SOURCES, INDICATORS, POPULATION_SOURCE_ID, type IndicatorDefinition } from '../../data/indicators.ts';
import { computeIndicator, mergeFieldRules } from '../../scripts/indicators/compute.ts';
import { stableStringify } from '../../scripts/lib/json-file.ts';
import type { TerritoryFrame } from '../../scripts/indicators/territories.ts';
import type { MatchedTerritory } from '../../src/lib/code-matching.ts';

const declared = (JSON.parse(readFileSync(path.join(import.meta.dirname, '..', '..', 'data', 'sources.json'), 'utf8')) as { sources: Array<{ id: string }> }).sources.map((s) => s.id);

describe('catalogue', () => {
  it('has unique ids and every source declared and read', () => {
    expect(new Set(INDICATORS.map((d) => d.id)).size).toBe(INDICATORS.length);
    for (const def of INDICATORS) {
      expect(declared).toContain(def.sourceId);
      if (def.sourceId !== POPULATION_SOURCE_ID) expect(INDICATOR_SOURCES.map((s) => s.id)).toContain(def.sourceId);
    }
  });
  it('explains every non-aggregable indicator, and ratios carry a scale', () => {
    for (const def of INDICATORS) {
      if (def.aggregation === 'none') expect(def.aggregationNote, def.id).toBeTruthy();
      if (def.aggregation === 'ratio') expect(def.reading.kind, def.id).toBe('ratio');
      if (def.reading.kind === 'ratio') expect(def.reading.scale).toBeGreaterThan(0);
    }
  });
});

// Three communes, two EPCI, one département: a small hand-computable frame.
const frame: TerritoryFrame = {
  communes: ['01001', '01002', '01003'],
  parentOfCommune: {
    epci: new Map([['01001', 'E1'], ['01002', 'E1'], ['01003', 'E2']]),
    bv: new Map([['01001', 'B1'], ['01002', 'B1'], ['01003', 'B1']]),
    departement: new Map([['01001', '01'], ['01002', '01'], ['01003', '01']]),
    region: new Map([['01001', '84'], ['01002', '84'], ['01003', '84']]),
  },
  codes: { commune: ['01001', '01002', '01003'], epci: ['E1', 'E2'], bv: ['B1'], departement: ['01'], region: ['84'] },
  regionOfDepartement: new Map([['01', '84']]),
  population: {
    commune: new Map([['01001', 100], ['01002', 300], ['01003', 600]]),
    epci: new Map([['E1', 400], ['E2', 600]]),
    bv: new Map([['B1', 1000]]),
    departement: new Map([['01', 1000]]),
    region: new Map([['84', 1000]]),
  },
};
const territories = (rows: Record<string, Record<string, number | null>>) =>
  new Map(Object.entries(rows).map(([code, values]): [string, MatchedTerritory] => [code, { code, values, sourceCodes: [code] }]));

const base = { label: 'x', definition: 'x', theme: 'population', unit: '%', decimals: 1, sourceId: 's', polarity: 'neutral', nativeLevel: 'commune', vintage: '2021' } as const;

describe('computeIndicator', () => {
  it('ratio: sum/sum at every level, components kept for custom perimeters', () => {
    const def: IndicatorDefinition = { ...base, id: 'chomage', reading: { kind: 'ratio', numerator: 'c', denominator: 'a', scale: 100 }, aggregation: 'ratio' };
    const out = computeIndicator(def, territories({ '01001': { c: 10, a: 100 }, '01002': { c: 90, a: 300 }, '01003': { c: 30, a: 600 } }), frame);
    expect(out.file.levels.commune!.values).toEqual({ '01001': 10, '01002': 30, '01003': 5 });
    expect(out.file.levels.epci!.values).toEqual({ E1: 25, E2: 5 });
    expect(out.file.france).toEqual({ value: 13, coverage: 1 });
    expect(out.file.components!['01002']).toEqual([90, 300]);
    expect(out.levels.region).toEqual({ available: true, territories: 1, withValue: 1 });
  });

  it('none: only at the native level, with a French reason elsewhere', () => {
    const def: IndicatorDefinition = { ...base, id: 'med', reading: { kind: 'value', column: 'm' }, aggregation: 'none', aggregationNote: 'une médiane ne se combine pas' };
    const out = computeIndicator(def, territories({ '01001': { m: 20000 }, '01002': { m: null } }), frame);
    expect(out.file.levels.commune!.values).toEqual({ '01001': 20000, '01002': null, '01003': null });
    expect(out.file.levels.epci).toBeUndefined();
    expect(out.levels.epci).toMatchObject({ available: false });
    expect((out.levels.france as { reason: string }).reason).toMatch(/médiane/);
    expect(out.file.components).toBeUndefined();
  });

  it('count with a missing commune: coverage recorded, value withheld below 98 %', () => {
    const def: IndicatorDefinition = { ...base, id: 'n', reading: { kind: 'value', column: 'n' }, aggregation: 'count', decimals: 0 };
    const out = computeIndicator(def, territories({ '01001': { n: 1 }, '01002': { n: 2 } }), frame);
    expect(out.file.levels.epci!.values).toEqual({ E1: 3, E2: null });
    expect(out.file.france).toEqual({ value: null, coverage: 0.4, absence: 'notComputable' });
  });

  it('BV-native: no commune, EPCI or département value; France by population weight', () => {
    const def: IndicatorDefinition = { ...base, id: 'p75', nativeLevel: 'bv', reading: { kind: 'weightedMean', column: 'p', weight: { population: true } }, aggregation: 'weightedMean' };
    const out = computeIndicator(def, territories({ B1: { p: 9.5 } }), frame);
    expect(out.file.levels.bv!.values).toEqual({ B1: 9.5 });
    expect(out.levels.commune.available).toBe(false);
    expect(out.levels.departement).toMatchObject({ available: false, reason: expect.stringMatching(/emboîtent/) });
    expect(out.file.france!.value).toBe(9.5);
  });

  it('merges field rules: a column summed by one indicator and kept whole by another is not merged', () => {
    const a: IndicatorDefinition = { ...base, id: 'a', reading: { kind: 'value', column: 'x' }, aggregation: 'count' };
    const b: IndicatorDefinition = { ...base, id: 'b', reading: { kind: 'value', column: 'x' }, aggregation: 'none', aggregationNote: 'n' };
    expect(mergeFieldRules([a, b])).toEqual({ x: { kind: 'none' } });
  });
});

describe('stableStringify', () => {
  it('sorts keys, integer-like ones included', () => {
    expect(stableStringify({ '75056': 1, '01001': 2, b: [{ z: 1, a: null }] })).toBe('{"01001":2,"75056":1,"b":[{"a":null,"z":1}]}');
  });
});
