// The outline of a set of communes, by topology merge: the commune topology
// already shares arcs between neighbours, so topojson-client's `merge` drops
// the inner arcs and stitches the outer ones — exact, fast (no polygon
// clipping), and nested exactly like the official levels built the same way.
// Shared by the build (contract perimeters) and the viewer (custom perimeter).
import { merge } from 'topojson-client';
import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification';

/** One zone's commune topology (object `territories`, `properties.code` on each geometry). */
export type CommuneTopology = Topology<{ territories: GeometryCollection<{ code: string }> }>;

type CodedGeometry = GeometryObject<{ code: string }>;

function codeOf(g: CodedGeometry): string | undefined {
  return (g.properties as { code?: string } | undefined)?.code;
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
export function dissolveCommunes(topologies: Iterable<CommuneTopology>, codes: Iterable<string>): DissolveResult {
  const wanted = new Set(codes);
  const found = new Set<string>();
  const coordinates: GeoJSON.Position[][][] = [];
  for (const topology of topologies) {
    // Topology order (not the order of `codes`): the merge is then the same for the same set.
    const selected = (topology.objects.territories.geometries as CodedGeometry[]).filter((g) => {
      const code = codeOf(g);
      if (code === undefined || !wanted.has(code) || found.has(code)) return false;
      found.add(code);
      return true;
    });
    if (selected.length === 0) continue;
    const merged = merge(topology as Topology, selected as Parameters<typeof merge>[1]);
    coordinates.push(...merged.coordinates);
  }
  const missing = [...wanted].filter((code) => !found.has(code));
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
