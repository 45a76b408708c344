// The figures of a territory portrait, built from plain inputs (index record,
// indicator values, contracts, zones, care offer) with no I/O and no React.
// Missing stays missing: every figure is `number | null` and the UI says
// "non disponible"; nothing is filled in or guessed here.
import type { Level } from '../lib/levels.ts';

// ---------------------------------------------------------------- identity

export interface PortraitParent {
  readonly level: Level;
  readonly code: string;
  readonly name: string | null;
}

export interface PortraitIdentity {
  readonly kind: 'territory' | 'perimeter';
  /** Territory level; null for a custom perimeter. */
  readonly level: Level | null;
  /** INSEE/SIREN/BV code, or the perimeter id. */
  readonly code: string;
  readonly name: string;
  readonly parents: readonly PortraitParent[];
  readonly population: number | null;
  readonly areaKm2: number | null;
  readonly communes: number | null;
}

// -------------------------------------------------------------- indicators

/** The four themes of the portrait, in display order. */
export const PORTRAIT_THEMES = ['offre', 'population', 'precarite', 'sante'] as const;
export type PortraitTheme = (typeof PORTRAIT_THEMES)[number];

/** 'higher-better': a higher value is favourable (APL); 'higher-worse': unfavourable (poverty rate). */
export type Polarity = 'higher-better' | 'higher-worse' | 'neutral';

export interface PortraitIndicatorDef {
  readonly id: string;
  readonly label: string;
  readonly theme: PortraitTheme;
  readonly polarity: Polarity;
  readonly unit: string;
  readonly decimals?: number;
  /** Producer and vintage, e.g. "DREES, APL 2023". */
  readonly source?: string;
}

/** A commune is also compared with its EPCI (the level ARS prefer for a CLS). */
export type ComparisonScope = 'epci' | 'departement' | 'region' | 'france';

export interface ReferenceValue {
  readonly scope: ComparisonScope;
  /** Territory code; 'france' for France. */
  readonly code: string;
  readonly name: string;
  readonly value: number | null;
}

/** 'worse'/'better' take the polarity into account; 'similar' within the tolerance. */
export type Verdict = 'worse' | 'better' | 'similar' | 'neutral' | 'unknown';

export interface Comparison extends ReferenceValue {
  /** value − reference, null when either is missing. */
  readonly difference: number | null;
  /** (value − reference) / |reference| × 100, null when either is missing or the reference is 0. */
  readonly relativeDifferencePct: number | null;
  readonly verdict: Verdict;
}

export interface PeerRank {
  /** 1 = highest value among peers with a value. */
  readonly rank: number;
  /** Peers of the same level with a value (the territory included). */
  readonly count: number;
  /** Share of peers with a lower value, ties counted half (0–100). */
  readonly percentile: number;
}

export interface IndicatorFigure {
  readonly def: PortraitIndicatorDef;
  readonly value: number | null;
  /** null when the value is missing or there is no peer set (custom perimeter). */
  readonly rank: PeerRank | null;
  readonly comparisons: readonly Comparison[];
  /** Why a value is missing, when the data says (e.g. "non agrégeable"). */
  readonly note?: string;
  /** A composite index's population-weighted quintile (1 least … 5 most deprived). */
  readonly quintile?: number;
  /** An estimate's method and share covered, said beside the value. */
  readonly estimate?: string;
}

function isNum(v: number | null | undefined): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/**
 * Rank and percentile of `value` among `peerValues` (which should include it).
 * Missing peer values are left out of the count.
 */
export function rankAmongPeers(value: number | null, peerValues: Iterable<number | null>): PeerRank | null {
  if (!isNum(value)) return null;
  let count = 0;
  let higher = 0;
  let lower = 0;
  let equal = 0;
  for (const v of peerValues) {
    if (!isNum(v)) continue;
    count += 1;
    if (v > value) higher += 1;
    else if (v < value) lower += 1;
    else equal += 1;
  }
  if (count === 0) return null;
  // The territory itself may be absent from the peer set (a value computed
  // apart): count it so the rank stays within 1..count.
  if (equal === 0) {
    count += 1;
    equal = 1;
  }
  const percentile = ((lower + (equal - 1) / 2) / Math.max(1, count - 1)) * 100;
  return { rank: higher + 1, count, percentile: count === 1 ? 100 : Math.round(percentile * 10) / 10 };
}

/**
 * Compares a value with a reference, polarity-aware. `tolerancePct` is the
 * relative gap under which both are called similar (0 = any gap counts).
 */
export function compareWithReference(
  value: number | null,
  reference: ReferenceValue,
  polarity: Polarity,
  tolerancePct = 0,
): Comparison {
  const ref = reference.value;
  if (!isNum(value) || !isNum(ref)) {
    return { ...reference, difference: null, relativeDifferencePct: null, verdict: 'unknown' };
  }
  const difference = value - ref;
  const relativeDifferencePct = ref === 0 ? null : (difference / Math.abs(ref)) * 100;
  let verdict: Verdict;
  if (polarity === 'neutral') verdict = 'neutral';
  else if (difference === 0) verdict = 'similar';
  else if (relativeDifferencePct !== null && Math.abs(relativeDifferencePct) < tolerancePct) verdict = 'similar';
  else {
    const higher = difference > 0;
    verdict = higher === (polarity === 'higher-better') ? 'better' : 'worse';
  }
  return { ...reference, difference, relativeDifferencePct, verdict };
}

export interface IndicatorInput {
  readonly def: PortraitIndicatorDef;
  readonly value: number | null;
  /** Values of all territories of the same level (code → value), or null for a perimeter. */
  readonly peers: ReadonlyMap<string, number | null> | null;
  readonly references: readonly ReferenceValue[];
  readonly note?: string;
  readonly quintile?: number;
  readonly estimate?: string;
}

export function buildIndicatorFigure(input: IndicatorInput, tolerancePct = 0): IndicatorFigure {
  const { def, value, peers, references } = input;
  return {
    def,
    value: isNum(value) ? value : null,
    rank: peers ? rankAmongPeers(value, peers.values()) : null,
    comparisons: references.map((r) => compareWithReference(value, r, def.polarity, tolerancePct)),
    ...(input.note ? { note: input.note } : {}),
    ...(input.quintile !== undefined ? { quintile: input.quintile } : {}),
    ...(input.estimate ? { estimate: input.estimate } : {}),
  };
}

export function groupByTheme(figures: readonly IndicatorFigure[]): { theme: PortraitTheme; figures: IndicatorFigure[] }[] {
  return PORTRAIT_THEMES.map((theme) => ({ theme, figures: figures.filter((f) => f.def.theme === theme) }));
}

/**
 * Scale for the comparison bars: 0 to the largest of the value and its
 * references (bars start at 0 so lengths are proportional). Null if nothing to draw.
 */
export function comparisonScaleMax(figure: IndicatorFigure): number | null {
  const values = [figure.value, ...figure.comparisons.map((c) => c.value)].filter(isNum);
  if (values.length === 0) return null;
  const max = Math.max(...values.map(Math.abs));
  return max > 0 ? max : null;
}

// --------------------------------------------------------------- contracts

export type Coverage = 'covered' | 'partial' | 'none';

export interface PortraitContract {
  readonly id: string;
  readonly name: string;
  /** Normalised status label (French), as the contracts registry gives it. */
  readonly status: string;
  /** Whether the contract is running or being prepared (not ended). */
  readonly active: boolean;
  readonly signatureDate: string | null;
  readonly period: string | null;
  readonly sourceUrl: string | null;
  /** Communes of the subject the contract covers. */
  readonly communesCovered: number;
}

export interface ContractsSituation {
  /** false when the contracts overlay could not be loaded. */
  readonly available: boolean;
  readonly coverage: Coverage;
  readonly contracts: readonly PortraitContract[];
  /** Contracts in the registry (what « aucun CLS connu du registre » is measured against). */
  readonly registrySize?: number;
  /** Contracts of neighbouring territories (not covering the subject). */
  readonly neighbours: readonly { readonly id: string; readonly name: string; readonly status: string; readonly territory: string }[];
}

/**
 * Coverage of a set of communes by contracts: 'covered' when every commune
 * is inside an active contract, 'partial' when some are, 'none' otherwise.
 */
export function coverageOf(communes: readonly string[], coveredByActive: ReadonlySet<string>): Coverage {
  if (communes.length === 0) return 'none';
  let n = 0;
  for (const c of communes) if (coveredByActive.has(c)) n += 1;
  if (n === 0) return 'none';
  return n === communes.length ? 'covered' : 'partial';
}

// ------------------------------------------------------------------ zones

export interface CommuneZones {
  readonly code: string;
  readonly population: number | null;
  /** null = unknown for this commune. */
  readonly isolatedRural: boolean | null;
  readonly qpvCount: number | null;
  readonly frr: boolean | null;
}

export interface ZoneCount {
  /** Communes in the zone; null if the zone is unknown for every commune. */
  readonly communes: number | null;
  readonly population: number | null;
  /** Communes whose membership is unknown. */
  readonly unknown: number;
}

export interface PriorityZones {
  readonly available: boolean;
  readonly totalCommunes: number;
  readonly isolatedRural: ZoneCount;
  readonly qpv: ZoneCount & { readonly quartiers: number | null };
  readonly frr: ZoneCount;
  /** Communes in at least one of the three. */
  readonly any: ZoneCount;
}

function countZone(rows: readonly CommuneZones[], test: (r: CommuneZones) => boolean | null): ZoneCount {
  let communes = 0;
  let population = 0;
  let popKnown = true;
  let unknown = 0;
  for (const r of rows) {
    const t = test(r);
    if (t === null) {
      unknown += 1;
      continue;
    }
    if (!t) continue;
    communes += 1;
    if (isNum(r.population)) population += r.population;
    else popKnown = false;
  }
  if (rows.length > 0 && unknown === rows.length) return { communes: null, population: null, unknown };
  return { communes, population: popKnown ? population : null, unknown };
}

export function summariseZones(rows: readonly CommuneZones[] | null): PriorityZones {
  const list = rows ?? [];
  const qpvTest = (r: CommuneZones) => (r.qpvCount === null ? null : r.qpvCount > 0);
  let quartiers: number | null = 0;
  for (const r of list) {
    if (r.qpvCount === null) continue;
    quartiers = (quartiers ?? 0) + r.qpvCount;
  }
  if (list.length > 0 && list.every((r) => r.qpvCount === null)) quartiers = null;
  return {
    available: rows !== null,
    totalCommunes: list.length,
    isolatedRural: countZone(list, (r) => r.isolatedRural),
    qpv: { ...countZone(list, qpvTest), quartiers },
    frr: countZone(list, (r) => r.frr),
    any: countZone(list, (r) => {
      const parts = [r.isolatedRural, qpvTest(r), r.frr];
      if (parts.some((p) => p === true)) return true;
      return parts.every((p) => p === false) ? false : null;
    }),
  };
}

// -------------------------------------------------------------- care offer

export interface Hospital {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  readonly commune: string | null;
}

export interface CareOffer {
  /** APL to GPs (consultations/year/inhabitant), population-weighted; null if missing. */
  readonly apl: number | null;
  readonly aplLabel: string | null;
  /** Nurses' zoning class → number of communes (classes 1 "très sous-dotée" … 5 "sur-dotée"). */
  readonly nurseZoning: ReadonlyMap<string, number> | null;
  readonly hospitals: readonly Hospital[] | null;
}

export function hospitalsByType(hospitals: readonly Hospital[]): { type: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const h of hospitals) counts.set(h.type, (counts.get(h.type) ?? 0) + 1);
  return [...counts].map(([type, count]) => ({ type, count })).sort((a, b) => b.count - a.count || a.type.localeCompare(b.type, 'fr'));
}

// ------------------------------------------------------------ the portrait

export interface PortraitModel {
  readonly identity: PortraitIdentity;
  readonly indicators: readonly IndicatorFigure[];
  readonly contracts: ContractsSituation;
  readonly zones: PriorityZones;
  readonly careOffer: CareOffer;
  /** Sources cited at the foot of the portrait. */
  readonly sources: readonly string[];
}

export interface PortraitInputs {
  readonly identity: PortraitIdentity;
  readonly indicators: readonly IndicatorInput[];
  readonly contracts: ContractsSituation;
  readonly communeZones: readonly CommuneZones[] | null;
  readonly careOffer: CareOffer;
  readonly sources?: readonly string[];
}

export function buildPortraitModel(inputs: PortraitInputs, tolerancePct = 0): PortraitModel {
  const sources = new Set<string>(inputs.sources ?? []);
  for (const i of inputs.indicators) if (i.def.source) sources.add(i.def.source);
  return {
    identity: inputs.identity,
    indicators: inputs.indicators.map((i) => buildIndicatorFigure(i, tolerancePct)),
    contracts: inputs.contracts,
    zones: summariseZones(inputs.communeZones),
    careOffer: inputs.careOffer,
    sources: [...sources],
  };
}
