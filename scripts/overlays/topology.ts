// The commune topology the boundaries step wrote (geo/commune-{zone}.topo.json,
// one object `territories`, properties {code}): contract perimeters are
// dissolved from it by topology merge, and commune adjacency is read from its
// shared arcs, so overlays line up exactly with the commune layer.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { feature, neighbors } from 'topojson-client';
import type { GeometryObject } from 'topojson-specification';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { ZONES, type Zone } from '../../src/lib/levels.ts';
import { dissolveCommunes, type CommuneTopology } from '../../src/lib/dissolve.ts';

export function readCommuneTopologies(outDir: string): Map<Zone, CommuneTopology> {
  const result = new Map<Zone, CommuneTopology>();
  for (const zone of ZONES) {
    const file = path.join(outDir, 'geo', `commune-${zone}.topo.json`);
    if (!existsSync(file)) {
      throw new Error(`${file} is missing: the overlays step reads the commune topology written by the boundaries step (run the whole build)`);
    }
    result.set(zone, JSON.parse(readFileSync(file, 'utf8')) as CommuneTopology);
  }
  return result;
}

type CommuneGeometry = GeometryObject<{ code: string }> & { properties: { code: string } };

function geometries(topology: CommuneTopology): CommuneGeometry[] {
  return topology.objects.territories.geometries as CommuneGeometry[];
}

function roundPositions(rings: Position[][][], digits: number): Position[][][] {
  const f = 10 ** digits;
  return rings.map((polygon) => polygon.map((ring) => ring.map(([x, y]) => [Math.round(x! * f) / f, Math.round(y! * f) / f])));
}

/**
 * The outline of a set of communes (src/lib/dissolve.ts), rounded to `digits`
 * decimals, as a Polygon when it is one piece. Communes may sit in several
 * zones. Returns null when none of the codes is in the topologies.
 */
export function communesOutline(
  codes: Iterable<string>,
  topologies: ReadonlyMap<Zone, CommuneTopology>,
  digits = 5,
): Polygon | MultiPolygon | null {
  const polygons = dissolveCommunes(topologies.values(), codes).geometry.coordinates;
  if (polygons.length === 0) return null;
  const rounded = roundPositions(polygons, digits);
  return rounded.length === 1 ? { type: 'Polygon', coordinates: rounded[0]! } : { type: 'MultiPolygon', coordinates: rounded };
}

/** Commune code → codes of the communes sharing at least one arc with it. */
export function communeAdjacency(topologies: ReadonlyMap<Zone, CommuneTopology>): Map<string, string[]> {
  const adjacency = new Map<string, string[]>();
  for (const topology of topologies.values()) {
    const list = geometries(topology);
    const codes = list.map((g) => g.properties.code);
    const indices = neighbors(list as GeometryObject[]);
    list.forEach((_, i) => {
      const code = codes[i]!;
      const mine = adjacency.get(code) ?? [];
      for (const j of indices[i] ?? []) {
        const other = codes[j]!;
        if (other !== code && !mine.includes(other)) mine.push(other);
      }
      adjacency.set(code, mine.sort());
    });
  }
  return adjacency;
}

/** The communes as GeoJSON features (for point-in-polygon). */
export function communeFeatures(topologies: ReadonlyMap<Zone, CommuneTopology>): Array<Feature<Polygon | MultiPolygon, { code: string }>> {
  const result: Array<Feature<Polygon | MultiPolygon, { code: string }>> = [];
  for (const topology of topologies.values()) {
    const collection = feature(topology, topology.objects.territories);
    for (const f of collection.features) {
      if (f.geometry && (f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon')) {
        result.push(f as Feature<Polygon | MultiPolygon, { code: string }>);
      }
    }
  }
  return result;
}
