// Pure derivations from the overlay files for the map and the side panel:
// zone membership per commune, a territory's communes, coverage by contracts,
// neighbouring contracts, hospitals inside a territory, the contract card.
// No fetch, no DOM, no MapLibre: unit-tested on literal fixtures.
import type { Level, SupraLevel } from '../lib/levels.ts';
import {
  neighbouringContracts,
  rollupCoverage,
  resolveContractsAt,
  type CoverageResult,
  type ResolvedContract,
} from '../lib/contracts.ts';
import type { ContractOverlayEntry, ContractsOverlay, HospitalsOverlay, ZonesOverlay } from '../lib/overlay-format.ts';
import {
  aggregateZones,
  zoneAggregateFromRow,
  zoneTypesOf,
  type CommuneZoneFacts,
  type ZoneAggregate,
} from '../lib/priority-zones.ts';
import { MAPPED_ZONE_TYPES, type MappedZoneType } from './layers/priority-zones.ts';
import { hospitalCategoryOf, HOSPITAL_CATEGORIES, type HospitalCategory } from './layers/care-offer.ts';

// ---------------------------------------------------------------------------
// Zones

export interface ZoneIndex {
  readonly facts: ReadonlyMap<string, CommuneZoneFacts>;
  readonly population: ReadonlyMap<string, number>;
  /** Sorted commune codes of each mapped zone type (the map filters). */
  readonly codesByType: Readonly<Record<MappedZoneType, readonly string[]>>;
  readonly rules: Readonly<Record<string, string>>;
  readonly populationSource: string;
  readonly overlay: ZonesOverlay;
}

/** Rebuilds per-commune facts from the columnar zones.json. */
export function buildZoneIndex(overlay: ZonesOverlay): ZoneIndex {
  const facts = new Map<string, CommuneZoneFacts>();
  const population = new Map<string, number>();
  const codesByType: Record<MappedZoneType, string[]> = { qpv: [], rural_isole: [], frr: [] };
  const c = overlay.communes;
  c.codes.forEach((code, i) => {
    const dens7 = c.dens7[i] ?? 0;
    const aav = c.aavCategory[i] ?? '';
    const frr = c.frr[i] ?? -1;
    const pop = c.population[i] ?? -1;
    const f: CommuneZoneFacts = {
      code,
      dens7: dens7 >= 1 && dens7 <= 7 ? dens7 : null,
      aavCategory: aav === '' ? null : aav,
      frr: frr < 0 ? null : frr,
      qpv: overlay.qpvByCommune[code] ?? [],
    };
    facts.set(code, f);
    if (pop >= 0) population.set(code, pop);
    for (const type of zoneTypesOf(f)) {
      if ((MAPPED_ZONE_TYPES as readonly string[]).includes(type)) codesByType[type as MappedZoneType].push(code);
    }
  });
  for (const t of MAPPED_ZONE_TYPES) codesByType[t].sort();
  return { facts, population, codesByType, rules: overlay.rules, populationSource: overlay.populationSource, overlay };
}

/**
 * Zone counts of a territory: the build's precomputed row for supra levels
 * (equal by construction to the sum over communes), computed for a commune
 * or for any other set of communes.
 */
export function zoneAggregateFor(index: ZoneIndex, level: Level, code: string, communes: readonly string[]): ZoneAggregate {
  if (level !== 'commune') {
    const row = index.overlay.aggregates[level as SupraLevel]?.[code];
    if (row) return zoneAggregateFromRow(row);
  }
  return aggregateZones(communes, index.facts, (c) => index.population.get(c) ?? null);
}

// ---------------------------------------------------------------------------
// Territories

/** What the overlay model needs of the commune index: a commune's parents. */
export type CommuneParents = ReadonlyMap<string, { readonly parents: Partial<Record<SupraLevel, string>> }>;

/** Communes of a territory: the commune itself, or the communes whose parent at `level` is `code`. */
export function communesOfTerritory(level: Level, code: string, communeIndex: CommuneParents): string[] {
  if (level === 'commune') return communeIndex.has(code) || communeIndex.size === 0 ? [code] : [];
  const result: string[] = [];
  for (const [commune, record] of communeIndex) if (record.parents[level] === code) result.push(commune);
  return result.sort();
}

// ---------------------------------------------------------------------------
// Contracts

/** Mapped contracts for the rollup; a status older than the contract's duration at `today` does not count as covering. */
export function resolvedContracts(overlay: ContractsOverlay, today: string = new Date().toISOString().slice(0, 10)): ResolvedContract[] {
  return resolveContractsAt(overlay.contracts, today);
}

export interface TerritoryContracts {
  readonly coverage: CoverageResult;
  readonly neighbours: ReadonlyArray<{ id: string; status: ContractOverlayEntry['status']; adjacentCommunes: string[] }>;
}

export function territoryContracts(
  communes: readonly string[],
  overlay: ContractsOverlay,
  neighbours: ReadonlyMap<string, readonly string[]>,
): TerritoryContracts {
  const resolved = resolvedContracts(overlay);
  return {
    coverage: rollupCoverage(communes, resolved),
    neighbours: neighbouringContracts(communes, resolved, (c) => neighbours.get(c) ?? []),
  };
}

export function contractById(overlay: ContractsOverlay, id: string): ContractOverlayEntry | undefined {
  return overlay.contracts.find((c) => c.id === id);
}

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** '2022-04-29' → '29 avril 2022', '2019-06' → 'juin 2019', '2012' → '2012'; null → null. */
export function formatPartialDate(date: string | null): string | null {
  if (!date) return null;
  const [y, m, d] = date.split('-');
  const month = m ? MONTHS[Number(m) - 1] : undefined;
  if (d && month) return `${Number(d) === 1 ? '1er' : Number(d)} ${month} ${y}`;
  if (month) return `${month} ${y}`;
  return y ?? null;
}

export interface ContractCardModel {
  readonly id: string;
  readonly name: string;
  readonly status: ContractOverlayEntry['status'];
  readonly statusLabel: string;
  readonly statusReported: string;
  readonly statusAsOf: string | null;
  readonly statusAsOfApproximate: boolean;
  /** 1 = first CLS of the territory; null when the sources do not say. */
  readonly generation: number | null;
  readonly engagement: string | null;
  readonly signature: string | null;
  readonly start: string | null;
  readonly end: string | null;
  readonly period: string | null;
  readonly durationYears: number | null;
  readonly signatories: readonly string[];
  readonly perimeterLabel: string;
  readonly communeCount: number;
  readonly population: number | null;
  readonly ars: string | null;
  readonly sources: ReadonlyArray<{ url: string | null; label: string; says: string }>;
  readonly confidence: ContractOverlayEntry['confidence'];
  readonly mapped: boolean;
  readonly unmappedReason: string | null;
  readonly notes: string | null;
  readonly coordinator: string | null;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

export function contractCardModel(entry: ContractOverlayEntry): ContractCardModel {
  const coordinator = entry.coordinator ? [entry.coordinator.name, entry.coordinator.contact].filter(Boolean).join(' — ') : '';
  return {
    id: entry.id,
    name: entry.name,
    status: entry.status,
    statusLabel: entry.statusLabel,
    statusReported: entry.statusReported,
    statusAsOf: formatPartialDate(entry.statusAsOf),
    statusAsOfApproximate: entry.statusAsOfApproximate,
    generation: entry.generation,
    engagement: formatPartialDate(entry.dates.engagement),
    signature: formatPartialDate(entry.dates.signature),
    start: formatPartialDate(entry.dates.start),
    end: formatPartialDate(entry.dates.end),
    period: entry.periodReported,
    durationYears: entry.durationYears,
    signatories: entry.signatories,
    perimeterLabel: entry.perimeterTypeLabel,
    communeCount: entry.communes.length,
    population: entry.population,
    ars: entry.ars.name ?? null,
    sources: entry.sources.map((s) => ({ url: s.url, label: s.title ?? (s.url ? hostOf(s.url) : 'document non public'), says: s.says })),
    confidence: entry.confidence,
    mapped: entry.mapped,
    unmappedReason: entry.unmappedReason,
    notes: entry.notes,
    coordinator: coordinator || null,
  };
}

// ---------------------------------------------------------------------------
// Hospitals

export interface HospitalCount {
  readonly total: number;
  readonly byCategory: Readonly<Record<HospitalCategory, number>>;
  /** Hospitals of the territory, sorted by name (for the list in the panel). */
  readonly hospitals: ReadonlyArray<{ finess: string; name: string; type: string; category: HospitalCategory; commune: string }>;
}

function emptyByCategory(): Record<HospitalCategory, number> {
  return Object.fromEntries(HOSPITAL_CATEGORIES.map((c) => [c, 0])) as Record<HospitalCategory, number>;
}

export function hospitalCountsByCategory(overlay: HospitalsOverlay): Record<HospitalCategory, number> {
  const counts = emptyByCategory();
  for (const f of overlay.features) counts[hospitalCategoryOf(f.properties.type)] += 1;
  return counts;
}

/** Hospitals located in the communes of a territory (by the commune the build assigned each point to). */
export function hospitalsInTerritory(overlay: HospitalsOverlay, communes: readonly string[]): HospitalCount {
  const set = new Set(communes);
  const byCategory = emptyByCategory();
  const hospitals: Array<HospitalCount['hospitals'][number]> = [];
  for (const f of overlay.features) {
    const commune = f.properties.commune;
    if (!commune || !set.has(commune)) continue;
    const category = hospitalCategoryOf(f.properties.type);
    byCategory[category] += 1;
    hospitals.push({ finess: f.properties.finess, name: f.properties.name, type: f.properties.type, category, commune });
  }
  hospitals.sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  return { total: hospitals.length, byCategory, hospitals };
}
