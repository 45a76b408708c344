// The base territory layers of one level: a GeoJSON source, or a vector tile
// source for a level the build pre-cut into tiles (the communes), with
// promoteId 'code' so feature-state works by territory code; and pure layer
// specs. Other modules never need to know which kind a level has: layers on a
// territory source spread `territoryLayerSource(level)`, feature-state calls
// take `featureTarget(level, code)`.
// Outlines stay thin and semi-transparent at national zoom so a choropleth
// drawn under them is not washed out. Hover and selection are drawn from a
// small GeoJSON source of their own (the hovered / selected territory only):
// feature-state highlight layers on a territory source would be drawn for
// every territory and re-evaluated on every choropleth restyle.
import type {
  FillLayerSpecification,
  FilterSpecification,
  GeoJSONSourceSpecification,
  LineLayerSpecification,
  Map as MaplibreMap,
  VectorSourceSpecification,
} from 'maplibre-gl';
import type { Level } from '../lib/levels.ts';
import type { LevelGeometry } from '../data/geometry.ts';

type FillPaint = NonNullable<FillLayerSpecification['paint']>;

export const TERRITORY_STYLE = {
  sea: '#e6edf3',
  land: '#fbfbf7',
  outline: '#1e1e1e',
  /** DSFR "bleu France": AA on white; a white casing keeps it readable on any fill. */
  selected: '#000091',
  selectedCasing: '#ffffff',
  hoverFill: '#000091',
} as const;

export const territorySourceId = (level: Level) => `territories-${level}`;

export const territoryLayerIds = (level: Level) => ({
  /** Land fill; the layer queried for hover and click. */
  fill: `territories-${level}-fill`,
  outline: `territories-${level}-outline`,
});

/** The hovered and selected territories' geometry (features with `role`: 'hover' | 'selected'). */
export const HIGHLIGHT_SOURCE_ID = 'territory-highlight';

export const HIGHLIGHT_LAYER_IDS = {
  hoverFill: 'territory-hover-fill',
  hoverOutline: 'territory-hover-outline',
  selectedCasing: 'territory-selected-casing',
  selectedOutline: 'territory-selected-outline',
} as const;

export type HighlightRole = 'hover' | 'selected';

/** Source layer of each level drawn from vector tiles (set when its source is built). */
const sourceLayers = new Map<Level, string>();

/** The MapLibre source of a level's geometry (records its source layer, if any, for the helpers below). */
export function territorySource(geometry: LevelGeometry): GeoJSONSourceSpecification | VectorSourceSpecification {
  if (geometry.kind === 'vector') {
    sourceLayers.set(geometry.level, geometry.sourceLayer);
    return {
      type: 'vector',
      tiles: [geometry.tiles],
      minzoom: geometry.minzoom,
      maxzoom: geometry.maxzoom,
      bounds: [...geometry.bounds],
      promoteId: { [geometry.sourceLayer]: 'code' },
    };
  }
  sourceLayers.delete(geometry.level);
  // tolerance stays at its default: higher values make small communes vanish at national zoom.
  return { type: 'geojson', data: geometry.data, promoteId: 'code' };
}

/** `source` (+ `source-layer` for a tiled level) of any layer drawn on a level's territories. */
export interface TerritoryLayerSource {
  source: string;
  'source-layer'?: string;
}

export function territoryLayerSource(level: Level): TerritoryLayerSource {
  const layer = sourceLayers.get(level);
  return layer ? { source: territorySourceId(level), 'source-layer': layer } : { source: territorySourceId(level) };
}

/** Target of setFeatureState / getFeatureState / removeFeatureState on a level's territories (all of them without `code`). */
export function featureTarget(level: Level, code: string): { source: string; sourceLayer?: string; id: string };
export function featureTarget(level: Level): { source: string; sourceLayer?: string };
export function featureTarget(level: Level, code?: string): { source: string; sourceLayer?: string; id?: string } {
  const layer = sourceLayers.get(level);
  return {
    source: territorySourceId(level),
    ...(layer ? { sourceLayer: layer } : {}),
    ...(code !== undefined ? { id: code } : {}),
  };
}

// Finer levels have denser outlines: lighter at national zoom.
const OUTLINE_OPACITY: Record<Level, [number, number]> = {
  commune: [0.12, 0.45],
  epci: [0.3, 0.6],
  bv: [0.3, 0.6],
  departement: [0.45, 0.7],
  region: [0.6, 0.8],
};

/**
 * Bottom band: land fill of the level (also the hit-test layer: queries ignore
 * opacity). Under an opaque choropleth it is set to opacity 0, which MapLibre
 * skips when drawing: a second fill of 35,000 communes doubled a frame's cost.
 */
export function territoryFillLayer(level: Level, visible: boolean, covered = false): FillLayerSpecification {
  const ids = territoryLayerIds(level);
  return {
    id: ids.fill,
    type: 'fill',
    ...territoryLayerSource(level),
    layout: { visibility: visible ? 'visible' : 'none' },
    metadata: { [HAIRLINES]: true },
    paint: {
      'fill-color': TERRITORY_STYLE.land,
      'fill-opacity': covered ? 0 : 1,
      'fill-opacity-transition': { duration: 0, delay: 0 },
      ...territoryFillOutline(level),
    },
  };
}

/** Hides (opacity 0: not drawn, still queried) or shows the land fill of a level. */
export function setLandCovered(map: Pick<MaplibreMap, 'getLayer' | 'getPaintProperty' | 'setPaintProperty'>, level: Level, covered: boolean): void {
  const id = territoryLayerIds(level).fill;
  const opacity = covered ? 0 : 1;
  if (map.getLayer(id) && map.getPaintProperty(id, 'fill-opacity') !== opacity) map.setPaintProperty(id, 'fill-opacity', opacity);
}

/**
 * Zoom from which a level's borders are a line layer; below it, hairlines of
 * the fill layers. Only the levels with many borders at national zoom: the
 * line layer of ~35,000 communes (or ~1,200 EPCI on the same arcs) is most of
 * a frame's cost with software rendering, 1-pixel lines of the fill are a
 * small part of it.
 */
export const LINE_MINZOOM: Partial<Record<Level, number>> = { commune: 8, epci: 7, bv: 7 };

/**
 * Zoom below which a level's fills draw no hairline at all. At national zoom
 * the 35,000 commune borders are a grey haze over the colours (a commune is a
 * few pixels wide) and 40 % of a software frame: the colours read better
 * without them, and they return from zoom 6.
 */
export const OUTLINE_MINZOOM: Partial<Record<Level, number>> = { commune: 6 };

/** Whether the fills of `level` draw their hairline borders at `zoom` (`fill-antialias`, not zoom-dependent in the style). */
export function fillOutlineAt(level: Level, zoom: number): boolean {
  if (LINE_MINZOOM[level] === undefined) return false;
  const min = OUTLINE_MINZOOM[level];
  return min === undefined || zoom >= min;
}

/** Metadata flag of the fills that draw the borders (their `fill-antialias` follows the zoom). */
export const HAIRLINES = 'cls:hairlines';

/** Paint of any fill layer over a level's territories (land, choropleth): its own borders below LINE_MINZOOM. */
export function territoryFillOutline(level: Level): Pick<FillPaint, 'fill-antialias' | 'fill-outline-color'> {
  const minzoom = LINE_MINZOOM[level];
  if (minzoom === undefined) return { 'fill-antialias': false };
  const [low, high] = OUTLINE_OPACITY[level];
  const color = (alpha: number) => `rgba(30, 30, 30, ${alpha})`;
  return {
    'fill-antialias': true,
    'fill-outline-color': ['interpolate', ['linear'], ['zoom'], 4, color(low), minzoom - 1, color(high * 0.6), minzoom, color(0)],
  };
}

/** Outline band: thin, semi-transparent borders, thicker when zoomed in (from LINE_MINZOOM where set). */
export function territoryOutlineLayer(level: Level, visible: boolean): LineLayerSpecification {
  const [low, high] = OUTLINE_OPACITY[level];
  return {
    id: territoryLayerIds(level).outline,
    type: 'line',
    ...territoryLayerSource(level),
    ...(LINE_MINZOOM[level] !== undefined ? { minzoom: LINE_MINZOOM[level] } : {}),
    // Miter joins (the default): round joins add triangles at every vertex, invisible at these widths.
    layout: { visibility: visible ? 'visible' : 'none' },
    paint: {
      'line-color': TERRITORY_STYLE.outline,
      'line-opacity': ['interpolate', ['linear'], ['zoom'], 4, low, 9, high],
      'line-width': ['interpolate', ['linear'], ['zoom'], 4, 0.3, 8, 0.8, 12, 1.5],
    },
  };
}

/** Highlight band: hover tint + outline, selection casing + outline, on the highlight source. */
export function territoryHighlightLayers(): [FillLayerSpecification, LineLayerSpecification, LineLayerSpecification, LineLayerSpecification] {
  const role = (r: HighlightRole): FilterSpecification => ['==', ['get', 'role'], r];
  const source = HIGHLIGHT_SOURCE_ID;
  return [
    {
      id: HIGHLIGHT_LAYER_IDS.hoverFill,
      type: 'fill',
      source,
      filter: role('hover'),
      paint: { 'fill-color': TERRITORY_STYLE.hoverFill, 'fill-opacity': 0.18, 'fill-antialias': false },
    },
    {
      id: HIGHLIGHT_LAYER_IDS.hoverOutline,
      type: 'line',
      source,
      filter: role('hover'),
      layout: { 'line-join': 'round' },
      paint: { 'line-color': TERRITORY_STYLE.outline, 'line-opacity': 0.9, 'line-width': 1.5 },
    },
    {
      id: HIGHLIGHT_LAYER_IDS.selectedCasing,
      type: 'line',
      source,
      filter: role('selected'),
      layout: { 'line-join': 'round' },
      paint: { 'line-color': TERRITORY_STYLE.selectedCasing, 'line-width': 6 },
    },
    {
      id: HIGHLIGHT_LAYER_IDS.selectedOutline,
      type: 'line',
      source,
      filter: role('selected'),
      layout: { 'line-join': 'round' },
      paint: { 'line-color': TERRITORY_STYLE.selected, 'line-width': 3 },
    },
  ];
}
