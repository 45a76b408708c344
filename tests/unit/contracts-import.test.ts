import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../src/lib/csv.ts';
import { validateRegistry, type CogLookup, type ContractRegistry } from '../../src/lib/contracts.ts';
import { importContractRows, mapColumns, mergeIntoRegistry, normalisePerimeterType } from '../../scripts/overlays/contract-import.ts';

const FIXTURE = path.join(import.meta.dirname, '..', 'fixtures', 'contracts', 'regional-ars.csv');

const COMMUNES = new Set(['77284', '77131', '01165', '75056', '01053']);
const EPCI: Record<string, string[]> = { '200067346': ['44131', '44136'] };
for (const c of EPCI['200067346']!) COMMUNES.add(c);
const cog: CogLookup = { hasCommune: (c) => COMMUNES.has(c), epciMembers: (s) => EPCI[s] };
const historicalPassage = new Map([['01003', ['01165']]]);

function importFixture() {
  const table = readCsv(readFileSync(FIXTURE));
  return { table, ...importContractRows(table.headers, table.rows, { cog, historicalPassage }) };
}

describe('mapColumns', () => {
  it('accepts the reference layout (cls_reference_manual.csv)', () => {
    const headers = 'cls_id,cls_name,perimeter_type,commune_insee,epci_siren_cog2025,dep,reg_code,ars,generation,signature_date,period,duration_years,status_as_reported,status_as_of,source_url,source_says,confidence,notes'.split(',');
    const { columns, ignored } = mapColumns(headers);
    expect(ignored).toEqual([]);
    expect(columns).toMatchObject({ id: 'cls_id', communes: 'commune_insee', epci: 'epci_siren_cog2025', status: 'status_as_reported', sourceUrl: 'source_url' });
  });
  it('accepts French headers with accents and spaces', () => {
    const { columns } = mapColumns(['Nom du contrat', 'Type de périmètre', 'Codes INSEE', 'Statut', 'Date de signature']);
    expect(columns).toEqual({ name: 'Nom du contrat', perimeterType: 'Type de périmètre', communes: 'Codes INSEE', status: 'Statut', signature: 'Date de signature' });
  });
});

describe('normalisePerimeterType', () => {
  it.each([
    ['commune', 'commune'],
    ['EPCI', 'epci'],
    ['multi-EPCI (4 CC)', 'multi_epci'],
    ['EPCI + commune', 'epci_et_communes'],
    ['Pays/PETR (territory name)', 'petr_pays'],
    ['territory name', 'inconnu'],
  ] as const)('%s → %s', (raw, expected) => {
    expect(normalisePerimeterType(raw, false, false)).toBe(expected);
  });
});

describe('importContractRows on a Windows-1252, semicolon regional CSV', () => {
  it('reads the file whatever its encoding and delimiter', () => {
    const { table } = importFixture();
    expect(table.delimiter).toBe(';');
    expect(table.encoding).toBe('windows-1252');
    expect(table.rows).toHaveLength(8);
  });

  it('matches real lines and maps their fields', () => {
    const { contracts, report } = importFixture();
    const pornic = contracts.find((c) => c.id === 'pornic-2022')!;
    expect(pornic).toMatchObject({
      status: 'signe',
      perimeterType: 'epci',
      perimeter: { communes: [], epci: ['200067346'] },
      dates: { signature: '2022-04-29', start: '2022', end: '2027', engagement: null },
      durationYears: 5,
      confidence: 'high',
      signatories: ['Pornic Agglo Pays de Retz', 'ARS Pays de la Loire'],
    });
    expect(pornic.sources).toEqual([{ url: 'http://www.pornicagglo.fr/grands-projets/', says: 'Signé le 29 avril 2022 pour cinq ans' }]);
    const meaux = contracts.find((c) => c.id === 'meaux-2024')!;
    expect(meaux.perimeter).toEqual({ communes: ['77284'], epci: [] });
    expect(report.notes.some((n) => n.id === 'meaux-2024' && n.message.includes('200072130'))).toBe(true);
  });

  it('recodes old codes, PLM arrondissements and lost leading zeros', () => {
    const { contracts, report } = importFixture();
    expect(contracts.find((c) => c.id === 'test-ancien-code')!.perimeter.communes).toEqual(['01165']);
    expect(contracts.find((c) => c.id === 'test-arrondissement')!.perimeter.communes).toEqual(['75056']);
    const zero = contracts.find((c) => c.id === 'test-zero-perdu')!;
    expect(zero.perimeter.communes).toEqual(['01053']);
    expect(zero.status).toBe('termine');
    expect(report.recoded.map((r) => `${r.from}→${r.to}`)).toEqual(['01003→01165', '75112→75056', '1053→01053']);
  });

  it('lists unknown codes and rejected lines with their reason', () => {
    const { report } = importFixture();
    expect(report.unknownCodes).toEqual([expect.objectContaining({ row: 5, code: '99999', kind: 'commune' })]);
    expect(report.rejected).toEqual([
      { row: 5, id: 'test-code-inconnu', message: 'aucun code du périmètre ne correspond au COG 2025' },
      { row: 6, id: 'test-statut', message: 'statut non reconnu « ??? »' },
      { row: 7, id: 'test-sans-source', message: 'source manquante : aucune adresse publique (colonne source_url)' },
    ]);
    expect(report.accepted).toEqual(['pornic-2022', 'meaux-2024', 'test-ancien-code', 'test-arrondissement', 'test-zero-perdu']);
  });

  it('reports missing mandatory columns instead of guessing', () => {
    const { contracts, report } = importContractRows(['foo', 'bar'], [{ foo: '1', bar: '2' }], { cog });
    expect(contracts).toEqual([]);
    expect(report.rejected[0]!.message).toContain('colonnes obligatoires absentes');
  });
});

describe('mergeIntoRegistry', () => {
  it('appends new ids, replaces known ones and keeps curated extras', () => {
    const { contracts } = importFixture();
    const base: ContractRegistry = {
      version: 1,
      referenceDate: '2025-11',
      description: 'test',
      contracts: [{ ...contracts[1]!, signatories: ['Ville de Meaux', 'ARS Île-de-France'], sources: [{ url: 'https://example.org/autre', says: 'autre source' }] }],
    };
    const meauxImported = { ...contracts[1]!, signatories: [] };
    const merged = mergeIntoRegistry(base, [meauxImported, contracts[0]!]);
    expect(merged.added).toEqual(['pornic-2022']);
    expect(merged.updated).toEqual(['meaux-2024']);
    const meaux = merged.registry.contracts[0]!;
    expect(meaux.signatories).toEqual(['Ville de Meaux', 'ARS Île-de-France']);
    expect(meaux.sources.map((s) => s.url)).toEqual([contracts[1]!.sources[0]!.url, 'https://example.org/autre']);
    expect(validateRegistry(merged.registry, cog).filter((i) => i.level === 'error')).toEqual([]);
  });
});
