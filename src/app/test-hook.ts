// Read-only hook for browser tests and debugging:
//   await window.__clsAtlas.ready;          // first map idle
//   await window.__clsAtlas.quiet;          // then the map paused drawing and deferred layers are installed
//   window.__clsAtlas.map                   // the maplibre-gl Map
//   window.__clsAtlas.state                 // current AppState (a snapshot)
//   window.__clsAtlas.timings               // { firstIdle, geometry: {level: ms} }
//   window.__clsAtlas.urlHash               // the hash the current state serialises to
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Atlas, AtlasTimings } from './atlas.ts';
import type { AppState } from './store.ts';

export interface ClsAtlasHook {
  readonly map: MapLibreMap | undefined;
  readonly ready: Promise<void>;
  readonly quiet: Promise<void>;
  readonly state: AppState;
  readonly timings: AtlasTimings;
  /** The location hash catches up with this after a short debounce. */
  readonly urlHash: string;
}

declare global {
  interface Window {
    __clsAtlas?: ClsAtlasHook;
  }
}

export function installTestHook(atlas: Atlas): void {
  const hook: ClsAtlasHook = {
    get map() {
      return atlas.controller?.map;
    },
    ready: atlas.ready,
    quiet: atlas.quiet,
    get state() {
      return atlas.store.getState();
    },
    get timings() {
      return atlas.timings;
    },
    get urlHash() {
      return atlas.features.url.serialize(atlas.features.url.pick(atlas.store.getState()));
    },
  };
  Object.defineProperty(window, '__clsAtlas', { value: Object.freeze(hook), configurable: false, writable: false });
}
