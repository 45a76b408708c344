// The boundaries pipeline's pure steps on a hand-made fixture: four unit
// squares in a 2×2 grid, two EPCI (A+B, C+D), plus one island commune
// outside any EPCI.
//
//   y=2 +----+----+
//       | C  | D  |      E  (island, x 3..4)
//   y=1 +----+----+
//       | A  | B  |
//   y=0 +----+----+
//      x=0  x=1  x=2
import { describe, expect, it } from 'vitest';
import { LEVELS, nestsIn, PARENT_CHAIN } from '../../src/lib/levels.ts';
import type { CommuneRecord, EpciRecord } from '../../scripts/lib/cog.ts';
import { toCommuneShapes } from '../../scripts/boundaries/communes.ts';
import { buildCommuneTopology, emptyTerritories, polygonsOf, ringArea, arcIndex, type ZoneTopology } from '../../scripts/boundaries/topology.ts';
import { dissolve, pruneArcs } from '../../scripts/boundaries/dissolve.ts';
import { chainArcs } from '../../scripts/boundaries/chain.ts';
import { buildLayers } from '../../scripts/boundaries/layers.ts';
import { buildTerritoryIndexes, sumPopulation, toMemberships, roundBBox } from '../../scripts/boundaries/territory-index.ts';
import { extractCommuneFacts } from '../../scripts/boundaries/facts.ts';
import { serialise } from '../../scripts/lib/json-file.ts';
import { mergeManifest } from '../../scripts/lib/manifest.ts';

const square = (x: number, y: number, size = 1): GeoJSON.Polygon => ({
  type: 'Polygon',
  coordinates: [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]],
});

const FEATURES = [
  // Deliberately unsorted, with a code that lost its leading zero.
  { properties: { DEPCOM: '01004', AREA: 2e6 }, geometry: square(1, 1) },
  { properties: { DEPCOM: '1001', AREA: 1e6 }, geometry: square(0, 0) },
  { properties: { DEPCOM: '01002', AREA: 1e6 }, geometry: square(1, 0) },
  { properties: { DEPCOM: '01003', AREA: 1e6 }, geometry: square(0, 1) },
  { properties: { DEPCOM: '02001', AREA: null }, geometry: square(3, 0, 0.01) },
];

const record = (code: string, epci: string | null, departement: string, bv: string): CommuneRecord => ({
  code,
  name: `Commune ${code}`,
  epci,
  epciName: epci ? `EPCI ${epci}` : null,
  bv,
  bvName: `Bassin ${bv}`,
  departement,
  departementName: `Département ${departement}`,
  region: '84',
  regionName: 'Région 84',
});

const RECORDS: CommuneRecord[] = [
  record('01001', '200000001', '01', '01001'),
  record('01002', '200000001', '01', '01001'),
  record('01003', '200000002', '01', '01003'),
  record('01004', '200000002', '01', '01003'),
  record('02001', null, '02', '01003'),
];

const EPCI: EpciRecord[] = [
  { code: '200000001', name: 'CC A-B', nature: 'CC', seatDepartement: '01' },
  { code: '200000002', name: 'CA C-D', nature: 'CA', seatDepartement: '01' },
];

const shapes = toCommuneShapes(FEATURES);
const memberships = new Map(toMemberships(RECORDS).map((m) => [m.code, m]));

function totalArea(topology: ZoneTopology, code: string): number {
  const geometry = topology.objects.territories.geometries.find((g) => g.properties.code === code)!;
  return polygonsOf(geometry).reduce((sum, polygon) => sum + polygon.reduce((s, ring, i) => s + (i === 0 ? 1 : -1) * ringArea(topology, ring), 0), 0);
}

describe('commune shapes', () => {
  it('normalises codes, sorts by code and computes a missing area', () => {
    expect(shapes.map((s) => s.code)).toEqual(['01001', '01002', '01003', '01004', '02001']);
    const island = shapes.find((s) => s.code === '02001')!;
    expect(island.areaComputed).toBe(true);
    // 0.01° × 0.01° at the equator ≈ 1.11 km × 1.11 km
    expect(island.areaM2 / 1e6).toBeCloseTo(1.236, 2);
    expect(shapes[0]!.bbox).toEqual([0, 0, 1, 1]);
  });

  it('rejects a duplicate or invalid code', () => {
    expect(() => toCommuneShapes([FEATURES[0]!, FEATURES[0]!])).toThrow(/01004 appears twice/);
    expect(() => toCommuneShapes([{ properties: { DEPCOM: 'x' }, geometry: square(0, 0) }])).toThrow(/invalid commune code/);
  });
});

describe('commune topology', () => {
  const topology = buildCommuneTopology(shapes, { quantization: 1e3 });

  it('keeps one geometry per commune, in code order, with properties {code} only', () => {
    const geometries = topology.objects.territories.geometries;
    expect(geometries.map((g) => g.properties)).toEqual(shapes.map((s) => ({ code: s.code })));
    expect(emptyTerritories(topology)).toEqual([]);
  });

  it('shares the arcs between neighbours', () => {
    const uses = new Map<number, number>();
    for (const g of topology.objects.territories.geometries) {
      for (const polygon of polygonsOf(g)) for (const ring of polygon) for (const arc of ring) uses.set(arcIndex(arc), (uses.get(arcIndex(arc)) ?? 0) + 1);
    }
    // 4 inner edges of the 2×2 grid are each used twice.
    expect([...uses.values()].filter((n) => n === 2)).toHaveLength(4);
  });

  it('never lets simplification erase a small commune', () => {
    // A weight threshold far above every vertex: rings must still keep an area.
    const brutal = buildCommuneTopology(shapes, { quantization: 1e4, minWeight: 1e9 });
    expect(emptyTerritories(brutal)).toEqual([]);
  });

  it('is deterministic', () => {
    const again = buildCommuneTopology([...shapes].reverse().sort((a, b) => (a.code < b.code ? -1 : 1)), { quantization: 1e3 });
    expect(serialise(again).equals(serialise(topology))).toBe(true);
  });
});

describe('dissolve and prune', () => {
  const communes = buildCommuneTopology(shapes, { quantization: 1e3 });
  const epciOf = (code: string) => memberships.get(code)!.epci;

  it('merges communes into their EPCI, whose area is the sum of its communes', () => {
    const epci = pruneArcs(communes, dissolve(communes, epciOf));
    expect(epci.objects.territories.geometries.map((g) => g.properties.code)).toEqual(['02001', '200000001', '200000002']);
    expect(totalArea(epci, '200000001')).toBe(totalArea(communes, '01001') + totalArea(communes, '01002'));
    expect(totalArea(epci, '200000002')).toBe(totalArea(communes, '01003') + totalArea(communes, '01004'));
    expect(totalArea(epci, '02001')).toBe(totalArea(communes, '02001'));
  });

  it('keeps only the arcs a level uses, renumbered from 0', () => {
    const region = pruneArcs(communes, dissolve(communes, () => '84'));
    const used = new Set<number>();
    for (const g of region.objects.territories.geometries) for (const p of polygonsOf(g)) for (const r of p) for (const a of r) used.add(arcIndex(a));
    expect(used.size).toBe(region.arcs.length);
    expect(Math.max(...used)).toBe(region.arcs.length - 1);
    expect(region.arcs.length).toBeLessThan(communes.arcs.length);
    expect(region.transform).toEqual(communes.transform);
    // The 2×2 block and the island: two polygons.
    const geometry = region.objects.territories.geometries[0]!;
    expect(geometry.type).toBe('MultiPolygon');
    expect(polygonsOf(geometry)).toHaveLength(2);
  });

  it('joins the arcs of a dissolved level at nodes that are no longer junctions', () => {
    const region = pruneArcs(communes, dissolve(communes, () => '84'));
    const chained = chainArcs(region);
    // One closed arc around the 2×2 block, one around the island.
    expect(chained.arcs).toHaveLength(2);
    expect(totalArea(chained, '84')).toBe(totalArea(region, '84'));
    const epci = pruneArcs(communes, dissolve(communes, epciOf));
    const epciChained = chainArcs(epci);
    // The shared EPCI border (2 commune edges) becomes one arc; so do each EPCI's outer edges.
    expect(epciChained.arcs.length).toBe(4);
    for (const code of ['200000001', '200000002', '02001']) expect(totalArea(epciChained, code)).toBe(totalArea(epci, code));
    expect(chainArcs(chained)).toEqual(chained);
  });

  it('builds every level of a zone and they nest', () => {
    const layers = buildLayers(shapes, memberships, { quantization: { metro: 1e3 } });
    expect(layers.commune.metro!.objects.territories.geometries).toHaveLength(5);
    expect(layers.epci.metro!.objects.territories.geometries).toHaveLength(3);
    expect(layers.bv.metro!.objects.territories.geometries).toHaveLength(2);
    expect(layers.departement.metro!.objects.territories.geometries).toHaveLength(2);
    expect(layers.region.metro!.objects.territories.geometries).toHaveLength(1);
    const all = ['01001', '01002', '01003', '01004', '02001'].reduce((s, c) => s + totalArea(layers.commune.metro!, c), 0);
    expect(totalArea(layers.region.metro!, '84')).toBe(all);
    expect(layers.commune['971']).toBeUndefined();
  });
});

describe('territory index', () => {
  const facts = extractCommuneFacts(
    [
      { code: '01001', nom: 'Commune 01001', type: 'commune-actuelle', population: 100, codesPostaux: ['01400', '01400'] },
      { code: '01002', nom: 'Autre nom', type: 'commune-actuelle', population: 50, codesPostaux: ['01400'] },
      { code: '01003', nom: 'Commune 01003', type: 'commune-actuelle', population: null },
      { code: '01004', nom: 'Commune 01004', type: 'commune-actuelle', population: 7 },
      { code: '02001', nom: 'Commune 02001', type: 'commune-actuelle', population: 3 },
      { code: '01001', nom: 'Délégué', type: 'commune-deleguee', population: 99 },
      { code: '75101', nom: 'Paris 1er', type: 'arrondissement-municipal', population: 1 },
      { code: '97501', nom: 'Saint-Pierre', type: 'commune-actuelle', zone: 'com', population: 1 },
    ],
    RECORDS,
  );
  const indexes = buildTerritoryIndexes({ communes: RECORDS, shapes: new Map(shapes.map((s) => [s.code, s])), facts: facts.facts, epci: EPCI });

  it('reads only current communes of the COG and reports name differences', () => {
    expect(facts.missing).toEqual([]);
    expect(facts.extra).toEqual([]);
    expect(facts.nameDifferences).toEqual([{ code: '01002', cog: 'Commune 01002', package: 'Autre nom' }]);
  });

  it('gives each commune one parent per supra level, and its own code as pseudo-EPCI when it has none', () => {
    const byCode = new Map(indexes.commune.territories.map((t) => [t.code, t]));
    expect(byCode.get('01001')!.parents).toEqual({ epci: '200000001', bv: '01001', departement: '01', region: '84' });
    expect(byCode.get('02001')!.parents.epci).toBe('02001');
    expect(byCode.get('01001')!.postcodes).toEqual(['01400']);
    expect(byCode.get('01003')!.population).toBeNull();
    for (const t of indexes.commune.territories) expect(Object.keys(t.parents)).toEqual([...PARENT_CHAIN.commune]);
  });

  it('sums populations, areas and communes into coarser levels (null is not 0)', () => {
    const epci = new Map(indexes.epci.territories.map((t) => [t.code, t]));
    expect(epci.get('200000001')).toMatchObject({ name: 'CC A-B', population: 150, areaKm2: 2, communes: 2, nature: 'CC', siren: '200000001', parents: { departement: '01', region: '84' } });
    expect(epci.get('200000002')!.population).toBe(7);
    expect(epci.get('02001')).toMatchObject({ name: 'Commune 02001', noEpci: true, population: 3, parents: { departement: '02', region: '84' } });
    expect(indexes.region.territories).toHaveLength(1);
    expect(indexes.region.territories[0]).toMatchObject({ code: '84', population: 160, communes: 5, parents: {}, bbox: [0, 0, 3.01, 2] });
    expect(indexes.bv.territories.map((t) => [t.code, t.name, t.parents.departement])).toEqual([
      ['01001', 'Bassin 01001', '01'],
      ['01003', 'Bassin 01003', '01'],
    ]);
    for (const level of LEVELS.slice(1)) {
      for (const t of indexes[level].territories) expect(Object.keys(t.parents)).toEqual([...PARENT_CHAIN[level]]);
    }
  });

  it('sums populations and rounds boxes outwards', () => {
    expect(sumPopulation([null, null])).toBeNull();
    expect(sumPopulation([null, 0, 2])).toBe(2);
    expect(roundBBox([2.99991, 48.00001, 3.12341, 48.84])).toEqual([2.9999, 48, 3.1235, 48.84]);
  });
});

describe('level hierarchy', () => {
  it('lets communes and départements nest, not EPCI nor bassins de vie', () => {
    expect(nestsIn('commune', 'epci')).toBe(true);
    expect(nestsIn('commune', 'region')).toBe(true);
    expect(nestsIn('departement', 'region')).toBe(true);
    expect(nestsIn('epci', 'departement')).toBe(false);
    expect(nestsIn('bv', 'region')).toBe(false);
    expect(nestsIn('region', 'departement')).toBe(false);
    expect(PARENT_CHAIN.commune).toEqual(['epci', 'bv', 'departement', 'region']);
    expect(PARENT_CHAIN.region).toEqual([]);
  });
});

describe('manifest', () => {
  it('merges parts from several steps, credits sorted and unique', () => {
    const credit = (id: string) => ({ id, producer: 'P', title: 'T', licence: 'L', vintage: 'V', url: null });
    const first = mergeManifest(null, { sources: [credit('b'), credit('a')], geometry: { commune: [] } });
    const second = mergeManifest(first, { sources: [credit('a'), credit('c')], indicators: 'indicators/catalogue.json' });
    expect(Object.keys(second)).toEqual(['version', 'cog', 'sources', 'geometry', 'indicators']);
    expect(second.sources.map((s) => s.id)).toEqual(['a', 'b', 'c']);
  });
});
