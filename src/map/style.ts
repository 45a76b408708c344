// The base style: built locally, no remote tiles, sprite or glyphs (no
// network request beyond our own data). Names are shown in a DOM tooltip.
import type { StyleSpecification } from 'maplibre-gl';
import { TERRITORY_STYLE } from '../layers/territories.ts';
import { bandMarkerLayers } from './bands.ts';

export function baseStyle(): StyleSpecification {
  return {
    version: 8,
    sources: {},
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': TERRITORY_STYLE.sea } },
      ...bandMarkerLayers(),
    ],
  };
}
