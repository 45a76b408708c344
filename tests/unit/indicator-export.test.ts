import { describe, expect, it } from 'vitest';
import { excelNumber, exportFileName, indicatorCsv } from '../../src/indicators/export-csv.ts';

describe('indicatorCsv', () => {
  const classification = { breaks: [0, 10, 20], labels: ['0 – 10', '10 – 20'] };

  it('writes UTF-8 BOM, ";" separators, decimal commas, CRLF, rows sorted by code, codes kept as text', () => {
    const csv = indicatorCsv(
      [
        { code: '2A004', name: 'Ajaccio', value: 12.5 },
        { code: '01001', name: "L'Abergement-Clémenciat", value: 3 },
        { code: '97611', name: 'Mamoudzou', value: null, absence: 'non couvert par la source' },
        { code: '01002', name: 'Estimé', value: 14.2049, method: 'estimation : taux du bassin de vie' },
      ],
      classification,
    );
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      'code;nom;valeur;classe;intervalle;absence;methode',
      "01001;L'Abergement-Clémenciat;3;1;0 – 10;;",
      '01002;Estimé;14,2049;2;10 – 20;;estimation : taux du bassin de vie',
      '2A004;Ajaccio;12,5;2;10 – 20;;',
      '97611;Mamoudzou;;;;non couvert par la source;',
      '',
    ]);
  });

  it('quotes names holding a separator or a quote', () => {
    const csv = indicatorCsv([{ code: '75056', name: 'Paris; "capitale"', value: 1 }], classification);
    expect(csv).toContain('75056;"Paris; ""capitale""";1;1;0 – 10;;');
  });

  it('formats numbers for French Excel, without thousands separators', () => {
    expect(excelNumber(1234567.891)).toBe('1234567,891');
    // Full precision: the exact value an estimate keeps is not cut at 6 decimals.
    expect(excelNumber(3.2949612345)).toBe('3,2949612345');
    expect(excelNumber(-0.5)).toBe('-0,5');
    expect(excelNumber(null)).toBe('');
    expect(excelNumber(Number.NaN)).toBe('');
  });

  it('names the file after the indicator and the level', () => {
    expect(exportFileName('byo:Mes données é', 'epci')).toBe('cls-atlas_byo-mes-donnees-e_epci.csv');
  });
});
