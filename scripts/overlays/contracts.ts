// Registry → overlays/contracts.json: each contract with its COG 2025
// communes, card fields and source links, plus its perimeter dissolved from
// the commune topology. Pure: the dissolve function is passed in.
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import {
  ACTIVE_STATUSES,
  comparePartialDates,
  CONTRACT_STATUS_LABELS,
  coveredCommunes,
  resolveContractsAt,
  PERIMETER_TYPE_LABELS,
  populationCoverage,
  resolvePerimeter,
  type CogLookup,
  type ContractRegistry,
  type ContractStatus,
  type PopulationCoverage,
} from '../../src/lib/contracts.ts';
import type {
  ContractCoverageIndicator,
  ContractFeatureProperties,
  ContractOverlayEntry,
  ContractPerimeters,
  ContractsOverlay,
  RegistryRegionSummary,
  RegistrySummary,
} from '../../src/lib/overlay-format.ts';
import { unionBBox, type CommuneIndexEntry } from './communes.ts';

type IndexedCommune = Pick<CommuneIndexEntry, 'population' | 'bbox'> & { parents: Pick<CommuneIndexEntry['parents'], 'departement' | 'region'> };

/** The région of a contract: its ARS région, else the région holding most of its communes, else null. */
export function contractRegion(entry: Pick<ContractOverlayEntry, 'ars' | 'communes'>, regionOf: (commune: string) => string | undefined): string | null {
  if (entry.ars.region && /^\d{2}$/.test(entry.ars.region)) return entry.ars.region;
  const counts = new Map<string, number>();
  for (const c of entry.communes) {
    const r = regionOf(c);
    if (r) counts.set(r, (counts.get(r) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const [r, n] of counts) if (best === null || n > counts.get(best)! || (n === counts.get(best)! && r < best)) best = r;
  return best;
}

/** Contracts per région with their newest status date, and the registry's totals. */
export function summariseRegistry(
  contracts: readonly ContractOverlayEntry[],
  referenceDate: string,
  regionOf: (commune: string) => string | undefined,
  regionNames: ReadonlyMap<string, string>,
): RegistrySummary {
  const rows = new Map<string | null, RegistryRegionSummary>();
  for (const code of [...regionNames.keys()].sort()) rows.set(code, { code, name: regionNames.get(code) ?? null, contracts: 0, mapped: 0, byStatus: {}, asOf: null });
  const byStatus: Partial<Record<ContractStatus, number>> = {};
  for (const c of contracts) {
    byStatus[c.status] = (byStatus[c.status] ?? 0) + 1;
    const code = contractRegion(c, regionOf);
    const row = rows.get(code) ?? { code, name: code ? (regionNames.get(code) ?? null) : null, contracts: 0, mapped: 0, byStatus: {}, asOf: null };
    rows.set(code, row);
    row.contracts += 1;
    if (c.mapped) row.mapped += 1;
    row.byStatus[c.status] = (row.byStatus[c.status] ?? 0) + 1;
    if (c.statusAsOf && (row.asOf === null || comparePartialDates(c.statusAsOf, row.asOf) > 0 || (comparePartialDates(c.statusAsOf, row.asOf) === 0 && c.statusAsOf.length > row.asOf.length))) {
      row.asOf = c.statusAsOf;
    }
  }
  const regions = [...rows.values()].sort((a, b) => (a.code === null ? 1 : b.code === null ? -1 : a.code < b.code ? -1 : 1));
  return { contracts: contracts.length, mapped: contracts.filter((c) => c.mapped).length, byStatus, referenceDate, regions };
}

/** Share of the population covered by a contract in force, per département, région and France. */
export function contractCoverageIndicator(
  contracts: readonly Pick<ContractOverlayEntry, 'id' | 'status' | 'communes' | 'mapped' | 'statusAsOf' | 'dates' | 'durationYears'>[],
  communeIndex: ReadonlyMap<string, IndexedCommune>,
  asOf: string,
): ContractCoverageIndicator {
  // Same rule as the panel: a status older than the contract's duration does not count as in force.
  const covered = coveredCommunes(resolveContractsAt(contracts, asOf), ACTIVE_STATUSES);
  const groups = { departement: new Map<string, Array<{ code: string; population: number | null }>>(), region: new Map<string, Array<{ code: string; population: number | null }>>() };
  const all: Array<{ code: string; population: number | null }> = [];
  for (const [code, entry] of communeIndex) {
    const row = { code, population: entry.population };
    all.push(row);
    for (const level of ['departement', 'region'] as const) {
      const parent = entry.parents[level];
      const list = groups[level].get(parent);
      if (list) list.push(row);
      else groups[level].set(parent, [row]);
    }
  }
  const per = (level: 'departement' | 'region'): Record<string, PopulationCoverage> =>
    Object.fromEntries([...groups[level]].sort(([a], [b]) => (a < b ? -1 : 1)).map(([code, rows]) => [code, populationCoverage(rows, covered)]));
  return { statuses: [...ACTIVE_STATUSES], asOf, france: populationCoverage(all, covered), departement: per('departement'), region: per('region') };
}

export function buildContractsOverlay(
  registry: ContractRegistry,
  cog: CogLookup,
  communeIndex: ReadonlyMap<string, IndexedCommune>,
  dissolve: (codes: readonly string[]) => Polygon | MultiPolygon | null,
  regionNames: ReadonlyMap<string, string> = new Map(),
): ContractsOverlay & { perimeters: ContractPerimeters } {
  const features: Array<Feature<Polygon | MultiPolygon, ContractFeatureProperties>> = [];
  const contracts = registry.contracts.map((c): ContractOverlayEntry => {
    const communes = resolvePerimeter(c, cog);
    const entries = communes.map((code) => communeIndex.get(code));
    const populations = entries.map((e) => e?.population ?? null);
    const population = communes.length > 0 && populations.every((p) => p !== null) ? populations.reduce<number>((a, b) => a + (b ?? 0), 0) : null;
    const bbox = unionBBox(entries.flatMap((e) => (e ? [e.bbox] : [])));
    if (communes.length > 0) {
      const geometry = dissolve(communes);
      if (geometry) features.push({ type: 'Feature', id: c.id, properties: { id: c.id, status: c.status }, geometry });
    }
    return {
      id: c.id,
      name: c.name,
      status: c.status,
      statusLabel: CONTRACT_STATUS_LABELS[c.status],
      statusReported: c.statusReported,
      statusAsOf: c.statusAsOf,
      statusAsOfApproximate: c.statusAsOfApproximate === true,
      generation: c.generation,
      ars: c.ars,
      dates: c.dates,
      periodReported: c.periodReported,
      durationYears: c.durationYears,
      signatories: c.signatories,
      perimeterType: c.perimeterType,
      perimeterTypeLabel: PERIMETER_TYPE_LABELS[c.perimeterType],
      perimeter: c.perimeter,
      communes,
      population,
      mapped: communes.length > 0,
      unmappedReason: c.unmappedReason ?? null,
      departements: c.departements,
      coordinator: c.coordinator,
      sources: c.sources,
      confidence: c.confidence,
      notes: c.notes,
      bbox,
    };
  });
  const regionOf = (code: string) => communeIndex.get(code)?.parents.region;
  return {
    version: 1,
    referenceDate: registry.referenceDate,
    statusLabels: CONTRACT_STATUS_LABELS,
    registry: summariseRegistry(contracts, registry.referenceDate, regionOf, regionNames),
    coverage: contractCoverageIndicator(contracts, communeIndex, registry.referenceDate),
    contracts,
    perimeters: { type: 'FeatureCollection', features },
  };
}
