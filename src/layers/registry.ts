// Map layer modules installed at startup, in z-order within their bands.
// Issue 3 adds the indicator choropleth, issue 4 contracts / zones / hospitals,
// issue 5 the perimeter: write a `MapLayerModule` (src/map/layer-module.ts)
// in its own file under src/layers/ and append it here.
import type { MapLayerModule } from '../map/layer-module.ts';
import { perimeterLayer } from '../perimeter/layer.ts';
import { overlayMapModule } from '../overlays/service.ts';
import { choroplethModule } from '../indicators/choropleth-module.ts';

export const LAYER_MODULES: readonly MapLayerModule[] = [choroplethModule, overlayMapModule, perimeterLayer];
