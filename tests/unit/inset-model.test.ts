// The DROM inset maps' pure parts: local projection, SVG path data, fills
// from the main choropleth's classification.
import { describe, expect, it } from 'vitest';
import { geometryPath, insetFills, insetProjection, insetShapes, ringPath } from '../../src/published/inset-model.ts';
import { choroplethStates } from '../../src/indicators/indicator-choropleth.ts';
import { NO_DATA_COLOR } from '../../src/lib/classify.ts';
import { TERRITORY_STYLE } from '../../src/layers/territories.ts';
import { insetBoxes } from '../../src/published/export/png-layout.ts';

const FRAME = { width: 100, height: 60, pad: 0 };

describe('inset projection', () => {
  it('fits the box in the frame, centred, north up, x shortened by cos(latitude)', () => {
    // 1° × 1° at 60° N: 0.5 units wide for 1 high at any scale → limited by the height.
    const project = insetProjection([10, 59.5, 11, 60.5], FRAME);
    const nw = project([10, 60.5]);
    const se = project([11, 59.5]);
    expect(nw[1]).toBeCloseTo(0);
    expect(se[1]).toBeCloseTo(60);
    expect(se[0] - nw[0]).toBeCloseTo(30, 5); // 60 × cos 60°
    expect((nw[0] + se[0]) / 2).toBeCloseTo(50);
  });

  it('a wide box is limited by the width and centred vertically; padding is kept', () => {
    const project = insetProjection([0, -1, 40, 1], { width: 100, height: 60, pad: 5 });
    const [x0, y0] = project([0, 1]);
    const [x1, y1] = project([40, -1]);
    expect(x0).toBeCloseTo(5);
    expect(x1).toBeCloseTo(95);
    expect((y0 + y1) / 2).toBeCloseTo(30);
    expect(y1 - y0).toBeCloseTo((90 / (40 * Math.cos(0))) * 2, 3);
  });
});

describe('inset paths', () => {
  const identity = (p: number[]) => [p[0]!, p[1]!] as [number, number];

  it('a ring: absolute moves at 0.1 unit, repeated and closing points dropped', () => {
    expect(ringPath([[0, 0], [10.04, 0], [10.01, 0.02], [10, 10], [0, 10], [0, 0]], identity)).toBe('M0 0L10 0L10 10L0 10Z');
    expect(ringPath([[0, 0], [0.01, 0.01], [0, 0]], identity)).toBe('');
  });

  it('a MultiPolygon with a hole gives one subpath per ring; points and lines draw nothing', () => {
    const d = geometryPath(
      {
        type: 'MultiPolygon',
        coordinates: [
          [
            [[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]],
            [[1, 1], [2, 1], [2, 2], [1, 1]],
          ],
          [[[5, 5], [6, 5], [6, 6], [5, 5]]],
        ],
      },
      identity,
    );
    expect(d.match(/M/g)?.length).toBe(3);
    expect(d.startsWith('M0 0L4 0L4 4L0 4Z')).toBe(true);
    expect(geometryPath({ type: 'Point', coordinates: [1, 1] }, identity)).toBe('');
    expect(geometryPath(null, identity)).toBe('');
  });

  it('insetShapes keeps the codes of the territories that draw, inside the frame', () => {
    const shapes = insetShapes(
      [
        { code: 'A', geometry: { type: 'Polygon', coordinates: [[[55.2, -21.4], [55.8, -21.4], [55.8, -20.9], [55.2, -21.4]]] } },
        { code: 'B', geometry: null },
      ],
      [55.2, -21.4, 55.8, -20.9],
      FRAME,
    );
    expect(shapes.map((s) => s.code)).toEqual(['A']);
    const numbers = shapes[0]!.d.match(/-?\d+(\.\d+)?/g)!.map(Number);
    for (const n of numbers) {
      expect(n).toBeGreaterThanOrEqual(0);
      expect(n).toBeLessThanOrEqual(100);
    }
  });
});

describe('inset fills', () => {
  const classification = { breaks: [0, 1, 2, 3], colors: ['#111111', '#222222', '#333333'] };
  const values = new Map<string, number | null>([
    ['a', 0.5],
    ['b', 2.5],
    ['c', null],
  ]);

  it('are the colours the choropleth writes in feature-state, no-data grey without one', () => {
    const fills = insetFills(['a', 'b', 'c', 'd'], 'ready', values, classification);
    const states = choroplethStates(['a', 'b', 'c', 'd'], [0.5, 2.5, null, undefined], classification);
    for (const [code, state] of states) expect(fills.get(code)).toBe(state.color ?? NO_DATA_COLOR);
    expect([...fills.values()]).toEqual(['#111111', '#333333', NO_DATA_COLOR, NO_DATA_COLOR]);
  });

  it('grey when the indicator has no value at the level, land colour without an indicator', () => {
    expect([...insetFills(['a'], 'unavailable', null, null).values()]).toEqual([NO_DATA_COLOR]);
    expect([...insetFills(['a'], 'none', null, null).values()]).toEqual([TERRITORY_STYLE.land]);
    expect([...insetFills(['a'], 'loading', values, classification).values()]).toEqual([TERRITORY_STYLE.land]);
  });
});

describe('inset boxes of the PNG export', () => {
  it('a column at the right edge where the map is tall enough, else a row along the top', () => {
    const tall = insetBoxes({ x: 0, y: 40, w: 1440, h: 800 }, 1, 5);
    expect(tall.map((b) => b.x)).toEqual(Array(5).fill(1440 - 12 - 100));
    expect(tall[0]!.y).toBe(52);
    expect(tall[4]!.y + tall[4]!.h).toBeLessThanOrEqual(840);
    const low = insetBoxes({ x: 0, y: 40, w: 1440, h: 300 }, 1, 5);
    expect(new Set(low.map((b) => b.y))).toEqual(new Set([52]));
    expect(low[4]!.x + low[4]!.w).toBe(1440 - 12);
    expect(low[0]!.x + low[0]!.w).toBeLessThan(low[1]!.x);
    expect(insetBoxes({ x: 0, y: 0, w: 100, h: 100 }, 2, 0)).toEqual([]);
  });
});
