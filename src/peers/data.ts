// Loads what "territoires comparables" needs (indexes, zone facts,
// contracts, indicator files), builds each territory's criteria vector,
// standardises once per level and finds a territory's peers, with the
// comparison of key indicators against the peer group and the CLS of each
// peer. The arithmetic lives in model.ts.
import type { Level, SupraLevel } from '../lib/levels.ts';
import type { IndicatorCatalogueEntry, IndicatorFile } from '../lib/indicator-format.ts';
import { ACTIVE_STATUSES, CONTRACT_STATUS_LABELS, statusFreshness, statusText, type ContractStatus } from '../lib/contracts.ts';
import { isRuralDensity } from '../lib/priority-zones.ts';
import { loadManifest } from '../data/manifest.ts';
import { loadTerritoryIndex, type TerritoryLookup } from '../data/territory-index.ts';
import { loadCatalogue, loadIndicatorFile } from '../indicators/indicator-data.ts';
import { overlayData } from '../overlays/service.ts';
import { log10OrNull, nearestPeers, standardise, summarise, type GroupSummary, type Standardised } from './model.ts';

export const PEER_COUNT = 10;

/** The declared criteria, in order; an indicator criterion uses the first candidate available at the level. */
export const PEER_CRITERIA = [
  { id: 'population', label: 'Population (échelle logarithmique)' },
  { id: 'density', label: 'Densité de population (échelle logarithmique)' },
  { id: 'ageing', label: 'Part des 75 ans ou plus', candidates: ['part_75_ans_plus'] },
  // The first deprivation measure available at the level: the FDep-type index (bassins de vie), the poverty rate, else unemployment.
  { id: 'deprivation', label: 'Précarité', candidates: ['indice_defavorisation_bv', 'taux_pauvrete_2021', 'taux_pauvrete_2021_bv', 'taux_chomage_2021'] },
  { id: 'rural', label: 'Part de la population en commune rurale (grille de densité, niveaux 5 à 7)' },
] as const;

/** Key indicators compared with the peer group, when available at the level. */
export const PEER_COMPARISON = [
  'apl_mg_moins65_2023',
  'densite_generalistes_bv',
  'part_75_ans_plus',
  'indice_defavorisation_bv',
  'taux_pauvrete_2021',
  'taux_chomage_2021',
  'evolution_population_2015_2021',
  'taux_mortalite_2022',
  'mortalite_prematuree_standardisee',
];

export interface UsedCriterion {
  readonly id: string;
  readonly label: string;
  readonly entry: IndicatorCatalogueEntry | null;
}

export interface PeerRow {
  readonly code: string;
  readonly name: string;
  readonly departement: string | null;
  readonly distance: number;
  /** Most advanced status among the contracts touching the peer (ended ones last), null = none known. */
  readonly contract: { status: ContractStatus; label: string; active: boolean } | null;
}

export interface ComparisonRow {
  readonly entry: IndicatorCatalogueEntry;
  readonly value: number | null;
  readonly peers: GroupSummary;
  readonly departement: number | null;
  readonly region: number | null;
  readonly france: number | null;
}

export interface PeersResult {
  readonly level: Level;
  readonly code: string;
  readonly used: readonly UsedCriterion[];
  /** Criteria declared but without values at this level. */
  readonly skipped: readonly string[];
  /** Territories compared (complete vectors). */
  readonly compared: number;
  readonly peers: readonly PeerRow[];
  readonly comparison: readonly ComparisonRow[];
  readonly departementName: string | null;
  readonly regionName: string | null;
}

interface LevelModel {
  used: UsedCriterion[];
  skipped: string[];
  standardised: Standardised;
  files: Map<string, IndicatorFile>;
  comparisonEntries: IndicatorCatalogueEntry[];
  index: TerritoryLookup;
  touched: Map<string, NonNullable<PeerRow['contract']>[]>;
}

const levelModels = new Map<Level, Promise<LevelModel>>();

function isNum(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

async function buildLevelModel(level: Level): Promise<LevelModel> {
  const manifest = await loadManifest();
  const [catalogue, index, zones, contracts] = await Promise.all([
    loadCatalogue(),
    loadTerritoryIndex(manifest, level),
    overlayData.zones().catch(() => null),
    overlayData.contracts().catch(() => null),
  ]);
  const communeIndex = level === 'commune' ? index : await loadTerritoryIndex(manifest, 'commune');
  const entryOf = (id: string) => catalogue.indicators.find((e) => e.id === id);
  const availableHere = (id: string) => entryOf(id)?.levels[level]?.available === true;
  const used: UsedCriterion[] = [];
  const skipped: string[] = [];
  for (const c of PEER_CRITERIA) {
    if (!('candidates' in c)) {
      if (c.id === 'rural' && !zones) skipped.push(c.label);
      else used.push({ id: c.id, label: c.label, entry: null });
      continue;
    }
    const id = c.candidates.find(availableHere);
    if (id) used.push({ id: c.id, label: entryOf(id)!.label, entry: entryOf(id)! });
    else skipped.push(c.label);
  }
  const comparisonEntries = PEER_COMPARISON.filter(availableHere).map((id) => entryOf(id)!);
  const files = new Map<string, IndicatorFile>();
  const ids = new Set([...used.flatMap((u) => (u.entry ? [u.entry.id] : [])), ...comparisonEntries.map((e) => e.id)]);
  await Promise.all(
    [...ids].map(async (id) => {
      const file = await loadIndicatorFile(entryOf(id)!, { commune: level === 'commune' }).catch(() => null);
      if (file) files.set(id, file);
    }),
  );
  // Rural share: population of rural communes / population of the territory's communes with a known class.
  const rural = new Map<string, { rural: number; known: number }>();
  if (zones) {
    for (const [code, record] of communeIndex) {
      const territory = level === 'commune' ? code : record.parents[level as SupraLevel];
      const facts = zones.facts.get(code);
      const pop = record.population;
      if (!territory || !facts || facts.dens7 === null || !isNum(pop)) continue;
      const r = rural.get(territory) ?? { rural: 0, known: 0 };
      r.known += pop;
      if (isRuralDensity(facts.dens7)) r.rural += pop;
      rural.set(territory, r);
    }
  }
  const vectors = new Map<string, (number | null)[]>();
  for (const record of index.values()) {
    if (record.noEpci) continue;
    vectors.set(
      record.code,
      used.map((u) => {
        if (u.id === 'population') return log10OrNull(record.population);
        if (u.id === 'density') return isNum(record.population) && isNum(record.areaKm2) && record.areaKm2 > 0 ? log10OrNull(record.population / record.areaKm2) : null;
        if (u.id === 'rural') {
          const r = rural.get(record.code);
          return r && r.known > 0 ? (100 * r.rural) / r.known : null;
        }
        const v = u.entry ? files.get(u.entry.id)?.levels[level]?.values[record.code] : null;
        return isNum(v) ? v : null;
      }),
    );
  }
  // A status older than the contract's duration is « à confirmer » and never counts as a running CLS.
  const today = new Date().toISOString().slice(0, 10);
  const touched = new Map<string, NonNullable<PeerRow['contract']>[]>();
  for (const c of contracts?.contracts ?? []) {
    if (!c.mapped) continue;
    const fresh = statusFreshness(c, today).confirmed;
    const info = { status: c.status, label: fresh ? CONTRACT_STATUS_LABELS[c.status] : statusText(c, today), active: fresh && ACTIVE_STATUSES.includes(c.status) };
    const seen = new Set<string>();
    for (const commune of c.communes) {
      const t = level === 'commune' ? commune : communeIndex.get(commune)?.parents[level as SupraLevel];
      if (!t || seen.has(t)) continue;
      seen.add(t);
      touched.set(t, [...(touched.get(t) ?? []), info]);
    }
  }
  return { used, skipped, standardised: standardise(vectors), files, comparisonEntries, index, touched };
}

function levelModel(level: Level): Promise<LevelModel> {
  let p = levelModels.get(level);
  if (!p) {
    p = buildLevelModel(level);
    p.catch(() => levelModels.delete(level));
    levelModels.set(level, p);
  }
  return p;
}

/** Running first, then signed or renewing but unconfirmed, being prepared, envisaged, to be confirmed, ended last. */
const STATUS_ORDER: readonly ContractStatus[] = ['signe', 'en_renouvellement', 'en_preparation', 'envisage', 'a_confirmer', 'termine'];

function mostAdvanced(list: readonly NonNullable<PeerRow['contract']>[] | undefined): PeerRow['contract'] {
  if (!list || list.length === 0) return null;
  const rank = (c: NonNullable<PeerRow['contract']>) => (c.active ? 0 : 1) * 10 + Math.max(0, STATUS_ORDER.indexOf(c.status));
  return [...list].sort((a, b) => rank(a) - rank(b))[0]!;
}

export async function loadPeers(level: Level, code: string): Promise<PeersResult> {
  const model = await levelModel(level);
  const manifest = await loadManifest();
  const [departements, regions] = await Promise.all([loadTerritoryIndex(manifest, 'departement'), loadTerritoryIndex(manifest, 'region')]);
  const record = model.index.get(code);
  const depCode = level === 'departement' ? null : (record?.parents.departement ?? null);
  const regCode = level === 'region' ? null : level === 'departement' ? (departements.get(code)?.parents.region ?? null) : (record?.parents.region ?? null);
  const peers = nearestPeers(code, model.standardised, PEER_COUNT).map((p): PeerRow => {
    const r = model.index.get(p.code);
    const dep = level === 'departement' ? null : r?.parents.departement;
    return {
      code: p.code,
      name: r?.name ?? p.code,
      departement: dep ? `${departements.get(dep)?.name ?? dep} (${dep})` : null,
      distance: p.distance,
      contract: mostAdvanced(model.touched.get(p.code)),
    };
  });
  const valueOf = (file: IndicatorFile | undefined, l: Level, c: string | null) => {
    const v = c ? file?.levels[l]?.values[c] : null;
    return isNum(v) ? v : null;
  };
  const comparison = model.comparisonEntries.map((entry): ComparisonRow => {
    const file = model.files.get(entry.id);
    return {
      entry,
      value: valueOf(file, level, code),
      peers: summarise(peers.map((p) => valueOf(file, level, p.code))),
      departement: valueOf(file, 'departement', depCode),
      region: valueOf(file, 'region', regCode),
      france: file?.france?.value ?? entry.france ?? null,
    };
  });
  return {
    level,
    code,
    used: model.used,
    skipped: model.skipped,
    compared: model.standardised.z.size,
    peers,
    comparison,
    departementName: depCode ? (departements.get(depCode)?.name ?? depCode) : null,
    regionName: regCode ? (regions.get(regCode)?.name ?? regCode) : null,
  };
}
