// The base territory layers of one level: a GeoJSON source (promoteId 'code'
// so feature-state works by territory code) and pure layer specs.
// Outlines stay thin and semi-transparent at national zoom so a choropleth
// drawn under them (issue 3) is not washed out; hover and selection are
// drawn from feature-state (`hover`, `selected`) in the highlight band.
import type {
  ExpressionSpecification,
  FillLayerSpecification,
  GeoJSONSourceSpecification,
  LineLayerSpecification,
} from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import type { Level } from '../lib/levels.ts';

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

export function territorySource(data: string | FeatureCollection): GeoJSONSourceSpecification {
  // tolerance stays at its default: higher values make small communes vanish at national zoom.
  return { type: 'geojson', data, promoteId: 'code' };
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
    source: territorySourceId(level),
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
    source: territorySourceId(level),
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
  const source = territorySourceId(level);
  const visibility = visible ? 'visible' : 'none';
  return [
    {
      id: ids.hoverFill,
      type: 'fill',
      source,
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
      source,
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
      source,
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
      source,
      layout: { visibility, 'line-join': 'round' },
      paint: {
        'line-color': TERRITORY_STYLE.selected,
        'line-opacity': ['case', selected, 1, 0],
        'line-width': 3,
      },
    },
  ];
}
