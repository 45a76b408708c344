// The perimeter on the map: the selected communes tinted through
// feature-state (`inPerimeter`) on the commune source, the dissolved outline
// of the perimeter and of the comparison candidates (a small GeoJSON source
// refreshed with setData), and the lasso being drawn. Specs are pure; the
// module applies them when the session changes.
import type { FillLayerSpecification, GeoJSONSource, LineLayerSpecification, Map as MapLibreMap } from 'maplibre-gl';
import type { LayerContext, MapLayerModule } from '../map/layer-module.ts';
import type { LngLat } from './perimeter.ts';
import { featureTarget, territoryLayerSource } from '../layers/territories.ts';

export const PERIMETER_STYLE = {
  /** Fuchsia, far from the blue of contracts and the choropleth palettes. */
  fill: '#a558a0',
  fillOpacity: 0.38,
  outline: '#6e175f',
  casing: '#ffffff',
  lasso: '#161616',
  /** One colour per comparison column (same order as the table). */
  candidates: ['#b34000', '#18753c', '#0063cb'] as readonly string[],
} as const;

export const PERIMETER_SOURCE_ID = 'perimeter-outline';
export const LASSO_SOURCE_ID = 'perimeter-lasso';
export const PERIMETER_LAYER_IDS = {
  communeFill: 'perimeter-communes-fill',
  candidates: 'perimeter-candidates-line',
  casing: 'perimeter-outline-casing',
  outline: 'perimeter-outline-line',
  lassoFill: 'perimeter-lasso-fill',
  lassoLine: 'perimeter-lasso-line',
} as const;

const EMPTY: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };

export function communeFillLayer(communeSource: string): FillLayerSpecification {
  return {
    id: PERIMETER_LAYER_IDS.communeFill,
    type: 'fill',
    source: communeSource,
    paint: {
      'fill-color': PERIMETER_STYLE.fill,
      'fill-opacity': ['case', ['boolean', ['feature-state', 'inPerimeter'], false], PERIMETER_STYLE.fillOpacity, 0],
      'fill-antialias': false,
    },
  };
}

export function outlineLayers(): LineLayerSpecification[] {
  const isPerimeter = ['==', ['get', 'role'], 'perimeter'] as const;
  return [
    {
      id: PERIMETER_LAYER_IDS.candidates,
      type: 'line',
      source: PERIMETER_SOURCE_ID,
      filter: ['==', ['get', 'role'], 'candidate'],
      layout: { 'line-join': 'round' },
      paint: { 'line-color': ['get', 'color'], 'line-width': 2.5, 'line-dasharray': [2, 1.5] },
    },
    {
      id: PERIMETER_LAYER_IDS.casing,
      type: 'line',
      source: PERIMETER_SOURCE_ID,
      filter: isPerimeter as never,
      layout: { 'line-join': 'round' },
      paint: { 'line-color': PERIMETER_STYLE.casing, 'line-width': 6 },
    },
    {
      id: PERIMETER_LAYER_IDS.outline,
      type: 'line',
      source: PERIMETER_SOURCE_ID,
      filter: isPerimeter as never,
      layout: { 'line-join': 'round' },
      paint: { 'line-color': PERIMETER_STYLE.outline, 'line-width': 3 },
    },
  ];
}

export function lassoLayers(): [FillLayerSpecification, LineLayerSpecification] {
  return [
    {
      id: PERIMETER_LAYER_IDS.lassoFill,
      type: 'fill',
      source: LASSO_SOURCE_ID,
      paint: { 'fill-color': PERIMETER_STYLE.lasso, 'fill-opacity': 0.08 },
    },
    {
      id: PERIMETER_LAYER_IDS.lassoLine,
      type: 'line',
      source: LASSO_SOURCE_ID,
      paint: { 'line-color': PERIMETER_STYLE.lasso, 'line-width': 2, 'line-dasharray': [1, 1] },
    },
  ];
}

export interface OutlineInput {
  readonly perimeter: GeoJSON.MultiPolygon | null;
  readonly candidates: readonly (GeoJSON.MultiPolygon | null)[];
}

/** The outline source's data: the perimeter, then each candidate with its column colour. */
export function outlineCollection(input: OutlineInput): GeoJSON.FeatureCollection {
  const features: GeoJSON.Feature[] = [];
  input.candidates.forEach((geometry, i) => {
    if (geometry && geometry.coordinates.length > 0)
      features.push({ type: 'Feature', properties: { role: 'candidate', color: PERIMETER_STYLE.candidates[i] ?? '#161616' }, geometry });
  });
  if (input.perimeter && input.perimeter.coordinates.length > 0)
    features.push({ type: 'Feature', properties: { role: 'perimeter' }, geometry: input.perimeter });
  return { type: 'FeatureCollection', features };
}

export function lassoCollection(points: readonly LngLat[]): GeoJSON.FeatureCollection {
  if (points.length < 2) return EMPTY;
  const ring = [...points, points[0]!].map((p) => [p[0], p[1]]);
  return {
    type: 'FeatureCollection',
    features: [
      points.length >= 3
        ? { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } }
        : { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: ring } },
    ],
  };
}

/**
 * The map side of the builder. The session pushes what to show; the module
 * keeps it until the style (and the commune source) are there.
 */
export class PerimeterLayerModule implements MapLayerModule {
  readonly id = 'perimeter';
  readonly afterFirstView = true;
  private ctx: LayerContext | null = null;
  private outline: GeoJSON.FeatureCollection = EMPTY;
  private lasso: GeoJSON.FeatureCollection = EMPTY;
  /** Codes currently flagged `inPerimeter` on the commune source. */
  private flagged = new Set<string>();
  private wanted = new Set<string>();
  private communeFillAdded = false;
  private readonly installedListeners = new Set<(map: MapLibreMap) => void>();

  install(ctx: LayerContext): void {
    this.ctx = ctx;
    ctx.map.addSource(PERIMETER_SOURCE_ID, { type: 'geojson', data: this.outline });
    ctx.map.addSource(LASSO_SOURCE_ID, { type: 'geojson', data: this.lasso });
    for (const layer of outlineLayers()) ctx.addLayer('highlight', layer);
    for (const layer of lassoLayers()) ctx.addLayer('highlight', layer);
    if (ctx.map.getSource(ctx.territorySourceId('commune'))) this.addCommuneFill();
    for (const l of this.installedListeners) l(ctx.map);
  }

  onLevelChange(level: string, ctx: LayerContext): void {
    this.ctx = ctx;
    if (level === 'commune') this.addCommuneFill();
  }

  /** Runs `listener` with the map once installed (now if already). */
  whenInstalled(listener: (map: MapLibreMap) => void): void {
    if (this.ctx) listener(this.ctx.map);
    else this.installedListeners.add(listener);
  }

  setOutline(data: GeoJSON.FeatureCollection): void {
    this.outline = data;
    (this.ctx?.map.getSource(PERIMETER_SOURCE_ID) as GeoJSONSource | undefined)?.setData(data);
  }

  setLasso(points: readonly LngLat[]): void {
    this.lasso = lassoCollection(points);
    (this.ctx?.map.getSource(LASSO_SOURCE_ID) as GeoJSONSource | undefined)?.setData(this.lasso);
  }

  /** Flags the perimeter's communes on the commune source (a diff: only changes are written). */
  setCommunes(codes: readonly string[]): void {
    this.wanted = new Set(codes);
    this.addCommuneFill();
    this.flush();
  }

  private addCommuneFill(): void {
    const ctx = this.ctx;
    // Added with the first commune of a perimeter: a feature-state layer on the commune source is
    // drawn for every commune and re-evaluated at every restyle of the choropleth.
    if (!ctx || this.communeFillAdded || this.wanted.size === 0) return;
    const source = ctx.territorySourceId('commune');
    if (!ctx.map.getSource(source)) return;
    // Under the outlines, above the choropleth: the tint must not hide borders.
    ctx.addLayer('outlines', { ...communeFillLayer(source), ...territoryLayerSource('commune') });
    this.communeFillAdded = true;
    this.flagged.clear();
    this.flush();
  }

  private flush(): void {
    const ctx = this.ctx;
    if (!ctx || !this.communeFillAdded) return;
    for (const code of this.flagged) if (!this.wanted.has(code)) ctx.map.setFeatureState(featureTarget('commune', code), { inPerimeter: false });
    for (const code of this.wanted) if (!this.flagged.has(code)) ctx.map.setFeatureState(featureTarget('commune', code), { inPerimeter: true });
    this.flagged = new Set(this.wanted);
  }
}

/** The one instance, listed in src/layers/registry.ts and driven by the session. */
export const perimeterLayer = new PerimeterLayerModule();
