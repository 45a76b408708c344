// One fix to MapLibre GL JS, applied to its published bundle when the site is
// built and when the dev server pre-bundles it (two plugins, vite.config.ts).
//
// `Tile#setFeatureState` walks `tile.buckets`, which holds one entry per
// *layer id*: layers with the same source and layout share one bucket, so the
// bucket is listed once per layer of its group, and each entry re-applied the
// feature-states to it. `bucket.update` already updates every state-dependent
// layer of the group, so every call after the first one redid the same work.
// Here, the land fill and the choropleth of a level share their bucket (one
// copy of the geometry): a commune restyle updated the paint arrays of its
// 35,000 communes twice per tile. The fix updates each bucket once; the query
// padding is still taken from every layer.
//
// The patch is an exact text replacement in the version the lockfile pins;
// a MapLibre whose code differs fails the build with a message, rather than
// losing the fix without a word.
import type { Plugin } from 'vite';

/** MapLibre's minified `Tile#setFeatureState` loop (maplibre-gl 6.17.0, dist/maplibre-gl.mjs). */
export const SET_FEATURE_STATE_LOOP =
  'for(let n in this.buckets){if(!t.hasLayer(n))continue;let i=this.buckets[n],a=i.layers[0].sourceLayer||`_geojsonTileLayer`,o=r[a],s=e[a];if(!o||!s||s.length===0)continue;i.update(s,o,this.imageAtlas?.patternPositions||{},this.dashPositions||{});let c=t.getLayer(n);c&&(this.queryPadding=Math.max(this.queryPadding,c.queryRadius(i)))}';

/** The same loop, each bucket updated once (`__clsUpdated`: a name the minifier's scope cannot hold). */
export const SET_FEATURE_STATE_LOOP_ONCE =
  'let __clsUpdated=new Set;for(let n in this.buckets){if(!t.hasLayer(n))continue;let i=this.buckets[n],a=i.layers[0].sourceLayer||`_geojsonTileLayer`,o=r[a],s=e[a];if(!o||!s||s.length===0)continue;__clsUpdated.has(i)||(__clsUpdated.add(i),i.update(s,o,this.imageAtlas?.patternPositions||{},this.dashPositions||{}));let c=t.getLayer(n);c&&(this.queryPadding=Math.max(this.queryPadding,c.queryRadius(i)))}';

/** The bundle Vite resolves `maplibre-gl` to (its package's `exports`). */
export const isMaplibreBundle = (id: string): boolean => /[\\/]maplibre-gl[\\/]dist[\\/]maplibre-gl\.mjs$/.test(id.split('?')[0]!);

/** MapLibre's code with the fix; throws when the loop is not there exactly once. */
export function patchMaplibre(code: string): string {
  const at = code.indexOf(SET_FEATURE_STATE_LOOP);
  if (at < 0 || code.indexOf(SET_FEATURE_STATE_LOOP, at + 1) >= 0) {
    throw new Error(
      'scripts/lib/maplibre-patch.ts: MapLibre\'s Tile#setFeatureState is not the one this patch was written for ' +
        '(maplibre-gl 6.17.0). Check whether the new version still updates a shared bucket once per layer, then update or remove the patch.',
    );
  }
  return code.slice(0, at) + SET_FEATURE_STATE_LOOP_ONCE + code.slice(at + SET_FEATURE_STATE_LOOP.length);
}

const transform = (code: string, id: string) => (isMaplibreBundle(id) ? { code: patchMaplibre(code), map: null } : null);

/** Vite plugin: applies `patchMaplibre` to MapLibre's bundle in the production build. */
export function maplibrePatchPlugin(): Plugin {
  return { name: 'cls-atlas-maplibre-feature-state-once', apply: 'build', enforce: 'pre', transform };
}

/** The same, for the dev server's pre-bundling of dependencies (`optimizeDeps.rolldownOptions.plugins`). */
export function maplibrePatchDepsPlugin(): { name: string; transform: typeof transform } {
  return { name: 'cls-atlas-maplibre-feature-state-once-deps', transform };
}
