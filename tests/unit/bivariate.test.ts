import { describe, expect, it } from 'vitest';
import { axisClass, BIVARIATE_COLORS, cellIndex, cellTextColor, contrastRatio, classifyBivariate, tertileBreaks, thirdRange } from '../../src/bivariate/model.ts';
import { bivariateUrlCodec } from '../../src/bivariate/url-field.ts';

describe('bivariate: class assignment', () => {
  it('cuts tertiles by linear interpolation', () => {
    // 1..7: quantile 1/3 = 3, 2/3 = 5.
    expect(tertileBreaks([7, 1, 2, 3, 4, 5, 6])).toEqual([3, 5]);
    expect(tertileBreaks([])).toBeNull();
  });

  it('class 2 is the worse third on each axis, whatever the polarity', () => {
    const high = { breaks: [3, 5] as [number, number], worseIsLow: false };
    const low = { breaks: [3, 5] as [number, number], worseIsLow: true };
    expect([1, 3, 4, 5, 6].map((v) => axisClass(v, high))).toEqual([0, 0, 1, 1, 2]);
    expect([1, 3, 4, 5, 6].map((v) => axisClass(v, low))).toEqual([2, 2, 1, 1, 0]);
    expect(thirdRange(low, 2)).toEqual([null, 3]);
    expect(thirdRange(high, 2)).toEqual([5, null]);
  });

  it('places each territory in a cell, counts cells and territories without both values', () => {
    // Need: share aged 75+ (neutral: more = more need). Supply: APL (higher is better: low = worse).
    const need = new Map<string, number | null>([
      ['a', 10],
      ['b', 11],
      ['c', 12],
      ['d', 13],
      ['e', 14],
      ['f', 15],
      ['g', 16],
      ['h', null],
    ]);
    const supply = new Map<string, number | null>([
      ['a', 4.0],
      ['b', 3.5],
      ['c', 3.0],
      ['d', 2.5],
      ['e', 2.0],
      ['f', 1.5],
      ['g', 1.0],
      ['h', 2.2],
    ]);
    const r = classifyBivariate([...need.keys(), 'i'], { values: need, polarity: 'neutral' }, { values: supply, polarity: 'higher-better' })!;
    // Need tertiles on a..g: 12 and 14; APL: 2.0 and 3.0.
    expect(r.need.breaks).toEqual([12, 14]);
    expect(r.supply.breaks).toEqual([2, 3]);
    // g: oldest and lowest APL → worst cell (2, 2); a: youngest, highest APL → (0, 0).
    expect(r.cells.get('g')).toEqual({ need: 2, supply: 2 });
    expect(r.cells.get('a')).toEqual({ need: 0, supply: 0 });
    // d: 13 (middle) with APL 2.5 (middle).
    expect(r.cells.get('d')).toEqual({ need: 1, supply: 1 });
    expect(cellIndex({ need: 2, supply: 2 })).toBe(8);
    expect(r.noData).toBe(2);
    expect(r.counts.flat().reduce((s, n) => s + n, 0)).toBe(7);
    // a, b (0,0) · c (0,1) · d (1,1) · e (1,2): APL 2.0 sits on the lower cut, so in the worse third · f, g (2,2).
    expect(r.cells.get('e')).toEqual({ need: 1, supply: 2 });
    expect(r.counts).toEqual([
      [2, 1, 0],
      [0, 1, 1],
      [0, 0, 2],
    ]);
  });

  it('gives null when no territory has both values', () => {
    expect(classifyBivariate(['a'], { values: new Map([['a', 1]]), polarity: 'neutral' }, { values: new Map(), polarity: 'neutral' })).toBeNull();
  });
});

// Colour-vision check: Machado et al. (2009) full-severity matrices on linear RGB, CIE76 ΔE in CIELAB.
const toLinear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const rgb = (hex: string) => [1, 3, 5].map((i) => toLinear(parseInt(hex.slice(i, i + 2), 16) / 255)) as [number, number, number];
const DEUTERANOPIA = [
  [0.367322, 0.860646, -0.227968],
  [0.280085, 0.672501, 0.047413],
  [-0.01182, 0.04294, 0.968881],
];
const PROTANOPIA = [
  [0.152286, 1.052583, -0.204868],
  [0.114503, 0.786281, 0.099216],
  [-0.003882, -0.048116, 1.051998],
];
function simulate(m: number[][] | null, c: [number, number, number]): [number, number, number] {
  if (!m) return c;
  return m.map((r) => Math.min(1, Math.max(0, r[0]! * c[0] + r[1]! * c[1] + r[2]! * c[2]))) as [number, number, number];
}
function lab([r, g, b]: [number, number, number]): [number, number, number] {
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  const x = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047);
  const y = f(0.2126 * r + 0.7152 * g + 0.0722 * b);
  const z = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
}
function minDistance(m: number[][] | null): number {
  const labs = BIVARIATE_COLORS.flat().map((h) => lab(simulate(m, rgb(h))));
  let min = Infinity;
  for (let i = 0; i < labs.length; i++) for (let j = i + 1; j < labs.length; j++) min = Math.min(min, Math.hypot(...labs[i]!.map((v, k) => v - labs[j]![k]!)));
  return min;
}

describe('bivariate: palette', () => {
  it('has 9 distinct cells, still apart for deuteranopes and protanopes (ΔE ≥ 15)', () => {
    expect(new Set(BIVARIATE_COLORS.flat()).size).toBe(9);
    expect(minDistance(null)).toBeGreaterThanOrEqual(15);
    expect(minDistance(DEUTERANOPIA)).toBeGreaterThanOrEqual(15);
    expect(minDistance(PROTANOPIA)).toBeGreaterThanOrEqual(15);
  });
});

describe('bivariate: legend text', () => {
  it('the count in every legend cell reads at 4.5:1 at least (WCAG AA, small text)', () => {
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 5);
    for (const row of BIVARIATE_COLORS) for (const colour of row) expect(contrastRatio(colour, cellTextColor(colour)), colour).toBeGreaterThanOrEqual(4.5);
  });
});

describe('bivariate: URL field', () => {
  it('round-trips the pair, refuses garbage', () => {
    expect(bivariateUrlCodec.parse('part_75_ans_plus,apl_mg_2023')).toEqual({ need: 'part_75_ans_plus', supply: 'apl_mg_2023' });
    expect(bivariateUrlCodec.serialize({ need: 'a', supply: 'b' })).toBe('a,b');
    expect(bivariateUrlCodec.serialize(null)).toBeUndefined();
    expect(bivariateUrlCodec.parse('only')).toBeUndefined();
    expect(bivariateUrlCodec.parse('a b,c')).toBeUndefined();
  });
});

describe('bivariate: map layer', () => {
  it('colours cell i with the i-th palette colour and a territory without a cell in the no-data grey', async () => {
    const { bivariateFillColor } = await import('../../src/bivariate/layer.ts');
    const { BIVARIATE_NO_DATA } = await import('../../src/bivariate/model.ts');
    const expr = bivariateFillColor() as unknown as unknown[];
    expect(expr[0]).toBe('match');
    const stops = expr.slice(2, -1);
    BIVARIATE_COLORS.flat().forEach((color, i) => {
      expect(stops[2 * i]).toBe(i);
      expect(stops[2 * i + 1]).toBe(color);
    });
    expect(expr[expr.length - 1]).toBe(BIVARIATE_NO_DATA);
  });
});
