// The outline of a set of communes, by topology merge: the commune topology
// already shares arcs between neighbours, so topojson-client's `merge` drops
// the inner arcs and stitches the outer ones — exact, fast (no polygon
// clipping), and nested exactly like the official levels built the same way.
import { merge } from 'topojson-client';
import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification';

/** One zone's commune topology (object `territories`, `properties.code` on each geometry). */
export type CommuneTopology = Topology<{ territories: GeometryCollection<{ code: string }> }>;

type CodedGeometry = GeometryObject<{ code: string }>;

const geometryIndex = new WeakMap<object, Map<string, CodedGeometry>>();

/** code → geometry of a topology, built once per topology object. */
function indexOf(topology: CommuneTopology): Map<string, CodedGeometry> {
  let index = geometryIndex.get(topology);
  if (!index) {
    index = new Map();
    for (const g of topology.objects.territories.geometries as CodedGeometry[]) {
      const code = (g.properties as { code?: string } | undefined)?.code;
      if (code !== undefined) index.set(code, g);
    }
    geometryIndex.set(topology, index);
  }
  return index;
}

export interface DissolveResult {
  /** The outline (empty MultiPolygon when no commune matched). */
  readonly geometry: GeoJSON.MultiPolygon;
  /** Codes that were in no topology (not loaded yet, or unknown). */
  readonly missing: string[];
}

/**
 * Dissolves the given communes, looking each one up in the topologies given
 * (one per zone: a perimeter may straddle two zones only in theory, but the
 * merge is done per topology and the polygons concatenated).
 */
export function dissolveCommunes(topologies: readonly CommuneTopology[], codes: Iterable<string>): DissolveResult {
  const perTopology = topologies.map(() => [] as CodedGeometry[]);
  const missing: string[] = [];
  for (const code of codes) {
    let found = false;
    for (let i = 0; i < topologies.length; i++) {
      const g = indexOf(topologies[i]!).get(code);
      if (g) {
        perTopology[i]!.push(g);
        found = true;
        break;
      }
    }
    if (!found) missing.push(code);
  }
  const coordinates: GeoJSON.Position[][][] = [];
  topologies.forEach((topology, i) => {
    const geometries = perTopology[i]!;
    if (geometries.length === 0) return;
    const merged = merge(topology as Topology, geometries as Parameters<typeof merge>[1]);
    coordinates.push(...merged.coordinates);
  });
  return { geometry: { type: 'MultiPolygon', coordinates }, missing };
}

/** Bounding box [west, south, east, north] of a (Multi)Polygon, or null when empty. */
export function outlineBBox(geometry: GeoJSON.MultiPolygon | GeoJSON.Polygon): [number, number, number, number] | null {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  for (const polygon of polygons)
    for (const ring of polygon)
      for (const [x, y] of ring) {
        if (x! < w) w = x!;
        if (x! > e) e = x!;
        if (y! < s) s = y!;
        if (y! > n) n = y!;
      }
  return Number.isFinite(w) ? [w, s, e, n] : null;
}
