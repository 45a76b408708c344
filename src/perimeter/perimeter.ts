// A custom perimeter: a set of commune codes a planner assembles to compare
// with the official levels. Pure and immutable: every edit returns a new
// state, and the history keeps the previous ones for undo / redo.
//
// Range selection (shift-click) is defined geometrically, because INSEE code
// order means nothing on the ground: the communes added are those whose
// representative point lies inside the convex hull of the two clicked
// communes' bounding boxes — a corridor from the anchor to the new commune,
// as wide as the two communes themselves. Both ends are always added.
//
// Lasso selection adds the communes whose representative point (a point
// guaranteed inside the commune, not its bbox centre) lies inside the drawn
// polygon.
import type { SupraLevel } from '../lib/levels.ts';

/** [west, south, east, north], WGS84. */
export type BBox = readonly [number, number, number, number];
export type LngLat = readonly [number, number];

/** What a perimeter edit needs to know about a commune. */
export interface PerimeterCommune {
  readonly code: string;
  readonly parents: Partial<Record<SupraLevel, string>>;
  readonly bbox: BBox;
}

/** Communes by code, plus where each one's representative point is. */
export interface CommuneLookup {
  readonly communes: ReadonlyMap<string, PerimeterCommune>;
  /**
   * A point inside the commune (e.g. turf's pointOnFeature on its geometry),
   * computed lazily by the caller; the bbox centre is used when absent.
   */
  readonly pointOf?: (code: string) => LngLat | null;
}

/** The perimeter itself: commune codes, kept sorted for stable output. */
export interface Perimeter {
  readonly communes: readonly string[];
}

export const EMPTY_PERIMETER: Perimeter = { communes: [] };

const byCode = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function perimeterOf(codes: Iterable<string>): Perimeter {
  return { communes: [...new Set(codes)].sort(byCode) };
}

export function hasCommune(perimeter: Perimeter, code: string): boolean {
  // Sorted array: binary search keeps 1,000-commune perimeters cheap per render.
  let lo = 0;
  let hi = perimeter.communes.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const value = perimeter.communes[mid]!;
    if (value === code) return true;
    if (value < code) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

export function addCommunes(perimeter: Perimeter, codes: Iterable<string>): Perimeter {
  const set = new Set(perimeter.communes);
  const before = set.size;
  for (const code of codes) set.add(code);
  return set.size === before ? perimeter : perimeterOf(set);
}

export function removeCommunes(perimeter: Perimeter, codes: Iterable<string>): Perimeter {
  const set = new Set(perimeter.communes);
  const before = set.size;
  for (const code of codes) set.delete(code);
  return set.size === before ? perimeter : perimeterOf(set);
}

export function toggleCommune(perimeter: Perimeter, code: string): Perimeter {
  return hasCommune(perimeter, code) ? removeCommunes(perimeter, [code]) : addCommunes(perimeter, [code]);
}

/** Every commune whose parent at `level` is `code` (a whole EPCI, bassin de vie…). */
export function communesOfParent(lookup: CommuneLookup, level: SupraLevel, code: string): string[] {
  const out: string[] = [];
  for (const commune of lookup.communes.values()) if (commune.parents[level] === code) out.push(commune.code);
  return out.sort(byCode);
}

export function representativePoint(lookup: CommuneLookup, code: string): LngLat | null {
  const point = lookup.pointOf?.(code);
  if (point) return point;
  const commune = lookup.communes.get(code);
  if (!commune) return null;
  const [w, s, e, n] = commune.bbox;
  return [(w + e) / 2, (s + n) / 2];
}

// --- geometry helpers (planar lng/lat: perimeters span a few dozen km) -----

const cross = (o: LngLat, a: LngLat, b: LngLat): number => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);

/** Convex hull, counter-clockwise, without the closing point (Andrew's monotone chain). */
export function convexHull(points: readonly LngLat[]): LngLat[] {
  const sorted = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (sorted.length < 3) return sorted;
  const lower: LngLat[] = [];
  for (const p of sorted) {
    while (lower.length >= 2 && cross(lower[lower.length - 2]!, lower[lower.length - 1]!, p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper: LngLat[] = [];
  for (let i = sorted.length - 1; i >= 0; i--) {
    const p = sorted[i]!;
    while (upper.length >= 2 && cross(upper[upper.length - 2]!, upper[upper.length - 1]!, p) <= 0) upper.pop();
    upper.push(p);
  }
  lower.pop();
  upper.pop();
  return lower.concat(upper);
}

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

function ringBBox(ring: readonly LngLat[]): BBox {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (const [x, y] of ring) {
    if (x < w) w = x;
    if (x > e) e = x;
    if (y < s) s = y;
    if (y > n) n = y;
  }
  return [w, s, e, n];
}

/** Communes whose representative point lies inside `ring` (a lasso, a hull). */
export function communesInRing(lookup: CommuneLookup, ring: readonly LngLat[]): string[] {
  if (ring.length < 3) return [];
  const [w, s, e, n] = ringBBox(ring);
  const out: string[] = [];
  for (const commune of lookup.communes.values()) {
    // Cheap bbox test first: the representative point may be costly to compute.
    const [cw, cs, ce, cn] = commune.bbox;
    if (ce < w || cw > e || cn < s || cs > n) continue;
    const code = commune.code;
    const p = representativePoint(lookup, code);
    if (!p || p[0] < w || p[0] > e || p[1] < s || p[1] > n) continue;
    if (pointInRing(p, ring)) out.push(code);
  }
  return out.sort(byCode);
}

const bboxCorners = ([w, s, e, n]: BBox): LngLat[] => [
  [w, s],
  [e, s],
  [e, n],
  [w, n],
];

/**
 * The shift-click range from `anchor` to `target`: both communes, plus every
 * commune whose representative point lies in the convex hull of their two
 * bounding boxes (see the header comment).
 */
export function rangeBetween(lookup: CommuneLookup, anchor: string, target: string): string[] {
  const a = lookup.communes.get(anchor);
  const b = lookup.communes.get(target);
  if (!a || !b) return b ? [target] : [];
  const hull = convexHull([...bboxCorners(a.bbox), ...bboxCorners(b.bbox)]);
  const codes = new Set(communesInRing(lookup, hull));
  codes.add(anchor);
  codes.add(target);
  return [...codes].sort(byCode);
}

// --- history -------------------------------------------------------------

export const HISTORY_LIMIT = 100;

export interface PerimeterHistory {
  readonly past: readonly Perimeter[];
  readonly present: Perimeter;
  readonly future: readonly Perimeter[];
  /** The last commune clicked: the anchor of the next shift-click range. */
  readonly anchor: string | null;
}

export function createHistory(initial: Perimeter = EMPTY_PERIMETER): PerimeterHistory {
  return { past: [], present: initial, future: [], anchor: null };
}

/** Records a new present; an edit that changes nothing adds no undo step. */
export function commit(history: PerimeterHistory, next: Perimeter, anchor: string | null = history.anchor): PerimeterHistory {
  if (samePerimeter(next, history.present)) return anchor === history.anchor ? history : { ...history, anchor };
  const past = [...history.past, history.present];
  if (past.length > HISTORY_LIMIT) past.splice(0, past.length - HISTORY_LIMIT);
  return { past, present: next, future: [], anchor };
}

export function undo(history: PerimeterHistory): PerimeterHistory {
  const previous = history.past[history.past.length - 1];
  if (!previous) return history;
  return { past: history.past.slice(0, -1), present: previous, future: [history.present, ...history.future], anchor: null };
}

export function redo(history: PerimeterHistory): PerimeterHistory {
  const next = history.future[0];
  if (!next) return history;
  return { past: [...history.past, history.present], present: next, future: history.future.slice(1), anchor: null };
}

export const canUndo = (history: PerimeterHistory): boolean => history.past.length > 0;
export const canRedo = (history: PerimeterHistory): boolean => history.future.length > 0;

export function samePerimeter(a: Perimeter, b: Perimeter): boolean {
  if (a === b) return true;
  if (a.communes.length !== b.communes.length) return false;
  return a.communes.every((code, i) => code === b.communes[i]);
}

// --- edits as actions, so the UI has one reducer -------------------------

export type PerimeterAction =
  | { type: 'click'; code: string; shift?: boolean }
  | { type: 'add'; codes: readonly string[] }
  | { type: 'remove'; codes: readonly string[] }
  | { type: 'addParent'; level: SupraLevel; code: string }
  | { type: 'lasso'; ring: readonly LngLat[]; remove?: boolean }
  | { type: 'replace'; codes: readonly string[] }
  | { type: 'clear' }
  | { type: 'undo' }
  | { type: 'redo' };

/**
 * Applies one action. A click toggles the commune; a shift-click adds the
 * range from the anchor (or toggles when there is no anchor yet).
 */
export function applyPerimeterAction(history: PerimeterHistory, action: PerimeterAction, lookup: CommuneLookup): PerimeterHistory {
  const present = history.present;
  switch (action.type) {
    case 'click': {
      if (action.shift && history.anchor && history.anchor !== action.code) {
        return commit(history, addCommunes(present, rangeBetween(lookup, history.anchor, action.code)), action.code);
      }
      return commit(history, toggleCommune(present, action.code), action.code);
    }
    case 'add':
      return commit(history, addCommunes(present, action.codes));
    case 'remove':
      return commit(history, removeCommunes(present, action.codes));
    case 'addParent':
      return commit(history, addCommunes(present, communesOfParent(lookup, action.level, action.code)));
    case 'lasso': {
      const inside = communesInRing(lookup, action.ring);
      return commit(history, action.remove ? removeCommunes(present, inside) : addCommunes(present, inside));
    }
    case 'replace':
      return commit(history, perimeterOf(action.codes), null);
    case 'clear':
      return commit(history, EMPTY_PERIMETER, null);
    case 'undo':
      return undo(history);
    case 'redo':
      return redo(history);
  }
}

// --- representative point ------------------------------------------------

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
