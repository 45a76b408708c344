// Priority zones per commune → overlays/zones.json: compact columns per
// commune (density level, AAV category, FRR class, population), QPV 2024
// codes and names, and counts per zone type precomputed for every EPCI,
// bassin de vie, département and région. Rules: src/lib/zones.ts. Pure.
import {
  aggregateZones,
  zoneAggregateToRow,
  zoneFactsFromRow,
  ZONE_AGGREGATE_COLUMNS,
  ZONE_RULES,
  type CommuneZoneFacts,
} from '../../src/lib/priority-zones.ts';
import type { ZonesOverlay } from '../../src/lib/overlay-format.ts';
import type { CommuneIndexEntry } from './communes.ts';
import { byCode, compareCodes } from '../../src/lib/codes.ts';

export const AGGREGATE_LEVELS = ['epci', 'bv', 'departement', 'region'] as const;

export interface ZonesBuildResult {
  overlay: ZonesOverlay;
  facts: Map<string, CommuneZoneFacts>;
  /** Codes of the zone table not in the commune index, and the reverse. */
  unmatched: { notInIndex: string[]; withoutFacts: string[] };
}

export function buildZonesOverlay(
  zoneRows: ReadonlyArray<Record<string, string>>,
  qpvRows: ReadonlyArray<Record<string, string>>,
  communes: readonly CommuneIndexEntry[],
  populationSource: string,
): ZonesBuildResult {
  const facts = new Map<string, CommuneZoneFacts>();
  for (const row of zoneRows) {
    const f = zoneFactsFromRow(row);
    if (f.code) facts.set(f.code, f);
  }
  const known = new Set(communes.map((c) => c.code));
  const notInIndex = [...facts.keys()].filter((c) => !known.has(c)).sort();
  const withoutFacts = communes.map((c) => c.code).filter((c) => !facts.has(c));

  const qpvNames: Record<string, string> = {};
  for (const row of [...qpvRows].sort((a, b) => compareCodes(a.code_qp!, b.code_qp!))) {
    if (row.code_qp && row.lib_qp) qpvNames[row.code_qp] = row.lib_qp.trim();
  }
  const sorted = [...communes].sort(byCode);
  const qpvByCommune: Record<string, string[]> = {};
  const columns: ZonesOverlay['communes'] = { codes: [], dens7: [], aavCategory: [], frr: [], population: [] };
  for (const c of sorted) {
    const f = facts.get(c.code);
    columns.codes.push(c.code);
    columns.dens7.push(f?.dens7 ?? 0);
    columns.aavCategory.push(f?.aavCategory ?? '');
    columns.frr.push(f?.frr ?? -1);
    columns.population.push(c.population ?? -1);
    if (f && f.qpv.length > 0) qpvByCommune[c.code] = [...f.qpv];
  }

  const population = new Map(sorted.map((c) => [c.code, c.population]));
  const populationOf = (code: string) => population.get(code) ?? null;
  const aggregates = {} as ZonesOverlay['aggregates'];
  for (const level of AGGREGATE_LEVELS) {
    const groups = new Map<string, string[]>();
    for (const c of sorted) {
      const parent = c.parents[level];
      const list = groups.get(parent);
      if (list) list.push(c.code);
      else groups.set(parent, [c.code]);
    }
    const rows: Record<string, number[]> = {};
    for (const code of [...groups.keys()].sort()) rows[code] = zoneAggregateToRow(aggregateZones(groups.get(code)!, facts, populationOf));
    aggregates[level] = rows;
  }
  return {
    overlay: {
      version: 1,
      rules: { ...ZONE_RULES },
      communes: columns,
      qpvByCommune,
      qpvNames,
      aggregateColumns: [...ZONE_AGGREGATE_COLUMNS],
      aggregates,
      populationSource,
    },
    facts,
    unmatched: { notInIndex, withoutFacts },
  };
}
