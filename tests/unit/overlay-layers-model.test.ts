// Pure derivations behind the overlay panel sections and the URL field:
// zone membership from zones.json, a territory's communes, coverage and
// neighbouring contracts, hospitals inside a territory, the contract card.
import { describe, expect, it } from 'vitest';
import type { ContractOverlayEntry, ContractsOverlay, HospitalsOverlay, ZonesOverlay } from '../../src/lib/overlay-format.ts';
import { ZONE_AGGREGATE_COLUMNS } from '../../src/lib/priority-zones.ts';
import {
  buildZoneIndex,
  communesOfTerritory,
  contractCardModel,
  formatPartialDate,
  hospitalCountsByCategory,
  hospitalsInTerritory,
  territoryContracts,
  zoneAggregateFor,
} from '../../src/overlays/overlay-model.ts';
import { OVERLAY_IDS, overlaysUrlCodec, parseOverlays, serializeOverlays, toggleOverlay } from '../../src/overlays/overlay-ids.ts';

function zonesFixture(): ZonesOverlay {
  return {
    version: 1,
    rules: { qpv: 'règle QPV', rural_isole: 'règle rural', frr: 'règle FRR', frr_plus: 'règle FRR+' },
    communes: {
      codes: ['01001', '2A004', '77131', '97611'],
      dens7: [6, 1, 2, 0],
      aavCategory: ['30', '11', '12', ''],
      frr: [4, 0, 0, -1],
      population: [800, 60000, 15112, -1],
    },
    qpvByCommune: { '77131': ['QN07712M'], '2A004': ['QN02A01M', 'QN02A02M'] },
    qpvNames: {},
    aggregateColumns: ZONE_AGGREGATE_COLUMNS,
    aggregates: { epci: {}, bv: {}, departement: { '77': [9, 0, 0, 0, 1, 1234, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0] }, region: {} },
    populationSource: 'populations légales 2022',
  };
}

function contract(id: string, status: ContractOverlayEntry['status'], communes: string[], extra: Partial<ContractOverlayEntry> = {}): ContractOverlayEntry {
  return {
    id,
    name: `CLS ${id}`,
    status,
    statusLabel: status,
    statusReported: 'signed',
    statusAsOf: '2022',
    statusAsOfApproximate: false,
    generation: 1,
    ars: { region: '52', name: 'ARS Pays de la Loire' },
    dates: { engagement: null, signature: '2022-04-29', start: null, end: '2027' },
    periodReported: '2022-2027',
    durationYears: 5,
    signatories: ['ARS', 'Pornic Agglo'],
    perimeterType: 'epci',
    perimeterTypeLabel: 'EPCI',
    perimeter: { communes: [], epci: [] },
    communes,
    population: 1000,
    mapped: communes.length > 0,
    unmappedReason: communes.length > 0 ? null : 'territoire non identifié',
    departements: [],
    coordinator: null,
    sources: [{ url: 'https://www.pornicagglo.fr/grands-projets/', says: 'signé le 29 avril 2022' }],
    confidence: 'high',
    notes: null,
    bbox: null,
    ...extra,
  };
}

function contractsFixture(): ContractsOverlay {
  return {
    version: 1,
    referenceDate: '2025-11',
    statusLabels: {} as ContractsOverlay['statusLabels'],
    registry: { contracts: 4, mapped: 3, byStatus: {}, referenceDate: '2025-11', regions: [] },
    coverage: { statuses: ['signe', 'en_renouvellement'], asOf: '2025-11', france: { covered: 0, total: 0, share: null, withoutPopulation: 0 }, departement: {}, region: {} },
    contracts: [
      contract('a', 'signe', ['77131', '77001']),
      contract('b', 'envisage', ['77002']),
      contract('c', 'signe', ['77003']),
      contract('z', 'en_preparation', []),
    ],
  };
}

describe('zone index', () => {
  const index = buildZoneIndex(zonesFixture());

  it('lists the communes of each mapped zone type, sorted', () => {
    expect(index.codesByType.qpv).toEqual(['2A004', '77131']);
    expect(index.codesByType.rural_isole).toEqual(['01001']);
    expect(index.codesByType.frr).toEqual(['01001']);
  });

  it('keeps unknown values unknown (never 0)', () => {
    expect(index.facts.get('97611')).toMatchObject({ dens7: null, aavCategory: null, frr: null, qpv: [] });
    expect(index.population.has('97611')).toBe(false);
  });

  it('counts a commune from its facts and a supra territory from the precomputed row', () => {
    const commune = zoneAggregateFor(index, 'commune', '77131', ['77131']);
    expect(commune.zones.qpv).toEqual({ communes: 1, population: 15112 });
    expect(commune.qpvCount).toBe(1);
    const dep = zoneAggregateFor(index, 'departement', '77', []);
    expect(dep.communes).toBe(9);
    expect(dep.zones.qpv).toEqual({ communes: 1, population: 1234 });
  });

  it('computes from the communes when the build has no row for the territory', () => {
    const agg = zoneAggregateFor(index, 'epci', '200000000', ['01001', '2A004']);
    expect(agg.communes).toBe(2);
    expect(agg.zones.rural_isole.communes).toBe(1);
    expect(agg.qpvCount).toBe(2);
  });
});

describe('communes of a territory', () => {
  const index = new Map([
    ['77131', { parents: { epci: '200090504', departement: '77' } }],
    ['77001', { parents: { epci: '200090504', departement: '77' } }],
    ['2A004', { parents: { epci: '200006682', departement: '2A' } }],
  ]);

  it('reads the commune index parents', () => {
    expect(communesOfTerritory('epci', '200090504', index)).toEqual(['77001', '77131']);
    expect(communesOfTerritory('departement', '2A', index)).toEqual(['2A004']);
    expect(communesOfTerritory('commune', '77131', index)).toEqual(['77131']);
    expect(communesOfTerritory('commune', '99999', index)).toEqual([]);
  });
});

describe('contracts of a territory', () => {
  const neighbours = new Map([
    ['77131', ['77001', '77003']],
    ['77001', ['77131', '77002']],
  ]);

  it('reports a commune inside a signed perimeter as covered, and the contracts next door', () => {
    const r = territoryContracts(['77131'], contractsFixture(), neighbours);
    expect(r.coverage.coverage).toBe('covered');
    expect(r.coverage.contracts.map((c) => c.id)).toEqual(['a']);
    expect(r.neighbours.map((n) => n.id)).toEqual(['c']);
  });

  it('reports a partly covered territory with its covered communes; planned contracts do not cover', () => {
    const r = territoryContracts(['77001', '77002'], contractsFixture(), neighbours);
    expect(r.coverage.coverage).toBe('partial');
    expect(r.coverage.covered).toEqual(['77001']);
    expect(r.coverage.otherContracts.map((c) => c.id)).toEqual(['b']);
  });

  it('ignores unmapped contracts', () => {
    const r = territoryContracts(['2A004'], contractsFixture(), new Map());
    expect(r.coverage.coverage).toBe('none');
    expect(r.neighbours).toEqual([]);
  });
});

describe('contract card', () => {
  it('formats partial dates in French', () => {
    expect(formatPartialDate('2022-04-29')).toBe('29 avril 2022');
    expect(formatPartialDate('2013-10-01')).toBe('1er octobre 2013');
    expect(formatPartialDate('2019-06')).toBe('juin 2019');
    expect(formatPartialDate('2012')).toBe('2012');
    expect(formatPartialDate(null)).toBeNull();
  });

  it('carries dates, duration, signatories, communes count, ARS, source and confidence', () => {
    const card = contractCardModel(contract('pornic-2022', 'signe', ['44131', '44136']));
    expect(card).toMatchObject({
      signature: '29 avril 2022',
      end: '2027',
      durationYears: 5,
      signatories: ['ARS', 'Pornic Agglo'],
      communeCount: 2,
      ars: 'ARS Pays de la Loire',
      confidence: 'high',
      mapped: true,
    });
    expect(card.sources[0]).toEqual({ url: 'https://www.pornicagglo.fr/grands-projets/', label: 'pornicagglo.fr', says: 'signé le 29 avril 2022' });
  });
});

describe('hospitals', () => {
  const overlay: HospitalsOverlay = {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', geometry: { type: 'Point', coordinates: [3.08, 48.81] }, properties: { finess: '770000123', name: 'CH de Coulommiers', type: 'ch', sector: 'public', commune: '77131' } },
      { type: 'Feature', geometry: { type: 'Point', coordinates: [3.09, 48.82] }, properties: { finess: '770000456', name: 'Clinique', type: 'ssr', sector: 'private', commune: '77131' } },
      { type: 'Feature', geometry: { type: 'Point', coordinates: [8.7, 41.9] }, properties: { finess: '2A0000012', name: 'CH Ajaccio', type: 'ch', sector: 'public', commune: '2A004' } },
      { type: 'Feature', geometry: { type: 'Point', coordinates: [0, 0] }, properties: { finess: '000000001', name: 'Nowhere', type: 'autre', sector: null, commune: null } },
    ],
  };

  it('counts the hospitals of a territory by category, by their commune', () => {
    const r = hospitalsInTerritory(overlay, ['77131']);
    expect(r.total).toBe(2);
    expect(r.byCategory).toMatchObject({ ch: 1, ssrSld: 1, chr: 0 });
    expect(r.hospitals.map((h) => h.name)).toEqual(['CH de Coulommiers', 'Clinique']);
    expect(hospitalsInTerritory(overlay, ['2A004']).total).toBe(1);
  });

  it('counts all hospitals by category for the legend', () => {
    expect(hospitalCountsByCategory(overlay)).toEqual({ chr: 0, ch: 2, psy: 0, ssrSld: 1, other: 1 });
  });
});

describe('overlays URL field', () => {
  it('round-trips in a canonical order', () => {
    expect(parseOverlays('hospitals,contracts')).toEqual(['contracts', 'hospitals']);
    expect(serializeOverlays(['hospitals', 'contracts'])).toBe('contracts,hospitals');
    for (const id of OVERLAY_IDS) expect(parseOverlays(serializeOverlays([id])!)).toEqual([id]);
  });

  it('omits the default and tolerates garbage', () => {
    expect(serializeOverlays([])).toBeUndefined();
    expect(parseOverlays('')).toEqual([]);
    expect(parseOverlays('contracts,<script>,qpv,qpv')).toEqual(['contracts', 'qpv']);
    expect(parseOverlays('x'.repeat(500))).toBeUndefined();
    expect(overlaysUrlCodec.key).toBe('ov');
  });

  it('toggles one overlay', () => {
    expect(toggleOverlay(['qpv'], 'contracts', true)).toEqual(['contracts', 'qpv']);
    expect(toggleOverlay(['contracts', 'qpv'], 'contracts', false)).toEqual(['qpv']);
  });
});
