// The finder's flags per territory: no CLS known in the registry, contains a
// QPV, isolated rural, France Ruralités Revitalisation. Pure: zone facts and
// aggregates, contracts and commune parents arrive as arguments.
import type { Level, SupraLevel } from '../lib/levels.ts';
import type { ContractStatus } from '../lib/contracts.ts';
import { isIsolatedRural, zoneAggregateFromRow, type CommuneZoneFacts } from '../lib/priority-zones.ts';
import type { FlagId } from './query.ts';

/**
 * A supra territory is "isolated rural" (or FRR) when at least this share of
 * its legal population lives in communes of that kind; a commune by its own
 * class.
 */
export const MAJORITY_SHARE = 0.5;

export interface ZoneInputs {
  readonly facts: ReadonlyMap<string, CommuneZoneFacts>;
  /** Level → code → compact aggregate row (zones.json). */
  readonly aggregates: Readonly<Partial<Record<SupraLevel, Readonly<Record<string, readonly number[]>>>>>;
}

export interface ContractInputs {
  readonly contracts: ReadonlyArray<{ readonly status: ContractStatus; readonly communes: readonly string[]; readonly mapped: boolean }>;
  /** A commune's parent at a supra level. */
  readonly parentOf: (commune: string, level: SupraLevel) => string | undefined;
}

function communeFlag(flag: Exclude<FlagId, 'no_cls'>, f: CommuneZoneFacts | undefined): boolean | null {
  if (!f) return null;
  if (flag === 'qpv') return f.qpv.length > 0;
  if (flag === 'rural_isole') return f.dens7 === null || f.aavCategory === null ? null : isIsolatedRural(f);
  return f.frr === null ? null : f.frr === 4 || f.frr === 5;
}

/** A zone flag (QPV, isolated rural, FRR) for every code of a level; null = not known. */
export function zoneFlags(flag: Exclude<FlagId, 'no_cls'>, level: Level, codes: readonly string[], zones: ZoneInputs): Map<string, boolean | null> {
  const out = new Map<string, boolean | null>();
  if (level === 'commune') {
    for (const code of codes) out.set(code, communeFlag(flag, zones.facts.get(code)));
    return out;
  }
  const rows = zones.aggregates[level];
  for (const code of codes) {
    const row = rows?.[code];
    if (!row) {
      out.set(code, null);
      continue;
    }
    const agg = zoneAggregateFromRow(row);
    if (flag === 'qpv') out.set(code, agg.qpvCount > 0);
    else if (agg.population <= 0) out.set(code, null);
    else out.set(code, agg.zones[flag].population / agg.population >= MAJORITY_SHARE);
  }
  return out;
}

/**
 * true when no contract of the registry but ended ones (envisaged, in
 * preparation, signed, being renewed, or whose status is to be confirmed)
 * touches any commune of the territory. Contracts without a known perimeter
 * cannot be placed (the UI says how many).
 */
export function noContractFlags(level: Level, codes: readonly string[], input: ContractInputs): Map<string, boolean> {
  const touched = new Set<string>();
  for (const c of input.contracts) {
    if (!c.mapped || c.status === 'termine') continue;
    for (const commune of c.communes) {
      const code = level === 'commune' ? commune : input.parentOf(commune, level as SupraLevel);
      if (code) touched.add(code);
    }
  }
  return new Map(codes.map((code) => [code, !touched.has(code)]));
}

/** Contracts of the registry (existing or being built) whose perimeter is not known. */
export function unplacedContracts(input: Pick<ContractInputs, 'contracts'>): number {
  return input.contracts.filter((c) => !c.mapped && c.status !== 'termine').length;
}
