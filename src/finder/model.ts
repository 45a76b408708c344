// Runs a finder query over the territories of a level. Pure: values arrive
// as Maps, the result says which territories match every condition, which
// cannot be decided because a value is missing (listed apart, never dropped
// silently), and how many lack each criterion.
import { quantileSorted } from 'simple-statistics';
import type { Polarity } from '../lib/classify.ts';
import type { Comparator, Condition, QuantileParts, QuantileSide } from './query.ts';

/** A criterion ready to test: `test` is only called on a present value. */
export interface PreparedCriterion {
  readonly condition: Condition;
  /** Value of each territory; null / absent = missing. */
  readonly values: ReadonlyMap<string, number | boolean | null>;
  readonly test: (value: number | boolean) => boolean;
  /** Quantile conditions: the cut the quantile resolved to (null when no value at all). */
  readonly cut?: number | null;
  /** The end of the distribution a quantile condition keeps. */
  readonly end?: 'high' | 'low';
}

export interface UndeterminedTerritory {
  readonly code: string;
  /** Indexes of the criteria without a value for this territory. */
  readonly missing: readonly number[];
}

export interface FinderResult {
  /** Territories of the level considered. */
  readonly total: number;
  /** Codes matching every condition (input order). */
  readonly matches: readonly string[];
  /** Codes passing every condition that has a value but lacking one or more values. */
  readonly undetermined: readonly UndeterminedTerritory[];
  /** Per criterion: territories of the level with no value for it. */
  readonly missingByCriterion: readonly number[];
}

const COMPARE: Record<Comparator, (a: number, b: number) => boolean> = {
  lt: (a, b) => a < b,
  le: (a, b) => a <= b,
  gt: (a, b) => a > b,
  ge: (a, b) => a >= b,
};

/** The literal end a quantile side keeps: `worst` follows the polarity (neutral reads "more" as worse, as the map's colours do). */
export function quantileEnd(side: QuantileSide, polarity: Polarity): 'high' | 'low' {
  if (side === 'high' || side === 'low') return side;
  const worstIsHigh = polarity !== 'higher-better';
  return (side === 'worst') === worstIsHigh ? 'high' : 'low';
}

/**
 * The cut of the most extreme 1/parts of the values: territories at or above
 * it (high end) or at or below it (low end) are in. Quantiles by linear
 * interpolation, as the map's quantile classes. Ties at the cut are all in.
 */
export function quantileCut(values: Iterable<number | null | undefined>, parts: QuantileParts, end: 'high' | 'low'): number | null {
  const sorted: number[] = [];
  for (const v of values) if (typeof v === 'number' && Number.isFinite(v)) sorted.push(v);
  if (sorted.length === 0) return null;
  sorted.sort((a, b) => a - b);
  return quantileSorted(sorted, end === 'high' ? 1 - 1 / parts : 1 / parts);
}

function numeric(values: ReadonlyMap<string, number | null>, codes: readonly string[]): (number | null)[] {
  return codes.map((c) => values.get(c) ?? null);
}

/** Prepares an indicator condition (threshold or quantile) on the values of the level's `codes`. */
export function prepareIndicatorCondition(
  condition: Extract<Condition, { kind: 'threshold' | 'quantile' }>,
  values: ReadonlyMap<string, number | null>,
  codes: readonly string[],
  polarity: Polarity,
): PreparedCriterion {
  if (condition.kind === 'threshold') {
    const cmp = COMPARE[condition.op];
    return { condition, values, test: (v) => typeof v === 'number' && cmp(v, condition.value) };
  }
  const end = quantileEnd(condition.side, polarity);
  const cut = quantileCut(numeric(values, codes), condition.parts, end);
  const test = (v: number | boolean) => typeof v === 'number' && cut !== null && (end === 'high' ? v >= cut : v <= cut);
  return { condition, values, test, cut, end };
}

/** Prepares a flag condition: the territory is in when its flag is true. */
export function prepareFlagCondition(condition: Extract<Condition, { kind: 'flag' }>, values: ReadonlyMap<string, boolean | null>): PreparedCriterion {
  return { condition, values, test: (v) => v === true };
}

function present(v: number | boolean | null | undefined): v is number | boolean {
  return v !== null && v !== undefined && (typeof v === 'boolean' || Number.isFinite(v));
}

/**
 * AND of the criteria over `codes`. A territory failing a criterion it has a
 * value for is out; one passing all the criteria it has values for but
 * lacking some is undetermined. With no criterion, every territory matches.
 */
export function runQuery(codes: readonly string[], criteria: readonly PreparedCriterion[]): FinderResult {
  const matches: string[] = [];
  const undetermined: UndeterminedTerritory[] = [];
  const missingByCriterion = criteria.map(() => 0);
  for (const code of codes) {
    let failed = false;
    const missing: number[] = [];
    criteria.forEach((c, i) => {
      const v = c.values.get(code);
      if (!present(v)) {
        missing.push(i);
        missingByCriterion[i]! += 1;
      } else if (!failed && !c.test(v)) failed = true;
    });
    if (failed) continue;
    if (missing.length > 0) undetermined.push({ code, missing });
    else matches.push(code);
  }
  return { total: codes.length, matches, undetermined, missingByCriterion };
}

/** Sum of the known populations of `codes` (and how many have none). */
export function populationOf(codes: readonly string[], population: (code: string) => number | null | undefined): { population: number; unknown: number } {
  let sum = 0;
  let unknown = 0;
  for (const c of codes) {
    const p = population(c);
    if (typeof p === 'number' && Number.isFinite(p)) sum += p;
    else unknown += 1;
  }
  return { population: sum, unknown };
}

export type SortKey = { readonly column: 'name' | 'code' | 'departement' | 'population' } | { readonly column: 'criterion'; readonly index: number };

export interface TableRow {
  readonly code: string;
  readonly name: string;
  readonly departement: string | null;
  readonly population: number | null;
  readonly values: readonly (number | boolean | null)[];
}

function compareNullable<T>(a: T | null, b: T | null, cmp: (x: T, y: T) => number): number {
  if (a === null && b === null) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return cmp(a, b);
}

const byNumber = (x: number | boolean, y: number | boolean) => Number(x) - Number(y);
const byText = (x: string, y: string) => x.localeCompare(y, 'fr');

/** Sorts table rows; missing values always last; ties by code. */
export function sortRows(rows: readonly TableRow[], key: SortKey, descending: boolean): TableRow[] {
  const dir = descending ? -1 : 1;
  const value = (r: TableRow): number | boolean | string | null => {
    switch (key.column) {
      case 'name':
        return r.name;
      case 'code':
        return r.code;
      case 'departement':
        return r.departement;
      case 'population':
        return r.population;
      case 'criterion':
        return r.values[key.index] ?? null;
    }
  };
  return [...rows].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    let c: number;
    if (va === null || vb === null) c = compareNullable(va, vb, () => 0);
    else c = dir * (typeof va === 'string' && typeof vb === 'string' ? byText(va, vb) : byNumber(va as number, vb as number));
    return c !== 0 ? c : a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
  });
}
