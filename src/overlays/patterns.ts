// Fill patterns and point icons drawn in code (RGBA pixels), so the site needs
// no external sprite and the overlays stay legible in greyscale: hatching,
// dots and shapes carry the meaning, colour only reinforces it.
// Pure functions: the result is handed to `map.addImage(id, image)`.

export interface PatternImage {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

export type Rgba = readonly [number, number, number, number];

export type PatternSpec =
  | {
      kind: 'hatch';
      /** Tile side in CSS pixels (the image is `size * pixelRatio` wide). */
      size: number;
      /** 45 = "/" diagonal, 135 = "\" diagonal, 0 = horizontal, 90 = vertical. */
      angle: 0 | 45 | 90 | 135;
      /** Stroke width in CSS pixels. */
      lineWidth: number;
      color: string;
      /** Optional flat background under the strokes (e.g. a faint tint). */
      background?: string;
    }
  | { kind: 'dots'; size: number; radius: number; color: string; background?: string };

export type IconShape = 'circle' | 'square' | 'triangle' | 'diamond' | 'cross';

export interface IconSpec {
  shape: IconShape;
  /** Diameter in CSS pixels. */
  size: number;
  fill: string;
  stroke: string;
  strokeWidth: number;
}

/** Parses `#rgb`, `#rrggbb` and `#rrggbbaa` into RGBA bytes (alpha 0–255). */
export function parseHexColor(color: string): Rgba {
  const hex = color.trim().replace(/^#/, '');
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
  if (!/^[0-9a-fA-F]{6}([0-9a-fA-F]{2})?$/.test(full)) throw new Error(`Couleur invalide : ${color}`);
  const n = (i: number) => parseInt(full.slice(i, i + 2), 16);
  return [n(0), n(2), n(4), full.length === 8 ? n(6) : 255];
}

/** Source-over compositing of `top` (with coverage 0–1) onto one pixel. */
function blend(data: Uint8ClampedArray, offset: number, top: Rgba, coverage: number): void {
  const a = (top[3] / 255) * coverage;
  if (a <= 0) return;
  const baseA = (data[offset + 3] ?? 0) / 255;
  const outA = a + baseA * (1 - a);
  for (let c = 0; c < 3; c += 1) {
    const base = data[offset + c] ?? 0;
    data[offset + c] = Math.round((top[c]! * a + base * baseA * (1 - a)) / outA);
  }
  data[offset + 3] = Math.round(outA * 255);
}

function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

/**
 * A seamlessly tiling pattern. Strokes are anti-aliased by coverage (distance
 * to the nearest stroke centre), and diagonals repeat with the tile, so the
 * seams between tiles do not show.
 */
export function drawPattern(spec: PatternSpec, pixelRatio = 1): PatternImage {
  const side = Math.max(2, Math.round(spec.size * pixelRatio));
  const data = new Uint8ClampedArray(side * side * 4);
  const background = spec.background ? parseHexColor(spec.background) : null;
  const ink = parseHexColor(spec.color);
  for (let y = 0; y < side; y += 1) {
    for (let x = 0; x < side; x += 1) {
      const offset = (y * side + x) * 4;
      if (background) blend(data, offset, background, 1);
      const px = x + 0.5;
      const py = y + 0.5;
      let distance: number;
      if (spec.kind === 'hatch') {
        // Distance to the nearest stroke, measured along the axis across the strokes.
        // One stroke per tile: for diagonals the period across strokes is side/√2.
        let t: number;
        let period: number;
        if (spec.angle === 0) [t, period] = [py, side];
        else if (spec.angle === 90) [t, period] = [px, side];
        else if (spec.angle === 45) [t, period] = [(px + py) / Math.SQRT2, side / Math.SQRT2];
        else [t, period] = [(px - py + side) / Math.SQRT2, side / Math.SQRT2];
        const m = ((t % period) + period) % period;
        distance = Math.min(m, period - m) - (spec.lineWidth * pixelRatio) / 2;
      } else {
        const c = side / 2;
        distance = Math.hypot(px - c, py - c) - spec.radius * pixelRatio;
      }
      blend(data, offset, ink, clamp01(0.5 - distance));
    }
  }
  return { width: side, height: side, data };
}

/** Signed distance (negative inside) from a point to a convex polygon. */
function polygonDistance(px: number, py: number, points: ReadonlyArray<readonly [number, number]>): number {
  let inside = true;
  let min = Infinity;
  for (let i = 0; i < points.length; i += 1) {
    const [ax, ay] = points[i]!;
    const [bx, by] = points[(i + 1) % points.length]!;
    const ex = bx - ax;
    const ey = by - ay;
    const len2 = ex * ex + ey * ey;
    const t = clamp01(((px - ax) * ex + (py - ay) * ey) / len2);
    min = Math.min(min, Math.hypot(px - (ax + t * ex), py - (ay + t * ey)));
    // Counter-clockwise points in screen coordinates (y down): inside is to the right.
    if (ex * (py - ay) - ey * (px - ax) < 0) inside = false;
  }
  return inside ? -min : min;
}

function shapeDistance(shape: IconShape, px: number, py: number, c: number, r: number): number {
  switch (shape) {
    case 'circle':
      return Math.hypot(px - c, py - c) - r;
    case 'square':
      return Math.max(Math.abs(px - c), Math.abs(py - c)) - r * 0.82;
    case 'diamond':
      return (Math.abs(px - c) + Math.abs(py - c)) / Math.SQRT2 - r * 0.8;
    case 'triangle': {
      const h = r * 1.05;
      return polygonDistance(px, py, [
        [c, c - h],
        [c + h * 0.95, c + h * 0.7],
        [c - h * 0.95, c + h * 0.7],
      ]);
    }
    case 'cross': {
      const arm = r * 0.36;
      const dx = Math.abs(px - c);
      const dy = Math.abs(py - c);
      const horizontal = Math.max(dx - r, dy - arm);
      const vertical = Math.max(dx - arm, dy - r);
      return Math.min(horizontal, vertical);
    }
  }
}

/** A point symbol: a filled shape with an outline, anti-aliased. */
export function drawIcon(spec: IconSpec, pixelRatio = 1): PatternImage {
  const side = Math.max(4, Math.round(spec.size * pixelRatio));
  const data = new Uint8ClampedArray(side * side * 4);
  const fill = parseHexColor(spec.fill);
  const stroke = parseHexColor(spec.stroke);
  const c = side / 2;
  const strokeWidth = spec.strokeWidth * pixelRatio;
  const r = c - strokeWidth / 2 - 0.5;
  for (let y = 0; y < side; y += 1) {
    for (let x = 0; x < side; x += 1) {
      const d = shapeDistance(spec.shape, x + 0.5, y + 0.5, c, r);
      const offset = (y * side + x) * 4;
      blend(data, offset, fill, clamp01(0.5 - d));
      blend(data, offset, stroke, clamp01(0.5 - (Math.abs(d) - strokeWidth / 2)));
    }
  }
  return { width: side, height: side, data };
}
