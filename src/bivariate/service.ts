// Ties the bivariate pair (URL field `bi`) and the level to the map: loads
// both indicator files, classes the territories having both values into the
// 3 × 3 grid, writes the `bi` feature-state and publishes the legend model.
import type { Level } from '../lib/levels.ts';
import type { IndicatorCatalogueEntry } from '../lib/indicator-format.ts';
import type { AppStore } from '../app/store.ts';
import { createStore, type Store } from '../app/store.ts';
import { loadManifest } from '../data/manifest.ts';
import { loadTerritoryIndex } from '../data/territory-index.ts';
import { customIndicators, findEntry, levelValues, loadCatalogue, loadIndicatorFile } from '../indicators/indicator-data.ts';
import { cellIndex, classifyBivariate, type BivariateCell, type BivariateResult } from './model.ts';
import { bivariateLayerModule, type BivariateLayer } from './layer.ts';
import type { BivariatePair } from './url-field.ts';

export interface BivariateView {
  readonly status: 'off' | 'loading' | 'ready' | 'unavailable' | 'error';
  readonly level: Level;
  readonly pair: BivariatePair | null;
  readonly entries: readonly IndicatorCatalogueEntry[];
  readonly need: IndicatorCatalogueEntry | null;
  readonly supply: IndicatorCatalogueEntry | null;
  /** Legend model (breaks, counts); null unless ready. */
  readonly result: Omit<BivariateResult, 'cells'> | null;
  /** Why the map cannot be drawn at this level (catalogue reasons). */
  readonly reasons: readonly string[];
  readonly version: number;
}

/** Need indicators tried in order for the default pair, then the supply one. */
export const DEFAULT_NEED = ['part_75_ans_plus', 'indice_defavorisation_bv', 'taux_pauvrete_2021', 'taux_chomage_2021'];
export const DEFAULT_SUPPLY = ['apl_mg_moins65_2023', 'apl_mg_2023'];

export class BivariateService {
  readonly view: Store<BivariateView>;
  private run = 0;
  private needValues: ReadonlyMap<string, number | null> = new Map();
  private supplyValues: ReadonlyMap<string, number | null> = new Map();
  private cells: ReadonlyMap<string, BivariateCell> = new Map();
  private readonly store: AppStore;
  private readonly layer: BivariateLayer;

  constructor(store: AppStore, layer: BivariateLayer = bivariateLayerModule) {
    this.store = store;
    this.layer = layer;
    this.view = createStore<BivariateView>({ status: 'off', level: store.getState().level, pair: null, entries: [], need: null, supply: null, result: null, reasons: [], version: 0 });
    store.subscribe((s, p) => {
      if (s.bivariate !== p.bivariate || s.level !== p.level) void this.refresh();
    });
    void loadCatalogue().then(
      (c) => this.view.setState({ entries: [...c.indicators, ...customIndicators()] }),
      () => undefined,
    );
    if (store.getState().bivariate) void this.refresh();
  }

  /** Turns the map on with the first pair available at the current level. */
  async open(): Promise<void> {
    const catalogue = await loadCatalogue();
    const level = this.store.getState().level;
    const pick = (ids: string[]) => ids.find((id) => catalogue.indicators.find((e) => e.id === id)?.levels[level]?.available) ?? ids[ids.length - 1]!;
    this.store.setState({ bivariate: { need: pick(DEFAULT_NEED), supply: pick(DEFAULT_SUPPLY) } });
  }

  close(): void {
    this.store.setState({ bivariate: null });
  }

  setPair(pair: BivariatePair): void {
    this.store.setState({ bivariate: pair });
  }

  /** Both values and the cell of a territory of the level shown (hover, panel). */
  valuesOf(code: string): { need: number | null; supply: number | null; cell: BivariateCell | null } {
    return { need: this.needValues.get(code) ?? null, supply: this.supplyValues.get(code) ?? null, cell: this.cells.get(code) ?? null };
  }

  private async refresh(): Promise<void> {
    const run = ++this.run;
    const stale = () => run !== this.run;
    const { bivariate: pair, level } = this.store.getState();
    if (!pair) {
      this.layer.hide();
      this.cells = new Map();
      this.view.setState((v) => ({ status: 'off', pair: null, level, result: null, reasons: [], version: v.version + 1 }));
      return;
    }
    this.view.setState({ status: 'loading', pair, level });
    try {
      const manifest = await loadManifest();
      const [catalogue, index] = await Promise.all([loadCatalogue(), loadTerritoryIndex(manifest, level)]);
      if (stale()) return;
      const need = findEntry(catalogue, pair.need) ?? null;
      const supply = findEntry(catalogue, pair.supply) ?? null;
      const entries = [...catalogue.indicators, ...customIndicators()];
      const reasons: string[] = [];
      for (const [entry, id] of [
        [need, pair.need],
        [supply, pair.supply],
      ] as const) {
        const a = entry?.levels[level];
        if (!entry) reasons.push(`Indicateur inconnu : ${id}`);
        else if (!a || !a.available) reasons.push(`${entry.label} : ${a && !a.available ? a.reason : 'non disponible à cet échelon'}`);
      }
      if (!need || !supply || reasons.length > 0) {
        this.layer.hide();
        this.cells = new Map();
        this.view.setState((v) => ({ status: 'unavailable', pair, level, need, supply, entries, result: null, reasons, version: v.version + 1 }));
        return;
      }
      const commune = level === 'commune';
      const [nf, sf] = await Promise.all([loadIndicatorFile(need, { commune }), loadIndicatorFile(supply, { commune })]);
      if (stale()) return;
      this.needValues = levelValues(nf, level) ?? new Map();
      this.supplyValues = levelValues(sf, level) ?? new Map();
      const codes = [...index.values()].filter((r) => !r.noEpci).map((r) => r.code);
      const result = classifyBivariate(codes, { values: this.needValues, polarity: need.polarity }, { values: this.supplyValues, polarity: supply.polarity });
      if (!result) {
        this.layer.hide();
        this.view.setState((v) => ({ status: 'unavailable', pair, level, need, supply, entries, result: null, reasons: ['Aucun territoire n’a les deux valeurs.'], version: v.version + 1 }));
        return;
      }
      this.cells = result.cells;
      this.layer.show(level, codes, new Map([...result.cells].map(([c, cell]) => [c, cellIndex(cell)])));
      const { cells: _cells, ...legend } = result;
      void _cells;
      this.view.setState((v) => ({ status: 'ready', pair, level, need, supply, entries, result: legend, reasons: [], version: v.version + 1 }));
    } catch {
      if (!stale()) this.view.setState({ status: 'error' });
    }
  }
}

const services = new WeakMap<AppStore, BivariateService>();

declare global {
  interface Window {
    __clsBivariate?: BivariateService;
  }
}

export function bivariateServiceFor(store: AppStore): BivariateService {
  let s = services.get(store);
  if (!s) {
    s = new BivariateService(store);
    services.set(store, s);
    if (typeof window !== 'undefined' && !window.__clsBivariate) window.__clsBivariate = s;
  }
  return s;
}
