import { describe, expect, it } from 'vitest';
import { matchRows, resolveCode, ROW_OUTCOMES, type FieldMerge, type MatchReference, type SourceRow } from '../../src/lib/code-matching.ts';
import { parseNumber } from '../../src/lib/number-parse.ts';

const reference: MatchReference = {
  level: 'commune',
  codes: new Set(['01001', '01004', '2A004', '75056', '69123', '14666', '49092']),
  // 14654 and 14712 merged into 14666; 49999 split between two communes.
  passage: new Map([
    ['14654', ['14666']],
    ['14712', ['14666']],
    ['49999', ['49092', '01004']],
  ]),
};

const row = (code: string, cells: Record<string, string>): SourceRow => ({
  code,
  values: Object.fromEntries(Object.entries(cells).map(([k, v]) => [k, parseNumber(v)])),
});
const countFields: Record<string, FieldMerge> = { n: { kind: 'sum' } };

describe('resolveCode', () => {
  it('pads lost zeros and accepts lower-case Corsica', () => {
    expect(resolveCode('1001', reference)).toMatchObject({ ok: true, code: '01001' });
    expect(resolveCode('2a004', reference)).toMatchObject({ ok: true, code: '2A004' });
  });
  it('rolls arrondissements up into Paris / Lyon', () => {
    expect(resolveCode('75112', reference)).toMatchObject({ ok: true, code: '75056', remappedFrom: { why: 'arrondissement' } });
    expect(resolveCode('69385', reference)).toMatchObject({ ok: true, code: '69123' });
  });
  it('moves old codes forward and refuses to invent for a split', () => {
    expect(resolveCode('14654', reference)).toMatchObject({ ok: true, code: '14666', remappedFrom: { why: 'passage' } });
    expect(resolveCode('49999', reference)).toMatchObject({ ok: false, reason: 'split', targets: ['01004', '49092'] });
    expect(resolveCode('88999', reference)).toMatchObject({ ok: false, reason: 'unknown' });
    expect(resolveCode('abc', reference)).toMatchObject({ ok: false, reason: 'invalid' });
  });
});

describe('matchRows', () => {
  it('sums counts of arrondissements and merged communes, and the outcomes add up', () => {
    const rows = [
      row('01001', { n: '10' }),
      row('75101', { n: '100' }),
      row('75102', { n: '50' }),
      row('14654', { n: '3' }),
      row('14712', { n: '4' }),
      row('01001', { n: '11' }), // conflicting duplicate
      row('88999', { n: '1' }),
      row('49999', { n: '1' }),
      row('01004', { n: 's' }),
      row('2A004', { n: '1,2,3' }),
    ];
    const { territories, report } = matchRows(rows, reference, countFields);
    expect(territories.get('75056')!.values.n).toBe(150);
    expect(territories.get('14666')!.values.n).toBe(7);
    expect(territories.get('01001')!.values.n).toBe(10);
    expect(territories.get('01004')!.values.n).toBeNull();
    expect(report.outcomes).toEqual({ matched: 1, remapped: 4, unmatched: 2, duplicate: 1, unparsable: 1, missing: 1 });
    expect(ROW_OUTCOMES.reduce((s, o) => s + report.outcomes[o], 0)).toBe(rows.length);
    expect(report.unmatched.map((u) => `${u.code}:${u.reason}`)).toEqual(['49999:split', '88999:unknown']);
    // The first row is kept; the conflicting one is named with its values.
    expect(report.duplicates).toEqual([{ code: '01001', conflicting: true, kept: { n: 10 }, ignored: [{ n: 11 }] }]);
    expect(report.unparsableCells).toEqual([{ code: '2A004', field: 'n', raw: '1,2,3' }]);
  });

  it('flags a median instead of averaging two merged rows', () => {
    const fields: Record<string, FieldMerge> = { med: { kind: 'none' } };
    const { territories, report } = matchRows([row('14654', { med: '20000' }), row('14712', { med: '22000' })], reference, fields);
    expect(territories.get('14666')!.values.med).toBeNull();
    expect(report.mergeFlags).toEqual([{ code: '14666', field: 'med', reason: 'not-mergeable' }]);
  });

  it('recomputes a weighted mean from the weights when rows merge', () => {
    const fields: Record<string, FieldMerge> = { apl: { kind: 'weightedMean', weightField: 'w' }, w: { kind: 'sum' } };
    const { territories } = matchRows([row('75101', { apl: '2', w: '100' }), row('75102', { apl: '5', w: '300' })], reference, fields);
    expect(territories.get('75056')!.values).toEqual({ apl: 4.25, w: 400 });
  });

  it("keeps a commune's own row when the source also lists its arrondissements", () => {
    const { territories, report } = matchRows([row('75056', { n: '7' }), row('75101', { n: '3' })], reference, countFields);
    expect(territories.get('75056')!.values.n).toBe(7);
    expect(report.duplicates).toEqual([{ code: '75101', conflicting: false, supersededBy: '75056' }]);
  });

  it('matches EPCI SIREN and lists unknown ones', () => {
    const epci: MatchReference = { level: 'epci', codes: new Set(['200000172']) };
    const { report } = matchRows([row('200000172', { n: '1' }), row('200035459', { n: '1' })], epci, countFields);
    expect(report.outcomes.matched).toBe(1);
    expect(report.unmatched).toEqual([{ code: '200035459', reason: 'unknown' }]);
  });
});
