import { describe, expect, it } from 'vitest';
import { classify, colorOfValue, computeBreaks, formatNumberFr, valueToClass } from '../../src/lib/classify.ts';

const oneToTen = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

describe('classify', () => {
  it('quantiles on 1..10 in 5 classes: two values per class', () => {
    const c = classify(oneToTen, { method: 'quantile', classes: 5 });
    // Linearly interpolated quantiles (R type 7): 1 + p × 9.
    [1, 2.8, 4.6, 6.4, 8.2, 10].forEach((b, i) => expect(c.breaks[i]).toBeCloseTo(b, 10));
    expect(c.counts).toEqual([2, 2, 2, 2, 2]);
  });

  it('jenks (ckmeans) finds three clear clusters', () => {
    const values = [1, 2, 3, 10, 11, 12, 20, 21, 22];
    const c = classify(values, { method: 'jenks', classes: 3 });
    expect(c.breaks).toEqual([1, 3, 12, 22]);
    expect(c.counts).toEqual([3, 3, 3]);
  });

  it('equal intervals', () => {
    expect(computeBreaks([0, 5, 10], 'equal', 4)).toEqual([0, 2.5, 5, 7.5, 10]);
  });

  it('manual breaks', () => {
    const c = classify(oneToTen, { method: 'manual', classes: 3, manualBreaks: [3, 7] });
    expect(c.breaks).toEqual([1, 3, 7, 10]);
    expect(c.counts).toEqual([3, 4, 3]);
  });

  it('clamps to 3–9 classes and counts missing values apart', () => {
    const c = classify([...oneToTen, null, null], { method: 'equal', classes: 20 });
    expect(c.colors).toHaveLength(9);
    expect(c.noDataCount).toBe(2);
    expect(c.counts.reduce((a, b) => a + b, 0)).toBe(10);
    expect(colorOfValue(null, c)).toBe(c.noDataColor);
  });

  it('reverses the ramp when higher is better (darker = worse)', () => {
    const worse = classify(oneToTen, { method: 'equal', classes: 3, scheme: 'blues', polarity: 'higher-worse' });
    const better = classify(oneToTen, { method: 'equal', classes: 3, scheme: 'blues', polarity: 'higher-better' });
    expect(better.colors).toEqual([...worse.colors].reverse());
    expect(better.reversed).toBe(true);
    expect(worse.colors.every((col) => /^#[0-9a-f]{6}$/.test(col))).toBe(true);
  });

  it('diverging around a reference: warm on the worse side', () => {
    const c = classify([-10, -5, 0, 5, 10], { method: 'equal', classes: 4, scheme: 'rdbu', reference: 0, polarity: 'higher-worse' });
    const red = (hex: string) => parseInt(hex.slice(1, 3), 16) - parseInt(hex.slice(5, 7), 16);
    expect(red(c.colors[3]!)).toBeGreaterThan(0);
    expect(red(c.colors[0]!)).toBeLessThan(0);
  });

  it('labels in French', () => {
    const c = classify([1000.5, 2500.25, 4000], { method: 'equal', classes: 3, decimals: 1 });
    expect(c.labels[0]).toBe(`${formatNumberFr(1000.5, 1)} – ${formatNumberFr(2000.3, 1)}`);
    expect(formatNumberFr(1234.5, 1)).toMatch(/^1\s234,5$/u);
  });

  it('valueToClass: upper bounds inclusive, out-of-range to the end classes', () => {
    const breaks = [0, 10, 20, 30];
    expect(valueToClass(10, breaks)).toBe(0);
    expect(valueToClass(10.01, breaks)).toBe(1);
    expect(valueToClass(-5, breaks)).toBe(0);
    expect(valueToClass(99, breaks)).toBe(2);
    expect(valueToClass(null, breaks)).toBeNull();
  });
});
