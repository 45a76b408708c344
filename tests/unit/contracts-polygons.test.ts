// Contract polygons → communes by area share, EPCI perimeters, duplicate
// detection against the registry, merging a second source, and the
// registry-based coverage indicator, on small hand-made geometries.
import { describe, expect, it } from 'vitest';
import type { MultiPolygon, Polygon } from 'geojson';
import { communesInPolygon, perimeterOfCommunes, type CommuneGeometry } from '../../scripts/overlays/polygon-perimeter.ts';
import { compareAssignments, importPolygonContracts, polygonContractId, type PolygonImportSpec } from '../../scripts/overlays/polygon-import.ts';
import { findDuplicate, matchContract, nameSimilarity, nameTokens } from '../../scripts/overlays/contract-match.ts';
import { enrichContract, mergeIntoRegistry } from '../../scripts/overlays/contract-import.ts';
import { bboxOfGeometry } from '../../scripts/boundaries/communes.ts';
import { coveredCommunes, normaliseStatus, populationCoverage, validateRegistry, type CogLookup, type Contract, type ContractRegistry } from '../../src/lib/contracts.ts';

// A 4 × 1 row of unit-square communes near (2°E, 45°N), small enough for
// areas to be proportional to planar areas: A | B | C | D, x from 2.0 to 2.4.
const W = 2;
const S = 45;
const STEP = 0.1;
function rect(x0: number, x1: number, y0 = S, y1 = S + STEP): Polygon {
  return { type: 'Polygon', coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] };
}
function square(i: number): Polygon {
  return rect(W + i * STEP, W + (i + 1) * STEP);
}
const CODES = ['01001', '01002', '01003', '01004'];
const COMMUNES: CommuneGeometry[] = CODES.map((code, i) => {
  const geometry = square(i);
  return { code, geometry, bbox: bboxOfGeometry(geometry) };
});
const EPCI: Record<string, string[]> = { '200000001': ['01001', '01002'], '200000002': ['01003', '01004'] };
const epciOf = (code: string) => Object.keys(EPCI).find((s) => EPCI[s]!.includes(code));
const membership = { epciOf, epciMembers: (s: string) => EPCI[s] };
const cog: CogLookup = { hasCommune: (c) => CODES.includes(c), epciMembers: (s) => EPCI[s] };

describe('communesInPolygon (area share)', () => {
  it('keeps the communes with at least half of their area inside, and reports the borderline ones', () => {
    // Covers A and B fully, 60 % of C, nothing of D.
    const result = communesInPolygon(rect(W - 0.01, W + 2.6 * STEP), COMMUNES);
    expect(result.communes).toEqual(['01001', '01002', '01003']);
    expect(result.borderline.map((b) => b.code)).toEqual(['01003']);
    expect(result.borderline[0]!.share).toBeCloseTo(0.6, 2);
    expect(result.shares.find((s) => s.code === '01001')!.share).toBeCloseTo(1, 3);
    expect(result.failed).toEqual([]);
  });

  it('leaves out a commune whose representative point is inside but most of whose area is not', () => {
    // An L-shaped polygon: all of A, and a thin strip through the middle of B (30 % of B's area, its centre included).
    const zone: Polygon = {
      type: 'Polygon',
      coordinates: [[[W, S], [W + STEP, S], [W + STEP, S + 0.035], [W + 2 * STEP, S + 0.035], [W + 2 * STEP, S + 0.065], [W + STEP, S + 0.065], [W + STEP, S + STEP], [W, S + STEP], [W, S]]],
    };
    const result = communesInPolygon(zone, COMMUNES);
    expect(result.communes).toEqual(['01001']);
    expect(result.borderline.map((b) => [b.code, Math.round(b.share * 100)])).toEqual([['01002', 30]]);
  });

  it('reads MultiPolygons and honours custom thresholds', () => {
    const zone: MultiPolygon = { type: 'MultiPolygon', coordinates: [square(0).coordinates, rect(W + 3 * STEP, W + 3.3 * STEP).coordinates] };
    expect(communesInPolygon(zone, COMMUNES).communes).toEqual(['01001']);
    expect(communesInPolygon(zone, COMMUNES, { include: 0.25, borderlineLow: 0.1, borderlineHigh: 0.9 }).communes).toEqual(['01001', '01004']);
  });

  it('ignores communes whose bbox does not meet the polygon', () => {
    expect(communesInPolygon(rect(10, 10.1), COMMUNES)).toEqual({ communes: [], borderline: [], shares: [], failed: [] });
  });
});

describe('perimeterOfCommunes', () => {
  it('names an EPCI when the communes are exactly its members', () => {
    expect(perimeterOfCommunes(['01002', '01001'], membership)).toEqual({ perimeterType: 'epci', perimeter: { communes: [], epci: ['200000001'] } });
  });
  it('names several whole EPCI, or EPCI plus loose communes, or communes only', () => {
    expect(perimeterOfCommunes(CODES, membership).perimeterType).toBe('multi_epci');
    expect(perimeterOfCommunes(['01001', '01002', '01003'], membership)).toEqual({
      perimeterType: 'epci_et_communes',
      perimeter: { communes: ['01003'], epci: ['200000001'] },
    });
    expect(perimeterOfCommunes(['01002', '01003'], membership)).toEqual({ perimeterType: 'commune', perimeter: { communes: ['01002', '01003'], epci: [] } });
  });
});

const SPEC: PolygonImportSpec = {
  description: 'test',
  sourceId: 'test-polygons',
  idPrefix: 'tst',
  nameProperty: 'Nom_CLS',
  statusProperty: 'Statut du CLS',
  statuses: { Actif: 'signe', 'En élaboration': 'en_preparation', '': 'a_confirmer' },
  statusAsOf: '2025',
  statusAsOfApproximate: true,
  ars: { region: '84', name: 'ARS Auvergne-Rhône-Alpes' },
  source: { url: 'https://example.org/cls.gpkg', title: 'ARS (via un projet universitaire), à vérifier', says: 'contrat « {name} », statut « {status} »' },
  confidence: 'medium',
  notes: 'Note.',
};

describe('importPolygonContracts', () => {
  const features = [
    { type: 'Feature' as const, properties: { Nom_CLS: 'CLS Agglo Ouest', 'Statut du CLS': 'Actif' }, geometry: rect(W, W + 2 * STEP) },
    { type: 'Feature' as const, properties: { Nom_CLS: 'CLS Ville B', 'Statut du CLS': 'actif' }, geometry: square(1) },
    { type: 'Feature' as const, properties: { Nom_CLS: 'CLS Est', 'Statut du CLS': null }, geometry: rect(W + 2 * STEP, W + 3.55 * STEP) },
    { type: 'Feature' as const, properties: { Nom_CLS: 'CLS Nulle part', 'Statut du CLS': 'Actif' }, geometry: rect(10, 10.1) },
  ];
  const context = { communes: COMMUNES, membership, departementOf: (c: string) => c.slice(0, 2) };
  const { contracts, report } = importPolygonContracts(features, SPEC, context);

  it('turns each polygon into a registry line with an EPCI perimeter where it can, status mapped, source credited', () => {
    expect(contracts.map((c) => [c.id, c.status, c.perimeterType, c.perimeter])).toEqual([
      ['tst-agglo-ouest', 'signe', 'epci', { communes: [], epci: ['200000001'] }],
      ['tst-ville-b', 'signe', 'commune', { communes: ['01002'], epci: [] }],
      // C fully and 55 % of D: both kept, exactly EPCI 200000002.
      ['tst-est', 'a_confirmer', 'epci', { communes: [], epci: ['200000002'] }],
    ]);
    const est = contracts[2]!;
    expect(est.statusReported).toMatch(/vide/);
    expect(est.statusAsOf).toBe('2025');
    expect(est.statusAsOfApproximate).toBe(true);
    expect(est.sources).toEqual([{ url: 'https://example.org/cls.gpkg', title: SPEC.source.title, says: 'contrat « CLS Est », statut « non renseigné »' }]);
    expect(est.notes).toMatch(/01004 \(55 %, retenue\)/);
    expect(est.departements).toEqual(['01']);
  });

  it('rejects a polygon that covers no commune, and reports the borderline communes', () => {
    expect(report.rejected).toEqual([{ feature: 4, name: 'CLS Nulle part', message: expect.stringMatching(/aucune commune/) }]);
    expect(report.lines.find((l) => l.id === 'tst-est')!.borderline.map((b) => b.code)).toEqual(['01004']);
  });

  it('the imported lines validate, the city CLS nested in the agglomeration one as information', () => {
    const issues = validateRegistry({ version: 1, referenceDate: '2025', description: 't', contracts }, cog);
    expect(issues.filter((i) => i.level === 'error')).toEqual([]);
    expect(issues.filter((i) => i.level === 'info').map((i) => i.id)).toEqual(['tst-ville-b']);
  });

  it('compares with another assignment (e.g. representative points) per contract name', () => {
    const other = new Map([['CLS Agglo Ouest', new Set(['01001', '01002'])], ['CLS Est', new Set(['01003'])]]);
    expect(compareAssignments(report.lines, other)).toEqual([
      { name: 'CLS Ville B', areaShare: 1, other: 0, onlyAreaShare: ['01002'], onlyOther: [] },
      { name: 'CLS Est', areaShare: 2, other: 1, onlyAreaShare: ['01004'], onlyOther: [] },
    ]);
  });

  it('builds ids from the prefix and the name without "CLS"', () => {
    expect(polygonContractId('ara', "CLS Entr'Allier Besbre et Loire")).toBe('ara-entr-allier-besbre-et-loire');
    expect(polygonContractId('ara', 'CA Vichy Communauté')).toBe('ara-ca-vichy-communaute');
  });
});

describe('duplicate detection', () => {
  it('keeps the words that name the territory', () => {
    expect([...nameTokens('CLS du Bassin de santé intermédiaire de Saint-Flour')]).toEqual(['saint_flour']);
    expect([...nameTokens('CLS St Flour')]).toEqual(['saint_flour']);
    expect(nameSimilarity('CLS Arrondissement de Saint-Flour', 'CLS du Bassin de santé intermédiaire de Saint-Flour')).toBe(1);
    expect(nameSimilarity('CLS Saint-Étienne Métropole', 'CLS Saint-Flour')).toBe(0);
  });

  const registry = [
    { id: 'flour', name: 'CLS du Bassin de santé intermédiaire de Saint-Flour', communes: ['01001', '01002', '01003'] },
    { id: 'metro', name: 'CLS Métropole de Grenoble', communes: ['01001', '01002', '01003', '01004'] },
    { id: 'haut-allier-48', name: 'CLS du Haut Allier', communes: ['48001'] },
    { id: 'unmapped', name: 'CLS Nord Landes', communes: [] },
    { id: 'renewal-1', name: 'CLS Paris - Vallée de la Marne (1re génération)', communes: ['77001', '77002'], generation: 1 },
  ];

  it('finds the same contract drawn differently by two sources (perimeter largely shared, same territory name)', () => {
    const match = findDuplicate({ id: 'ara-flour', name: 'CLS Arrondissement de Saint-Flour', communes: ['01002', '01003', '01004'] }, registry);
    expect(match).toMatchObject({ id: 'flour', verdict: 'duplicate', shared: 2 });
    expect(match!.jaccard).toBeCloseTo(0.5, 5);
  });

  it('keeps a city CLS inside a metropolitan one apart (nested), even with the same city name', () => {
    const matches = matchContract({ id: 'ville', name: 'CLS Ville de Grenoble', communes: ['01004'] }, registry);
    expect(matches).toEqual([expect.objectContaining({ id: 'metro', verdict: 'nested', shared: 1 })]);
    expect(findDuplicate({ id: 'ville', name: 'CLS Ville de Grenoble', communes: ['01004'] }, registry)).toBeNull();
  });

  it('reports a namesake on another territory without merging it', () => {
    const matches = matchContract({ id: 'ara-haut-allier', name: 'CC des Rives du Haut Allier', communes: ['43001'] }, registry);
    expect(matches).toEqual([expect.objectContaining({ id: 'haut-allier-48', verdict: 'namesake', shared: 0 })]);
  });

  it('matches two unmapped lines by name only, and never merges two generations', () => {
    expect(findDuplicate({ id: 'x', name: 'CLS du Nord Landes', communes: [] }, registry)?.id).toBe('unmapped');
    const second = { id: 'pvm-2', name: 'CLS Paris-Vallée de la Marne (2e génération)', communes: ['77001', '77002'], generation: 2 };
    expect(findDuplicate(second, registry)).toBeNull();
    expect(matchContract(second, registry)[0]).toMatchObject({ id: 'renewal-1', verdict: 'nested' });
  });

  it('a different perimeter with an unrelated name is not a duplicate', () => {
    expect(findDuplicate({ id: 'y', name: 'CLS Pays Voironnais', communes: ['01001', '01002', '01003'] }, registry)).toBeNull();
  });
});

function line(overrides: Partial<Contract>): Contract {
  return {
    id: 'flour',
    name: 'CLS du Bassin de santé intermédiaire de Saint-Flour',
    status: 'signe',
    statusReported: 'signed',
    statusAsOf: '2017',
    generation: null,
    ars: { region: '84', name: 'ARS Auvergne-Rhône-Alpes' },
    dates: { engagement: null, signature: null, start: '2017', end: '2022' },
    periodReported: '2017-2022',
    durationYears: 5,
    signatories: ['Saint-Flour Communauté'],
    perimeterType: 'epci',
    perimeter: { communes: [], epci: ['200000001'] },
    departements: ['01'],
    coordinator: null,
    sources: [{ url: 'https://example.org/signed.pdf', says: 'CLS 2017-2022' }],
    confidence: 'high',
    notes: null,
    ...overrides,
  };
}

describe('merging a second source about a known contract', () => {
  const known = line({});
  const imported = line({
    id: 'ara-arrondissement-de-saint-flour',
    name: 'CLS Arrondissement de Saint-Flour',
    statusReported: 'Actif',
    statusAsOf: '2025',
    statusAsOfApproximate: true,
    dates: { engagement: null, signature: null, start: null, end: null },
    periodReported: null,
    signatories: [],
    perimeterType: 'epci_et_communes',
    perimeter: { communes: ['01003'], epci: ['200000001'] },
    sources: [{ url: 'https://example.org/cls.gpkg', title: 'ARS, à vérifier', says: 'Actif' }],
    confidence: 'medium',
  });

  it('adds the source, takes the later status, keeps the curated perimeter and notes the difference', () => {
    const merged = enrichContract(known, imported, cog);
    expect(merged.id).toBe('flour');
    expect(merged.sources.map((s) => s.url)).toEqual(['https://example.org/signed.pdf', 'https://example.org/cls.gpkg']);
    expect([merged.status, merged.statusReported, merged.statusAsOf, merged.statusAsOfApproximate]).toEqual(['signe', 'Actif', '2025', true]);
    expect(merged.perimeter).toEqual(known.perimeter);
    expect(merged.dates.start).toBe('2017');
    expect(merged.signatories).toEqual(['Saint-Flour Communauté']);
    expect(merged.notes).toMatch(/3 communes, en plus : 01003 — périmètre du registre conservé/);
    expect(merged.notes).toMatch(/Aussi recensé sous le nom « CLS Arrondissement de Saint-Flour »/);
  });

  it('is idempotent: importing the same file twice changes nothing more', () => {
    const base: ContractRegistry = { version: 1, referenceDate: '2025-11', description: 't', contracts: [known] };
    const once = mergeIntoRegistry(base, [imported], { cog });
    expect(once.duplicates).toEqual([expect.objectContaining({ imported: imported.id, into: 'flour' })]);
    expect(once.added).toEqual([]);
    expect(once.registry.contracts).toHaveLength(1);
    const twice = mergeIntoRegistry(once.registry, [imported], { cog });
    expect(twice.registry).toEqual(once.registry);
  });

  it('appends a contract that duplicates nothing, and lists the ones it nests in', () => {
    const city = line({ id: 'ville-b', name: 'CLS Ville B', perimeterType: 'commune', perimeter: { communes: ['01002'], epci: [] }, sources: [{ url: 'https://example.org/b', says: 'b' }] });
    const result = mergeIntoRegistry({ version: 1, referenceDate: '2025-11', description: 't', contracts: [known] }, [city], { cog });
    expect(result.added).toEqual(['ville-b']);
    expect(result.related).toEqual([{ imported: 'ville-b', matches: [expect.objectContaining({ id: 'flour', verdict: 'nested' })] }]);
  });
});

describe('population covered by a contract in force', () => {
  const contracts = [
    { id: 'a', status: 'signe' as const, communes: ['01001', '01002'] },
    { id: 'b', status: 'en_preparation' as const, communes: ['01003'] },
    { id: 'c', status: 'en_renouvellement' as const, communes: ['01002'] },
    { id: 'd', status: 'a_confirmer' as const, communes: ['01004'] },
  ];
  const communes = [
    { code: '01001', population: 1000 },
    { code: '01002', population: 3000 },
    { code: '01003', population: 4000 },
    { code: '01004', population: 2000 },
    { code: '01005', population: null },
  ];

  it('counts signed and renewing contracts only, each commune once', () => {
    expect([...coveredCommunes(contracts)].sort()).toEqual(['01001', '01002']);
  });

  it('is the covered population over the total, unknown populations left out of both and counted', () => {
    const result = populationCoverage(communes, coveredCommunes(contracts));
    expect(result).toEqual({ covered: 4000, total: 10000, share: 0.4, withoutPopulation: 1 });
  });

  it('is null when no commune has a population (never 0)', () => {
    expect(populationCoverage([{ code: '01005', population: null }], new Set(['01005'])).share).toBeNull();
  });
});

describe('status « à confirmer »', () => {
  it.each([
    ['statut à confirmer', 'a_confirmer'],
    ['inconnu', 'a_confirmer'],
    ['a_confirmer', 'a_confirmer'],
    ['', null],
  ])('%s → %s', (raw, expected) => {
    expect(normaliseStatus(raw)).toBe(expected);
  });
});

describe('status filter of the map', () => {
  it('shows the chosen statuses and hides the others on every contract layer', async () => {
    const { contractStatusFilters, contractLayerId, CONTRACTS_HIT_LAYER_ID } = await import('../../src/overlays/layers/contracts.ts');
    const filters = new Map(contractStatusFilters(['signe', 'a_confirmer']).map((f) => [f.layerId, f.filter]));
    expect(filters.get(CONTRACTS_HIT_LAYER_ID)).toEqual(['match', ['get', 'status'], ['signe', 'a_confirmer'], true, false]);
    expect(filters.get(contractLayerId('signe', 'fill'))).toEqual(['==', ['get', 'status'], 'signe']);
    expect(filters.get(contractLayerId('a_confirmer', 'line'))).toEqual(['==', ['get', 'status'], 'a_confirmer']);
    expect(filters.get(contractLayerId('termine', 'line'))).toEqual(['boolean', false]);
    expect(new Map(contractStatusFilters([]).map((f) => [f.layerId, f.filter])).get(CONTRACTS_HIT_LAYER_ID)).toEqual(['boolean', false]);
  });
});

describe('registry summary per région', () => {
  it('counts contracts per région (ARS région, else most of its communes) with the newest status date', async () => {
    const { summariseRegistry, contractRegion } = await import('../../scripts/overlays/contracts.ts');
    const regionOf = (c: string) => ({ '01001': '84', '48001': '76', '48002': '76', '15001': '84' })[c];
    const entry = (id: string, region: string | null, communes: string[], statusAsOf: string | null, mapped = communes.length > 0) =>
      ({ id, status: 'signe', ars: { region, name: null }, communes, statusAsOf, mapped }) as unknown as import('../../src/lib/overlay-format.ts').ContractOverlayEntry;
    expect(contractRegion(entry('x', null, ['48001', '48002', '15001'], null), regionOf)).toBe('76');
    const summary = summariseRegistry(
      [entry('a', '84', ['01001'], '2025'), entry('b', null, ['48001'], '2019-06'), entry('c', '84', [], '2025-03'), entry('d', null, [], null)],
      '2025-11',
      regionOf,
      new Map([['76', 'Occitanie'], ['84', 'Auvergne-Rhône-Alpes'], ['11', 'Île-de-France']]),
    );
    expect(summary.regions.map((r) => [r.code, r.contracts, r.mapped, r.asOf])).toEqual([
      ['11', 0, 0, null],
      ['76', 1, 1, '2019-06'],
      ['84', 2, 1, '2025-03'],
      [null, 1, 0, null],
    ]);
    expect(summary).toMatchObject({ contracts: 4, mapped: 2, referenceDate: '2025-11', byStatus: { signe: 4 } });
  });
});

describe('duplicates across sources, not within one file', () => {
  it('never merges two lines of the same import, and keeps contracts signed years apart', () => {
    const first = line({ id: 'toulouse-2017', name: 'CLS de préfiguration de Toulouse', perimeter: { communes: ['01001'], epci: [] }, dates: { engagement: null, signature: '2017-12-20', start: null, end: null } });
    const second = line({ id: 'toulouse-2019', name: 'CLS de Toulouse 2019-2022', perimeter: { communes: ['01001'], epci: [] }, dates: { engagement: null, signature: '2019-12-16', start: '2019', end: '2022' } });
    const empty: ContractRegistry = { version: 1, referenceDate: '2025-11', description: 't', contracts: [] };
    expect(mergeIntoRegistry(empty, [first, second], { cog }).added).toEqual(['toulouse-2017', 'toulouse-2019']);
    const later = mergeIntoRegistry({ ...empty, contracts: [first] }, [second], { cog });
    expect(later.added).toEqual(['toulouse-2019']);
    expect(later.related[0]!.matches[0]).toMatchObject({ id: 'toulouse-2017', verdict: 'nested' });
  });
});
