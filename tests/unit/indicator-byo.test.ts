import { describe, expect, it } from 'vitest';
import { readCsv } from '../../src/lib/csv.ts';
import { buildCustomIndicator, guessCodeLevel, guessMapping, type ByoReference, type ByoTerritory } from '../../src/indicators/byo-import.ts';

// Three communes in two EPCI of one département, plus Paris.
const communes = new Map<string, ByoTerritory>([
  ['2A004', { parents: { epci: '242010056', bv: '2A004', departement: '2A', region: '94' }, population: 70_000 }],
  ['2A006', { parents: { epci: '242010056', bv: '2A004', departement: '2A', region: '94' }, population: 3_000 }],
  ['2A008', { parents: { epci: '200000000', bv: '2A008', departement: '2A', region: '94' }, population: 1_000 }],
  ['75056', { parents: { epci: '200054781', bv: '75056', departement: '75', region: '11' }, population: 2_100_000 }],
]);
const codesOf = (...codes: string[]) => new Map(codes.map((c) => [c, { parents: {}, population: null } as ByoTerritory]));
const reference: ByoReference = {
  indexes: {
    commune: communes,
    epci: new Map([
      ['242010056', { parents: { departement: '2A', region: '94' }, population: 73_000 }],
      ['200000000', { parents: { departement: '2A', region: '94' }, population: 1_000 }],
      ['200054781', { parents: { departement: '75', region: '11' }, population: 2_100_000 }],
    ]),
    bv: codesOf('2A004', '2A008', '75056'),
    departement: new Map([
      ['2A', { parents: { region: '94' }, population: 74_000 }],
      ['75', { parents: { region: '11' }, population: 2_100_000 }],
    ]),
    region: codesOf('94', '11'),
  },
  passage: new Map([['2A999', ['2A006']]]),
};

const CSV = [
  'Code;Nom;Médecins;Population',
  '2A004;Ajaccio;100;70000',
  '2A999;Ancien code;2;3000',
  '2A008;Albitreccia;s;1000',
  '75101;Paris 1er;10;20000',
  '75102;Paris 2e;30;20000',
  '99999;Inconnu;1;1',
  '12345;Inconnu 2;1;1',
].join('\r\n');

describe('guessMapping', () => {
  it('finds the code column, its level and the first numeric column', () => {
    const m = guessMapping(readCsv(CSV), 'medecins.csv');
    expect(m).toMatchObject({ codeColumn: 'Code', codeLevel: 'commune', valueColumn: 'Médecins', label: 'medecins' });
  });
  const sets = { commune: new Set(communes.keys()), epci: new Set(reference.indexes.epci!.keys()), departement: new Set(reference.indexes.departement!.keys()) };

  it('never takes « valeur » for the code column, even when no code is known and the values look like département codes', () => {
    const unknown = readCsv(['code;valeur', 'X1;2', 'X2;75', 'X3;12', 'X4;2'].join('\n'));
    expect(guessMapping(unknown, 'f.csv', sets)).toMatchObject({ codeColumn: 'code', valueColumn: 'valeur' });
    const shaped = readCsv(['code;valeur', '99999;2', '88888;75', '77777;1'].join('\n'));
    expect(guessMapping(shaped, 'f.csv', sets)).toMatchObject({ codeColumn: 'code', codeLevel: 'commune', valueColumn: 'valeur' });
  });

  it('picks the code column by match rate, not position, and its level from what matches', () => {
    // Two code-like columns: the first matches nothing, the second matches communes.
    const two = readCsv(['id_interne;code_insee;nb', '123;2A004;1', '456;75056;2', '789;2A008;3'].join('\n'));
    expect(guessMapping(two, 'f.csv', sets)).toMatchObject({ codeColumn: 'code_insee', codeLevel: 'commune', valueColumn: 'nb' });
    const unnamed = readCsv(['libellé;territoire;effectif', 'Ajaccio;2A;1', 'Paris;75;2'].join('\n'));
    expect(guessMapping(unnamed, 'f.csv', sets)).toMatchObject({ codeColumn: 'territoire', codeLevel: 'departement', valueColumn: 'effectif' });
    const epci = readCsv(['dep;siren;v', '2A;242010056;1', '75;200054781;2'].join('\n'));
    // Both columns match fully; the finer level wins the tie (an EPCI file with its département beside).
    expect(guessMapping(epci, 'f.csv', sets)).toMatchObject({ codeColumn: 'siren', codeLevel: 'epci' });
  });

  it('tells SIREN and département codes from commune codes', () => {
    expect(guessCodeLevel(['200054781', '242010056'])).toBe('epci');
    expect(guessCodeLevel(['01', '2A', '971'])).toBe('departement');
    expect(guessCodeLevel(['01001', '2A004'])).toBe('commune');
  });
});

describe('buildCustomIndicator', () => {
  const table = readCsv(CSV);
  const base = guessMapping(table, 'medecins.csv');

  it('matches codes (old codes, arrondissements), reports unknown ones, sums counts up the levels', () => {
    const r = buildCustomIndicator(table, { ...base, aggregation: 'count' }, reference, 'byo:1', 'medecins.csv');
    expect(r.unknownCodes).toEqual(['12345', '99999']);
    expect(r.matchedRows).toBe(4); // Ajaccio, old code, two arrondissements
    expect(r.report.outcomes.missing).toBe(1); // "s" stays missing, never 0
    expect(r.file.levels.commune!.values).toEqual({ '2A004': 100, '2A006': 2, '2A008': null, '75056': 40 });
    expect(r.file.levels.epci!.values['242010056']).toBe(102);
    // 2A covered at 73,000 / 74,000 inhabitants (≥ 98 %): summed; an EPCI whose only commune is secret: missing.
    expect(r.file.levels.departement!.values['2A']).toBe(102);
    expect(r.file.levels.epci!.values['200000000']).toBeNull();
    expect(r.entry.levels.commune).toEqual({ available: true, territories: 4, withValue: 3 });
    expect(r.entry.levels.departement.available).toBe(true);
  });

  it('aggregates a ratio as sum of numerators over sum of denominators', () => {
    const r = buildCustomIndicator(
      table,
      { ...base, mode: 'ratio', numeratorColumn: 'Médecins', denominatorColumn: 'Population', scale: 10_000 },
      reference,
      'byo:2',
      'medecins.csv',
    );
    expect(r.file.levels.commune!.values['75056']).toBeCloseTo((40 / 40_000) * 10_000);
    // 242010056 = Ajaccio (100 / 70,000) + 2A006 (2 / 3,000): sum/sum, not the mean of rates.
    expect(r.file.levels.epci!.values['242010056']).toBeCloseTo((102 / 73_000) * 10_000);
    expect(r.entry.aggregation).toBe('ratio');
  });

  it('keeps a non-additive value at its own level and says why elsewhere', () => {
    const r = buildCustomIndicator(table, { ...base, aggregation: 'none' }, reference, 'byo:3', 'medecins.csv');
    expect(r.file.levels.epci).toBeUndefined();
    expect(r.entry.levels.epci).toMatchObject({ available: false });
    expect((r.entry.levels.epci as { reason: string }).reason).toMatch(/Non agrégeable/);
    expect(r.entry.france).toBeNull();
  });

  it('does not invent values for levels EPCI do not nest in, nor finer ones', () => {
    const epciCsv = readCsv('siren,valeur\n242010056,5\n200054781,7\n');
    const m = guessMapping(epciCsv, 'epci.csv');
    expect(m.codeLevel).toBe('epci');
    const r = buildCustomIndicator(epciCsv, m, reference, 'byo:4', 'epci.csv');
    expect(r.entry.levels.commune.available).toBe(false);
    expect(r.entry.levels.departement.available).toBe(false);
    expect((r.entry.levels.departement as { reason: string }).reason).toMatch(/ne s'emboîtent pas/);
  });

  it('gives the same reason as the build: a non-additive EPCI value does not nest in départements', () => {
    const epciCsv = readCsv('siren,valeur\n242010056,5\n200054781,7\n');
    const r = buildCustomIndicator(epciCsv, { ...guessMapping(epciCsv, 'epci.csv'), aggregation: 'none' }, reference, 'byo:5', 'epci.csv');
    expect((r.entry.levels.departement as { reason: string }).reason).toMatch(/ne s'emboîtent pas/);
    expect((r.entry.levels.commune as { reason: string }).reason).toMatch(/pas de valeur plus fine/);
    expect(r.file.levels.epci!.values).toEqual({ '200000000': null, '200054781': 7, '242010056': 5 });
  });
});

describe('duplicate codes in an imported file', () => {
  it('names each conflicting code with the value kept (first row) and those set aside; identical repeats are listed apart', () => {
    const csv = ['Code;Valeur', '2A004;12,5', '2A008;3', '2A004;13', '2A008;3', '2A004;s'].join('\r\n');
    const table = readCsv(csv);
    const mapping = { ...guessMapping(table, 'doublons.csv'), aggregation: 'none' as const };
    const r = buildCustomIndicator(table, mapping, reference, 'byo:dup', 'doublons.csv');
    expect(r.report.outcomes.duplicate).toBe(3);
    expect(r.conflictingDuplicates).toEqual([{ code: '2A004', kept: '12,5', ignored: ['13', 'vide'] }]);
    expect(r.identicalDuplicates).toEqual(['2A008']);
    // The value kept is the first row's.
    expect(r.file.levels.commune!.values['2A004']).toBe(12.5);
  });
});
