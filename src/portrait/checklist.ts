// "Faut-il engager un CLS ?" — a transparent checklist, not a score.
// Each rule reads a few figures of the portrait, compares them with a visible
// threshold and returns its status (pass / fail / missing data) with the
// evidence it used. Defaults and their origin: docs/checklist.md.
import type { Level } from '../lib/levels.ts';
import type { Comparison, ContractsSituation, IndicatorFigure, PortraitTheme, PriorityZones } from './portrait-model.ts';

export type RuleStatus = 'pass' | 'fail' | 'missing';

export type RuleId = 'no-contract' | 'priority-zones' | 'care-offer' | 'deprivation' | 'critical-mass' | 'epci-level';

export interface ChecklistThresholds {
  /** Minimum relative gap (%) for an indicator to count as worse than a reference. */
  readonly minGapPct: number;
  /** Minimum number of communes in a priority zone. */
  readonly minPriorityCommunes: number;
  /** Minimum population for a critical mass. */
  readonly minPopulation: number;
  /** Minimum number of communes for a critical mass. */
  readonly minCommunes: number;
  /** Minimum number of worse indicators (care offer, deprivation) to pass. */
  readonly minWorseIndicators: number;
}

/** Defaults: see docs/checklist.md for where each number comes from. */
export const DEFAULT_THRESHOLDS: ChecklistThresholds = {
  minGapPct: 5,
  minPriorityCommunes: 1,
  minPopulation: 15000,
  minCommunes: 1,
  minWorseIndicators: 1,
};

export const THRESHOLD_LIMITS: Readonly<Record<keyof ChecklistThresholds, { min: number; max: number; step: number }>> = {
  minGapPct: { min: 0, max: 100, step: 1 },
  minPriorityCommunes: { min: 0, max: 1000, step: 1 },
  minPopulation: { min: 0, max: 10_000_000, step: 1000 },
  minCommunes: { min: 1, max: 5000, step: 1 },
  minWorseIndicators: { min: 1, max: 20, step: 1 },
};

/** Clamps user input into the limits; NaN falls back to the default. */
export function sanitiseThresholds(input: Partial<Record<keyof ChecklistThresholds, unknown>>): ChecklistThresholds {
  const out: Record<string, number> = {};
  for (const key of Object.keys(DEFAULT_THRESHOLDS) as (keyof ChecklistThresholds)[]) {
    const raw = input[key];
    const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw.replace(',', '.')) : NaN;
    const { min, max } = THRESHOLD_LIMITS[key];
    out[key] = Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : DEFAULT_THRESHOLDS[key];
  }
  return out as unknown as ChecklistThresholds;
}

/** One piece of evidence: what was measured, against what. Formatted by the UI. */
export type Evidence =
  | { kind: 'coverage'; coverage: ContractsSituation['coverage']; contracts: readonly { name: string; status: string; active: boolean }[] }
  | { kind: 'zone'; zone: 'isolatedRural' | 'qpv' | 'frr' | 'any'; communes: number | null; population: number | null; total: number }
  | {
      kind: 'indicator';
      label: string;
      unit: string;
      decimals: number;
      value: number | null;
      against: readonly Pick<Comparison, 'scope' | 'name' | 'value' | 'relativeDifferencePct' | 'verdict'>[];
      worse: boolean;
      /** A composite index judged by its quintile (5 = the most deprived fifth of the population). */
      quintile?: number;
      /** An estimate's method and share covered. */
      estimate?: string;
    }
  /** The indicators the rule could judge on (a value and a comparison or a quintile), by label. */
  | { kind: 'used'; labels: readonly string[] }
  | { kind: 'count'; what: 'population' | 'communes'; value: number | null; threshold: number; ok: boolean | null }
  | { kind: 'level'; level: Level | null; epci: { code: string; name: string | null; population: number | null } | null; perimeterEpcis: number | null; matchesEpci: boolean | null };

export interface RuleResult {
  readonly id: RuleId;
  readonly status: RuleStatus;
  readonly evidence: readonly Evidence[];
  /** Thresholds this rule reads (shown beside it, adjustable). */
  readonly thresholds: readonly (keyof ChecklistThresholds)[];
}

export interface ChecklistInput {
  readonly level: Level | null;
  readonly population: number | null;
  readonly communes: number | null;
  readonly contracts: ContractsSituation;
  readonly zones: PriorityZones;
  readonly indicators: readonly IndicatorFigure[];
  /** The EPCI the subject belongs to (communes) or that it equals; null if none or unknown. */
  readonly epci: { code: string; name: string | null; population: number | null } | null;
  /** For a perimeter: number of EPCI it touches, and whether it equals exactly one EPCI. */
  readonly perimeterEpcis?: { count: number; matchesEpci: boolean } | null;
}

// ------------------------------------------------------------------ rules

export function ruleNoContract(input: ChecklistInput): RuleResult {
  const c = input.contracts;
  const evidence: Evidence[] = [
    { kind: 'coverage', coverage: c.coverage, contracts: c.contracts.map(({ name, status, active }) => ({ name, status, active })) },
  ];
  let status: RuleStatus;
  if (!c.available) status = 'missing';
  // A partial cover fails too: the question becomes extending the existing contract.
  else status = c.coverage === 'none' ? 'pass' : 'fail';
  return { id: 'no-contract', status, evidence, thresholds: [] };
}

export function rulePriorityZones(input: ChecklistInput, t: ChecklistThresholds): RuleResult {
  const z = input.zones;
  const total = z.totalCommunes;
  const evidence: Evidence[] = [
    { kind: 'zone', zone: 'isolatedRural', communes: z.isolatedRural.communes, population: z.isolatedRural.population, total },
    { kind: 'zone', zone: 'qpv', communes: z.qpv.communes, population: z.qpv.population, total },
    { kind: 'zone', zone: 'frr', communes: z.frr.communes, population: z.frr.population, total },
    { kind: 'zone', zone: 'any', communes: z.any.communes, population: z.any.population, total },
  ];
  let status: RuleStatus;
  const n = z.any.communes;
  if (!z.available || n === null) status = 'missing';
  else if (n >= Math.max(1, t.minPriorityCommunes)) status = 'pass';
  // Some communes unknown could still tip the balance: say so rather than fail.
  else if (n + z.any.unknown >= Math.max(1, t.minPriorityCommunes)) status = 'missing';
  else status = 'fail';
  return { id: 'priority-zones', status, evidence, thresholds: ['minPriorityCommunes'] };
}

function worseThanLocalReferences(figure: IndicatorFigure, t: ChecklistThresholds): { worse: boolean; known: boolean; against: Comparison[] } {
  const against = figure.comparisons.filter((c) => c.scope === 'departement' || c.scope === 'region');
  let worse = false;
  let known = false;
  for (const c of against) {
    if (c.verdict === 'unknown' || c.verdict === 'neutral') continue;
    if (c.relativeDifferencePct === null) continue;
    known = true;
    // Polarity is in the verdict; the gap must also reach the threshold.
    if (c.verdict === 'worse' && Math.abs(c.relativeDifferencePct) >= t.minGapPct) worse = true;
  }
  return { worse, known, against };
}

/** The quintile of the population a composite index must reach to count as unfavourable. */
export const WORSE_QUINTILE = 5;

function ruleWorseIndicators(id: 'care-offer' | 'deprivation', theme: PortraitTheme, input: ChecklistInput, t: ChecklistThresholds): RuleResult {
  const figures = input.indicators.filter((f) => f.def.theme === theme && f.def.polarity !== 'neutral');
  const evidence: Evidence[] = [];
  const used: string[] = [];
  let worseCount = 0;
  let knownCount = 0;
  for (const f of figures) {
    // A composite index has no département or région value: it is judged by its quintile.
    const r =
      f.quintile !== undefined && f.value !== null
        ? { worse: f.quintile >= WORSE_QUINTILE, known: true, against: [] as Comparison[] }
        : worseThanLocalReferences(f, t);
    if (r.known) {
      knownCount += 1;
      used.push(f.def.label);
    }
    if (r.worse) worseCount += 1;
    evidence.push({
      kind: 'indicator',
      label: f.def.label,
      unit: f.def.unit,
      decimals: f.def.decimals ?? 1,
      value: f.value,
      against: r.against.map(({ scope, name, value, relativeDifferencePct, verdict }) => ({ scope, name, value, relativeDifferencePct, verdict })),
      worse: r.worse,
      ...(f.quintile !== undefined ? { quintile: f.quintile } : {}),
      ...(f.estimate ? { estimate: f.estimate } : {}),
    });
  }
  evidence.push({ kind: 'used', labels: used });
  const need = Math.max(1, t.minWorseIndicators);
  let status: RuleStatus;
  if (worseCount >= need) status = 'pass';
  else if (knownCount === 0) status = 'missing';
  // Indicators without a comparison could still reach the count.
  else if (worseCount + (figures.length - knownCount) >= need) status = 'missing';
  else status = 'fail';
  return { id, status, evidence, thresholds: ['minGapPct', 'minWorseIndicators'] };
}

export const ruleCareOffer = (input: ChecklistInput, t: ChecklistThresholds) => ruleWorseIndicators('care-offer', 'offre', input, t);
export const ruleDeprivation = (input: ChecklistInput, t: ChecklistThresholds) => ruleWorseIndicators('deprivation', 'precarite', input, t);

export function ruleCriticalMass(input: ChecklistInput, t: ChecklistThresholds): RuleResult {
  const popOk = input.population === null ? null : input.population >= t.minPopulation;
  const comOk = input.communes === null ? null : input.communes >= t.minCommunes;
  const evidence: Evidence[] = [
    { kind: 'count', what: 'population', value: input.population, threshold: t.minPopulation, ok: popOk },
    { kind: 'count', what: 'communes', value: input.communes, threshold: t.minCommunes, ok: comOk },
  ];
  let status: RuleStatus;
  if (popOk === false || comOk === false) status = 'fail';
  else if (popOk === null || comOk === null) status = 'missing';
  else status = 'pass';
  return { id: 'critical-mass', status, evidence, thresholds: ['minPopulation', 'minCommunes'] };
}

export function ruleEpciLevel(input: ChecklistInput): RuleResult {
  const p = input.perimeterEpcis ?? null;
  const evidence: Evidence[] = [
    { kind: 'level', level: input.level, epci: input.epci, perimeterEpcis: p ? p.count : null, matchesEpci: p ? p.matchesEpci : null },
  ];
  let status: RuleStatus;
  if (input.level === 'epci') status = 'pass';
  else if (input.level === null) status = p === null ? 'missing' : p.matchesEpci ? 'pass' : 'fail';
  else status = 'fail';
  return { id: 'epci-level', status, evidence, thresholds: [] };
}

export function evaluateChecklist(input: ChecklistInput, thresholds: ChecklistThresholds = DEFAULT_THRESHOLDS): RuleResult[] {
  return [
    ruleNoContract(input),
    rulePriorityZones(input, thresholds),
    ruleCareOffer(input, thresholds),
    ruleDeprivation(input, thresholds),
    ruleCriticalMass(input, thresholds),
    ruleEpciLevel(input),
  ];
}
