// Two indicators at once: need (e.g. share aged 75+, unemployment) against
// supply (e.g. APL). Each axis is cut into tertiles of the territories that
// have both values; class 2 is always the worse third (high need, low
// supply, by each indicator's declared polarity). Pure.
import { quantileSorted } from 'simple-statistics';
import type { Polarity } from '../lib/classify.ts';

/**
 * 3 × 3 palette, `BIVARIATE_COLORS[need][supply]`: orange for need, blue for
 * a weak supply, dark brown where both are worst. Chosen so every pair of
 * cells stays apart under deuteranopia and protanopia (tests/unit/bivariate.test.ts).
 */
export const BIVARIATE_COLORS: readonly (readonly [string, string, string])[] = [
  ['#f3f3f3', '#b4d3e8', '#5a9bd4'],
  ['#f4c9a0', '#b9a99a', '#5c7f9c'],
  ['#e6883a', '#b06a35', '#4a3f3a'],
];
export const BIVARIATE_NO_DATA = '#d4d4d4';

/** WCAG relative luminance of a `#rrggbb` colour. */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two `#rrggbb` colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Black or white, whichever reads better on a legend cell of this colour. */
export function cellTextColor(background: string): '#000000' | '#ffffff' {
  return contrastRatio(background, '#000000') >= contrastRatio(background, '#ffffff') ? '#000000' : '#ffffff';
}

export type AxisClass = 0 | 1 | 2;

export interface Axis {
  /** The two inner cuts (lower and upper tertile) of the values, ascending. */
  readonly breaks: readonly [number, number];
  /** Whether the worse third is the lowest values (higher is better). */
  readonly worseIsLow: boolean;
}

export function tertileBreaks(values: readonly number[]): [number, number] | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return [quantileSorted(sorted, 1 / 3), quantileSorted(sorted, 2 / 3)];
}

/** 0 = better third … 2 = worse third; values on a cut go to the lower third by value. */
export function axisClass(value: number, axis: Axis): AxisClass {
  const ascending: AxisClass = value <= axis.breaks[0] ? 0 : value <= axis.breaks[1] ? 1 : 2;
  return axis.worseIsLow ? ((2 - ascending) as AxisClass) : ascending;
}

export interface BivariateCell {
  readonly need: AxisClass;
  readonly supply: AxisClass;
}

/** Cell index 0–8 (need × 3 + supply), the value of the `bi` feature-state. */
export const cellIndex = (cell: BivariateCell): number => cell.need * 3 + cell.supply;

export interface BivariateResult {
  readonly need: Axis;
  readonly supply: Axis;
  /** Cell of each territory having both values. */
  readonly cells: ReadonlyMap<string, BivariateCell>;
  /** counts[need][supply]. */
  readonly counts: readonly (readonly [number, number, number])[];
  /** Territories lacking one value or both. */
  readonly noData: number;
}

/**
 * Classes every territory of `codes` having both values. Tertiles are
 * computed on those territories only, so each axis splits them in thirds.
 * null when no territory has both values.
 */
export function classifyBivariate(
  codes: Iterable<string>,
  need: { values: ReadonlyMap<string, number | null>; polarity: Polarity },
  supply: { values: ReadonlyMap<string, number | null>; polarity: Polarity },
): BivariateResult | null {
  const both: [string, number, number][] = [];
  let noData = 0;
  for (const code of codes) {
    const a = need.values.get(code);
    const b = supply.values.get(code);
    if (typeof a === 'number' && Number.isFinite(a) && typeof b === 'number' && Number.isFinite(b)) both.push([code, a, b]);
    else noData++;
  }
  const nb = tertileBreaks(both.map((x) => x[1]));
  const sb = tertileBreaks(both.map((x) => x[2]));
  if (!nb || !sb) return null;
  const needAxis: Axis = { breaks: nb, worseIsLow: need.polarity === 'higher-better' };
  const supplyAxis: Axis = { breaks: sb, worseIsLow: supply.polarity !== 'higher-worse' };
  const counts: [number, number, number][] = [
    [0, 0, 0],
    [0, 0, 0],
    [0, 0, 0],
  ];
  const cells = new Map<string, BivariateCell>();
  for (const [code, a, b] of both) {
    const cell = { need: axisClass(a, needAxis), supply: axisClass(b, supplyAxis) };
    cells.set(code, cell);
    counts[cell.need]![cell.supply]! += 1;
  }
  return { need: needAxis, supply: supplyAxis, cells, counts, noData };
}

/** The value range of an axis third, by value: [low, high] with null for an open end. */
export function thirdRange(axis: Axis, cls: AxisClass): [number | null, number | null] {
  const ascending = axis.worseIsLow ? 2 - cls : cls;
  if (ascending === 0) return [null, axis.breaks[0]];
  if (ascending === 1) return [axis.breaks[0], axis.breaks[1]];
  return [axis.breaks[1], null];
}
