import { describe, expect, it } from 'vitest';
import { topology } from 'topojson-server';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { decodeCommuneNeighbours, encodeCommuneNeighbours, hospitalTypeOf } from '../../src/lib/overlay-format.ts';
import { aggregateZones, zoneAggregateToRow } from '../../src/lib/priority-zones.ts';
import type { CogLookup, ContractRegistry } from '../../src/lib/contracts.ts';
import { communeAdjacency, communeFeatures, communesOutline } from '../../scripts/overlays/topology.ts';
import type { CommuneTopology } from '../../src/lib/dissolve.ts';
import { addressLocator, buildHospitalsOverlay, normaliseFiness } from '../../scripts/overlays/hospitals.ts';
import { buildContractsOverlay } from '../../scripts/overlays/contracts.ts';
import { buildZonesOverlay } from '../../scripts/overlays/priority-zones.ts';
import type { CommuneIndexEntry } from '../../scripts/overlays/communes.ts';
import type { Zone } from '../../src/lib/levels.ts';

// Three unit squares in a row (01001 | 01002 | 01003) and a detached 2A004.
function square(code: string, x: number, y = 0): Feature<Polygon, { code: string }> {
  return { type: 'Feature', properties: { code }, geometry: { type: 'Polygon', coordinates: [[[x, y], [x + 1, y], [x + 1, y + 1], [x, y + 1], [x, y]]] } };
}
const squares = [square('01001', 0), square('01002', 1), square('01003', 2), square('2A004', 5)];
const collection: FeatureCollection<Polygon, { code: string }> = { type: 'FeatureCollection', features: squares };
const topo = topology({ territories: collection }) as unknown as CommuneTopology;
const topologies = new Map<Zone, CommuneTopology>([['metro', topo]]);

describe('commune topology', () => {
  it('dissolves adjacent communes into one polygon (shared arcs removed)', () => {
    const geometry = communesOutline(['01001', '01002'], topologies)!;
    expect(geometry.type).toBe('Polygon');
    const ring = (geometry as Polygon).coordinates[0]!;
    const xs = ring.map((p) => p[0]!);
    expect(Math.min(...xs)).toBe(0);
    expect(Math.max(...xs)).toBe(2);
    // The shared edge x = 1 is gone: no segment of the ring runs along it.
    expect(ring.some((p, i) => i > 0 && p[0] === 1 && ring[i - 1]![0] === 1)).toBe(false);
  });

  it('keeps detached communes as a MultiPolygon and ignores unknown codes', () => {
    expect(communesOutline(['01001', '2A004', '99999'], topologies)!.type).toBe('MultiPolygon');
    expect(communesOutline(['99999'], topologies)).toBeNull();
  });

  it('reads adjacency from shared arcs', () => {
    const adjacency = communeAdjacency(topologies);
    expect(adjacency.get('01001')).toEqual(['01002']);
    expect(adjacency.get('01002')).toEqual(['01001', '01003']);
    expect(adjacency.get('2A004')).toEqual([]);
  });

  it('encodes each pair once and decodes symmetrically', () => {
    const codes = ['01001', '01002', '01003', '2A004'];
    const encoded = encodeCommuneNeighbours(codes, [[1], [0, 2], [1], []]);
    expect(encoded.neighbours).toEqual([[1], [1], [], []]);
    expect(Object.fromEntries(decodeCommuneNeighbours(encoded))).toEqual({ '01001': ['01002'], '01002': ['01001', '01003'], '01003': ['01002'], '2A004': [] });
  });
});

const index: CommuneIndexEntry[] = [
  { code: '01001', name: 'Alpha', parents: { epci: '200000001', bv: '01001', departement: '01', region: '84' }, population: 100, bbox: [0, 0, 1, 1], postcodes: ['01100'] },
  { code: '01002', name: 'Bêta', parents: { epci: '200000001', bv: '01001', departement: '01', region: '84' }, population: 200, bbox: [1, 0, 2, 1], postcodes: ['01200', '01300'] },
  { code: '01003', name: 'Gamma', parents: { epci: '200000002', bv: '01003', departement: '01', region: '84' }, population: null, bbox: [2, 0, 3, 1], postcodes: ['01300'] },
  { code: '2A004', name: 'Ajaccio', parents: { epci: '200000003', bv: '2A004', departement: '2A', region: '94' }, population: 70000, bbox: [5, 0, 6, 1], postcodes: ['20000'] },
];

describe('hospitals', () => {
  it('pads FINESS numbers, keeps Corsican ones', () => {
    expect(normaliseFiness('10000024')).toBe('010000024');
    expect(normaliseFiness('2A0000022')).toBe('2A0000022');
    expect(normaliseFiness('abc')).toBeNull();
  });

  it('assigns points by polygon, then by address, and keeps small properties', () => {
    const rows = [
      { id: '10000024', hospital_name: 'CH  Alpha', lat: '0.5', lon: '0.5', facility_type: 'Centre Hospitalier (C.H.)', public_private: 'public', postcode: '01100', city: 'ALPHA' },
      { id: '10000032', hospital_name: 'Clinique en mer', lat: '0.5', lon: '3.5', facility_type: 'Etablissement de Soins Chirurgicaux', public_private: '', postcode: '01300', city: 'GAMMA' },
      { id: '2A0000022', hospital_name: 'CH Ajaccio', lat: '0.5', lon: '5.5', facility_type: 'Inconnu', public_private: 'private', postcode: '20000', city: 'AJACCIO' },
      { id: '970500039', hospital_name: 'CH Saint-Pierre', lat: '46.7', lon: '-56.1', facility_type: 'Centre Hospitalier (C.H.)', public_private: 'public', postcode: '97500', city: 'ST PIERRE ET MIQUELON' },
      { id: '10000040', hospital_name: 'Sans coordonnées', lat: '', lon: '', facility_type: '', public_private: '', postcode: '', city: '' },
    ];
    const { overlay, report } = buildHospitalsOverlay(rows, communeFeatures(topologies), addressLocator(index));
    expect(overlay.features.map((f) => [f.properties.finess, f.properties.commune])).toEqual([
      ['010000024', '01001'],
      ['010000032', '01003'],
      ['2A0000022', '2A004'],
      ['970500039', null],
    ]);
    expect(overlay.features[0]!.properties).toEqual({ finess: '010000024', name: 'CH Alpha', type: 'ch', sector: 'public', commune: '01001' });
    expect(overlay.features[2]!.properties).toMatchObject({ type: 'autre', sector: 'private' });
    expect(report).toMatchObject({ assignedByPolygon: 2, assignedByPostcode: 1, rejected: [{ row: 5, reason: expect.stringContaining('coordonnées') }] });
    expect(report.unassigned.map((u) => u.finess)).toEqual(['970500039']);
  });

  it('maps FINESS category labels to short codes', () => {
    expect(hospitalTypeOf('Centre Hospitalier Régional (C.H.R.)')).toBe('chr');
    expect(hospitalTypeOf('Etablissement de Soins Longue Durée')).toBe('sld');
  });
});

describe('contracts overlay', () => {
  const cog: CogLookup = {
    hasCommune: (c) => index.some((i) => i.code === c),
    epciMembers: (s) => (s === '200000001' ? ['01001', '01002'] : undefined),
  };
  const base = {
    statusReported: 'signé', statusAsOf: '2022', generation: 1, ars: { region: '84', name: 'ARS' },
    dates: { engagement: null, signature: '2022', start: null, end: null }, periodReported: null, durationYears: null,
    signatories: [], departements: ['01'], coordinator: null, sources: [{ url: 'https://example.org', says: 'x' }], confidence: 'high' as const, notes: null,
  };
  const registry: ContractRegistry = {
    version: 1,
    referenceDate: '2025-11',
    description: 'test',
    contracts: [
      { ...base, id: 'cls-epci', name: 'CLS EPCI', status: 'signe', perimeterType: 'epci', perimeter: { communes: [], epci: ['200000001'] } },
      { ...base, id: 'cls-inconnu', name: 'CLS inconnu', status: 'en_preparation', perimeterType: 'inconnu', perimeter: { communes: [], epci: [] }, unmappedReason: 'non identifié' },
    ],
  };

  it('resolves communes, sums population, dissolves the perimeter and keeps unmapped contracts', () => {
    const overlay = buildContractsOverlay(registry, cog, new Map(index.map((c) => [c.code, c])), (codes) => communesOutline(codes, topologies));
    const [epci, unmapped] = overlay.contracts;
    expect(epci).toMatchObject({ communes: ['01001', '01002'], population: 300, mapped: true, bbox: [0, 0, 2, 1], statusLabel: 'Signé / en cours', perimeterTypeLabel: 'EPCI' });
    expect(unmapped).toMatchObject({ communes: [], population: null, mapped: false, unmappedReason: 'non identifié', bbox: null });
    expect(overlay.perimeters.features.map((f) => [f.properties.id, f.geometry.type])).toEqual([['cls-epci', 'Polygon']]);
  });
});

describe('zones overlay', () => {
  const zoneRows = [
    { codgeo: '01001', dens7: '6', cateaav2020: '30', codefrr: '4', qpv2024_codes: '' },
    { codgeo: '01002', dens7: '5', cateaav2020: '20', codefrr: '5', qpv2024_codes: '' },
    { codgeo: '01003', dens7: '3', cateaav2020: '12', codefrr: '0', qpv2024_codes: 'QN00101M' },
    { codgeo: '2A004', dens7: '2', cateaav2020: '11', codefrr: '0', qpv2024_codes: 'QN02A01M' },
  ];
  const qpvRows = [
    { code_qp: 'QN00101M', lib_qp: 'Quartier test' },
    { code_qp: 'QN02A01M', lib_qp: 'Les Salines' },
  ];

  it('writes compact columns and aggregates equal to the sum over communes', () => {
    const { overlay, facts, unmatched } = buildZonesOverlay(zoneRows, qpvRows, index, 'test');
    expect(unmatched).toEqual({ notInIndex: [], withoutFacts: [] });
    expect(overlay.communes).toEqual({
      codes: ['01001', '01002', '01003', '2A004'],
      dens7: [6, 5, 3, 2],
      aavCategory: ['30', '20', '12', '11'],
      frr: [4, 5, 0, 0],
      population: [100, 200, -1, 70000],
    });
    expect(overlay.qpvByCommune).toEqual({ '01003': ['QN00101M'], '2A004': ['QN02A01M'] });
    const pop = (c: string) => index.find((i) => i.code === c)!.population;
    expect(overlay.aggregates.departement['01']).toEqual(zoneAggregateToRow(aggregateZones(['01001', '01002', '01003'], facts, pop)));
    expect(overlay.aggregates.epci['200000001']![0]).toBe(2);
    expect(Object.keys(overlay.aggregates.region)).toEqual(['84', '94']);
  });
});
