// Ties the app state (indicator id, classification, level — in the URL) to
// the map: loads the indicator file, classifies the level's values, writes
// feature-state and the fill expression, and publishes a small view state
// (legend, status, announcement) for React. Values for thousands of
// territories stay here, in Maps, never in React state.
import type { Level } from '../lib/levels.ts';
import { classify, type Classification, type SchemeName, SCHEMES } from '../lib/classify.ts';
import type { IndicatorCatalogueEntry, IndicatorCatalogueFile, IndicatorFile } from '../lib/indicator-format.ts';
import type { AppState, AppStore } from '../app/store.ts';
import { createStore, type Store } from '../app/store.ts';
import { getLoadedIndex, onIndexLoaded, type TerritoryLookup } from '../data/territory-index.ts';
import {
  choroplethStates,
  legendModel,
  levelTerritories,
  rankValues,
  type LegendModel,
  type LevelTerritories,
  type Ranking,
  type TerritoryState,
} from './indicator-choropleth.ts';
import type { ClassificationSettings } from './classification-settings.ts';
import { findEntry, levelValues, loadCatalogue, loadIndicatorFile, peekIndicatorFile } from './indicator-data.ts';
import { absenceCountsOfLevel, absenceOf, type AbsenceBlock, type AbsenceKind } from '../lib/absence.ts';
import { methodOf } from '../lib/indicator-format.ts';
import { choroplethModule, type ChoroplethModule } from './choropleth-module.ts';
import { frIndicators } from '../i18n/fr.ts';

export type IndicatorStatus = 'none' | 'loading' | 'ready' | 'unavailable' | 'error';

export interface IndicatorViewState {
  readonly catalogue: IndicatorCatalogueFile | null;
  readonly catalogueError: string | null;
  readonly status: IndicatorStatus;
  readonly entry: IndicatorCatalogueEntry | null;
  readonly level: Level;
  /** Why the indicator has no value at this level (from the catalogue). */
  readonly unavailableReason: string | null;
  readonly classification: Classification | null;
  readonly legend: LegendModel | null;
  readonly france: number | null;
  /** Sentence for the aria-live region once an indicator is mapped. */
  readonly announcement: string;
  /** Bumped when the values behind `valueOf` change (re-render hover / panel). */
  readonly dataVersion: number;
  /** Custom (dropped CSV) indicators, for the picker. */
  readonly customEntries: readonly IndicatorCatalogueEntry[];
}

export interface RestyleTiming {
  /** What changed: feature-state written, nothing to write ('paint', the name kept for the bench), or no values at the level. */
  kind: 'states' | 'paint' | 'unavailable';
  /** ms of JS to compute classes and write feature-state / paint. */
  jsMs: number;
  /** ms until the map's next `idle`. */
  idleMs?: number;
}

/** A file still on its way after this long is announced as loading (a faster one never is). */
const LOADING_NOTICE_DELAY_MS = 150;

const INITIAL_VIEW: IndicatorViewState = {
  catalogue: null,
  catalogueError: null,
  status: 'none',
  entry: null,
  level: 'departement',
  unavailableReason: null,
  classification: null,
  legend: null,
  france: null,
  announcement: '',
  dataVersion: 0,
  customEntries: [],
};

/** Scheme actually used: diverging requested → a diverging scheme; otherwise a sequential one or the polarity default. */
export function effectiveScheme(settings: ClassificationSettings): SchemeName | undefined {
  const chosen = settings.scheme;
  if (settings.diverging) return chosen && SCHEMES[chosen].type === 'diverging' ? chosen : 'rdbu';
  return chosen && SCHEMES[chosen].type === 'sequential' ? chosen : undefined;
}

/** The unit shown after each class bound, or undefined when it is too long to repeat. */
export function inlineUnit(unit: string): string | undefined {
  return unit && unit.length <= 3 ? unit : undefined;
}

/** Classifies a level's values for an entry (categories become fixed classes). */
export function classifyIndicator(
  values: Iterable<number | null>,
  entry: IndicatorCatalogueEntry,
  settings: ClassificationSettings,
  france: number | null,
): Classification {
  const categories = entry.categories && entry.categories.length >= 2 ? [...entry.categories].sort((a, b) => a.value - b.value) : null;
  if (categories) {
    const breaks = categories.slice(0, -1).map((c, i) => (c.value + categories[i + 1]!.value) / 2);
    const c = classify(values, {
      method: 'manual',
      classes: categories.length,
      manualBreaks: breaks,
      scheme: effectiveScheme({ ...settings, diverging: false }),
      polarity: entry.polarity,
      decimals: 0,
    });
    // Bounds run from the observed min to max: label the classes that exist by their category.
    c.labels = c.labels.map((label, i) => {
      const mid = (c.breaks[i]! + c.breaks[i + 1]!) / 2;
      const cat = categories.reduce((best, x) => (Math.abs(x.value - mid) < Math.abs(best.value - mid) ? x : best));
      return c.breaks.length - 1 === categories.length ? cat.label : label;
    });
    return c;
  }
  // A change between two vintages is always read against "no change" (0).
  const diverging = settings.diverging || entry.change !== undefined;
  const reference = entry.change ? 0 : settings.diverging ? france : null;
  return classify(values, {
    method: settings.method,
    classes: settings.classes,
    manualBreaks: settings.method === 'manual' ? settings.breaks : undefined,
    scheme: effectiveScheme({ ...settings, diverging }),
    polarity: entry.polarity,
    reference: diverging ? (reference ?? null) : null,
    // Short units ("%", "‰", "€") go on every class; long ones ("pour 10 000 hab.") only in the legend's caption.
    unit: inlineUnit(entry.unit),
  });
}

export class IndicatorService {
  readonly view: Store<IndicatorViewState>;
  /** Last restyle measurements (read by the browser tests and the bench). */
  readonly timings: RestyleTiming[] = [];
  private values: ReadonlyMap<string, number | null> | null = null;
  private ranking: Ranking | null = null;
  private file: IndicatorFile | null = null;
  private run = 0;
  private readonly appStore: AppStore;
  private readonly module: ChoroplethModule;

  constructor(appStore: AppStore, module: ChoroplethModule = choroplethModule) {
    this.appStore = appStore;
    this.module = module;
    const s = appStore.getState();
    this.view = createStore<IndicatorViewState>({ ...INITIAL_VIEW, level: s.level });
    appStore.subscribe((state, previous) => {
      if (state.level !== previous.level) this.module.show(null);
      if (state.indicator !== previous.indicator || state.classification !== previous.classification || state.level !== previous.level) {
        void this.refresh(state);
      }
    });
    // A level's full list of territories arrives with its index: recount missing values.
    onIndexLoaded((level) => {
      const st = this.appStore.getState();
      if (level === st.level && st.indicator) void this.refresh(st);
    });
    void this.loadCatalogue().then(() => this.refresh(this.appStore.getState()));
  }

  private async loadCatalogue(): Promise<IndicatorCatalogueFile | null> {
    try {
      const catalogue = await loadCatalogue();
      this.view.setState({ catalogue, catalogueError: null });
      return catalogue;
    } catch {
      this.view.setState({ catalogueError: frIndicators.catalogueError });
      return null;
    }
  }

  /** Selects an indicator (null = none). */
  select(id: string | null): void {
    this.appStore.setState({ indicator: id });
  }

  setClassification(patch: Partial<ClassificationSettings>): void {
    this.appStore.setState((s) => ({ classification: { ...s.classification, ...patch } }));
  }

  /** Custom indicators were registered: refresh the picker. */
  notifyCustom(entries: readonly IndicatorCatalogueEntry[]): void {
    this.view.setState({ customEntries: entries });
  }

  valueOf(code: string): number | null | undefined {
    return this.values?.get(code);
  }

  rankOf(code: string): { rank: number; of: number } | null {
    // Ranked on first use (a sort of up to 35,000 values the restyle itself does not need).
    if (!this.ranking && this.values) this.ranking = rankValues(this.values);
    const r = this.ranking?.rank.get(code);
    return r === undefined || !this.ranking ? null : { rank: r, of: this.ranking.ranked };
  }

  /** Value of the current indicator at another level (panel comparisons); undefined = no value there. */
  valueAt(level: Level, code: string): number | null | undefined {
    const record = this.file?.levels[level]?.values;
    if (!record) return undefined;
    const v = record[code];
    return v === undefined ? undefined : v;
  }

  /** Why a territory of a level has no value (null when it has one; undefined when the file has no values there). */
  absenceAt(level: Level, code: string): AbsenceKind | null | undefined {
    const block = this.file?.levels[level];
    if (!block) return undefined;
    return absenceOf(block, code);
  }

  /** The method of an estimated value (key of the entry's `methods`) and the share of persons it rests on. */
  estimateAt(level: Level, code: string): { method: string; share: number | null } | null {
    const block = this.file?.levels[level];
    const method = methodOf(block, code);
    if (!method) return null;
    return { method, share: method === 'native' ? null : (block?.coverage?.[code] ?? 1) };
  }

  /** Why France has no value, how France's value was obtained, and the share of the population it covers. */
  franceInfo(): { absence: AbsenceKind | null; method: string | null; coverage: number | null } {
    const f = this.file?.france;
    return { absence: f?.absence ?? null, method: f?.method ?? null, coverage: f && f.value !== null && this.file?.aggregation !== 'estimate' && f.coverage < 0.9995 ? f.coverage : null };
  }

  /** An aggregate computed on part of its population: the share covered (null when whole, or for estimates, which say it otherwise). */
  coverageAt(level: Level, code: string): number | null {
    if (!this.file || this.file.aggregation === 'estimate') return null;
    return this.file.levels[level]?.coverage?.[code] ?? null;
  }

  /** Territory codes and values of the current map (CSV export). */
  currentValues(): ReadonlyMap<string, number | null> | null {
    return this.values;
  }

  private async refresh(state: AppState): Promise<void> {
    const run = ++this.run;
    const stale = () => run !== this.run;
    const { indicator, level, classification: settings } = state;
    if (!indicator) {
      this.values = null;
      this.ranking = null;
      this.file = null;
      this.module.show(null);
      this.view.setState((v) => ({ ...INITIAL_VIEW, catalogue: v.catalogue, catalogueError: v.catalogueError, customEntries: v.customEntries, level, dataVersion: v.dataVersion + 1 }));
      return;
    }
    const catalogue = this.view.getState().catalogue ?? (await this.loadCatalogue());
    if (stale()) return;
    const entry = findEntry(catalogue, indicator);
    if (!entry) {
      this.view.setState({ status: catalogue ? 'error' : 'loading', entry: null, level, legend: null, classification: null, announcement: catalogue ? frIndicators.unknownIndicator(indicator) : '' });
      return;
    }
    // Commune values (the big part) only when the commune level is shown.
    const fileOptions = { commune: level === 'commune' };
    // A file already loaded is mapped at once; one on its way is announced as « loading » only if it
    // takes a while: a render of the panel (and its layout) while a fast request is in flight delays
    // the map by as much, and the notice would only flash.
    let file = peekIndicatorFile(entry, fileOptions);
    if (!file) {
      const notice = this.view.getState().entry?.id === entry.id ? undefined : setTimeout(() => {
        if (!stale()) this.view.setState({ status: 'loading', entry, level });
      }, LOADING_NOTICE_DELAY_MS);
      try {
        file = await loadIndicatorFile(entry, fileOptions);
      } catch {
        if (!stale()) this.view.setState({ status: 'error', entry, level, announcement: frIndicators.loadError(entry.label) });
        return;
      } finally {
        clearTimeout(notice);
      }
      if (stale()) return;
    }
    // Not awaited when there is nothing to wait for: the map is then restyled in the very task
    // that asked (a link, the picker), before React re-renders the page for the new URL, not after.
    if (!this.module.isReady(level)) {
      await this.module.whenReady(level).catch(() => undefined);
      if (stale()) return;
    }
    this.file = file;
    const france = file.france?.value ?? entry.france ?? null;
    const availability = entry.levels[level];
    const values = availability?.available ? levelValues(file, level) : null;
    const start = performance.now();
    if (!values) {
      const reason = availability && !availability.available ? availability.reason : frIndicators.noValuesAtLevel;
      this.values = null;
      this.ranking = null;
      // Every territory drawn as no-data: the map says "nothing here", the panel says why.
      this.module.setStates(level, new Map());
      this.module.show(level);
      this.record({ kind: 'unavailable', jsMs: performance.now() - start });
      this.view.setState((v) => ({
        status: 'unavailable',
        entry,
        level,
        unavailableReason: reason,
        classification: null,
        legend: null,
        france,
        announcement: frIndicators.unavailableAnnouncement(entry.label, level, reason),
        dataVersion: v.dataVersion + 1,
      }));
      return;
    }
    // Every territory of the level: the file lists them all; the index may add any it lacks.
    const territories = territoriesOf(values, getLoadedIndex(level), file.levels[level]);
    const { classification, states } = classifiedStates(territories, entry, settings, france);
    // Only territories whose colour changes are written (none when nothing did).
    const dataChanged = this.module.setStates(level, states) > 0;
    this.module.show(level);
    const jsMs = performance.now() - start;
    this.values = values;
    this.ranking = null;
    const legend = legendModel(classification, entry.label, entry.unit, france, territories.absences);
    this.record({ kind: dataChanged ? 'states' : 'paint', jsMs });
    this.view.setState((v) => ({
      status: 'ready',
      entry,
      level,
      unavailableReason: null,
      classification,
      legend,
      france,
      announcement: frIndicators.mappedAnnouncement(entry.label, level, classification.colors.length, legend.noData.count),
      dataVersion: v.dataVersion + 1,
    }));
  }

  private record(timing: RestyleTiming): void {
    this.timings.push(timing);
    if (this.timings.length > 20) this.timings.shift();
    const map = this.module.map;
    if (map) {
      const t0 = performance.now() - timing.jsMs;
      map.once('idle', () => {
        timing.idleMs = performance.now() - t0;
      });
    }
  }
}

/**
 * The classification of a level's territories for an entry and settings, and
 * the feature-states it gives them, kept for the last entry and settings of
 * each territories' values: going back to a commune indicator already mapped
 * sorts and classifies its 35,000 values again only if its settings changed.
 */
const classifiedMemo = new WeakMap<readonly (number | null)[], { key: string; classification: Classification; states: Map<string, TerritoryState> }>();

export function classifiedStates(
  territories: LevelTerritories,
  entry: IndicatorCatalogueEntry,
  settings: ClassificationSettings,
  france: number | null,
): { classification: Classification; states: Map<string, TerritoryState> } {
  const key = JSON.stringify([entry.id, entry.categories ?? null, entry.polarity, entry.change ?? null, entry.unit, settings, france]);
  const memo = classifiedMemo.get(territories.values);
  if (memo && memo.key === key) return memo;
  const classification = classifyIndicator(territories.values, entry, settings, france);
  const result = { key, classification, states: choroplethStates(territories.codes, territories.values, classification) };
  classifiedMemo.set(territories.values, result);
  return result;
}

/** A level's territories and their kinds of absence, once per values map and index: a reclassification, or going back to an indicator, reads them again. */
const territoriesMemo = new WeakMap<ReadonlyMap<string, number | null>, { index: TerritoryLookup | undefined; territories: LevelTerritories & { absences: Record<AbsenceKind, number> } }>();

function territoriesOf(
  values: ReadonlyMap<string, number | null>,
  index: TerritoryLookup | undefined,
  block: { absence?: AbsenceBlock } | undefined,
): LevelTerritories & { absences: Record<AbsenceKind, number> } {
  const memo = territoriesMemo.get(values);
  if (memo && memo.index === index) return memo.territories;
  const territories = levelTerritories(values, index?.keys());
  // A code is missing when its value is null, or when only the index knows it.
  const isMissing = (code: string) => {
    const v = values.get(code);
    return v === undefined ? index?.has(code) === true : v === null || !Number.isFinite(v);
  };
  const result = { ...territories, absences: absenceCountsOfLevel(block, territories.missingCount, isMissing) };
  territoriesMemo.set(values, { index, territories: result });
  return result;
}

const services = new WeakMap<AppStore, IndicatorService>();

declare global {
  interface Window {
    /** Read-only handle for browser tests: view state and restyle timings. */
    __clsIndicators?: IndicatorService;
  }
}

/** The one service per app store (created on first use). */
export function indicatorServiceFor(store: AppStore): IndicatorService {
  let s = services.get(store);
  if (!s) {
    s = new IndicatorService(store);
    services.set(store, s);
    if (typeof window !== 'undefined' && !window.__clsIndicators) window.__clsIndicators = s;
  }
  return s;
}
