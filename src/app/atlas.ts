// The app's services, created once outside React: the store, the map
// controller, the data loaders and the search index, plus the actions that
// tie them together (select a territory, switch level, fly to a zone).
// Components reach it through `useAtlas()`; tests through `window.__clsAtlas`.
import { LEVELS, SUPRA_LEVELS, type Level, type Zone } from '../lib/levels.ts';
import { loadManifest } from '../data/manifest.ts';
import { loadLevelGeometry, type VectorLevelGeometry } from '../data/geometry.ts';
import { getLoadedIndex, getTerritory, isIndexLoaded, loadTerritoryIndex, onIndexLoaded } from '../data/territory-index.ts';
import { loadsPending } from '../data/pending-loads.ts';
import type { Manifest, TerritoryRecord } from '../data/types.ts';
import { SearchIndex } from '../search/rank.ts';
import { MapController } from '../map/controller.ts';
import { ZONE_BBOX } from '../map/zones-view.ts';
import { selectionAtLevel } from '../state/selection.ts';
import type { TerritoryRef } from '../state/url-state.ts';
import type { UrlState } from '../features-url.ts';
import type { AtlasFeatures } from '../features.ts';
import { followLink, reconcileLink, reconcileUrlState, type LinkDrop, type LinkWorld } from '../url-coherence.ts';
import { fr, frInput } from '../i18n/fr.ts';
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
  /** Resolves after `ready`, once the map has paused drawing and the layers kept for then are installed. */
  readonly quiet: Promise<void>;
  private layersInstalled: Promise<void> = Promise.resolve();
  controller: MapController | null = null;
  private manifestPromise: Promise<Manifest> | null = null;
  private resolveReady!: () => void;
  private rejectReady!: (e: unknown) => void;
  private resolveQuiet!: () => void;
  /** The first level's tiled geometry, once known (the map is then created with it in its style). */
  private firstGeometry: VectorLevelGeometry | null = null;
  /** Bumped by each link followed: a slower check of an older link gives way. */
  private linkToken = 0;
  /** What a link needs the territory indexes for, answered from those loaded. */
  private readonly world: LinkWorld = {
    territoryExists: (ref) => {
      const index = getLoadedIndex(ref.level);
      return index ? index.has(ref.code) : undefined;
    },
    parentOf: (ref, level) => getTerritory(ref.level, ref.code)?.parents[level],
    communeExists: (code) => {
      const index = getLoadedIndex('commune');
      return index ? index.has(code) : undefined;
    },
  };

  constructor(
    hash: string,
    readonly features: AtlasFeatures,
  ) {
    // The page load follows its link exactly as a later hash change does (applyLink).
    const link = reconcileLink(features.url.inspect(hash), this.world);
    this.store = createStore(followLink(INITIAL_APP_STATE, link));
    void this.settleLink(link.dropped, ++this.linkToken);
    // A portrait needs its subject: closing the panel or the builder closes it.
    this.store.subscribe((s) => {
      if ((s.portrait === 'territory' && !s.selection) || (s.portrait === 'perimeter' && !s.perimeter?.communes.length)) this.store.setState({ portrait: null });
    });
    this.ready = new Promise((resolve, reject) => {
      this.resolveReady = resolve;
      this.rejectReady = reject;
    });
    this.ready.catch(() => undefined);
    this.quiet = new Promise((resolve) => (this.resolveQuiet = resolve));
    // Start the first level's fetch + decode now, in parallel with React and
    // MapLibre start-up (the controller gets the same cached promise).
    const first = this.store.getState().level;
    this.manifest().then(
      (m) =>
        loadLevelGeometry(m, first).then(
          (geometry) => {
            if (geometry.kind === 'vector') this.firstGeometry = geometry;
          },
          () => undefined,
        ),
      () => undefined,
    );
    onIndexLoaded((level, lookup) => {
      this.search.setLevel(level, { [Symbol.iterator]: () => lookup.values() });
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
      // Another indicator asked for right after the first view: its values are on the way, no frame yet.
      busy: loadsPending,
      ...(this.firstGeometry?.level === initial.level ? { initialGeometry: this.firstGeometry } : {}),
    });
    this.controller = controller;

    controller.on('levelstatus', (level, status, info) => {
      this.store.setState((s) => ({ levelStatus: { ...s.levelStatus, [level]: status } }));
      if (status === 'ready' && info && 'ms' in info) this.timings.geometry[level] = Math.round(info.ms);
      if (status === 'error') this.store.setState({ error: fr.app.loadError });
    });
    controller.on('maperror', (error) => {
      // The detail (often English, from the browser) goes to the console; the user reads French.
      console.warn('map error', error);
      const t = frInput.mapError;
      this.store.setState({ error: error.kind === 'level' ? t.level(error.level) : error.kind === 'source' ? t.source : error.kind === 'webgl' ? t.webgl : t.other });
    });
    // The commune index (35,000 records, 1 MB to download) is fetched at the first sign of use —
    // a pointer over a commune, the map focused — not with the map, whose first frames it would
    // slow down; search, the table, the perimeter builder and portraits ask for it themselves.
    controller.on('hover', (ref) => {
      // Hover fires at every pointer move: ask only while the index is missing.
      if (ref && !isIndexLoaded(ref.level)) void this.ensureIndex(ref.level);
    });
    controller.map.getCanvas().addEventListener('focus', () => void this.ensureIndex(this.store.getState().level));
    controller.on('click', (ref) => {
      if (ref) this.selectTerritory(ref, { fly: false });
    });
    controller.on('moveend', (view) => this.store.setState({ view }));
    startUrlSync(this.store, this.features.url, (hash) => this.applyLink(hash));

    // React state → map.
    this.store.subscribe((state, previous) => {
      if (state.level !== previous.level) {
        void controller.setLevel(state.level).catch(() => undefined);
      }
      if (state.selection !== previous.selection) controller.setSelection(state.selection);
    });
    controller.setSelection(initial.selection);
    void this.boot(controller, initial);
    this.layersInstalled = Promise.allSettled(this.features.layerModules.map((module) => controller.addLayerModule(module))).then(() => undefined);
    return controller;
  }

  private async boot(controller: MapController, initial: UrlState): Promise<void> {
    try {
      const manifest = await this.manifest();
      await controller.setLevel(initial.level);
      if (initial.selection) {
        // An unknown selection is dropped by settleLink, with a notice.
        await loadTerritoryIndex(manifest, initial.selection.level);
        const record = getTerritory(initial.selection.level, initial.selection.code);
        if (record && !initial.view) controller.fitBounds(record.bbox, { animate: false });
      }
      await new Promise<void>((resolve) => {
        controller.map.once('idle', () => resolve());
        // An idle that came before this line is not waited for: a repaint brings the next one.
        controller.map.triggerRepaint();
      });
      this.timings.firstIdle = Math.round(performance.now());
      performance.mark('atlas:first-idle');
      this.resolveReady();
      // The small indexes (names for the tooltip, panel and search) once the map is quiet, not at its
      // first idle: each is fetched, parsed and re-renders the app, on the main thread, while a user
      // who acts at once (a shared link, then another indicator) waits. A selection's panel names
      // its parents now; the search box, the tooltip and the panel ask for what they need sooner.
      const loadSupra = () => this.loadIndexes(manifest, SUPRA_LEVELS);
      const indexes = initial.selection ? loadSupra() : controller.quiet.then(loadSupra);
      void Promise.all([controller.quiet, this.layersInstalled, indexes.catch(() => undefined)]).then(() => this.resolveQuiet());
      await indexes;
    } catch (error) {
      this.store.setState({ error: fr.app.loadError });
      this.rejectReady(error);
    }
  }

  async ensureIndex(level: Level): Promise<void> {
    await loadTerritoryIndex(await this.manifest(), level);
  }

  /** Every level's index (what the search looks through). */
  async ensureSearchIndexes(): Promise<void> {
    await this.loadIndexes(await this.manifest(), LEVELS);
  }

  private async loadIndexes(manifest: Manifest, levels: readonly Level[]): Promise<void> {
    await Promise.all(levels.map((level) => loadTerritoryIndex(manifest, level)));
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

  /** Closes the selection, and with it the selection's portrait. */
  clearSelection(): void {
    this.store.setState((s) => ({ selection: null, portrait: s.portrait === 'territory' ? null : s.portrait }));
  }

  flyToZone(zone: Zone): void {
    this.controller?.fitBounds(ZONE_BBOX[zone], { maxZoom: 9 });
  }

  territory(ref: TerritoryRef | null): TerritoryRecord | undefined {
    return ref ? getTerritory(ref.level, ref.code) : undefined;
  }

  /** A hash pasted or edited on an open page: the same rules as the page load. */
  private applyLink(hash: string): void {
    const link = reconcileLink(this.features.url.inspect(hash), this.world);
    const next = followLink(this.store.getState(), link);
    this.store.setState({ ...this.features.url.pick(next), linkNotice: null });
    if (link.state.view) this.controller?.map.jumpTo({ center: [link.state.view.lng, link.state.view.lat], zoom: link.state.view.zoom });
    void this.settleLink(link.dropped, ++this.linkToken);
  }

  /**
   * Once the indexes a link names are loaded, checks it again (unknown
   * territory, unknown commune codes, a finer selection's parent) and says
   * what was dropped.
   */
  private async settleLink(drops: readonly LinkDrop[], token: number): Promise<void> {
    const s = this.store.getState();
    const levels = new Set<Level>();
    if (s.selection) levels.add(s.selection.level);
    if (s.perimeter?.communes.length) levels.add('commune');
    const loads = await Promise.allSettled([...levels].map((level) => this.ensureIndex(level)));
    if (token !== this.linkToken) return;
    const current = this.features.url.pick(this.store.getState());
    const again = reconcileUrlState(current, this.world);
    // An index that cannot be loaded: its selection cannot be shown, drop it rather than wait for ever.
    const failed = loads.some((l) => l.status === 'rejected');
    const state = failed && again.state.selection && !this.territory(again.state.selection) ? { ...again.state, selection: null, portrait: again.state.portrait === 'territory' ? null : again.state.portrait } : again.state;
    if (state !== current) this.store.setState(this.features.url.pick(state));
    const all = [...drops, ...again.dropped];
    if (all.length > 0) this.store.setState({ linkNotice: frInput.linkNotice(all.map(frInput.linkDrop)) });
  }
}
