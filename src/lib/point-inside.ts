// A point inside a polygon, for labels (the build) and for lasso and range
// selection of communes (the viewer). Pure, planar (lng/lat as x/y).

export type LngLat = readonly [number, number];

/** Ray casting; points on the edge count as inside or outside arbitrarily (fine for a selection). */
export function pointInRing(point: LngLat, ring: readonly LngLat[]): boolean {
  const [x, y] = point;
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Signed-area centroid of a ring (planar); null for a degenerate ring. */
function ringCentroid(ring: readonly GeoJSON.Position[]): [number, number, number] | null {
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]! as [number, number];
    const [xj, yj] = ring[j]! as [number, number];
    const f = xj * yi - xi * yj;
    a += f;
    cx += (xj + xi) * f;
    cy += (yj + yi) * f;
  }
  if (a === 0) return null;
  return [cx / (3 * a), cy / (3 * a), Math.abs(a / 2)];
}

function inPolygon(point: LngLat, polygon: readonly (readonly GeoJSON.Position[])[]): boolean {
  const [outer, ...holes] = polygon as GeoJSON.Position[][];
  if (!outer || !pointInRing(point, outer as unknown as LngLat[])) return false;
  return !holes.some((h) => pointInRing(point, h as unknown as LngLat[]));
}

/**
 * A point guaranteed inside a (Multi)Polygon (for lasso and range selection):
 * the centroid of its largest part when it falls inside, otherwise the middle
 * of the widest inside stretch of the horizontal line through that centroid
 * (crescent- or U-shaped communes). Null for an empty geometry.
 */
export function pointInside(geometry: GeoJSON.Polygon | GeoJSON.MultiPolygon): LngLat | null {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let best: { polygon: GeoJSON.Position[][]; c: [number, number, number] } | null = null;
  for (const polygon of polygons) {
    const c = polygon[0] ? ringCentroid(polygon[0]) : null;
    if (c && (!best || c[2] > best.c[2])) best = { polygon, c };
  }
  if (!best) return null;
  const [cx, cy] = best.c;
  if (inPolygon([cx, cy], best.polygon)) return [cx, cy];
  // Scanline through the centroid: crossings sorted, inside stretches alternate.
  const xs: number[] = [];
  for (const ring of best.polygon)
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]! as [number, number];
      const [xj, yj] = ring[j]! as [number, number];
      if (yi > cy !== yj > cy) xs.push(xi + ((cy - yi) * (xj - xi)) / (yj - yi));
    }
  xs.sort((a, b) => a - b);
  let widest: LngLat | null = null;
  let width = -1;
  for (let k = 0; k + 1 < xs.length; k += 2) {
    const w = xs[k + 1]! - xs[k]!;
    if (w > width) {
      width = w;
      widest = [(xs[k]! + xs[k + 1]!) / 2, cy];
    }
  }
  const first = best.polygon[0]?.[0];
  return widest ?? (first ? [first[0]!, first[1]!] : null);
}
