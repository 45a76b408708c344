// Pure parts of the DROM inset maps: a local projection, SVG path data of a
// territory, and each territory's fill from the classification the main
// choropleth uses (its own `choroplethStates`, never a second classification).
import type { Geometry, Position } from 'geojson';
import type { BBox } from '../data/types.ts';
import type { Classification } from '../lib/classify.ts';
import { NO_DATA_COLOR } from '../lib/classify.ts';
import { choroplethStates } from '../indicators/indicator-choropleth.ts';
import type { IndicatorStatus } from '../indicators/indicator-service.ts';
import { TERRITORY_STYLE } from '../layers/territories.ts';

/** Size of an inset's SVG viewBox (it scales with its CSS size). */
export interface InsetFrame {
  readonly width: number;
  readonly height: number;
  readonly pad: number;
}

export const INSET_FRAME: InsetFrame = { width: 100, height: 60, pad: 3 };

/**
 * Equirectangular projection whose x is scaled by cos(mid-latitude) (true
 * shapes at an island's size), fitting `bbox` in the frame minus its padding,
 * centred; y grows downwards.
 */
export function insetProjection(bbox: BBox, frame: InsetFrame = INSET_FRAME): (p: Position) => [number, number] {
  const [w, s, e, n] = bbox;
  const k = Math.cos((((s + n) / 2) * Math.PI) / 180);
  const spanX = Math.max((e - w) * k, 1e-9);
  const spanY = Math.max(n - s, 1e-9);
  const scale = Math.min((frame.width - 2 * frame.pad) / spanX, (frame.height - 2 * frame.pad) / spanY);
  const offsetX = (frame.width - spanX * scale) / 2;
  const offsetY = (frame.height - spanY * scale) / 2;
  return ([lng, lat]) => [offsetX + (lng! - w) * k * scale, offsetY + (n - lat!) * scale];
}

const round = (v: number) => Math.round(v * 10) / 10;

/** "M x y L x y … Z" of a ring, at 0.1 unit, points that round to the previous one dropped; '' under 3 points. */
export function ringPath(ring: readonly Position[], project: (p: Position) => [number, number]): string {
  const points: [number, number][] = [];
  for (const p of ring) {
    const [x, y] = project(p);
    const q: [number, number] = [round(x), round(y)];
    const last = points[points.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) points.push(q);
  }
  const first = points[0];
  const last = points[points.length - 1];
  if (points.length > 1 && first && last && first[0] === last[0] && first[1] === last[1]) points.pop();
  if (points.length < 3) return '';
  return `M${points.map(([x, y]) => `${x} ${y}`).join('L')}Z`;
}

/** Path data of a Polygon or MultiPolygon (holes included: draw with fill-rule evenodd); '' for anything else. */
export function geometryPath(geometry: Geometry | null, project: (p: Position) => [number, number]): string {
  if (!geometry) return '';
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
  return polygons.flatMap((rings) => rings.map((ring) => ringPath(ring, project))).join('');
}

export interface InsetShape {
  readonly code: string;
  readonly d: string;
}

/** The shapes of one inset, projected to fit `bbox`; territories that draw nothing are left out. */
export function insetShapes(features: readonly { code: string; geometry: Geometry | null }[], bbox: BBox, frame: InsetFrame = INSET_FRAME): InsetShape[] {
  const project = insetProjection(bbox, frame);
  return features.map((f) => ({ code: f.code, d: geometryPath(f.geometry, project) })).filter((s) => s.d !== '');
}

/**
 * The fill of each territory as the main map paints it: the class colour
 * the choropleth writes in feature-state, no-data grey without one; every
 * territory grey when the indicator has no value at the level; the land
 * colour when no indicator is mapped.
 */
export function insetFills(
  codes: readonly string[],
  status: IndicatorStatus,
  values: ReadonlyMap<string, number | null> | null,
  classification: Pick<Classification, 'breaks' | 'colors'> | null,
): Map<string, string> {
  const out = new Map<string, string>();
  if (status === 'ready' && values && classification) {
    const inOrder = codes.map((code) => values.get(code));
    for (const [code, state] of choroplethStates(codes, inOrder, classification)) out.set(code, state.color ?? NO_DATA_COLOR);
  } else {
    const colour = status === 'unavailable' ? NO_DATA_COLOR : TERRITORY_STYLE.land;
    for (const code of codes) out.set(code, colour);
  }
  return out;
}
