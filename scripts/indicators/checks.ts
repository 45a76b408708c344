// Impossible values, declared per indicator in the catalogue (a share above
// 100 %, a negative count, 0 inhabitants where the legal population is not
// 0): refused (set to missing, marked `refused`) and listed in the source's
// report, the way unmatched codes are. Pure.
import type { MatchedTerritory } from '../../src/lib/code-matching.ts';
import type { FieldCheck, IndicatorDefinition } from '../../data/indicators.ts';

export interface RefusedValue {
  code: string;
  field: string;
  value: number;
  rule: 'min' | 'max' | 'zero';
}

/** The checks of several indicators of one source, per column (the strictest bound wins). */
export function mergeChecks(defs: readonly IndicatorDefinition[]): Record<string, FieldCheck> {
  const out: Record<string, FieldCheck> = {};
  for (const def of defs) {
    for (const [field, check] of Object.entries(def.checks ?? {})) {
      const known = out[field] ?? {};
      const pick = (a: number | undefined, b: number | undefined, f: (x: number, y: number) => number) =>
        a === undefined ? b : b === undefined ? a : f(a, b);
      const merged: FieldCheck = {};
      const min = pick(known.min, check.min, Math.max);
      const max = pick(known.max, check.max, Math.min);
      const zero = pick(known.zeroOnlyBelowLegalPopulation, check.zeroOnlyBelowLegalPopulation, Math.max);
      if (min !== undefined) merged.min = min;
      if (max !== undefined) merged.max = max;
      if (zero !== undefined) merged.zeroOnlyBelowLegalPopulation = zero;
      out[field] = merged;
    }
  }
  return out;
}

/** Why a value breaks its check, or null when it is possible. */
export function breach(value: number, check: FieldCheck, legalPopulation: number | null): RefusedValue['rule'] | null {
  if (check.min !== undefined && value < check.min) return 'min';
  if (check.max !== undefined && value > check.max) return 'max';
  if (value === 0 && check.zeroOnlyBelowLegalPopulation !== undefined && legalPopulation !== null && legalPopulation >= check.zeroOnlyBelowLegalPopulation) {
    return 'zero';
  }
  return null;
}

/**
 * Refuses the impossible values of matched territories in place (value set
 * to null, field marked `refused`) and returns them, sorted by code.
 */
export function refuseImpossibleValues(
  territories: Map<string, MatchedTerritory>,
  checks: Record<string, FieldCheck>,
  legalPopulation: (code: string) => number | null,
): RefusedValue[] {
  const refused: RefusedValue[] = [];
  for (const [code, territory] of territories) {
    for (const [field, check] of Object.entries(checks)) {
      const value = territory.values[field];
      if (value === null || value === undefined) continue;
      const rule = breach(value, check, legalPopulation(code));
      if (!rule) continue;
      territory.values[field] = null;
      territory.absent = { ...territory.absent, [field]: 'refused' };
      refused.push({ code, field, value, rule });
    }
  }
  return refused.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : a.field < b.field ? -1 : 1));
}

/** One French line for the build log: "17 valeurs impossibles refusées (97601 population_2021 = 0 …)". */
export function summariseRefused(refused: readonly RefusedValue[]): string {
  if (refused.length === 0) return '';
  const sample = refused
    .slice(0, 4)
    .map((r) => `${r.code} ${r.field} = ${r.value}`)
    .join(', ');
  return ` · ${refused.length} valeurs impossibles refusées (${sample}${refused.length > 4 ? '…' : ''})`;
}
