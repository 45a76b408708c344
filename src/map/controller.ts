// The one MapLibre map of the app, created once and driven imperatively.
// React state reaches it only through these methods (setLevel, setSelection,
// setHover, setFeatureStates, fitBounds…); it reports user gestures through
// `on(...)`. It never holds React state, and no feature collection ever
// passes through React.
import * as maplibregl from 'maplibre-gl';
import type { ErrorEvent as MapErrorEvent, GeoJSONSource, LayerSpecification, Map as MapLibreMap, MapMouseEvent, StyleSpecification } from 'maplibre-gl';
import { LEVELS, type Level } from '../lib/levels.ts';
import type { BBox } from '../data/types.ts';
import type { LevelGeometry, VectorLevelGeometry } from '../data/geometry.ts';
import type { MapView, TerritoryRef } from '../state/url-state.ts';
import {
  featureTarget,
  territoryFillLayer,
  territoryHighlightLayers,
  territoryLayerIds,
  territoryOutlineLayer,
  territorySource,
  territorySourceId,
  fillOutlineAt,
  HAIRLINES,
  TERRITORY_STYLE,
} from '../layers/territories.ts';
import { TerritoryHighlight } from './highlight.ts';
import { bandEndMarkerId, type Band } from './bands.ts';
import { baseStyle } from './style.ts';
import type { LayerContext, MapLayerModule } from './layer-module.ts';
import { ZONE_BBOX } from './zones-view.ts';
import { QUIET_MAX_MS, QUIET_MS, whenQuiet } from './quiet.ts';

/** The longest the canvas stays hidden waiting for the first view (a slow network then shows it tile by tile). */
export const FIRST_VIEW_REVEAL_MS = 2000;

export type FeatureStateValues = Record<string, string | number | boolean | null>;

export interface MapControllerEvents {
  /** Pointer over a territory of the current level (null when it leaves). */
  hover: (ref: TerritoryRef | null, point: { x: number; y: number } | null) => void;
  /** Click on the map: the territory under the pointer, or null on the sea. */
  click: (ref: TerritoryRef | null) => void;
  /** End of a pan / zoom (user or programmatic). */
  moveend: (view: MapView) => void;
  /** A level's geometry started / finished loading, or failed. */
  levelstatus: (level: Level, status: 'loading' | 'ready' | 'error', info?: LevelGeometry | Error) => void;
  /** MapLibre reported an error (a source, tiles, the style, WebGL) the user should hear about. */
  maperror: (error: MapError) => void;
}

/** What went wrong on the map, in terms the UI can put in French. */
export type MapError =
  | { readonly kind: 'level'; readonly level: Level; readonly detail: string }
  | { readonly kind: 'source'; readonly sourceId: string; readonly detail: string }
  | { readonly kind: 'webgl'; readonly detail: string }
  | { readonly kind: 'other'; readonly detail: string };

export interface MapControllerOptions {
  readonly container: HTMLElement;
  readonly initialView: MapView | null;
  /** Loads a level's geometry (injected: the data layer stays out of the map module). */
  readonly loadGeometry: (level: Level) => Promise<LevelGeometry>;
  /**
   * The first level's tiled geometry when it is already known: written into the style the map is
   * created with, its tiles are asked for by the first frame rather than the second.
   */
  readonly initialGeometry?: VectorLevelGeometry;
  readonly locale?: Record<string, string>;
  /**
   * Whether data the user asked for is on its way (the map draws it once it comes): the deferred
   * work of a quiet map waits for it rather than starting in between.
   */
  readonly busy?: () => boolean;
}

type Listeners = { [K in keyof MapControllerEvents]: Set<MapControllerEvents[K]> };

export class MapController {
  readonly map: MapLibreMap;
  /** Resolves when the base style is loaded. */
  readonly styleReady: Promise<void>;

  private currentLevel: Level | null = null;
  private readonly sourcesReady = new Map<Level, Promise<void>>();
  private readonly addedLevels = new Set<Level>();
  /** Levels whose source and layers came with the initial style. */
  private readonly styleLevels = new Set<Level>();
  private selection: TerritoryRef | null = null;
  private hover: TerritoryRef | null = null;
  /** Feature states asked for a level whose source is not on the map yet. */
  private readonly pendingStates = new Map<Level, Map<string, FeatureStateValues>>();
  private readonly listeners: Listeners = { hover: new Set(), click: new Set(), moveend: new Set(), levelstatus: new Set(), maperror: new Set() };
  /** GeoJSON behind a level's blob: URL, for one retry with the object itself. */
  private readonly blobFallbacks = new Map<string, { level: Level; blob: Blob }>();
  private readonly modules: MapLayerModule[] = [];
  private readonly loadGeometry: (level: Level) => Promise<LevelGeometry>;
  private occludedBottom = 0;
  private readonly highlight: TerritoryHighlight;
  private readonly outlinesOn = new Map<Level, boolean>();
  private outlineLayersChanged = false;
  /** Resolves when the first level is drawn and the map idle. */
  private readonly firstView: Promise<void>;
  private resolveFirstView: () => void = () => undefined;
  /** After the first view, once the map has paused drawing: what the first view does not need waits for it. */
  readonly quiet: Promise<void>;
  private wantHighlight: () => void = () => undefined;
  /** Per module kept for a quiet map: resolved when the user needs it now (`installSoon`), asked before or after it is added. */
  private readonly neededNow = new Map<MapLayerModule, { promise: Promise<void>; release: () => void }>();

  constructor(options: MapControllerOptions) {
    this.loadGeometry = options.loadGeometry;
    const view = options.initialView;
    this.map = new maplibregl.Map({
      container: options.container,
      style: this.initialStyle(options.initialGeometry),
      ...(view ? { center: [view.lng, view.lat] as [number, number], zoom: view.zoom } : { bounds: ZONE_BBOX.metro as [number, number, number, number] }),
      // Room on the left for the DROM insets where the map is wide enough to spare it.
      fitBoundsOptions: { padding: options.container.clientWidth > 700 ? { top: 16, right: 16, bottom: 16, left: 120 } : 16 },
      attributionControl: false,
      renderWorldCopies: false,
      // Labels appear at once: a 300 ms fade is a dozen more frames, each a full software
      // rasterisation on machines without a GPU.
      fadeDuration: 0,
      dragRotate: false,
      pitchWithRotate: false,
      maxZoom: 14,
      minZoom: 1,
      locale: options.locale,
    });
    this.map.touchZoomRotate.disableRotation();
    this.map.keyboard.disableRotation();
    this.map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    this.map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');

    // 'style.load' comes before the first frame, so a source added then is requested by that frame;
    // 'load' comes after it, and the next frame waits for the first one's (software) rasterisation.
    this.styleReady = new Promise((resolve) => {
      if (this.map.isStyleLoaded()) resolve();
      else this.map.once('style.load', () => resolve());
    });
    this.highlight = new TerritoryHighlight(this.map, () => this.currentLevel, (level) => this.addedLevels.has(level));
    this.firstView = new Promise((resolve) => (this.resolveFirstView = resolve));
    this.quiet = this.firstView.then(() => whenQuiet(this.map, QUIET_MS, QUIET_MAX_MS, options.busy));
    this.hideUntilFirstView(options.container);
    // Every source costs worker round trips and frames (each a software rasterisation here): the
    // highlight's waits until the first view is drawn and the map quiet, or a territory is hovered
    // or selected (it then shows at once).
    const highlightWanted = new Promise<void>((resolve) => (this.wantHighlight = resolve));
    void Promise.race([this.quiet, this.firstView.then(() => highlightWanted)]).then(() => {
      this.highlight.addSource();
      for (const layer of territoryHighlightLayers()) this.addLayerToBand('selection', layer);
    });
    // Tiles of the view arrived or the zoom changed: the highlighted shapes may be more precise now.
    this.map.on('idle', () => this.highlight.refresh());
    this.map.on('zoom', () => this.applyFillOutlines());
    this.map.on('mousemove', (e) => this.onPointerMove(e));
    this.map.on('mouseout', () => this.emitHover(null, null));
    this.map.on('click', (e) => this.onClick(e));
    // A tile of a territory source the server refuses (an HTTP error; a 404 is only sea, and a cancelled
    // request no error at all) is a level that cannot be drawn.
    this.map.on('error', (e) => {
      const sourceId = (e as { sourceId?: string }).sourceId;
      const status = (e.error as { status?: number }).status;
      const level = LEVELS.find((l) => territorySourceId(l) === sourceId);
      if (level && this.addedLevels.has(level) && status !== undefined && status >= 400 && status !== 404) {
        this.emit('levelstatus', level, 'error', new Error(e.error.message));
      }
    });
    this.map.on('moveend', () => {
      const view = this.getView();
      for (const l of this.listeners.moveend) l(view);
    });
    this.map.on('error', (e) => void this.onMapError(e));
    this.map.on('webglcontextlost', () => this.emitError({ kind: 'webgl', detail: 'webglcontextlost' }));
  }

  /** The base style, with the first level's source and layers when its geometry is known. */
  private initialStyle(geometry: VectorLevelGeometry | undefined): StyleSpecification {
    const style = baseStyle();
    if (!geometry) return style;
    const { level } = geometry;
    style.sources[territorySourceId(level)] = territorySource(geometry);
    const insertBefore = (band: Band, layer: LayerSpecification) => style.layers.splice(style.layers.findIndex((l) => l.id === bandEndMarkerId(band)), 0, layer);
    insertBefore('base', territoryFillLayer(level, true));
    insertBefore('outlines', territoryOutlineLayer(level, true));
    this.styleLevels.add(level);
    this.outlineLayersChanged = true;
    return style;
  }

  /**
   * Until the first view is drawn the canvas is hidden behind the sea's colour: its partial frames
   * (the sea alone, then tile by tile) are not shown, and where the map is drawn in software each
   * frame shown costs a read-back of the whole canvas (~50 ms here) that delays the complete one.
   */
  private hideUntilFirstView(container: HTMLElement): void {
    const canvas = this.map.getCanvas();
    container.style.backgroundColor = TERRITORY_STYLE.sea;
    canvas.style.visibility = 'hidden';
    const reveal = () => {
      clearTimeout(timer);
      canvas.style.visibility = '';
    };
    const timer = setTimeout(reveal, FIRST_VIEW_REVEAL_MS);
    void this.firstView.then(reveal);
  }

  /** A source failing to load, a tile refused, a style error: retried once for a blob: geometry, else reported. */
  private async onMapError(e: MapErrorEvent & { sourceId?: string }): Promise<void> {
    const detail = e.error?.message ?? String(e.error);
    const sourceId = e.sourceId;
    const fallback = sourceId ? this.blobFallbacks.get(sourceId) : undefined;
    if (sourceId && fallback) {
      this.blobFallbacks.delete(sourceId);
      try {
        const data = JSON.parse(await fallback.blob.text()) as GeoJSON.FeatureCollection;
        (this.map.getSource(sourceId) as GeoJSONSource | undefined)?.setData(data);
        return;
      } catch (error) {
        this.emitError({ kind: 'level', level: fallback.level, detail: String(error) });
        this.emit('levelstatus', fallback.level, 'error', error instanceof Error ? error : new Error(String(error)));
        return;
      }
    }
    const level = LEVELS.find((l) => territorySourceId(l) === sourceId);
    if (level) this.emitError({ kind: 'level', level, detail });
    else if (sourceId) this.emitError({ kind: 'source', sourceId, detail });
    else this.emitError({ kind: 'other', detail });
  }

  private emitError(error: MapError): void {
    for (const l of this.listeners.maperror) l(error);
  }

  on<K extends keyof MapControllerEvents>(event: K, listener: MapControllerEvents[K]): () => void {
    (this.listeners[event] as Set<MapControllerEvents[K]>).add(listener);
    return () => (this.listeners[event] as Set<MapControllerEvents[K]>).delete(listener);
  }

  get level(): Level | null {
    return this.currentLevel;
  }

  /** Shows a level (loading its geometry on first use). Resolves once its source is on the map. */
  async setLevel(level: Level): Promise<void> {
    this.currentLevel = level;
    const ready = this.ensureLevel(level);
    this.applyVisibility();
    await ready;
    if (this.currentLevel !== level) return;
    // The first level may come with the initial style, its tiles loaded and the map idle already:
    // a repaint makes sure one more idle comes.
    this.map.once('idle', () => this.resolveFirstView());
    this.map.triggerRepaint();
    this.applyVisibility();
    if (this.hover && this.hover.level !== level) this.setHover(null);
    this.highlight.refresh();
    const ctx = this.layerContext();
    for (const m of this.modules) m.onLevelChange?.(level, ctx);
  }

  /** Adds a level's source and layers (hidden unless current); idempotent. */
  ensureLevel(level: Level): Promise<void> {
    let p = this.sourcesReady.get(level);
    if (!p) {
      p = this.addLevel(level);
      p.catch(() => this.sourcesReady.delete(level));
      this.sourcesReady.set(level, p);
    }
    return p;
  }

  private async addLevel(level: Level): Promise<void> {
    this.emit('levelstatus', level, 'loading');
    try {
      const [geometry] = await Promise.all([this.loadGeometry(level), this.styleReady]);
      const visible = this.currentLevel === level;
      if (geometry.kind === 'geojson' && geometry.blob) this.blobFallbacks.set(territorySourceId(level), { level, blob: geometry.blob });
      if (this.styleLevels.has(level)) {
        // In the style the map was created with: its fill's hairlines still follow the zoom.
        this.applyFillOutlines();
      } else {
        this.map.addSource(territorySourceId(level), territorySource(geometry));
        this.addLayerToBand('base', territoryFillLayer(level, visible));
        this.addLayerToBand('outlines', territoryOutlineLayer(level, visible));
      }
      this.addedLevels.add(level);
      this.flushPendingStates(level);
      this.emit('levelstatus', level, 'ready', geometry);
    } catch (error) {
      this.emit('levelstatus', level, 'error', error instanceof Error ? error : new Error(String(error)));
      throw error;
    }
  }

  private applyVisibility(): void {
    for (const level of this.addedLevels) {
      const visibility = level === this.currentLevel ? 'visible' : 'none';
      for (const id of Object.values(territoryLayerIds(level))) {
        if (this.map.getLayer(id)) this.map.setLayoutProperty(id, 'visibility', visibility);
      }
    }
  }

  setSelection(ref: TerritoryRef | null): void {
    if (sameRef(ref, this.selection)) return;
    this.selection = ref;
    if (ref) this.wantHighlight();
    this.highlight.set('selected', ref);
  }

  setHover(ref: TerritoryRef | null): void {
    if (sameRef(ref, this.hover)) return;
    this.hover = ref;
    if (ref) this.wantHighlight();
    this.highlight.set('hover', ref);
  }

  /**
   * Sets feature-state on many territories of a level at once (e.g. indicator
   * values, `{ value: 12.3 }`, for a choropleth whose paint reads
   * ['feature-state', 'value']). Kept and applied later if the level's source
   * is not loaded yet.
   */
  setFeatureStates(level: Level, states: ReadonlyMap<string, FeatureStateValues>): void {
    if (!this.addedLevels.has(level)) {
      const pending = this.pendingStates.get(level) ?? new Map<string, FeatureStateValues>();
      for (const [code, values] of states) pending.set(code, { ...pending.get(code), ...values });
      this.pendingStates.set(level, pending);
      return;
    }
    for (const [code, values] of states) this.map.setFeatureState(featureTarget(level, code), values);
  }

  /** Removes one feature-state key (or all) from every territory of a level. */
  clearFeatureStates(level: Level, key?: string): void {
    this.pendingStates.delete(level);
    if (!this.addedLevels.has(level)) return;
    this.map.removeFeatureState(featureTarget(level), key);
  }

  /**
   * Height of the map hidden under bottom sheets (phones): framing and
   * keep-in-view use the part of the map that is seen. Not the camera's
   * padding, which would shift every later camera move too.
   */
  setOccludedBottom(px: number): void {
    this.occludedBottom = Math.max(0, Math.round(px));
  }

  fitBounds(bbox: BBox, options: { animate?: boolean; maxZoom?: number } = {}): void {
    const [w, s, e, n] = bbox;
    this.map.fitBounds(
      [
        [w, s],
        [e, n],
      ],
      { padding: this.framePadding(40), maxZoom: options.maxZoom ?? 11, animate: options.animate ?? true, duration: 800 },
    );
  }

  /** Pans (no zoom change) so that a territory's box centre is in the seen part of the map, if it is not. */
  keepInView(bbox: BBox): void {
    const [w, s, e, n] = bbox;
    const centre = this.map.project([(w + e) / 2, (s + n) / 2]);
    const canvas = this.map.getCanvas();
    const width = canvas.clientWidth;
    const height = canvas.clientHeight - this.occludedBottom;
    const margin = 24;
    if (centre.x >= margin && centre.x <= width - margin && centre.y >= margin && centre.y <= height - margin) return;
    this.map.panBy([centre.x - width / 2, centre.y - height / 2], { duration: 400 });
  }

  private framePadding(base: number): { top: number; right: number; bottom: number; left: number } {
    const canvas = this.map.getCanvas();
    // Never pad more than the map can give (fitBounds refuses padding larger than the canvas).
    const bottom = Math.min(base + this.occludedBottom, Math.max(base, canvas.clientHeight - base - 40));
    return { top: base, right: base, bottom, left: base };
  }

  getView(): MapView {
    const c = this.map.getCenter();
    return { lng: c.lng, lat: c.lat, zoom: this.map.getZoom() };
  }

  /** Plugs a layer module (listed in src/features.ts) into the map. */
  async addLayerModule(module: MapLayerModule): Promise<void> {
    if (module.afterFirstView) await Promise.race([this.quiet, this.neededNowOf(module).promise]);
    await this.styleReady;
    this.modules.push(module);
    await module.install(this.layerContext());
  }

  /** Installs a module kept for a quiet map without waiting any longer: the user needs it now. */
  installSoon(module: MapLayerModule): void {
    this.neededNowOf(module).release();
  }

  private neededNowOf(module: MapLayerModule): { promise: Promise<void>; release: () => void } {
    let needed = this.neededNow.get(module);
    if (!needed) {
      let release: () => void = () => undefined;
      const promise = new Promise<void>((resolve) => (release = resolve));
      needed = { promise, release };
      this.neededNow.set(module, needed);
    }
    return needed;
  }

  /** Adds a layer at the top of a z-order band. */
  addLayerToBand(band: Band, layer: LayerSpecification): void {
    this.map.addLayer(layer, bandEndMarkerId(band));
    if (layer.type === 'fill') {
      this.outlineLayersChanged = true;
      this.applyFillOutlines();
    }
  }

  /** Sets `fill-antialias` (the hairline borders) of every fill over a territory source for the current zoom. */
  private applyFillOutlines(): void {
    const zoom = this.map.getZoom();
    for (const level of LEVELS) {
      const on = fillOutlineAt(level, zoom);
      if (this.outlinesOn.get(level) === on && !this.outlineLayersChanged) continue;
      this.outlinesOn.set(level, on);
      const source = territorySourceId(level);
      for (const id of this.map.getLayersOrder()) {
        const layer = this.map.getLayer(id);
        if (layer?.type !== 'fill' || layer.source !== source || !(layer.metadata as Record<string, unknown> | undefined)?.[HAIRLINES]) continue;
        if (this.map.getPaintProperty(id, 'fill-antialias') !== on) this.map.setPaintProperty(id, 'fill-antialias', on);
      }
    }
    this.outlineLayersChanged = false;
  }

  destroy(): void {
    this.map.remove();
  }

  private layerContext(): LayerContext {
    return {
      map: this.map,
      addLayer: (band, layer) => this.addLayerToBand(band, layer),
      level: this.currentLevel ?? LEVELS[0],
      territorySourceId,
      whenLevelReady: (level) => this.ensureLevel(level),
    };
  }

  private flushPendingStates(level: Level): void {
    const pending = this.pendingStates.get(level);
    if (!pending) return;
    this.pendingStates.delete(level);
    this.setFeatureStates(level, pending);
  }

  private territoryAt(e: MapMouseEvent): TerritoryRef | null {
    const level = this.currentLevel;
    if (!level || !this.addedLevels.has(level)) return null;
    const [feature] = this.map.queryRenderedFeatures(e.point, { layers: [territoryLayerIds(level).fill] });
    const code = feature?.id ?? feature?.properties?.code;
    return code === undefined || code === null ? null : { level, code: String(code) };
  }

  private onPointerMove(e: MapMouseEvent): void {
    const ref = this.territoryAt(e);
    this.map.getCanvas().style.cursor = ref ? 'pointer' : '';
    this.emitHover(ref, ref ? { x: e.point.x, y: e.point.y } : null);
  }

  private emitHover(ref: TerritoryRef | null, point: { x: number; y: number } | null): void {
    this.setHover(ref);
    for (const l of this.listeners.hover) l(ref, point);
  }

  private onClick(e: MapMouseEvent): void {
    const ref = this.territoryAt(e);
    for (const l of this.listeners.click) l(ref);
  }

  private emit(event: 'levelstatus', level: Level, status: 'loading' | 'ready' | 'error', info?: LevelGeometry | Error): void {
    for (const l of this.listeners[event]) l(level, status, info);
  }
}

function sameRef(a: TerritoryRef | null, b: TerritoryRef | null): boolean {
  return a === b || (a !== null && b !== null && a.level === b.level && a.code === b.code);
}
