import { describe, expect, it } from 'vitest';
import { ColumnarRecords, isRecordColumns, toColumns } from '../../src/lib/record-columns.ts';

interface Row {
  code: string;
  name: string;
  population: number | null;
  parents: Record<string, string>;
  bbox: number[];
  postcodes?: string[];
  noEpci?: boolean;
}

const rows: Row[] = [
  { code: '01001', name: "L'Abergement", population: 860, parents: { epci: '200069193', departement: '01' }, bbox: [4.9, 46.1, 4.95, 46.18], postcodes: ['01400'] },
  { code: '97611', name: 'Mamoudzou', population: null, parents: { departement: '976' }, bbox: [45.1, -12.8, 45.2, -12.7], noEpci: true },
  { code: '75056', name: 'Paris', population: 2113705, parents: {}, bbox: [2.22, 48.81, 2.47, 48.91], postcodes: [] },
];

describe('record columns', () => {
  it('round-trips records: a null value stays null, an absent field stays absent, nested objects and lists kept', () => {
    const columns = toColumns(rows);
    expect(isRecordColumns(JSON.parse(JSON.stringify(columns)))).toBe(true);
    const back = new ColumnarRecords<Row>(JSON.parse(JSON.stringify(columns)), 'code');
    expect([...back.values()]).toEqual(rows);
    expect(back.get('97611')).toEqual(rows[1]);
    expect('postcodes' in back.get('97611')!).toBe(false);
    expect(back.get('97611')!.population).toBeNull();
    expect(back.get('75056')!.parents).toEqual({});
  });

  it('behaves as a read-only map in file order, building each record once', () => {
    const map = new ColumnarRecords<Row>(toColumns(rows), 'code');
    expect(map.size).toBe(3);
    expect(map.has('75056')).toBe(true);
    expect(map.has('75')).toBe(false);
    expect(map.get('nope')).toBeUndefined();
    expect([...map.keys()]).toEqual(['01001', '97611', '75056']);
    expect([...map].map(([k, r]) => `${k}:${r.name}`)).toEqual(["01001:L'Abergement", '97611:Mamoudzou', '75056:Paris']);
    expect(map.get('01001')).toBe(map.get('01001'));
    const seen: string[] = [];
    map.forEach((r, k) => seen.push(k + r.code));
    expect(seen).toEqual(['0100101001', '9761197611', '7505675056']);
  });

  it('stores one array per field (what makes it fast to parse)', () => {
    const { columns, always, nested } = toColumns(rows);
    expect(columns.code).toEqual(['01001', '97611', '75056']);
    expect(columns['parents.epci']).toEqual(['200069193', null, null]);
    expect(nested).toEqual(['parents']);
    expect(always).toEqual(['bbox', 'code', 'name', 'parents', 'population']);
    expect(() => new ColumnarRecords(toColumns(rows), 'siren')).toThrow(/siren/);
    expect(isRecordColumns({ territories: [] })).toBe(false);
  });
});
