// The base territory layers of one level: a GeoJSON source, or a vector tile
// source for a level the build pre-cut into tiles (the communes), with
// promoteId 'code' so feature-state works by territory code; and pure layer
// specs. Other modules never need to know which kind a level has: layers on a
// territory source spread `territoryLayerSource(level)`, feature-state calls
// take `featureTarget(level, code)`.
// Outlines stay thin and semi-transparent at national zoom so a choropleth
// drawn under them is not washed out; hover and selection are
// drawn from feature-state (`hover`, `selected`) in the highlight band.
import type {
  ExpressionSpecification,
  FillLayerSpecification,
  GeoJSONSourceSpecification,
  LineLayerSpecification,
  VectorSourceSpecification,
} from 'maplibre-gl';
import type { Level } from '../lib/levels.ts';
import type { LevelGeometry } from '../data/geometry.ts';

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
  hoverFill: `territories-${level}-hover-fill`,
  hoverOutline: `territories-${level}-hover-outline`,
  selectedCasing: `territories-${level}-selected-casing`,
  selectedOutline: `territories-${level}-selected-outline`,
});

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

const hovered: ExpressionSpecification = ['boolean', ['feature-state', 'hover'], false];
const selected: ExpressionSpecification = ['boolean', ['feature-state', 'selected'], false];

// Finer levels have denser outlines: lighter at national zoom.
const OUTLINE_OPACITY: Record<Level, [number, number]> = {
  commune: [0.12, 0.45],
  epci: [0.3, 0.6],
  bv: [0.3, 0.6],
  departement: [0.45, 0.7],
  region: [0.6, 0.8],
};

/** Bottom band: land fill of the level (also the hit-test layer). */
export function territoryFillLayer(level: Level, visible: boolean): FillLayerSpecification {
  const ids = territoryLayerIds(level);
  return {
    id: ids.fill,
    type: 'fill',
    ...territoryLayerSource(level),
    layout: { visibility: visible ? 'visible' : 'none' },
    paint: { 'fill-color': TERRITORY_STYLE.land, 'fill-antialias': false },
  };
}

/** Outline band: thin, semi-transparent borders, thicker when zoomed in. */
export function territoryOutlineLayer(level: Level, visible: boolean): LineLayerSpecification {
  const [low, high] = OUTLINE_OPACITY[level];
  return {
    id: territoryLayerIds(level).outline,
    type: 'line',
    ...territoryLayerSource(level),
    layout: { visibility: visible ? 'visible' : 'none', 'line-join': 'round' },
    paint: {
      'line-color': TERRITORY_STYLE.outline,
      'line-opacity': ['interpolate', ['linear'], ['zoom'], 4, low, 9, high],
      'line-width': ['interpolate', ['linear'], ['zoom'], 4, 0.3, 8, 0.8, 12, 1.5],
    },
  };
}

/** Highlight band: hover tint + outline, selection casing + outline. */
export function territoryHighlightLayers(
  level: Level,
  visible: boolean,
): [FillLayerSpecification, LineLayerSpecification, LineLayerSpecification, LineLayerSpecification] {
  const ids = territoryLayerIds(level);
  const source = territoryLayerSource(level);
  const visibility = visible ? 'visible' : 'none';
  return [
    {
      id: ids.hoverFill,
      type: 'fill',
      ...source,
      layout: { visibility },
      paint: {
        'fill-color': TERRITORY_STYLE.hoverFill,
        'fill-opacity': ['case', hovered, 0.18, 0],
        'fill-antialias': false,
      },
    },
    {
      id: ids.hoverOutline,
      type: 'line',
      ...source,
      layout: { visibility, 'line-join': 'round' },
      paint: {
        'line-color': TERRITORY_STYLE.outline,
        'line-opacity': ['case', hovered, 0.9, 0],
        'line-width': 1.5,
      },
    },
    {
      id: ids.selectedCasing,
      type: 'line',
      ...source,
      layout: { visibility, 'line-join': 'round' },
      paint: {
        'line-color': TERRITORY_STYLE.selectedCasing,
        'line-opacity': ['case', selected, 1, 0],
        'line-width': 6,
      },
    },
    {
      id: ids.selectedOutline,
      type: 'line',
      ...source,
      layout: { visibility, 'line-join': 'round' },
      paint: {
        'line-color': TERRITORY_STYLE.selected,
        'line-opacity': ['case', selected, 1, 0],
        'line-width': 3,
      },
    },
  ];
}
