import { describe, expect, it } from 'vitest';
import { matchRows, type MatchReference, type SourceRow } from '../../src/lib/code-matching.ts';
import { changeOf, changeValues } from '../../src/lib/series-format.ts';
import { aggregate } from '../../src/lib/aggregate.ts';

const v = (value: number) => ({ kind: 'value' as const, value });
const row = (code: string, apl: number, weight: number): SourceRow => ({ code, values: { apl: v(apl), w: v(weight) } });
const fields = { apl: { kind: 'weightedMean' as const, weightField: 'w' }, w: { kind: 'sum' as const } };

describe('change between two vintages', () => {
  it('difference and rate; missing stays missing', () => {
    expect(changeOf(3.5, 3, 'difference')).toBeCloseTo(-0.5, 12);
    expect(changeOf(4, 3, 'rate')).toBeCloseTo(-25, 12);
    expect(changeOf(null, 3, 'difference')).toBeNull();
    expect(changeOf(0, 3, 'rate')).toBeNull();
  });

  it('is computed on COG 2025 codes: merged communes re-averaged, a split code never guessed', () => {
    // COG 2025: 01001 absorbed 01002 (commune nouvelle); 01010 was split into 01011 and 01012.
    const reference: MatchReference = {
      level: 'commune',
      codes: new Set(['01001', '01003', '01011', '01012']),
      passage: new Map([
        ['01002', ['01001']],
        ['01010', ['01011', '01012']],
      ]),
    };
    // 2022 vintage, old geography: 01001 (APL 2, weight 100) and 01002 (APL 4, weight 300) are separate.
    const before = matchRows([row('01001', 2, 100), row('01002', 4, 300), row('01003', 2.5, 50), row('01010', 1, 80)], reference, fields);
    // 2023 vintage, already in COG 2025.
    const after = matchRows([row('01001', 3, 400), row('01003', 2.8, 50), row('01011', 1.5, 40), row('01012', 1.2, 40)], reference, fields);
    const values = (r: typeof before) => Object.fromEntries([...r.territories].map(([code, t]) => [code, t.values.apl ?? null]));
    const from = values(before);
    // (2 × 100 + 4 × 300) / 400 = 3.5 on the merged commune.
    expect(from['01001']).toBeCloseTo(3.5, 12);
    expect(before.report.unmatched.map((u) => u.code)).toEqual(['01010']);
    const change = changeValues(from, values(after), 'difference');
    expect(change['01001']).toBeCloseTo(-0.5, 12);
    expect(change['01003']).toBeCloseTo(0.3, 12);
    // The split commune has no 2022 value: its parts get no change rather than a guess.
    expect(change['01011']).toBeNull();
    expect(change['01012']).toBeNull();
  });

  it('at an aggregate level the change is the difference of each vintage aggregated, not a sum of changes', () => {
    // Two communes in one EPCI: APL 2 → 3 (weight 100) and 4 → 4 (weight 300).
    const agg = (a: number, b: number) =>
      aggregate('weightedMean', [
        { components: [a, 100], coverageWeight: 1 },
        { components: [b, 300], coverageWeight: 1 },
      ]).value;
    const change = changeOf(agg(2, 4), agg(3, 4), 'difference');
    // (3·100 + 4·300)/400 − (2·100 + 4·300)/400 = 3.75 − 3.5 = 0.25 (a sum of changes would give 1).
    expect(change).toBeCloseTo(0.25, 12);
  });
});
