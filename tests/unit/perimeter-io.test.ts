import { describe, expect, it } from 'vitest';
import {
  decodePerimeterCodes,
  encodePerimeterCodes,
  parseCodeList,
  perimeterToCsv,
  perimeterToGeoJson,
} from '../../src/perimeter/perimeter-io.ts';

const communes = new Set(['01001', '01165', '2A004', '77131', '77132', '77133', '97411', '75056', '14027', '14712']);
// 01003 merged into 01165 ; 14999 split between two communes (made up for the test).
const passage = new Map<string, string[]>([
  ['01003', ['01165']],
  ['01013', ['01165']],
  ['14999', ['14027', '14712']],
]);

describe('parseCodeList', () => {
  it('reads any separators, reports unknown codes and moves old codes forward', () => {
    const text = '77131; 77132,1001\n2a004\t01003 99999 01013\r\n77131 ; 75108';
    const result = parseCodeList(text, { communes, passage });
    expect(result.communes).toEqual(['01001', '01165', '2A004', '75056', '77131', '77132']);
    expect(result.unknown).toEqual(['99999']);
    expect(result.moved).toEqual([
      { from: '01003', to: ['01165'] },
      { from: '01013', to: ['01165'] },
    ]);
    expect(result.arrondissements).toEqual([{ from: '75108', to: '75056' }]);
    expect(result.duplicates).toEqual(['77131']);
  });

  it('takes every commune of a split old commune', () => {
    const result = parseCodeList('14999', { communes, passage });
    expect(result.communes).toEqual(['14027', '14712']);
    expect(result.moved).toEqual([{ from: '14999', to: ['14027', '14712'] }]);
  });

  it('ignores commune names and headers of a CSV, and long numbers (SIREN)', () => {
    const csv = '\uFEFFcode_insee;nom;population;epci_siren\r\n77131;Coulommiers;15112;200090504\r\n2A004;Ajaccio;;\r\n';
    const result = parseCodeList(csv, { communes, passage });
    expect(result.communes).toEqual(['2A004', '77131']);
    expect(result.unknown).toEqual(['15112']);
  });

  it('reads back its own GeoJSON export', () => {
    const geojson = JSON.stringify(perimeterToGeoJson(null, { name: 'Test', communes: ['77131', '2A004'] }));
    expect(parseCodeList(geojson, { communes }).communes).toEqual(['2A004', '77131']);
  });
});

describe('exports', () => {
  it('writes a CSV with codes as text, BOM and ; separator', () => {
    const csv = perimeterToCsv([
      { code: '2A004', name: 'Ajaccio', population: 73000 },
      { code: '01001', name: "L'Abergement; test", population: null },
    ]);
    expect(csv.startsWith('\uFEFFcode_insee;nom;population')).toBe(true);
    const lines = csv.trim().split('\r\n');
    expect(lines[1]).toBe('01001;"L\'Abergement; test";;;');
    expect(lines[2]).toBe('2A004;Ajaccio;73000;;');
  });
});

describe('compact URL encoding', () => {
  it('round-trips Corsica, DROM and ranges', () => {
    const codes = ['01001', '2A004', '2B033', '77131', '77132', '77133', '77136', '97411', '97611'];
    const encoded = encodePerimeterCodes(codes);
    expect(encoded).toMatch(/^[0-9A-Za-z._!-]+$/);
    expect(decodePerimeterCodes(encoded)).toEqual(codes);
  });

  it('uses a bitset for dense départements and stays short', () => {
    const codes = Array.from({ length: 400 }, (_, i) => `77${String(i + 1).padStart(3, '0')}`).filter((_, i) => i % 3 !== 0);
    const encoded = encodePerimeterCodes(codes);
    expect(encoded.startsWith('77!')).toBe(true);
    expect(encoded.length).toBeLessThan(80);
    expect(decodePerimeterCodes(encoded)).toEqual(codes);
  });

  it('rejects garbage', () => {
    expect(decodePerimeterCodes('77.zzz')).toBeUndefined();
    expect(decodePerimeterCodes('xx.0a')).toBeUndefined();
    expect(decodePerimeterCodes('974.zz')).toBeUndefined();
    expect(decodePerimeterCodes('')).toEqual([]);
  });
});
