// The label layers: région names at national zooms, départements and main
// towns next, every commune once zoomed in; the selected territory's name
// always. Marianne (the French state's typeface), drawn from the site's own
// font files (the style's `font-faces`): no glyph server. Pure specs.
import type { ExpressionSpecification, SymbolLayerSpecification } from 'maplibre-gl';

export const LABEL_SOURCES = { places: 'labels-places', communes: 'labels-communes', selected: 'labels-selected' } as const;

export const LABEL_LAYERS = {
  region: 'labels-region',
  departement: 'labels-departement',
  town: 'labels-town',
  commune: 'labels-commune',
  selected: 'labels-selected',
} as const;

export const FONT_REGULAR = 'Marianne Regular';
export const FONT_BOLD = 'Marianne Bold';

/** Font files the style declares, relative to the page (any sub-path). */
export function labelFontFaces(base: string): Record<string, string> {
  return {
    [FONT_REGULAR]: new URL('dsfr/fonts/Marianne-Regular.woff2', base).href,
    [FONT_BOLD]: new URL('dsfr/fonts/Marianne-Bold.woff2', base).href,
  };
}

/** Zoom from which communes other than the main towns are named. */
export const COMMUNE_LABEL_MINZOOM = 9;

const TEXT = '#161616';
const HALO = 'rgba(255, 255, 255, 0.92)';

const base = (id: string, source: string, font: string): Pick<SymbolLayerSpecification, 'id' | 'type' | 'source'> & {
  layout: NonNullable<SymbolLayerSpecification['layout']>;
  paint: NonNullable<SymbolLayerSpecification['paint']>;
} => ({
  id,
  type: 'symbol',
  source,
  layout: { 'text-field': ['get', 'name'], 'text-font': [font], 'text-max-width': 8, 'text-padding': 3 },
  paint: { 'text-color': TEXT, 'text-halo-color': HALO, 'text-halo-width': 1.6, 'text-halo-blur': 0.5 },
});

const byKind = (kind: string): ExpressionSpecification => ['==', ['get', 'kind'], kind];
/** Bigger places first when labels collide. */
const biggestFirst: ExpressionSpecification = ['-', 0, ['get', 'population']];

export function labelLayers(): SymbolLayerSpecification[] {
  const region = base(LABEL_LAYERS.region, LABEL_SOURCES.places, FONT_BOLD);
  const departement = base(LABEL_LAYERS.departement, LABEL_SOURCES.places, FONT_REGULAR);
  const town = base(LABEL_LAYERS.town, LABEL_SOURCES.places, FONT_REGULAR);
  const commune = base(LABEL_LAYERS.commune, LABEL_SOURCES.communes, FONT_REGULAR);
  const selected = base(LABEL_LAYERS.selected, LABEL_SOURCES.selected, FONT_BOLD);
  // Later layers are placed first when labels collide: régions, then départements, then towns.
  return [
    { ...commune, minzoom: COMMUNE_LABEL_MINZOOM, layout: { ...commune.layout, 'symbol-sort-key': biggestFirst, 'text-size': 11 } },
    {
      ...town,
      filter: byKind('commune'),
      minzoom: 6,
      layout: {
        ...town.layout,
        'symbol-sort-key': biggestFirst,
        'text-size': ['interpolate', ['linear'], ['get', 'population'], 10000, 11, 200000, 14],
      },
    },
    {
      ...departement,
      filter: byKind('departement'),
      minzoom: 5.5,
      maxzoom: 9,
      layout: { ...departement.layout, 'text-size': 12 },
      paint: { ...departement.paint, 'text-color': '#3a3a3a' },
    },
    {
      ...region,
      filter: byKind('region'),
      maxzoom: 7,
      layout: { ...region.layout, 'text-size': ['interpolate', ['linear'], ['zoom'], 4, 11, 6, 14], 'text-transform': 'uppercase', 'text-letter-spacing': 0.06 },
    },
    {
      ...selected,
      layout: { ...selected.layout, 'text-size': 15, 'text-allow-overlap': true, 'text-ignore-placement': false, 'text-max-width': 10 },
      paint: { ...selected.paint, 'text-color': '#000091', 'text-halo-width': 2.2 },
    },
  ];
}
