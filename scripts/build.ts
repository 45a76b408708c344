// The whole data build, read top to bottom: every source in, every layer out.
//   npm run build:data [-- --mirror DIR] [--out DIR] [--fetch]
// Steps register themselves in `steps` below; each reads its sources through
// resolveSource() and writes under ctx.outDir.
import { defaultContext } from './lib/context.ts';
import { runBuild } from './lib/run-build.ts';
import { buildBoundaries } from './boundaries/index.ts';
import { buildTerritoryTiles } from './boundaries/tiles.ts';
import { buildIndicators } from './indicators/index.ts';
import { buildOverlays } from './overlays/index.ts';
import { buildPerimeterPassage } from './perimeter-passage.ts';
import { buildLabels } from './labels/index.ts';
import { buildTrends } from './trends/index.ts';

const ctx = defaultContext();
await runBuild(ctx, [
  ['boundaries: communes, EPCI, bassins de vie, départements, régions', buildBoundaries],
  ['tiles: vector tiles of every level from the published topology', buildTerritoryTiles],
  ['labels: place-name points (régions, départements, communes)', buildLabels],
  ['overlays: contracts, zones, care offer', buildOverlays],
  ['indicators: catalogue, values per level, match reports', buildIndicators],
  ['trends: series of several vintages, changes between vintages', buildTrends],
  ['perimeter: historical passage table for import', buildPerimeterPassage],
]);
