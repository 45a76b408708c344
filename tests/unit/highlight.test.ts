import { describe, expect, it } from 'vitest';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { distinctPieces, mergePieces } from '../../src/map/highlight.ts';

const square = (x0: number, y0: number, x1: number, y1: number): Polygon => ({
  type: 'Polygon',
  coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]],
});

/** Shoelace area of the outer rings (holes none here). */
const area = (g: Polygon | MultiPolygon): number => {
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  const ring = (r: Position[]) => Math.abs(r.reduce((s, p, i) => (i === 0 ? s : s + (r[i - 1]![0]! * p[1]! - p[0]! * r[i - 1]![1]!)), 0)) / 2;
  return polygons.reduce((s, p) => s + ring(p[0]!), 0);
};

describe('territory highlight shape', () => {
  it('keeps one copy of a piece repeated by overlapping tiles, and ignores non-polygons', () => {
    const a = square(0, 0, 2, 2);
    const pieces = distinctPieces([{ geometry: a }, { geometry: { ...a } }, { geometry: square(1, 0, 3, 2) }, { geometry: { type: 'Point' } }]);
    expect(pieces).toHaveLength(2);
  });

  it('merges the pieces of a territory cut by tile edges (with their overlapping buffers) into one shape', async () => {
    // A 4×2 territory cut at x = 2, each piece reaching 0.5 into its neighbour's tile (the buffer).
    const merged = await mergePieces([square(0, 0, 2.5, 2), square(1.5, 0, 4, 2)]);
    expect(merged?.type).toBe('MultiPolygon');
    expect((merged as MultiPolygon).coordinates).toHaveLength(1);
    expect(area(merged!)).toBeCloseTo(8, 9);
  });

  it('returns a single piece as it is, and nothing without pieces', async () => {
    const a = square(0, 0, 1, 1);
    expect(await mergePieces([a])).toBe(a);
    expect(await mergePieces([])).toBeNull();
  });
});
