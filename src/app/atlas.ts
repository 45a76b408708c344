// The app's services, created once outside React: the store, the map
// controller, the data loaders and the search index, plus the actions that
// tie them together (select a territory, switch level, fly to a zone).
// Components reach it through `useAtlas()`; tests through `window.__clsAtlas`.
import { SUPRA_LEVELS, type Level, type Zone } from '../lib/levels.ts';
import { loadManifest } from '../data/manifest.ts';
import { loadLevelGeometry } from '../data/geometry.ts';
import { getTerritory, loadTerritoryIndex, onIndexLoaded } from '../data/territory-index.ts';
import type { Manifest, TerritoryRecord } from '../data/types.ts';
import { SearchIndex } from '../search/rank.ts';
import { MapController } from '../map/controller.ts';
import { ZONE_BBOX } from '../map/zones-view.ts';
import { selectionAtLevel } from '../state/selection.ts';
import type { TerritoryRef } from '../state/url-state.ts';
import type { UrlState } from '../features-url.ts';
import type { AtlasFeatures } from '../features.ts';
import { fr } from '../i18n/fr.ts';
import { createStore, INITIAL_APP_STATE, type AppStore } from './store.ts';
import { startUrlSync } from './url-sync.ts';

export interface AtlasTimings {
  /** ms from navigation start to the first map `idle` with the first level drawn. */
  firstIdle?: number;
  /** ms to fetch + decode each level's geometry (worker). */
  geometry: Partial<Record<Level, number>>;
}

export class Atlas {
  readonly store: AppStore;
  readonly search = new SearchIndex();
  readonly timings: AtlasTimings = { geometry: {} };
  /** Resolves at the first map `idle` once the initial level (and selection) is shown. */
  readonly ready: Promise<void>;
  controller: MapController | null = null;
  private manifestPromise: Promise<Manifest> | null = null;
  private resolveReady!: () => void;
  private rejectReady!: (e: unknown) => void;

  constructor(
    hash: string,
    readonly features: AtlasFeatures,
  ) {
    this.store = createStore({ ...INITIAL_APP_STATE, ...features.url.parse(hash) });
    this.ready = new Promise((resolve, reject) => {
      this.resolveReady = resolve;
      this.rejectReady = reject;
    });
    this.ready.catch(() => undefined);
    // Start the first level's fetch + decode now, in parallel with React and
    // MapLibre start-up (the controller gets the same cached promise).
    const first = this.store.getState().level;
    this.manifest().then(
      (m) => void loadLevelGeometry(m, first).catch(() => undefined),
      () => undefined,
    );
    onIndexLoaded((level, lookup) => {
      this.search.setLevel(level, [...lookup.values()]);
      this.store.setState((s) => ({ indexVersion: s.indexVersion + 1 }));
    });
  }

  manifest(): Promise<Manifest> {
    this.manifestPromise ??= loadManifest();
    return this.manifestPromise;
  }

  /** Creates the map in `container` (once) and starts URL sync and data loading. */
  attachMap(container: HTMLElement): MapController {
    if (this.controller) return this.controller;
    const initial = this.store.getState();
    const controller = new MapController({
      container,
      initialView: initial.view,
      locale: fr.map.maplibreLocale,
      loadGeometry: async (level) => loadLevelGeometry(await this.manifest(), level),
    });
    this.controller = controller;

    controller.on('levelstatus', (level, status, info) => {
      this.store.setState((s) => ({ levelStatus: { ...s.levelStatus, [level]: status } }));
      if (status === 'ready' && info && 'ms' in info) this.timings.geometry[level] = Math.round(info.ms);
      if (status === 'error') this.store.setState({ error: fr.app.loadError });
    });
    controller.on('click', (ref) => {
      if (ref) this.selectTerritory(ref, { fly: false });
    });
    controller.on('moveend', (view) => this.store.setState({ view }));
    startUrlSync(this.store, this.features.url, (next) => this.applyUrlState(next));

    // React state → map.
    this.store.subscribe((state, previous) => {
      if (state.level !== previous.level) {
        void controller.setLevel(state.level).then(
          () => {
            if (state.level === 'commune' && this.store.getState().level === 'commune') controller.map.once('idle', () => void this.ensureIndex('commune'));
          },
          () => undefined,
        );
      }
      if (state.selection !== previous.selection) controller.setSelection(state.selection);
    });
    controller.setSelection(initial.selection);
    void this.boot(controller, initial);
    for (const module of this.features.layerModules) void controller.addLayerModule(module);
    return controller;
  }

  private async boot(controller: MapController, initial: UrlState): Promise<void> {
    try {
      const manifest = await this.manifest();
      await controller.setLevel(initial.level);
      if (initial.selection) {
        await loadTerritoryIndex(manifest, initial.selection.level);
        const record = getTerritory(initial.selection.level, initial.selection.code);
        if (!record) this.store.setState({ selection: null });
        else if (!initial.view) controller.fitBounds(record.bbox, { animate: false });
      }
      await new Promise<void>((resolve) => controller.map.once('idle', () => resolve()));
      this.timings.firstIdle = Math.round(performance.now());
      performance.mark('atlas:first-idle');
      this.resolveReady();
      // Names for the tooltip, the panel and search: small, but nothing the first frame needs.
      await Promise.all(SUPRA_LEVELS.map((level) => loadTerritoryIndex(manifest, level)));
      // The commune index (8 MB of JSON parsed on the main thread) only where communes are shown, once drawn;
      // search, the perimeter builder and portraits load it when they need it.
      if (this.store.getState().level === 'commune') void this.ensureIndex('commune');
    } catch (error) {
      this.store.setState({ error: fr.app.loadError });
      this.rejectReady(error);
    }
  }

  async ensureIndex(level: Level): Promise<void> {
    await loadTerritoryIndex(await this.manifest(), level);
  }

  /** Shows a level; a selection finer than it is replaced by its parent there. */
  setLevel(level: Level): void {
    const selection = selectionAtLevel(this.store.getState().selection, level, (ref, parentLevel) =>
      getTerritory(ref.level, ref.code)?.parents[parentLevel],
    );
    this.store.setState({ level, selection });
  }

  /** Selects a territory, switching to its level; `fly` frames it on the map. */
  selectTerritory(ref: TerritoryRef, options: { fly: boolean }): void {
    this.store.setState({ level: ref.level, selection: ref });
    void this.ensureIndex(ref.level).then(() => {
      const record = getTerritory(ref.level, ref.code);
      if (!options.fly || !record) return;
      // Frame after the panel has opened: the map is narrower then.
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          this.controller?.map.resize();
          this.controller?.fitBounds(record.bbox, { maxZoom: ref.level === 'commune' ? 10.5 : 9.5 });
        }),
      );
    });
  }

  clearSelection(): void {
    this.store.setState({ selection: null });
  }

  flyToZone(zone: Zone): void {
    this.controller?.fitBounds(ZONE_BBOX[zone], { maxZoom: 9 });
  }

  territory(ref: TerritoryRef | null): TerritoryRecord | undefined {
    return ref ? getTerritory(ref.level, ref.code) : undefined;
  }

  private applyUrlState(next: UrlState): void {
    this.store.setState({ level: next.level, selection: next.selection, perimeter: next.perimeter, indicator: next.indicator, classification: next.classification, overlays: next.overlays });
    if (next.view) this.controller?.map.jumpTo({ center: [next.view.lng, next.view.lat], zoom: next.view.zoom });
  }
}
