// One classification drives both the map and its legend: breaks, one colour
// per class, French labels, counts per class and the no-data colour. Pure.
//
// Colour direction: "darker = worse". For an indicator where a higher value is
// worse (poverty, mortality) the darkest / warmest colour goes to the highest
// class; where higher is better (APL, density of GPs) the scale is reversed so
// that the darkest colour marks the lowest values; neutral indicators read
// "darker = more". Diverging scales are centred on a reference (France's
// value): the warm side (red / orange) marks the worse side.
import { ckmeans, quantileSorted } from 'simple-statistics';
import {
  interpolateBlues,
  interpolateCividis,
  interpolateGreens,
  interpolateOranges,
  interpolatePuOr,
  interpolatePurples,
  interpolateRdBu,
  interpolateViridis,
  interpolateYlGnBu,
  interpolateYlOrRd,
} from 'd3-scale-chromatic';

export type ClassMethod = 'quantile' | 'jenks' | 'equal' | 'manual';
export type Polarity = 'higher-better' | 'higher-worse' | 'neutral';

export const CLASS_METHODS: readonly ClassMethod[] = ['quantile', 'jenks', 'equal', 'manual'];
export const CLASS_METHOD_LABELS: Record<ClassMethod, string> = {
  quantile: 'Quantiles (effectifs égaux)',
  jenks: 'Seuils naturels (Jenks / ckmeans)',
  equal: 'Intervalles égaux',
  manual: 'Seuils manuels',
};
export const MIN_CLASSES = 3;
export const MAX_CLASSES = 9;
export const NO_DATA_COLOR = '#d4d4d4';

interface SchemeDefinition {
  label: string;
  type: 'sequential' | 'diverging';
  interpolate: (t: number) => string;
  /** Sequential: whether t = 1 is the dark end. Diverging: whether t = 0 is the warm end. */
  darkAtOne: boolean;
  /** Part of [0,1] used for sequential schemes (the palest end is too close to the no-data grey). */
  range: readonly [number, number];
}

/** Colour-blind-safe schemes from d3-scale-chromatic. */
export const SCHEMES = {
  viridis: { label: 'Viridis', type: 'sequential', interpolate: interpolateViridis, darkAtOne: false, range: [0, 0.95] },
  cividis: { label: 'Cividis', type: 'sequential', interpolate: interpolateCividis, darkAtOne: false, range: [0, 1] },
  blues: { label: 'Bleus', type: 'sequential', interpolate: interpolateBlues, darkAtOne: true, range: [0.15, 1] },
  greens: { label: 'Verts', type: 'sequential', interpolate: interpolateGreens, darkAtOne: true, range: [0.15, 1] },
  purples: { label: 'Violets', type: 'sequential', interpolate: interpolatePurples, darkAtOne: true, range: [0.15, 1] },
  oranges: { label: 'Oranges', type: 'sequential', interpolate: interpolateOranges, darkAtOne: true, range: [0.15, 1] },
  ylorrd: { label: 'Jaune → rouge', type: 'sequential', interpolate: interpolateYlOrRd, darkAtOne: true, range: [0.1, 1] },
  ylgnbu: { label: 'Jaune → bleu', type: 'sequential', interpolate: interpolateYlGnBu, darkAtOne: true, range: [0.1, 1] },
  rdbu: { label: 'Rouge ↔ bleu (divergente)', type: 'diverging', interpolate: interpolateRdBu, darkAtOne: false, range: [0, 1] },
  puor: { label: 'Orange ↔ violet (divergente)', type: 'diverging', interpolate: interpolatePuOr, darkAtOne: false, range: [0, 1] },
} as const satisfies Record<string, SchemeDefinition>;
export type SchemeName = keyof typeof SCHEMES;

export interface ClassifyOptions {
  method: ClassMethod;
  /** Number of classes, 3–9 (clamped); manual breaks decide it themselves. */
  classes: number;
  scheme?: SchemeName;
  polarity?: Polarity;
  /** Manual method: the inner thresholds (k − 1 values), ascending. */
  manualBreaks?: readonly number[];
  /** Diverging schemes: the value at the neutral colour (France's value). */
  reference?: number | null;
  /** Decimals in labels; chosen from the spread of the values when omitted. */
  decimals?: number;
  /** Unit appended to labels (e.g. "%", "‰"). */
  unit?: string;
}

export interface Classification {
  method: ClassMethod;
  scheme: SchemeName;
  /** k + 1 bounds from the minimum to the maximum; class i holds (breaks[i], breaks[i+1]], the first also its lower bound. */
  breaks: number[];
  colors: string[];
  labels: string[];
  counts: number[];
  noDataColor: string;
  noDataCount: number;
  /** Whether the colour ramp was reversed because higher values are better. */
  reversed: boolean;
  reference: number | null;
  decimals: number;
}

/** A class count within MIN_CLASSES..MAX_CLASSES, rounded. */
export function clampClasses(k: number): number {
  return Math.min(MAX_CLASSES, Math.max(MIN_CLASSES, Math.round(k)));
}

function uniqueAscending(values: number[]): number[] {
  const out: number[] = [];
  for (const v of [...values].sort((a, b) => a - b)) if (out.length === 0 || v > out[out.length - 1]!) out.push(v);
  return out;
}

/** The k + 1 bounds of a method (duplicates removed: skewed data may yield fewer classes). */
export function computeBreaks(sorted: readonly number[], method: ClassMethod, k: number, manual: readonly number[] = []): number[] {
  if (sorted.length === 0) return [];
  const min = sorted[0]!;
  const max = sorted[sorted.length - 1]!;
  if (min === max) return [min, max];
  let inner: number[];
  switch (method) {
    case 'quantile':
      inner = Array.from({ length: k - 1 }, (_, i) => quantileSorted(sorted as number[], (i + 1) / k));
      break;
    case 'equal':
      inner = Array.from({ length: k - 1 }, (_, i) => min + ((i + 1) * (max - min)) / k);
      break;
    case 'jenks': {
      const clusters = ckmeans(sorted as number[], Math.min(k, new Set(sorted).size));
      inner = clusters.slice(0, -1).map((c) => c[c.length - 1]!);
      break;
    }
    case 'manual':
      inner = manual.filter((b) => Number.isFinite(b) && b > min && b < max);
      break;
  }
  return uniqueAscending([min, ...inner.filter((b) => b > min && b < max), max]);
}

/** Index of the class holding `value`, or null for a missing value. Values outside the bounds go to the end classes. */
export function valueToClass(value: number | null | undefined, breaks: readonly number[]): number | null {
  if (value === null || value === undefined || !Number.isFinite(value) || breaks.length < 2) return null;
  const k = breaks.length - 1;
  for (let i = 1; i < k; i++) if (value <= breaks[i]!) return i - 1;
  return k - 1;
}

function autoDecimals(breaks: readonly number[]): number {
  if (breaks.length < 2) return 0;
  const spread = breaks[breaks.length - 1]! - breaks[0]!;
  const step = spread / Math.max(1, breaks.length - 1);
  if (step >= 20) return 0;
  if (step >= 2) return 1;
  if (step >= 0.2) return 2;
  return 3;
}

/** French number formatting ("1 234,5"). */
export function formatNumberFr(value: number | null, decimals = 1): string {
  if (value === null || !Number.isFinite(value)) return 'n.d.';
  return new Intl.NumberFormat('fr-FR', { maximumFractionDigits: decimals, minimumFractionDigits: 0 }).format(value);
}

/** d3-scale-chromatic returns "#rrggbb" or "rgb(r, g, b)": normalise to hex for MapLibre and the legend. */
function toHex(color: string): string {
  const m = /^rgb\((\d+),\s*(\d+),\s*(\d+)\)$/.exec(color);
  if (!m) return color;
  return `#${[m[1], m[2], m[3]].map((c) => Number(c).toString(16).padStart(2, '0')).join('')}`;
}

function sequentialColors(def: SchemeDefinition, k: number, darkAtHigh: boolean): string[] {
  const [lo, hi] = def.range;
  return Array.from({ length: k }, (_, i) => {
    const darkness = k === 1 ? 1 : i / (k - 1); // 0 = palest class, 1 = darkest
    const d = darkAtHigh ? darkness : 1 - darkness;
    const t = def.darkAtOne ? lo + d * (hi - lo) : hi - d * (hi - lo);
    return toHex(def.interpolate(t));
  });
}

function divergingColors(def: SchemeDefinition, breaks: readonly number[], reference: number, warmAtHigh: boolean): string[] {
  const k = breaks.length - 1;
  const maxDev = Math.max(Math.abs(breaks[0]! - reference), Math.abs(breaks[k]! - reference)) || 1;
  return Array.from({ length: k }, (_, i) => {
    const mid = (breaks[i]! + breaks[i + 1]!) / 2;
    const pos = Math.max(-1, Math.min(1, (mid - reference) / maxDev)); // −1 low … +1 high
    // Keep the neutral middle visible but not white: at least 15 % away from it.
    const signed = pos === 0 ? 0 : Math.sign(pos) * (0.15 + 0.85 * Math.abs(pos));
    // t = 0 is the warm end of RdBu / PuOr.
    const t = warmAtHigh ? 0.5 - signed / 2 : 0.5 + signed / 2;
    return toHex(def.interpolate(t));
  });
}

/** Classifies values (nulls are counted as no data) into a map-and-legend scale. */
export function classify(values: Iterable<number | null | undefined>, options: ClassifyOptions): Classification {
  const finite: number[] = [];
  let noDataCount = 0;
  for (const v of values) {
    if (v === null || v === undefined || !Number.isFinite(v)) noDataCount++;
    else finite.push(v);
  }
  // A typed array sorts numbers without a comparator: 3 ms instead of 13 for 35,000 communes.
  const present = Array.from(Float64Array.from(finite).sort());
  const polarity = options.polarity ?? 'neutral';
  const requested = options.method === 'manual' ? (options.manualBreaks?.length ?? 0) + 1 : clampClasses(options.classes);
  const breaks = computeBreaks(present, options.method, Math.max(1, requested), options.manualBreaks);
  const k = Math.max(0, breaks.length - 1);
  const reference = options.reference ?? null;
  const defaultScheme: SchemeName = reference !== null ? 'rdbu' : polarity === 'higher-worse' ? 'ylorrd' : 'viridis';
  const scheme = options.scheme ?? defaultScheme;
  const def: SchemeDefinition = SCHEMES[scheme];
  const reversed = polarity === 'higher-better';
  let colors: string[];
  if (k === 0) colors = [];
  else if (def.type === 'diverging') {
    // Warm = worse: at the high end unless higher is better; neutral reads warm = more.
    colors = divergingColors(def, breaks, reference ?? (breaks[0]! + breaks[k]!) / 2, !reversed);
  } else colors = sequentialColors(def, k, !reversed);
  const counts = new Array<number>(k).fill(0);
  for (const v of present) counts[valueToClass(v, breaks)!]!++;
  const decimals = options.decimals ?? autoDecimals(breaks);
  const unit = options.unit ? `\u00a0${options.unit}` : '';
  const labels = Array.from({ length: k }, (_, i) => `${formatNumberFr(breaks[i]!, decimals)} – ${formatNumberFr(breaks[i + 1]!, decimals)}${unit}`);
  return { method: options.method, scheme, breaks, colors, labels, counts, noDataColor: NO_DATA_COLOR, noDataCount, reversed, reference, decimals };
}

/** The colour of a value under a classification (the no-data colour for null). */
export function colorOfValue(value: number | null | undefined, classification: Classification): string {
  const i = valueToClass(value, classification.breaks);
  return i === null ? classification.noDataColor : classification.colors[i] ?? classification.noDataColor;
}
