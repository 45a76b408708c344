// How later layers (indicator choropleth, contracts, zones, hospitals,
// perimeter) attach to the map without touching the controller:
//   const contracts: MapLayerModule = {
//     id: 'contracts',
//     install(ctx) { ctx.map.addSource(...); ctx.addLayer('overlays', {...}); },
//     onLevelChange(level, ctx) { ... },
//   };
// and list it in `src/layers/registry.ts`.
import type { LayerSpecification, Map as MapLibreMap } from 'maplibre-gl';
import type { Level } from '../lib/levels.ts';
import type { Band } from './bands.ts';

export interface LayerContext {
  readonly map: MapLibreMap;
  /** Adds a layer at the top of a z-order band. */
  addLayer(band: Band, layer: LayerSpecification): void;
  /** The level currently shown. */
  readonly level: Level;
  /** Source id of a level's territories (feature ids = codes), for joins by feature-state. */
  territorySourceId(level: Level): string;
  /** Resolves once a level's territory source is on the map. */
  whenLevelReady(level: Level): Promise<void>;
}

export interface MapLayerModule {
  readonly id: string;
  /**
   * Installed once the first level is drawn and the map has paused drawing (`whenQuiet`), not with
   * the style: for what the first view can do without (place names, the perimeter builder's
   * sources). Its methods must keep what they are asked until then.
   */
  readonly afterFirstView?: boolean;
  /** Called once, after the style has loaded. */
  install(ctx: LayerContext): void | Promise<void>;
  /** Called after each level switch (the new level's source exists). */
  onLevelChange?(level: Level, ctx: LayerContext): void;
  uninstall?(ctx: LayerContext): void;
}
