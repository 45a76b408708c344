// Framing of the metropole and each DROM, for the navigation bar and the default view.
import type { Zone } from '../lib/levels.ts';
import type { BBox } from '../data/types.ts';

export const ZONE_BBOX: Readonly<Record<Zone, BBox>> = {
  metro: [-5.2, 41.3, 9.6, 51.1],
  '971': [-61.85, 15.82, -60.98, 16.52],
  '972': [-61.25, 14.38, -60.8, 14.89],
  '973': [-54.62, 2.1, -51.6, 5.8],
  '974': [55.21, -21.39, 55.84, -20.87],
  '976': [44.98, -13.01, 45.31, -12.63],
};
