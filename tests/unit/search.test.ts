import { describe, expect, it } from 'vitest';
import { asCodeQuery, compactText, normaliseText } from '../../src/search/normalise.ts';
import { searchTerritories, SearchIndex, toSearchEntry } from '../../src/search/rank.ts';
import type { TerritoryRecord } from '../../src/data/types.ts';
import type { Level } from '../../src/lib/levels.ts';

function t(level: Level, code: string, name: string, extra: Partial<TerritoryRecord> = {}): TerritoryRecord {
  return { level, code, name, parents: {}, population: null, areaKm2: null, bbox: [0, 0, 1, 1], ...extra };
}

const communes = [
  t('commune', '77131', 'Coulommiers', { parents: { departement: '77', epci: '200090504' }, population: 15112, postcodes: ['77120'] }),
  t('commune', '93066', 'Saint-Denis', { parents: { departement: '93' }, population: 113000, postcodes: ['93200', '93210'] }),
  t('commune', '97411', 'Saint-Denis', { parents: { departement: '974' }, population: 153000, postcodes: ['97400', '97490'] }),
  t('commune', '42218', 'Saint-Étienne', { parents: { departement: '42' }, population: 173000, postcodes: ['42000'] }),
  t('commune', '94038', "L'Haÿ-les-Roses", { parents: { departement: '94' }, population: 31000, postcodes: ['94240'] }),
  t('commune', '2A004', 'Ajaccio', { parents: { departement: '2A' }, population: 71000, postcodes: ['20000'] }),
  t('commune', '97611', 'Mamoudzou', { parents: { departement: '976' }, population: 71000, postcodes: ['97600'] }),
  t('commune', '01001', "L'Abergement-Clémenciat", { parents: { departement: '01' }, population: 860, postcodes: ['01400'] }),
  t('commune', '69123', 'Sainte-Foy-lès-Lyon', { parents: { departement: '69' }, population: 22000 }),
  t('commune', '77001', 'Acheres-la-Foret', { parents: { departement: '77' }, population: 1000 }),
];
const supra = [
  t('epci', '200090504', 'CA Coulommiers Pays de Brie', { parents: { departement: '77' }, population: 93000 }),
  t('bv', '77131', 'Coulommiers', { parents: { departement: '77' }, population: 40000 }),
  t('departement', '77', 'Seine-et-Marne', { population: 1400000 }),
  t('departement', '2A', 'Corse-du-Sud', { population: 160000 }),
  t('departement', '974', 'La Réunion', { population: 880000 }),
  t('region', '11', 'Île-de-France', { population: 12000000 }),
];
const entries = [...communes, ...supra].map(toSearchEntry);
const search = (q: string, limit = 10) => searchTerritories(entries, q, limit);
const first = (q: string) => search(q)[0]?.record;

describe('normaliseText', () => {
  it('drops accents and case', () => {
    expect(normaliseText('Île-de-France')).toBe('ile de france');
    expect(normaliseText('SAINT-ÉTIENNE')).toBe('saint etienne');
  });
  it('turns hyphens, apostrophes (straight and curly) and dots into spaces', () => {
    expect(normaliseText("L'Haÿ-les-Roses")).toBe('l hay les roses');
    expect(normaliseText('L’Haÿ les  Roses')).toBe('l hay les roses');
    expect(normaliseText('St. Denis')).toBe('saint denis');
  });
  it('expands st / ste, but not inside words', () => {
    expect(normaliseText('St-Denis')).toBe('saint denis');
    expect(normaliseText('Ste Foy')).toBe('sainte foy');
    expect(normaliseText('Stella-Plage')).toBe('stella plage');
    expect(normaliseText('Besté')).toBe('beste');
  });
  it('expands ligatures', () => {
    expect(normaliseText('Œuilly')).toBe('oeuilly');
  });
  it('empty and punctuation-only input', () => {
    expect(normaliseText('')).toBe('');
    expect(normaliseText(" -' ")).toBe('');
  });
  it('compact form lets "saintdenis" meet "saint denis"', () => {
    expect(compactText(normaliseText('Saint-Denis'))).toBe('saintdenis');
  });
});

describe('asCodeQuery', () => {
  it('recognises codes, keeping them strings', () => {
    expect(asCodeQuery('77131')).toBe('77131');
    expect(asCodeQuery(' 01001 ')).toBe('01001');
    expect(asCodeQuery('2a004')).toBe('2A004');
    expect(asCodeQuery('2a')).toBe('2A');
    expect(asCodeQuery('974')).toBe('974');
    expect(asCodeQuery('200090504')).toBe('200090504');
  });
  it('rejects names', () => {
    expect(asCodeQuery('Coulommiers')).toBeNull();
    expect(asCodeQuery('7')).toBeNull();
    expect(asCodeQuery('2ab')).toBeNull();
  });
});

describe('searchTerritories', () => {
  it('finds by name whatever the case and accents', () => {
    expect(first('coulommiers')?.code).toBe('77131');
    expect(first('COULOMMIERS')?.level).toBe('commune');
    expect(first('saint etienne')?.code).toBe('42218');
    expect(first('ile de france')?.code).toBe('11');
  });
  it('"st" = "saint", "ste" = "sainte", hyphens optional', () => {
    expect(first('st etienne')?.code).toBe('42218');
    expect(first('St-Étienne')?.code).toBe('42218');
    expect(first('ste foy les lyon')?.code).toBe('69123');
    expect(first('saintetienne')?.code).toBe('42218');
    expect(first('seine et marne')?.code).toBe('77');
  });
  it('apostrophes optional', () => {
    expect(first('lhay les roses')?.code).toBe('94038');
    expect(first("l'hay")?.code).toBe('94038');
    expect(first('hay les roses')?.code).toBe('94038');
  });
  it('finds by prefix and by words in any order', () => {
    expect(first('coulom')?.code).toBe('77131');
    expect(first('roses hay')?.code).toBe('94038');
  });
  it('disambiguates homonyms with their département', () => {
    const labels = search('saint denis').map((r) => r.label);
    expect(labels).toContain('Saint-Denis (93)');
    expect(labels).toContain('Saint-Denis (974)');
  });
  it('lists the commune before the bassin de vie of the same name, and both', () => {
    const results = search('Coulommiers');
    expect(results[0]?.record.level).toBe('commune');
    expect(results.map((r) => `${r.record.level}:${r.record.code}`)).toEqual(
      expect.arrayContaining(['commune:77131', 'bv:77131', 'epci:200090504']),
    );
  });
  it('finds by INSEE code, keeping leading zeros and Corsica', () => {
    expect(first('77131')?.level).toBe('commune');
    expect(first('01001')?.code).toBe('01001');
    expect(first('2A004')?.code).toBe('2A004');
    expect(first('2a004')?.code).toBe('2A004');
    expect(first('97611')?.name).toBe('Mamoudzou');
  });
  it('finds by SIREN', () => {
    expect(first('200090504')?.name).toBe('CA Coulommiers Pays de Brie');
  });
  it('finds a département by its code, before its communes', () => {
    expect(first('77')?.level).toBe('departement');
    expect(first('2A')?.code).toBe('2A');
    expect(first('974')?.name).toBe('La Réunion');
    expect(search('974').some((r) => r.record.code === '97411')).toBe(true);
  });
  it('finds by postal code, saying which one matched', () => {
    const [r] = search('77120');
    expect(r?.record.code).toBe('77131');
    expect(r?.postcode).toBe('77120');
    expect(search('97490')[0]?.record.code).toBe('97411');
    expect(first('20000')?.code).toBe('2A004');
  });
  it('returns nothing for empty, unknown or punctuation-only queries', () => {
    expect(search('')).toEqual([]);
    expect(search('  ')).toEqual([]);
    expect(search('--')).toEqual([]);
    expect(search('zzzzzz')).toEqual([]);
    expect(search('99999')).toEqual([]);
  });
  it('respects the limit', () => {
    expect(search('a', 3)).toHaveLength(3);
  });
});

describe('SearchIndex', () => {
  it('adds levels as their index arrives', () => {
    const index = new SearchIndex();
    index.setLevel('departement', supra.filter((r) => r.level === 'departement'));
    expect(index.search('coulommiers')).toEqual([]);
    index.setLevel('commune', communes);
    expect(index.hasLevel('commune')).toBe(true);
    expect(index.search('coulommiers')[0]?.record.code).toBe('77131');
  });
});
