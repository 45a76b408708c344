// A territory finder query: a level and conditions joined by AND, and how it
// is written in the URL (`find=epci,v~apl_mg_2023~lt~2.5,q~taux_chomage_2021~5~worst,f~no_cls`).
// Pure and tolerant: a malformed condition is dropped, never thrown.
import type { Level } from '../lib/levels.ts';

export const FINDER_LEVELS = ['epci', 'commune', 'bv', 'departement'] as const satisfies readonly Level[];
export type FinderLevel = (typeof FINDER_LEVELS)[number];
export const DEFAULT_FINDER_LEVEL: FinderLevel = 'epci';

export const COMPARATORS = ['lt', 'le', 'gt', 'ge'] as const;
export type Comparator = (typeof COMPARATORS)[number];

export const FLAG_IDS = ['no_cls', 'qpv', 'rural_isole', 'frr'] as const;
export type FlagId = (typeof FLAG_IDS)[number];

/** Quantile groups offered: quartile, quintile, décile. */
export const QUANTILE_PARTS = [4, 5, 10] as const;
export type QuantileParts = (typeof QUANTILE_PARTS)[number];

/**
 * Which end of the distribution: `worst` / `best` follow the indicator's
 * declared polarity; `high` / `low` are literal (for neutral indicators).
 */
export const QUANTILE_SIDES = ['worst', 'best', 'high', 'low'] as const;
export type QuantileSide = (typeof QUANTILE_SIDES)[number];

export type Condition =
  | { readonly kind: 'threshold'; readonly indicator: string; readonly op: Comparator; readonly value: number }
  | { readonly kind: 'quantile'; readonly indicator: string; readonly parts: QuantileParts; readonly side: QuantileSide }
  | { readonly kind: 'flag'; readonly flag: FlagId };

export interface FinderQuery {
  readonly level: FinderLevel;
  readonly conditions: readonly Condition[];
}

export const MAX_CONDITIONS = 8;

export function isFinderLevel(value: unknown): value is FinderLevel {
  return typeof value === 'string' && (FINDER_LEVELS as readonly string[]).includes(value);
}

const includes = <T extends string | number>(list: readonly T[], v: unknown): v is T => (list as readonly unknown[]).includes(v);

// Catalogue ids ([a-z0-9_]) and imported CSVs (`byo:1`).
const INDICATOR_RE = /^[A-Za-z0-9_:-]{1,64}$/;
const NUMBER_RE = /^-?\d{1,12}(\.\d{1,8})?$/;

export function parseCondition(raw: string): Condition | undefined {
  const parts = raw.split('~');
  const [tag] = parts;
  if (tag === 'v' && parts.length === 4) {
    const [, indicator, op, num] = parts as [string, string, string, string];
    if (!INDICATOR_RE.test(indicator) || !includes(COMPARATORS, op) || !NUMBER_RE.test(num)) return undefined;
    return { kind: 'threshold', indicator, op, value: Number(num) };
  }
  if (tag === 'q' && parts.length === 4) {
    const [, indicator, n, side] = parts as [string, string, string, string];
    const count = Number(n);
    if (!INDICATOR_RE.test(indicator) || !includes(QUANTILE_PARTS, count) || !includes(QUANTILE_SIDES, side)) return undefined;
    return { kind: 'quantile', indicator, parts: count, side };
  }
  if (tag === 'f' && parts.length === 2) {
    const flag = parts[1];
    return includes(FLAG_IDS, flag) ? { kind: 'flag', flag } : undefined;
  }
  return undefined;
}

export function serializeCondition(c: Condition): string {
  switch (c.kind) {
    case 'threshold':
      return `v~${c.indicator}~${c.op}~${String(c.value)}`;
    case 'quantile':
      return `q~${c.indicator}~${c.parts}~${c.side}`;
    case 'flag':
      return `f~${c.flag}`;
  }
}

/** `epci,v~…,f~no_cls` → query; an unknown level is refused, bad conditions are dropped. */
export function parseFinderQuery(raw: string): FinderQuery | undefined {
  if (raw.length > 1000) return undefined;
  const [level, ...rest] = raw.split(',');
  if (!isFinderLevel(level)) return undefined;
  const conditions = rest.map(parseCondition).filter((c): c is Condition => c !== undefined).slice(0, MAX_CONDITIONS);
  return { level, conditions };
}

export function serializeFinderQuery(query: FinderQuery): string {
  return [query.level, ...query.conditions.map(serializeCondition)].join(',');
}

/** The `finder` URL field: null = finder closed. */
export const finderUrlCodec = {
  key: 'find',
  parse: (raw: string): FinderQuery | null | undefined => parseFinderQuery(raw),
  serialize: (query: FinderQuery | null): string | undefined => (query ? serializeFinderQuery(query) : undefined),
};

/** Indicator ids a query reads. */
export function queryIndicators(query: FinderQuery): string[] {
  return [...new Set(query.conditions.flatMap((c) => (c.kind === 'flag' ? [] : [c.indicator])))];
}
