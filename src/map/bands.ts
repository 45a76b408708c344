// Z-order bands of the map, bottom to top. A layer is added "into" a band by
// inserting it before the band's end marker (an invisible background layer),
// so modules added later never need to know each other's ids.
import type { LayerSpecification } from 'maplibre-gl';

export const BANDS = [
  /** Land fill of the current level (territories). */
  'base',
  /** Indicator choropleth. */
  'choropleth',
  /** Territory outlines. */
  'outlines',
  /** Priority zones, contracts, hospitals… */
  'overlays',
  /** Perimeter under construction, lasso. */
  'highlight',
  /** Hover and selection of a territory. */
  'selection',
  /** Place names, on top of everything. */
  'labels',
] as const;
export type Band = (typeof BANDS)[number];

export const bandEndMarkerId = (band: Band) => `band-end:${band}`;

export function bandMarkerLayers(): LayerSpecification[] {
  return BANDS.map((band) => ({
    id: bandEndMarkerId(band),
    type: 'background',
    layout: { visibility: 'none' },
  }));
}
