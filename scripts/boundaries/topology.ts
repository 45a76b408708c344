// One topology per zone: the shared arcs make every coarser level an exact
// union of communes. Simplification is light and never collapses a ring.
import { topology as buildTopology } from 'topojson-server';
import { presimplify, simplify } from 'topojson-simplify';
import { quantize } from 'topojson-client';
import type { Zone } from '../../src/lib/levels.ts';
import type { CommuneShape } from './types.ts';

/**
 * Quantisation per zone (grid steps over the zone's bbox). The mirror's
 * geometry is fit for zoom ~10, where a pixel is ≈ 105 m at 46°N. Metro spans
 * ~15° × 10°: 2e4 steps ≈ 55 m, half a pixel at zoom 10 — finer grids cost
 * gzip bytes (1e5 → +0.26 MB) for no visible gain (docs/DATA-BUDGET.md).
 * The DROM are shown zoomed in and weigh ~20 KB in all: ≈ 10 m steps
 * (1e4 over < 1°; Guyane 4e4 over ~4°).
 */
export const QUANTIZATION: Record<Zone, number> = {
  metro: 2e4,
  '971': 1e4,
  '972': 1e4,
  '973': 4e4,
  '974': 1e4,
  '976': 1e4,
};

/**
 * Minimum Visvalingam weight (planar triangle area, square degrees) a vertex
 * needs to survive: 1.3e-6 deg² ≈ 11,000 m² at 46°N ≈ one pixel² at zoom 10.
 * The mirror's geometry is already simplified, so this removes little; it is
 * a guard, not the size lever (quantisation is).
 */
export const DEFAULT_MIN_WEIGHT = 1.3e-6;

/** Arc indexes of a Polygon / MultiPolygon, as TopoJSON stores them. */
export type PolygonArcs = number[][];
export interface TopoPolygon {
  type: 'Polygon' | 'MultiPolygon';
  arcs: PolygonArcs | PolygonArcs[];
  properties: { code: string };
}

export interface ZoneTopology {
  type: 'Topology';
  bbox?: number[];
  transform?: { scale: [number, number]; translate: [number, number] };
  objects: { territories: { type: 'GeometryCollection'; geometries: TopoPolygon[] } };
  arcs: number[][][];
}

export function polygonsOf(geometry: TopoPolygon): PolygonArcs[] {
  return geometry.type === 'Polygon' ? [geometry.arcs as PolygonArcs] : (geometry.arcs as PolygonArcs[]);
}

export const arcIndex = (arc: number): number => (arc < 0 ? ~arc : arc);

/**
 * Builds the commune topology of one zone: shared arcs, light Visvalingam
 * simplification protecting every ring, then quantisation on the zone's bbox.
 */
export function buildCommuneTopology(
  shapes: readonly CommuneShape[],
  options: { quantization: number; minWeight?: number },
): ZoneTopology {
  const minWeight = options.minWeight ?? DEFAULT_MIN_WEIGHT;
  const collection: GeoJSON.FeatureCollection = {
    type: 'FeatureCollection',
    features: shapes.map((s) => ({ type: 'Feature', properties: { code: s.code }, geometry: s.geometry })),
  };
  // Quantising while building snaps near-coincident vertices before arcs are cut.
  const quantized = buildTopology({ territories: collection }, options.quantization) as unknown as ZoneTopology;
  const transform = quantized.transform!;
  const weighted = presimplify(quantized as never) as unknown as ZoneTopology;
  protectRings(weighted, minWeight);
  const simplified = simplify(weighted as never, minWeight) as unknown as ZoneTopology;
  delete simplified.transform; // simplify() copies an undefined transform
  return quantize(simplified as never, transform as never) as unknown as ZoneTopology;
}

/**
 * Raises the weight of the strongest vertices of any ring that would keep
 * fewer than 3 distinct vertices, so simplification never erases a commune
 * (PERFORMANCE.md: over-simplification made ~2,000 small communes vanish).
 * Arc endpoints always survive, so a ring keeps one vertex per arc plus the
 * interior vertices above the threshold.
 */
export function protectRings(weighted: ZoneTopology, minWeight: number): void {
  const arcs = weighted.arcs;
  for (const geometry of weighted.objects.territories.geometries) {
    for (const polygon of polygonsOf(geometry)) {
      for (const ring of polygon) {
        let kept = 0;
        const candidates: number[][] = [];
        for (const arc of ring) {
          const points = arcs[arcIndex(arc)]!;
          kept += 1;
          for (let i = 1; i < points.length - 1; i++) {
            const point = points[i]!;
            if (point[2]! >= minWeight) kept += 1;
            else candidates.push(point);
          }
        }
        if (kept >= 4) continue; // 4 keeps a margin against quantisation merging two vertices
        candidates.sort((a, b) => b[2]! - a[2]!);
        for (const point of candidates.slice(0, 4 - kept)) point[2] = Infinity;
      }
    }
  }
}

/** Twice the planar area of a quantised ring (delta-decoded), for emptiness checks. */
export function ringArea(topology: ZoneTopology, ring: readonly number[]): number {
  const points = ringPoints(topology, ring);
  let sum = 0;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    sum += points[j]![0]! * points[i]![1]! - points[i]![0]! * points[j]![1]!;
  }
  return Math.abs(sum);
}

/** Absolute quantised coordinates of a ring. */
export function ringPoints(topology: ZoneTopology, ring: readonly number[]): number[][] {
  const out: number[][] = [];
  for (const arc of ring) {
    const points = decodeArc(topology.arcs[arcIndex(arc)]!);
    if (arc < 0) points.reverse();
    // Consecutive arcs share their junction point.
    out.push(...(out.length > 0 ? points.slice(1) : points));
  }
  return out;
}

function decodeArc(arc: readonly number[][]): number[][] {
  let x = 0, y = 0;
  return arc.map((p) => [(x += p[0]!), (y += p[1]!)]);
}

/** Codes of the territories whose exterior rings all have zero area after simplification. */
export function emptyTerritories(topology: ZoneTopology): string[] {
  const empty: string[] = [];
  for (const geometry of topology.objects.territories.geometries) {
    const polygons = polygonsOf(geometry);
    const alive = polygons.some((polygon) => polygon.length > 0 && ringArea(topology, polygon[0]!) > 0);
    if (!alive) empty.push(geometry.properties.code);
  }
  return empty;
}
