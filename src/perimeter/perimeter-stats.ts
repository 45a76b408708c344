// The figures a planner compares between candidate perimeters: critical mass,
// each indicator aggregated exactly as the levels are (src/lib/aggregate.ts),
// the spread of the commune values inside (homogeneity), priority zones and
// overlap with existing contracts. Pure: plain data in, plain figures out.
import { aggregatePerimeter, valueOfComponents, type AggregationKind, type Components } from '../lib/aggregate.ts';
import { rollupCoverage, ACTIVE_STATUSES, ONGOING_STATUSES, type CoverageResult, type ResolvedContract } from '../lib/contracts.ts';
import type { IndicatorFile } from '../lib/indicator-format.ts';
import { aggregateZones, type CommuneZoneFacts, type ZoneAggregate } from '../lib/priority-zones.ts';
import type { ZonesOverlay } from '../lib/overlay-format.ts';
import { compareCodes } from '../lib/codes.ts';

/** What the statistics need of a commune (a subset of the territory index record). */
export interface CommuneFacts {
  readonly name: string;
  readonly population: number | null;
  readonly areaKm2: number | null;
}

export interface CriticalMass {
  readonly communes: number;
  /** Sum of the known populations; null when none is known. */
  readonly population: number | null;
  /** Communes whose population is unknown (left out of the sum, never counted as 0). */
  readonly communesWithoutPopulation: number;
  readonly areaKm2: number | null;
  /** Inhabitants per km². */
  readonly density: number | null;
}

export function criticalMass(codes: readonly string[], communeOf: (code: string) => CommuneFacts | undefined): CriticalMass {
  let population = 0;
  let known = 0;
  let area = 0;
  let areaKnown = 0;
  for (const code of codes) {
    const c = communeOf(code);
    if (c?.population !== null && c?.population !== undefined) {
      population += c.population;
      known++;
    }
    if (c?.areaKm2 !== null && c?.areaKm2 !== undefined) {
      area += c.areaKm2;
      areaKnown++;
    }
  }
  const pop = known > 0 ? population : null;
  const areaKm2 = areaKnown === codes.length && codes.length > 0 ? area : null;
  return {
    communes: codes.length,
    population: pop,
    communesWithoutPopulation: codes.length - known,
    areaKm2,
    density: pop !== null && areaKm2 !== null && areaKm2 > 0 ? pop / areaKm2 : null,
  };
}

// --- homogeneity ---------------------------------------------------------------

export interface Homogeneity {
  /** Communes with a value. */
  readonly n: number;
  readonly min: number;
  readonly max: number;
  readonly minCode: string;
  readonly maxCode: string;
  readonly q1: number;
  readonly median: number;
  readonly q3: number;
  readonly iqr: number;
  /** Coefficient of variation (standard deviation / mean, unweighted), null when the mean is 0. */
  readonly cv: number | null;
}

/** Linear interpolation between closest ranks (the R-7 / Excel definition). */
function quantile(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** The spread of the commune values inside a perimeter; null with fewer than 2 values. */
export function homogeneity(values: ReadonlyMap<string, number>): Homogeneity | null {
  const entries = [...values].filter(([, v]) => Number.isFinite(v));
  if (entries.length < 2) return null;
  entries.sort((a, b) => a[1] - b[1] || compareCodes(a[0], b[0]));
  const sorted = entries.map(([, v]) => v);
  const n = sorted.length;
  const mean = sorted.reduce((s, v) => s + v, 0) / n;
  const variance = sorted.reduce((s, v) => s + (v - mean) ** 2, 0) / n;
  const q1 = quantile(sorted, 0.25);
  const q3 = quantile(sorted, 0.75);
  return {
    n,
    min: sorted[0]!,
    max: sorted[n - 1]!,
    minCode: entries[0]![0],
    maxCode: entries[n - 1]![0],
    q1,
    median: quantile(sorted, 0.5),
    q3,
    iqr: q3 - q1,
    cv: mean !== 0 ? Math.sqrt(variance) / Math.abs(mean) : null,
  };
}

// --- indicators ----------------------------------------------------------------

/** Why a perimeter has no value for an indicator. */
export type NoValueReason =
  /** The indicator is not aggregable (a median, a class): said, never invented. */
  | 'notAggregable'
  /** The indicator is not published per commune: a custom perimeter cannot be computed. */
  | 'notCommuneLevel'
  /** Too few of the perimeter's inhabitants are covered by the source. */
  | 'incompleteCoverage'
  | 'empty';

export interface PerimeterIndicatorValue {
  readonly id: string;
  readonly aggregation: AggregationKind;
  readonly value: number | null;
  readonly coverage: number;
  readonly reason: NoValueReason | null;
  /** Spread of the commune values inside; null when not published per commune. */
  readonly homogeneity: Homogeneity | null;
}

/** The commune value of an indicator: its published commune level, or computed from its components. */
function communeValues(file: IndicatorFile, codes: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  const published = file.levels.commune?.values;
  for (const code of codes) {
    let v: number | null | undefined = published?.[code];
    if ((v === undefined || v === null) && file.components && file.aggregation !== 'none') {
      v = valueOfComponents(file.aggregation, file.components[code] as Components | undefined, file.scale ?? 1);
    }
    if (v !== null && v !== undefined && Number.isFinite(v)) out.set(code, v);
  }
  return out;
}

/**
 * Aggregates one indicator over a perimeter with the same rule and the same
 * coverage weights (legal population) as the build uses for the levels.
 */
export function aggregateIndicator(
  file: IndicatorFile,
  codes: readonly string[],
  populationOf: (code: string) => number | null,
): PerimeterIndicatorValue {
  const spread = file.nativeLevel === 'commune' ? homogeneity(communeValues(file, codes)) : null;
  const base = { id: file.id, aggregation: file.aggregation, homogeneity: spread };
  if (codes.length === 0) return { ...base, value: null, coverage: 0, reason: 'empty' };
  if (file.aggregation === 'none') return { ...base, value: null, coverage: 0, reason: 'notAggregable' };
  if (!file.components) return { ...base, value: null, coverage: 0, reason: 'notCommuneLevel' };
  const result = aggregatePerimeter(
    file.aggregation,
    codes,
    file.components as Readonly<Record<string, Components>>,
    (code) => populationOf(code) ?? 0,
    { scale: file.scale ?? 1 },
  );
  return {
    ...base,
    value: result.value,
    coverage: result.coverage,
    reason: result.value === null ? 'incompleteCoverage' : null,
  };
}

// --- priority zones and contracts ------------------------------------------------

/** Decodes the columnar zones overlay into per-commune facts. */
export function zoneFactsFromOverlay(overlay: ZonesOverlay): Map<string, CommuneZoneFacts> {
  const { codes, dens7, aavCategory, frr } = overlay.communes;
  const out = new Map<string, CommuneZoneFacts>();
  codes.forEach((code, i) => {
    const d = dens7[i] ?? 0;
    const f = frr[i] ?? -1;
    const a = aavCategory[i] ?? '';
    out.set(code, {
      code,
      dens7: d >= 1 && d <= 7 ? d : null,
      aavCategory: a === '' ? null : a,
      frr: f >= 0 ? f : null,
      qpv: overlay.qpvByCommune[code] ?? [],
    });
  });
  return out;
}

export interface ContractOverlap {
  /** Coverage by running contracts (signed or being renewed). */
  readonly active: CoverageResult;
  /** Coverage by any contract that is not over (including planned ones). */
  readonly ongoing: CoverageResult;
}

export function contractOverlap(codes: readonly string[], contracts: readonly ResolvedContract[]): ContractOverlap {
  return {
    active: rollupCoverage(codes, contracts, ACTIVE_STATUSES),
    ongoing: rollupCoverage(codes, contracts, ONGOING_STATUSES),
  };
}

// --- everything at once ----------------------------------------------------------

export interface PerimeterStatsInput {
  readonly codes: readonly string[];
  readonly communeOf: (code: string) => CommuneFacts | undefined;
  /** Indicator files loaded so far (any order); missing ones are simply absent from the result. */
  readonly indicators: readonly IndicatorFile[];
  readonly zoneFacts?: ReadonlyMap<string, CommuneZoneFacts> | null;
  readonly contracts?: readonly ResolvedContract[] | null;
}

export interface PerimeterStats {
  readonly mass: CriticalMass;
  readonly indicators: ReadonlyMap<string, PerimeterIndicatorValue>;
  readonly zones: ZoneAggregate | null;
  readonly contracts: ContractOverlap | null;
}

export function perimeterStats(input: PerimeterStatsInput): PerimeterStats {
  const populationOf = (code: string) => input.communeOf(code)?.population ?? null;
  const indicators = new Map<string, PerimeterIndicatorValue>();
  for (const file of input.indicators) indicators.set(file.id, aggregateIndicator(file, input.codes, populationOf));
  return {
    mass: criticalMass(input.codes, input.communeOf),
    indicators,
    zones: input.zoneFacts ? aggregateZones(input.codes, input.zoneFacts, populationOf) : null,
    contracts: input.contracts ? contractOverlap(input.codes, input.contracts) : null,
  };
}
