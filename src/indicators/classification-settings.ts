// What the user chose for the classification (method, number of classes,
// palette, diverging around France, manual breaks), and its compact URL form:
//   cls=jenks,6,viridis        cls=quantile,5,auto,div        cls=manual,4,blues,seq,10_20.5_30
// Pure and tolerant: garbage parses to undefined (the URL layer keeps the default).
import { CLASS_METHODS, MAX_CLASSES, MIN_CLASSES, SCHEMES, type ClassMethod, type SchemeName } from '../lib/classify.ts';

export interface ClassificationSettings {
  readonly method: ClassMethod;
  readonly classes: number;
  /** null = chosen from the indicator's polarity. */
  readonly scheme: SchemeName | null;
  /** Diverging palette centred on France's value. */
  readonly diverging: boolean;
  /** Manual method: inner thresholds, ascending. */
  readonly breaks: readonly number[];
}

export const DEFAULT_CLASSIFICATION: ClassificationSettings = {
  method: 'quantile',
  classes: 5,
  scheme: null,
  diverging: false,
  breaks: [],
};

export const SEQUENTIAL_SCHEMES = (Object.keys(SCHEMES) as SchemeName[]).filter((s) => SCHEMES[s].type === 'sequential');
export const DIVERGING_SCHEMES = (Object.keys(SCHEMES) as SchemeName[]).filter((s) => SCHEMES[s].type === 'diverging');

function isScheme(raw: string): raw is SchemeName {
  return Object.prototype.hasOwnProperty.call(SCHEMES, raw);
}

const NUMBER_RE = /^-?\d{1,12}(\.\d{1,8})?$/;

/** Ascending, unique, finite; at most MAX_CLASSES − 1 thresholds. */
export function normaliseBreaks(breaks: readonly number[]): number[] {
  const sorted = [...new Set(breaks.filter((b) => Number.isFinite(b)))].sort((a, b) => a - b);
  return sorted.slice(0, MAX_CLASSES - 1);
}

/** Parses "12,5 ; 20 ; 30" or "12.5 20 30" typed by a user (French decimal commas allowed). */
export function parseBreaksInput(text: string): number[] {
  const parts = text
    .split(/[;\s]+|,(?=\s)/)
    .map((p) => p.trim().replace(',', '.'))
    .filter((p) => p !== '');
  return normaliseBreaks(parts.map(Number).filter((n) => Number.isFinite(n)));
}

export function parseClassificationSettings(raw: string): ClassificationSettings | undefined {
  const [method, k, scheme, mode, breaks, extra] = raw.split(',');
  if (extra !== undefined) return undefined;
  if (!method || !(CLASS_METHODS as readonly string[]).includes(method)) return undefined;
  if (k === undefined || !/^\d$/.test(k)) return undefined;
  const classes = Number(k);
  if (classes < MIN_CLASSES || classes > MAX_CLASSES) return undefined;
  let schemeName: SchemeName | null = null;
  if (scheme !== undefined && scheme !== 'auto') {
    if (!isScheme(scheme)) return undefined;
    schemeName = scheme;
  }
  if (mode !== undefined && mode !== 'seq' && mode !== 'div') return undefined;
  let manual: number[] = [];
  if (breaks !== undefined && breaks !== '') {
    const parts = breaks.split('_');
    if (!parts.every((p) => NUMBER_RE.test(p))) return undefined;
    manual = normaliseBreaks(parts.map(Number));
  }
  if (method === 'manual' && manual.length < 1) return undefined;
  return { method: method as ClassMethod, classes, scheme: schemeName, diverging: mode === 'div', breaks: method === 'manual' ? manual : [] };
}

export function serializeClassificationSettings(s: ClassificationSettings): string | undefined {
  if (sameSettings(s, DEFAULT_CLASSIFICATION)) return undefined;
  const parts = [s.method, String(s.classes), s.scheme ?? 'auto'];
  if (s.diverging || s.method === 'manual') parts.push(s.diverging ? 'div' : 'seq');
  if (s.method === 'manual') parts.push(s.breaks.map((b) => String(Math.round(b * 1e8) / 1e8)).join('_'));
  return parts.join(',');
}

export function sameSettings(a: ClassificationSettings, b: ClassificationSettings): boolean {
  return (
    a.method === b.method &&
    a.classes === b.classes &&
    a.scheme === b.scheme &&
    a.diverging === b.diverging &&
    a.breaks.length === b.breaks.length &&
    a.breaks.every((v, i) => v === b.breaks[i])
  );
}

/** An indicator id as it may appear in a URL (catalogue ids are kebab-case). */
export function parseIndicatorId(raw: string): string | undefined {
  return /^[a-z0-9][a-z0-9_-]{0,63}$/i.test(raw) ? raw : undefined;
}
