// Aggregating an indicator from fine territories to coarser ones, the way its
// arithmetic allows: counts add up; ratios are sum of numerators over sum of
// denominators (never a mean of ratios); indices such as APL are averaged
// weighted by their population; medians and classes are not aggregated at all.
// Pure: shared by the build (communes → EPCI, BV, département, région, France)
// and the viewer (a custom perimeter of communes, a dropped CSV).
import { LEVELS, LEVEL_LABELS_PLURAL, nestsIn, type Level } from './levels.ts';

import { estimatePovertyRate, type PovertyComponents } from './poverty-estimate.ts';

/**
 * `estimate`: the poverty rate's two-method estimate (src/lib/poverty-estimate.ts),
 * components `[rate, persons, bvRate]`.
 */
export type AggregationKind = 'count' | 'ratio' | 'weightedMean' | 'estimate' | 'none';

/**
 * What one territory contributes, by kind: count `[value]`, ratio
 * `[numerator, denominator]`, weightedMean `[value, weight]`, none `[value]`.
 * null = missing.
 */
export type Components = readonly [number | null, (number | null)?, (number | null)?];

export interface AggregateOptions {
  /** Ratios only: multiplier of numerator/denominator (100 for a %, 10,000 for a density per 10,000). */
  scale?: number;
  /** Below this coverage the aggregate is null (defaults: see DEFAULT_MIN_COVERAGE). */
  minCoverage?: number;
}

export interface AggregateValue {
  value: number | null;
  /** Share (0–1) of the aggregate's population (or of its members, unweighted) whose components are known. */
  coverage: number;
  /** Members of the aggregate, known or not. */
  members: number;
  /** Estimates: the method that gave the value, and the share of persons in communes with a published value. */
  method?: string;
  communeShare?: number;
}

/**
 * The coverage rule. A sum over an incomplete set of communes is simply wrong
 * (it undercounts), so counts need near-complete coverage; a ratio or a
 * weighted mean computed on the covered communes is an estimate for the
 * whole that stays meaningful when most of the population is covered.
 */
export const DEFAULT_MIN_COVERAGE: Record<Exclude<AggregationKind, 'none' | 'estimate'>, number> = {
  count: 0.98,
  ratio: 0.9,
  weightedMean: 0.9,
};

/** Whether a territory's components are complete enough to take part in an aggregate. */
export function isCovered(kind: AggregationKind, c: Components | undefined): boolean {
  if (kind === 'estimate') return !!c && ((c[0] !== null && c[0] !== undefined) || (c[2] !== null && c[2] !== undefined));
  if (!c || c[0] === null || c[0] === undefined) return false;
  if (kind === 'ratio' || kind === 'weightedMean') return c[1] !== null && c[1] !== undefined;
  return true;
}

/** The value of one territory from its components. */
export function valueOfComponents(kind: AggregationKind, c: Components | undefined, scale = 1): number | null {
  if (!isCovered(kind, c)) return null;
  if (kind === 'estimate') return estimatePovertyRate([{ components: c as PovertyComponents, legalPopulation: 1 }]).value;
  const [a, b] = c as readonly [number, number?];
  if (kind === 'ratio') return b! > 0 ? (a / b!) * scale : null;
  return a;
}

export interface Member {
  components: Components | undefined;
  /** Weight used to measure coverage (population); 1 for an unweighted share of members. */
  coverageWeight: number;
}

/** Aggregates members into one value, with its coverage; `none` always gives null. */
export function aggregate(kind: AggregationKind, members: Iterable<Member>, options: AggregateOptions = {}): AggregateValue {
  if (kind === 'estimate') {
    const list = [...members];
    const e = estimatePovertyRate(list.map((m) => ({ components: m.components as PovertyComponents | undefined, legalPopulation: m.coverageWeight })));
    return {
      value: e.value,
      coverage: e.coverage,
      members: list.length,
      ...(e.method ? { method: e.method } : {}),
      communeShare: e.communeShare,
    };
  }
  let total = 0;
  let covered = 0;
  let count = 0;
  let sumA = 0;
  let sumB = 0;
  for (const m of members) {
    count++;
    const w = Math.max(0, m.coverageWeight);
    total += w;
    if (!isCovered(kind, m.components)) continue;
    covered += w;
    const [a, b] = m.components as readonly [number, number?];
    if (kind === 'count') sumA += a;
    else if (kind === 'ratio') {
      sumA += a;
      sumB += b!;
    } else if (kind === 'weightedMean') {
      if (b! > 0) {
        sumA += a * b!;
        sumB += b!;
      }
    }
  }
  const coverage = total > 0 ? covered / total : 0;
  if (kind === 'none' || count === 0) return { value: null, coverage, members: count };
  const min = options.minCoverage ?? DEFAULT_MIN_COVERAGE[kind];
  if (coverage < min) return { value: null, coverage, members: count };
  let value: number | null;
  if (kind === 'count') value = sumA;
  else if (kind === 'ratio') value = sumB > 0 ? (sumA / sumB) * (options.scale ?? 1) : null;
  else value = sumB > 0 ? sumA / sumB : null;
  return { value, coverage, members: count };
}

/**
 * Aggregates every member territory into its parent. `parentOf` lists ALL
 * members of the reference geography (not only those the source covers), so
 * that an absent member lowers the coverage instead of vanishing.
 */
export function aggregateByParent(
  kind: AggregationKind,
  components: ReadonlyMap<string, Components>,
  parentOf: ReadonlyMap<string, string>,
  coverageWeight: (code: string) => number,
  options: AggregateOptions = {},
): Map<string, AggregateValue> {
  const groups = new Map<string, Member[]>();
  for (const [code, parent] of parentOf) {
    const list = groups.get(parent) ?? [];
    list.push({ components: components.get(code), coverageWeight: coverageWeight(code) });
    groups.set(parent, list);
  }
  const out = new Map<string, AggregateValue>();
  for (const parent of [...groups.keys()].sort()) out.set(parent, aggregate(kind, groups.get(parent)!, options));
  return out;
}

/** A custom perimeter (the viewer's "my territory" built from a list of communes). */
export function aggregatePerimeter(
  kind: AggregationKind,
  codes: Iterable<string>,
  components: ReadonlyMap<string, Components> | Readonly<Record<string, Components>>,
  coverageWeight: (code: string) => number = () => 1,
  options: AggregateOptions = {},
): AggregateValue {
  const get = (code: string) =>
    components instanceof Map ? components.get(code) : (components as Readonly<Record<string, Components>>)[code];
  const members: Member[] = [];
  for (const code of new Set(codes)) members.push({ components: get(code), coverageWeight: coverageWeight(code) });
  return aggregate(kind, members, options);
}

/** Why an indicator is not available at a level, in French, for the UI. */
export const UNAVAILABLE_REASONS = {
  notAggregable: (what: string) =>
    `Non agrégeable : ${what} ne s'additionne pas et ne se moyenne pas entre territoires ; indicateur disponible uniquement à son échelon d'origine.`,
  doesNotNest: (native: string, level: string) =>
    `Les ${native} ne s'emboîtent pas dans les ${level} : la valeur ne peut pas être recalculée à cet échelon.`,
  finerThanSource: (native: string) => `La source n'est publiée qu'à l'échelle des ${native} : pas de valeur plus fine.`,
  incompleteCoverage: (share: number) =>
    `La source ne couvre que ${Math.round(share * 100)} % du territoire : pas de valeur d'ensemble.`,
} as const;

/**
 * Whether an indicator published at `nativeLevel` can be shown at `level`,
 * and why not: the one order of checks for the build and a dropped CSV.
 * null = available (the native level itself, or by aggregation). `what`
 * names the quantity in the "not aggregable" reason.
 */
export function levelUnavailableReason(nativeLevel: Level, level: Level, kind: AggregationKind, what: string): string | null {
  if (level === nativeLevel) return null;
  const native = LEVEL_LABELS_PLURAL[nativeLevel].toLowerCase();
  if (LEVELS.indexOf(level) < LEVELS.indexOf(nativeLevel)) return UNAVAILABLE_REASONS.finerThanSource(native);
  if (!nestsIn(nativeLevel, level)) return UNAVAILABLE_REASONS.doesNotNest(native, LEVEL_LABELS_PLURAL[level].toLowerCase());
  if (kind === 'none') return UNAVAILABLE_REASONS.notAggregable(what);
  return null;
}

/** Why an indicator has no France-wide value (null = it has one). */
export function franceUnavailableReason(kind: AggregationKind, france: AggregateValue | null, what: string): string | null {
  if (kind === 'none') return UNAVAILABLE_REASONS.notAggregable(what);
  if (!france || france.value === null) return UNAVAILABLE_REASONS.incompleteCoverage(france?.coverage ?? 0);
  return null;
}
