import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBytes, detectDelimiter, detectHeaderRow, readCsv } from '../../src/lib/csv.ts';
import { isMissingMarker, numberOrNull, parseNumber } from '../../src/lib/number-parse.ts';

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'csv', name));

describe('readCsv on awkward files', () => {
  it('decodes Latin-1 (Windows-1252) with `;` and decimal commas', () => {
    const t = readCsv(fixture('latin1-semicolon.csv'));
    expect(t.encoding).toBe('windows-1252');
    expect(t.delimiter).toBe(';');
    expect(t.headers).toEqual(['Code', 'Libellé', 'Médiane', 'Taux']);
    expect(t.rows[0]!['Libellé']).toBe("L'Abergement-Clémenciat");
    expect(t.rows[1]!.Code).toBe('2A004');
    expect(numberOrNull(t.rows[0]!['Médiane'])).toBe(25820);
    expect(numberOrNull(t.rows[0]!.Taux)).toBe(12.5);
    expect(numberOrNull(t.rows[1]!.Taux)).toBeNull();
  });

  it('strips a UTF-8 BOM and finds the header on line 3 below metadata lines', () => {
    const t = readCsv(fixture('utf8-bom-metadata.csv'));
    expect(t.encoding).toBe('utf-8');
    expect(t.hadBom).toBe(true);
    expect(t.headerRow).toBe(3);
    expect(t.metadataLines[0]).toMatch(/^CartoSanté/);
    expect(t.headers[0]).toBe('Code');
    expect(t.rows).toHaveLength(3);
    expect(parseNumber(t.rows[0]!['Part des bénéf. en ALD dans la pop 2024']).kind).toBe('missing');
    expect(parseNumber(t.rows[2]!['Part des bénéf. en ALD dans la pop 2024']).kind).toBe('missing');
  });

  it('accepts a declared header row', () => {
    const t = readCsv(fixture('utf8-bom-metadata.csv'), { headerRow: 3, delimiter: ';' });
    expect(t.headers[2]).toBe('Densité de généralistes lib. 2024');
  });

  it('keeps quoted separators, ignores trailing blank lines, keeps codes as strings', () => {
    const t = readCsv(fixture('quoted-comma.csv'));
    expect(t.delimiter).toBe(',');
    expect(t.rows).toHaveLength(3);
    expect(t.rows[0]!.name).toBe("Abergement, L'");
    expect(t.rows[0]!.note).toBe('a "quoted" note, with comma');
    expect(t.rows[1]!.code).toBe('1002');
    expect(numberOrNull(t.rows[2]!.population)).toBe(1234.5);
    expect(numberOrNull(t.rows[2]!.note)).toBeNull();
  });

  it('reads tabs, nbsp and narrow nbsp thousands separators', () => {
    const t = readCsv(fixture('tab-nbsp.tsv'));
    expect(t.delimiter).toBe('\t');
    expect(t.rows.map((r) => numberOrNull(r.valeur))).toEqual([1234.5, 12000, -16.2]);
    expect(t.rows.every((r) => numberOrNull(r.secret) === null)).toBe(true);
  });

  it('turns every secret / missing marker into missing, never 0', () => {
    const t = readCsv(fixture('secret-markers.csv'));
    const kinds = t.rows.map((r) => parseNumber(r.V).kind);
    expect(kinds.slice(0, 9)).toEqual(Array(9).fill('missing'));
    expect(parseNumber(t.rows[9]!.V)).toEqual({ kind: 'value', value: 0 });
    expect(kinds[10]).toBe('unparsable');
  });
});

describe('building blocks', () => {
  it('falls back to Windows-1252 only when the bytes are not valid UTF-8', () => {
    expect(decodeBytes(new TextEncoder().encode('é')).encoding).toBe('utf-8');
    expect(decodeBytes(new Uint8Array([0xe9])).text).toBe('é');
  });

  it('prefers `;` over a decimal comma', () => {
    expect(detectDelimiter('a;b;c\n1,5;2;3\n2;3,25;4\n')).toBe(';');
    expect(detectHeaderRow('titre; ;\nCode;Nom;V\n01001;A;1\n', ';')).toBe(2);
  });

  it('parses French numbers', () => {
    expect(numberOrNull('1 234,5')).toBe(1234.5);
    expect(numberOrNull('1.234,5')).toBe(1234.5);
    expect(numberOrNull('1,234.5')).toBe(1234.5);
    expect(numberOrNull('-16,2')).toBe(-16.2);
    expect(numberOrNull('3.34')).toBe(3.34);
    expect(numberOrNull('12,5 %')).toBe(12.5);
    expect(isMissingMarker('N/A - résultat non disponible')).toBe(true);
    expect(isMissingMarker('Nantes')).toBe(false);
  });
});

describe('readCsv strict (build inputs)', () => {
  it('throws on a line with a different number of fields instead of warning', () => {
    expect(() => readCsv('a,b\n1,2\n3\n', { headerRow: 1, strict: true })).toThrow(/row 1/);
    expect(readCsv('a,b\n1,2\n3\n', { headerRow: 1 }).rows).toHaveLength(2);
  });
  it('reads a well-formed table the same as the tolerant reader', () => {
    const text = '"DEPCOM","NOM"\n"01001","L\'Abergement"\n';
    expect(readCsv(text, { headerRow: 1, strict: true }).rows).toEqual([{ DEPCOM: '01001', NOM: "L'Abergement" }]);
  });
});
