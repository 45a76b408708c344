// Turns loaded data (index records, indicator files, overlays) into the
// portrait model and the checklist input. Pure: everything arrives as
// arguments, so it can be tested on literal fixtures.
import { PARENT_CHAIN, type Level, type SupraLevel } from '../lib/levels.ts';
import type { TerritoryRecord } from '../data/types.ts';
import { methodOf, type IndicatorCatalogueEntry, type IndicatorFile } from '../lib/indicator-format.ts';
import { absenceOf } from '../lib/absence.ts';
import { quantileOf } from '../lib/quintiles.ts';
import { fr, frIndicators } from '../i18n/fr.ts';
import { aggregatePerimeter, type Components } from '../lib/aggregate.ts';
import { HOSPITAL_TYPES, type ContractsOverlay, type HospitalsOverlay } from '../lib/overlay-format.ts';
import {
  ACTIVE_STATUSES,
  CONTRACT_STATUS_LABELS,
  neighbouringContracts,
  resolveContractsAt,
  rollupCoverage,
  statusFreshness,
  statusText,
  type ResolvedContract,
} from '../lib/contracts.ts';
import { isIsolatedRural, type CommuneZoneFacts } from '../lib/priority-zones.ts';
import {
  buildPortraitModel,
  type CommuneZones,
  type ContractsSituation,
  type IndicatorInput,
  type PortraitIdentity,
  type PortraitModel,
  type PortraitParent,
  type ReferenceValue,
} from './portrait-model.ts';
import type { ChecklistInput } from './checklist.ts';
import type { PortraitSubject } from './subject.ts';
import { compareCodes } from '../lib/codes.ts';

export type IndexLookup = ReadonlyMap<string, TerritoryRecord>;

export interface PortraitData {
  readonly subject: PortraitSubject;
  /** Indexes of the levels loaded (commune index needed for supra levels and perimeters). */
  readonly indexes: Partial<Record<Level, IndexLookup>>;
  readonly catalogue: readonly IndicatorCatalogueEntry[] | null;
  readonly indicatorFiles: ReadonlyMap<string, IndicatorFile>;
  readonly contracts: ContractsOverlay | null;
  readonly neighbours: ReadonlyMap<string, readonly string[]> | null;
  readonly zoneFacts: ReadonlyMap<string, CommuneZoneFacts> | null;
  readonly hospitals: HospitalsOverlay | null;
  /** Credits of the overlays, e.g. "ANCT, QPV 2024". */
  readonly sources: readonly string[];
  /** ISO date contract statuses are judged at (default: today). */
  readonly today?: string;
}

/** Key indicators shown per theme: the priority list first, then catalogue order. */
export const MAX_INDICATORS_PER_THEME = 5;

/**
 * What an elected official reads first in each theme (latest vintage only: the
 * APL 2022 files stay on the map, not in the portrait). Ids missing from the
 * catalogue are skipped.
 */
export const KEY_INDICATOR_PRIORITY: readonly string[] = [
  // offre de soins de premier recours
  'apl_mg_moins65_2023', 'apl_mg_2023', 'densite_generalistes_bv', 'densite_infirmiers_bv', 'densite_pharmacies_bv',
  'medecins_generalistes_dep_densite', 'infirmiers_dep_densite',
  // population
  'population', 'densite_population', 'part_75_ans_plus', 'evolution_population_2015_2021', 'part_moins_15_ans',
  // précarité
  'taux_pauvrete_2021', 'indice_defavorisation_bv', 'taux_chomage_2021', 'revenu_median_2021', 'part_familles_monoparentales',
  'taux_pauvrete_2021_bv', 'taux_pauvrete_2021_communes',
  // état de santé
  'esperance_vie_femmes', 'esperance_vie_hommes', 'mortalite_prematuree_standardisee', 'part_ald_bv', 'taux_mortalite_2022',
];

function priorityRank(id: string): number {
  const i = KEY_INDICATOR_PRIORITY.indexOf(id);
  return i < 0 ? KEY_INDICATOR_PRIORITY.length : i;
}

function isNum(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/** Communes of the subject, from the commune index. */
export function subjectCommunes(subject: PortraitSubject, communeIndex: IndexLookup | undefined): string[] {
  if (subject.kind === 'perimeter') return [...new Set(subject.communes)].sort();
  if (subject.level === 'commune') return [subject.code];
  if (!communeIndex) return [];
  const level = subject.level as SupraLevel;
  const out: string[] = [];
  for (const [code, r] of communeIndex) if (r.parents[level] === subject.code) out.push(code);
  return out.sort();
}

function sumOrNull(values: readonly (number | null)[]): number | null {
  let s = 0;
  for (const v of values) {
    if (!isNum(v)) return null;
    s += v;
  }
  return s;
}

/** The parent at `level` holding most of the population of the communes (a perimeter's département, région). */
export function majorityParent(communes: readonly string[], communeIndex: IndexLookup | undefined, level: SupraLevel): string | null {
  if (!communeIndex) return null;
  const weight = new Map<string, number>();
  for (const c of communes) {
    const r = communeIndex.get(c);
    const p = r?.parents[level];
    if (!p) continue;
    weight.set(p, (weight.get(p) ?? 0) + (isNum(r?.population) ? r.population : 0) + 1e-6);
  }
  let best: string | null = null;
  let bestW = -1;
  for (const [p, w] of [...weight].sort((a, b) => compareCodes(a[0], b[0]))) {
    if (w > bestW) {
      best = p;
      bestW = w;
    }
  }
  return best;
}

export function buildIdentity(data: PortraitData, communes: readonly string[]): PortraitIdentity | null {
  const s = data.subject;
  const communeIndex = data.indexes.commune;
  const parentName = (level: Level, code: string) => data.indexes[level]?.get(code)?.name ?? null;
  if (s.kind === 'territory') {
    const record = data.indexes[s.level]?.get(s.code);
    if (!record) return null;
    const parents: PortraitParent[] = PARENT_CHAIN[s.level]
      .filter((l) => record.parents[l] !== undefined)
      .map((l) => ({ level: l, code: record.parents[l]!, name: parentName(l, record.parents[l]!) }));
    return {
      kind: 'territory',
      level: s.level,
      code: s.code,
      name: record.name,
      parents,
      population: isNum(record.population) ? record.population : null,
      areaKm2: isNum(record.areaKm2) ? record.areaKm2 : null,
      communes: s.level === 'commune' ? 1 : (record.communes ?? (communes.length || null)),
    };
  }
  const records = communes.map((c) => communeIndex?.get(c));
  const known = records.every((r) => r !== undefined);
  const parents: PortraitParent[] = [];
  for (const l of ['departement', 'region'] as const) {
    const code = majorityParent(communes, communeIndex, l);
    if (code) parents.push({ level: l, code, name: parentName(l, code) });
  }
  return {
    kind: 'perimeter',
    level: null,
    code: s.id,
    name: s.name,
    parents,
    population: known ? sumOrNull(records.map((r) => r?.population ?? null)) : null,
    areaKm2: known ? sumOrNull(records.map((r) => r?.areaKm2 ?? null)) : null,
    communes: communes.length,
  };
}

function levelValue(file: IndicatorFile | undefined, level: Level, code: string): number | null {
  const v = file?.levels[level]?.values[code];
  return isNum(v) ? v : null;
}

/** Indicator inputs of the subject: value, peers of the level, département / région / France references. */
export function buildIndicatorInputs(data: PortraitData, identity: PortraitIdentity, communes: readonly string[]): IndicatorInput[] {
  if (!data.catalogue) return [];
  const perTheme = new Map<string, number>();
  const inputs: IndicatorInput[] = [];
  const dep = identity.parents.find((p) => p.level === 'departement');
  // A commune is compared with its EPCI too (not the pseudo-EPCI of an island commune).
  const epciParent = identity.level === 'commune' ? identity.parents.find((p) => p.level === 'epci') : undefined;
  const epci = epciParent && !data.indexes.epci?.get(epciParent.code)?.noEpci ? epciParent : undefined;
  const reg = identity.parents.find((p) => p.level === 'region');
  const communeIndex = data.indexes.commune;
  // Indicators with a value at the subject's level first, then the others (shown as unavailable, with the reason).
  // A commune reads a bassin-de-vie index (deprivation) from its bassin de vie.
  const bvParent = identity.level === 'commune' ? identity.parents.find((p) => p.level === 'bv') : undefined;
  const viaBv = (e: IndicatorCatalogueEntry) => e.quintileBreaks !== undefined && bvParent !== undefined && e.levels.bv?.available === true;
  const availableHere = (e: IndicatorCatalogueEntry) =>
    identity.level !== null ? e.levels[identity.level]?.available === true || viaBv(e) : e.perimeterAggregable;
  const byPriority = [...data.catalogue].sort((a, b) => priorityRank(a.id) - priorityRank(b.id));
  const ordered = [...byPriority.filter(availableHere), ...byPriority.filter((e) => !availableHere(e))];
  for (const entry of ordered) {
    // Ordinal classes (nurses' zoning) go to the care offer block, not the bars.
    if (entry.categories && entry.categories.length > 0) continue;
    const n = perTheme.get(entry.theme) ?? 0;
    if (n >= MAX_INDICATORS_PER_THEME) continue;
    perTheme.set(entry.theme, n + 1);
    const file = data.indicatorFiles.get(entry.id);
    const def = {
      id: entry.id,
      label: entry.label,
      theme: entry.theme,
      polarity: entry.polarity,
      unit: entry.unit,
      decimals: entry.decimals,
      source: `${entry.producer}, ${entry.vintage} (${entry.licence})`,
    };
    let value: number | null = null;
    let peers: ReadonlyMap<string, number | null> | null = null;
    let note: string | undefined;
    let estimate: string | undefined;
    const estimateOf = (level: Level, code: string) => {
      const block = file?.levels[level];
      const method = methodOf(block, code);
      if (!method || !entry.methods) return undefined;
      const share = method === 'native' ? null : (block?.coverage?.[code] ?? 1);
      return frIndicators.estimateLine(entry.methods[method] ?? method, share);
    };
    if (identity.level !== null && viaBv(entry) && bvParent) {
      value = levelValue(file, 'bv', bvParent.code);
      note = fr.portrait.viaBassin(bvParent.name ?? bvParent.code);
      const values = file?.levels.bv?.values;
      peers = values ? new Map(Object.entries(values)) : null;
    } else if (identity.level !== null) {
      const availability = entry.levels[identity.level];
      if (availability && !availability.available) note = availability.reason;
      value = levelValue(file, identity.level, identity.code);
      const values = file?.levels[identity.level]?.values;
      peers = values ? new Map(Object.entries(values)) : null;
      estimate = estimateOf(identity.level, identity.code);
      const absence = value === null && file && availability?.available ? absenceOf(file.levels[identity.level], identity.code) : null;
      if (absence && !note) note = frIndicators.absence[absence];
    } else if (entry.perimeterAggregable && file?.components) {
      const components = file.components as Readonly<Record<string, Components>>;
      const weight = (c: string) => {
        const p = communeIndex?.get(c)?.population;
        return isNum(p) ? p : 0;
      };
      const result = aggregatePerimeter(entry.aggregation, communes, components, weight, entry.scale ? { scale: entry.scale } : {});
      value = result.value;
      if (result.method && entry.methods) estimate = frIndicators.estimateLine(entry.methods[result.method] ?? result.method, result.communeShare ?? null);
      if (value === null) note = frIndicators.absence.notComputable;
    } else {
      note = entry.aggregationNote ? `Non agrégeable sur un périmètre : ${entry.aggregationNote}` : 'Non agrégeable sur un périmètre sur mesure.';
    }
    if (!file && !note) note = 'Fichier de l’indicateur non chargé.';
    const references: ReferenceValue[] = [];
    if (epci) references.push({ scope: 'epci', code: epci.code, name: epci.name ?? epci.code, value: levelValue(file, 'epci', epci.code) });
    if (dep && identity.level !== 'departement' && identity.level !== 'region') {
      references.push({ scope: 'departement', code: dep.code, name: dep.name ?? dep.code, value: levelValue(file, 'departement', dep.code) });
    }
    if (reg && identity.level !== 'region') {
      references.push({ scope: 'region', code: reg.code, name: reg.name ?? reg.code, value: levelValue(file, 'region', reg.code) });
    }
    references.push({ scope: 'france', code: 'france', name: 'France', value: file?.france?.value ?? entry.france ?? null });
    const quintile = entry.quintileBreaks ? quantileOf(value, entry.quintileBreaks) : null;
    inputs.push({
      def,
      value,
      peers,
      references,
      ...(note ? { note } : {}),
      ...(quintile !== null ? { quintile } : {}),
      ...(estimate ? { estimate } : {}),
    });
  }
  return inputs;
}

export function buildContracts(data: PortraitData, communes: readonly string[]): ContractsSituation {
  const overlay = data.contracts;
  if (!overlay) return { available: false, coverage: 'none', contracts: [], neighbours: [] };
  const today = data.today ?? new Date().toISOString().slice(0, 10);
  // A status older than the contract's duration is « à confirmer » and does not count as covering.
  const resolved: ResolvedContract[] = resolveContractsAt(overlay.contracts, today);
  // Every contract touching the territory is listed (ended or planned ones too);
  // only active ones count as covering it.
  const roll = rollupCoverage(communes, resolved, ACTIVE_STATUSES);
  const byId = new Map(overlay.contracts.map((c) => [c.id, c]));
  const contracts = [...roll.contracts, ...roll.otherContracts].map((share) => {
    const e = byId.get(share.id)!;
    return {
      id: e.id,
      name: e.name,
      status: statusFreshness(e, today).confirmed ? e.statusLabel || CONTRACT_STATUS_LABELS[e.status] : statusText(e, today),
      active: ACTIVE_STATUSES.includes(e.status) && statusFreshness(e, today).confirmed,
      signatureDate: e.dates.signature,
      period: e.periodReported,
      sourceUrl: e.sources.find((s) => s.url)?.url ?? null,
      communesCovered: share.communesInTerritory.length,
    };
  });
  const neighbours = data.neighbours
    ? neighbouringContracts(communes, resolved, (c) => data.neighbours?.get(c) ?? []).map((n) => {
        const e = byId.get(n.id)!;
        const names = n.adjacentCommunes.slice(0, 3).map((c) => data.indexes.commune?.get(c)?.name ?? c);
        return { id: e.id, name: e.name, status: e.statusLabel || CONTRACT_STATUS_LABELS[e.status], territory: names.join(', ') };
      })
    : [];
  return { available: true, coverage: roll.coverage, contracts, neighbours, registrySize: overlay.contracts.length };
}

export function buildCommuneZones(data: PortraitData, communes: readonly string[]): CommuneZones[] | null {
  const facts = data.zoneFacts;
  if (!facts) return null;
  return communes.map((code) => {
    const f = facts.get(code);
    const population = data.indexes.commune?.get(code)?.population ?? null;
    if (!f) return { code, population, isolatedRural: null, qpvCount: null, frr: null };
    return {
      code,
      population,
      isolatedRural: f.dens7 === null || f.aavCategory === null ? null : isIsolatedRural(f),
      qpvCount: f.qpv.length,
      frr: f.frr === null ? null : f.frr === 4 || f.frr === 5,
    };
  });
}

function nurseZoning(data: PortraitData, communes: readonly string[]): Map<string, number> | null {
  const entry = data.catalogue?.find((e) => e.categories && e.categories.length > 0 && /infirm|zonage/i.test(`${e.id} ${e.label}`));
  if (!entry?.categories) return null;
  const values = data.indicatorFiles.get(entry.id)?.levels.commune?.values;
  if (!values) return null;
  const counts = new Map<string, number>(entry.categories.map((c) => [c.label, 0]));
  let unknown = 0;
  for (const c of communes) {
    const v = values[c];
    const cat = entry.categories.find((k) => k.value === v);
    if (cat) counts.set(cat.label, (counts.get(cat.label) ?? 0) + 1);
    else unknown += 1;
  }
  if (unknown > 0) counts.set('non disponible', unknown);
  return counts;
}

function aplFigure(inputs: readonly IndicatorInput[]): { value: number | null; label: string | null } {
  // The latest vintage, all GPs (not the "under 65" variant).
  const year = (id: string) => Number(/(\d{4})(?!.*\d)/.exec(id)?.[1] ?? 0);
  const candidates = inputs
    .filter((i) => /apl/i.test(i.def.id))
    .sort((a, b) => year(b.def.id) - year(a.def.id) || Number(/moins/.test(a.def.id)) - Number(/moins/.test(b.def.id)));
  const apl = candidates[0];
  if (!apl) return { value: null, label: null };
  return { value: apl.value, label: apl.def.label };
}

export interface AssembledPortrait {
  readonly model: PortraitModel;
  readonly checklistInput: ChecklistInput;
  readonly communes: readonly string[];
}

export function assemblePortrait(data: PortraitData): AssembledPortrait | null {
  const communes = subjectCommunes(data.subject, data.indexes.commune);
  const identity = buildIdentity(data, communes);
  if (!identity) return null;
  const indicators = buildIndicatorInputs(data, identity, communes);
  const apl = aplFigure(indicators);
  const hospitals = data.hospitals
    ? data.hospitals.features
        .filter((f) => f.properties.commune !== null && communes.includes(f.properties.commune))
        .map((f) => ({
          id: f.properties.finess,
          name: f.properties.name,
          type: HOSPITAL_TYPES[f.properties.type as keyof typeof HOSPITAL_TYPES] ?? f.properties.type,
          commune: f.properties.commune,
        }))
        .sort((a, b) => a.name.localeCompare(b.name, 'fr'))
    : null;
  const model = buildPortraitModel({
    identity,
    indicators,
    contracts: buildContracts(data, communes),
    communeZones: buildCommuneZones(data, communes),
    careOffer: { apl: apl.value, aplLabel: apl.label, nurseZoning: nurseZoning(data, communes), hospitals },
    sources: data.sources,
  });

  // The EPCI for the checklist: itself, the commune's, or for a perimeter the EPCI it touches.
  let epci: ChecklistInput['epci'] = null;
  let perimeterEpcis: ChecklistInput['perimeterEpcis'] = null;
  const s = data.subject;
  const epciRecord = (code: string | undefined) => {
    const r = code ? data.indexes.epci?.get(code) : undefined;
    return r && !r.noEpci ? { code: r.code, name: r.name, population: r.population } : null;
  };
  if (s.kind === 'territory' && s.level === 'epci') epci = epciRecord(s.code);
  else if (s.kind === 'territory' && s.level === 'commune') epci = epciRecord(data.indexes.commune?.get(s.code)?.parents.epci);
  else if (s.kind === 'perimeter' && data.indexes.commune) {
    const touched = new Set(communes.map((c) => data.indexes.commune?.get(c)?.parents.epci).filter((e): e is string => !!e));
    const only = touched.size === 1 ? [...touched][0]! : null;
    const all = only ? subjectCommunes({ kind: 'territory', level: 'epci', code: only }, data.indexes.commune) : [];
    perimeterEpcis = { count: touched.size, matchesEpci: only !== null && all.length === communes.length };
    epci = only ? epciRecord(only) : null;
  }
  const checklistInput: ChecklistInput = {
    level: identity.level,
    population: identity.population,
    communes: identity.communes,
    contracts: model.contracts,
    zones: model.zones,
    indicators: model.indicators,
    epci,
    perimeterEpcis,
  };
  return { model, checklistInput, communes };
}
