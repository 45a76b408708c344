// Ties the finder query (URL field `find`) to its data and to the map: loads
// the indicator files, zone facts, contracts and indexes it needs, runs the
// pure model, paints matches through the finder layer and publishes a small
// view state for the panel. Thousands of codes stay here, never in React state.
import type { Level, SupraLevel } from '../lib/levels.ts';
import type { IndicatorCatalogueEntry, IndicatorCatalogueFile } from '../lib/indicator-format.ts';
import type { TerritoryRecord } from '../data/types.ts';
import type { AppStore } from '../app/store.ts';
import { createStore, type Store } from '../app/store.ts';
import { loadManifest } from '../data/manifest.ts';
import { loadTerritoryIndex, onIndexLoaded } from '../data/territory-index.ts';
import { customIndicators, findEntry, levelValues, loadCatalogue, loadIndicatorFile } from '../indicators/indicator-data.ts';
import { overlayData } from '../overlays/service.ts';
import {
  populationOf,
  prepareFlagCondition,
  prepareIndicatorCondition,
  runQuery,
  type FinderResult,
  type PreparedCriterion,
  type TableRow,
} from './model.ts';
import { noContractFlags, unplacedContracts, zoneFlags } from './flags.ts';
import { isFinderLevel, type Condition, type FinderQuery } from './query.ts';
import { finderLayer, type FinderLayer } from './layer.ts';

/** One criterion as the panel shows it. */
export interface CriterionInfo {
  readonly condition: Condition;
  /** Catalogue entry of an indicator condition (null for a flag or an unknown id). */
  readonly entry: IndicatorCatalogueEntry | null;
  /** Why the indicator has no value at this level (the catalogue's reason), or that the id is unknown. */
  readonly problem: string | null;
  readonly cut: number | null;
  readonly end: 'high' | 'low' | null;
}

export interface FinderView {
  readonly status: 'closed' | 'loading' | 'ready' | 'error';
  readonly query: FinderQuery | null;
  readonly catalogue: IndicatorCatalogueFile | null;
  /** Catalogue and imported indicators (the criteria the editor offers). */
  readonly entries: readonly IndicatorCatalogueEntry[];
  readonly criteria: readonly CriterionInfo[];
  readonly result: FinderResult | null;
  readonly rows: readonly TableRow[];
  readonly undeterminedRows: readonly TableRow[];
  readonly population: number;
  readonly populationUnknown: number;
  /** Registry contracts (existing or planned) without a known perimeter: not placed by the no-CLS flag. */
  readonly unplacedContracts: number;
  readonly error: string | null;
}

const CLOSED: FinderView = {
  status: 'closed',
  query: null,
  catalogue: null,
  entries: [],
  criteria: [],
  result: null,
  rows: [],
  undeterminedRows: [],
  population: 0,
  populationUnknown: 0,
  unplacedContracts: 0,
  error: null,
};

function isNum(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

export class FinderService {
  readonly view: Store<FinderView>;
  private run = 0;
  private readonly store: AppStore;
  private readonly layer: FinderLayer;
  private readonly setLevel: (level: Level) => void;

  constructor(store: AppStore, setLevel: (level: Level) => void, layer: FinderLayer = finderLayer) {
    this.store = store;
    this.layer = layer;
    this.setLevel = setLevel;
    this.view = createStore<FinderView>(CLOSED);
    store.subscribe((state, previous) => {
      const query = state.finder;
      if (query && query !== previous.finder && query.level !== state.level) {
        // The finder drives the map's level…
        this.setLevel(query.level);
        return;
      }
      if (query && state.level !== previous.level && state.level !== query.level && isFinderLevel(state.level)) {
        // …and follows it when the user switches level.
        store.setState({ finder: { ...query, level: state.level } });
        return;
      }
      if (state.finder !== previous.finder || state.level !== previous.level) void this.refresh();
    });
    onIndexLoaded((level) => {
      if (this.store.getState().finder?.level === level) void this.refresh();
    });
    const initial = store.getState().finder;
    if (initial && initial.level !== store.getState().level) queueMicrotask(() => this.setLevel(initial.level));
    else if (initial) void this.refresh();
  }

  open(query?: FinderQuery): void {
    const current = this.store.getState();
    const level = isFinderLevel(current.level) && current.level !== 'departement' ? current.level : 'epci';
    this.store.setState({ finder: query ?? current.finder ?? { level, conditions: [] } });
  }

  close(): void {
    this.store.setState({ finder: null });
  }

  setQuery(query: FinderQuery): void {
    this.store.setState({ finder: query });
  }

  /** Re-runs the query (an imported CSV was registered). */
  refreshEntries(): void {
    void this.refresh();
  }

  private async refresh(): Promise<void> {
    const run = ++this.run;
    const stale = () => run !== this.run;
    const query = this.store.getState().finder;
    if (!query) {
      this.layer.clear();
      this.view.setState(CLOSED);
      return;
    }
    this.view.setState({ status: 'loading', query });
    try {
      const manifest = await loadManifest();
      const [catalogue, index] = await Promise.all([loadCatalogue(), loadTerritoryIndex(manifest, query.level)]);
      if (stale()) return;
      const entries = [...catalogue.indicators, ...customIndicators()];
      // The 4 island communes outside any EPCI are not EPCI: left out of the EPCI count.
      const codes = [...index.values()].filter((r) => !r.noEpci).map((r) => r.code).sort();
      const needsContracts = query.conditions.some((c) => c.kind === 'flag' && c.flag === 'no_cls');
      const needsZones = query.conditions.some((c) => c.kind === 'flag' && c.flag !== 'no_cls');
      const [zones, contracts, communeIndex] = await Promise.all([
        needsZones ? overlayData.zones() : null,
        needsContracts ? overlayData.contracts() : null,
        needsContracts && query.level !== 'commune' ? loadTerritoryIndex(manifest, 'commune') : null,
      ]);
      if (stale()) return;
      const criteria: PreparedCriterion[] = [];
      const infos: CriterionInfo[] = [];
      let unplaced = 0;
      for (const condition of query.conditions) {
        if (condition.kind === 'flag') {
          let values: Map<string, boolean | null>;
          if (condition.flag === 'no_cls') {
            const list = contracts?.contracts ?? [];
            unplaced = unplacedContracts({ contracts: list });
            values = noContractFlags(query.level, codes, {
              contracts: list,
              parentOf: (c, level: SupraLevel) => communeIndex?.get(c)?.parents[level],
            });
          } else {
            values = zoneFlags(condition.flag, query.level, codes, { facts: zones!.facts, aggregates: zones!.overlay.aggregates });
          }
          criteria.push(prepareFlagCondition(condition, values));
          infos.push({ condition, entry: null, problem: null, cut: null, end: null });
          continue;
        }
        const entry = findEntry(catalogue, condition.indicator) ?? null;
        const availability = entry?.levels[query.level];
        let values: ReadonlyMap<string, number | null> = new Map();
        let problem: string | null = null;
        if (!entry) problem = 'unknown';
        else if (availability && !availability.available) problem = availability.reason;
        else {
          const file = await loadIndicatorFile(entry, { commune: query.level === 'commune' });
          if (stale()) return;
          values = levelValues(file, query.level) ?? values;
        }
        const prepared = prepareIndicatorCondition(condition, values, codes, entry?.polarity ?? 'neutral');
        criteria.push(prepared);
        infos.push({ condition, entry, problem, cut: prepared.cut ?? null, end: prepared.end ?? null });
      }
      const result = runQuery(codes, criteria);
      const departementIndex = query.level === 'departement' ? null : await loadTerritoryIndex(manifest, 'departement').catch(() => null);
      if (stale()) return;
      const row = (code: string): TableRow => {
        const r: TerritoryRecord | undefined = index.get(code);
        const dep = query.level === 'departement' ? null : (r?.parents.departement ?? null);
        return {
          code,
          name: r?.name ?? code,
          departement: dep ? `${departementIndex?.get(dep)?.name ?? ''} (${dep})`.trim() : null,
          population: isNum(r?.population) ? r.population : null,
          values: criteria.map((c) => c.values.get(code) ?? null),
        };
      };
      const rows = result.matches.map(row);
      const pop = populationOf(result.matches, (c) => index.get(c)?.population);
      this.layer.show(query.level, codes, result);
      this.view.setState({
        status: 'ready',
        query,
        catalogue,
        entries,
        criteria: infos,
        result,
        rows,
        undeterminedRows: result.undetermined.map((u) => row(u.code)),
        population: pop.population,
        populationUnknown: pop.unknown,
        unplacedContracts: unplaced,
        error: null,
      });
    } catch (error) {
      if (stale()) return;
      this.view.setState({ status: 'error', query, error: error instanceof Error ? error.message : String(error) });
    }
  }
}

const services = new WeakMap<AppStore, FinderService>();

declare global {
  interface Window {
    /** Read-only handle for browser tests. */
    __clsFinder?: FinderService;
  }
}

export function finderServiceFor(store: AppStore, setLevel: (level: Level) => void): FinderService {
  let s = services.get(store);
  if (!s) {
    s = new FinderService(store, setLevel);
    services.set(store, s);
    if (typeof window !== 'undefined' && !window.__clsFinder) window.__clsFinder = s;
  }
  return s;
}
