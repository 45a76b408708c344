// Two fixes to MapLibre GL JS, applied to its published bundle when the site
// is built and when the dev server pre-bundles it (two plugins, vite.config.ts).
//
// 1. A shared bucket's feature-states applied once. `Tile#setFeatureState`
// walks `tile.buckets`, which holds one entry per *layer id*: layers with the
// same source and layout share one bucket, so the bucket is listed once per
// layer of its group, and each entry re-applied the feature-states to it.
// `bucket.update` already updates every state-dependent layer of the group,
// so every call after the first one redid the same work. Here, the land fill
// and the choropleth of a level share their bucket (one copy of the
// geometry): a commune restyle updated the paint arrays of its 35,000
// communes twice per tile. The fix updates each bucket once; the query
// padding is still taken from every layer.
//
// 2. One frame per style change, not two. A style change (`setPaintProperty`,
// `setLayoutProperty`, `addLayer`…) marks the style dirty; the next frame's
// `style.update` applies it and fires the style's `data` event, and the map's
// own listener for that event marks the style dirty again: a second frame,
// which finds nothing left to apply (mapbox-gl-js issue 5762, inherited).
// With software WebGL a commune frame is 50–130 ms of the main thread. The
// listener now skips that event while the frame's own `style.update` runs;
// `styledata` is still fired, and a change made by a `styledata` listener
// still asks for its frame (through its own API call).
//
// Each patch is an exact text replacement in the version the lockfile pins;
// a MapLibre whose code differs fails the build with a message, rather than
// losing the fix without a word.
import type { Plugin } from 'vite';

/** MapLibre's minified `Tile#setFeatureState` loop (maplibre-gl 6.17.0, dist/maplibre-gl.mjs). */
export const SET_FEATURE_STATE_LOOP =
  'for(let n in this.buckets){if(!t.hasLayer(n))continue;let i=this.buckets[n],a=i.layers[0].sourceLayer||`_geojsonTileLayer`,o=r[a],s=e[a];if(!o||!s||s.length===0)continue;i.update(s,o,this.imageAtlas?.patternPositions||{},this.dashPositions||{});let c=t.getLayer(n);c&&(this.queryPadding=Math.max(this.queryPadding,c.queryRadius(i)))}';

/** The same loop, each bucket updated once (`__clsUpdated`: a name the minifier's scope cannot hold). */
export const SET_FEATURE_STATE_LOOP_ONCE =
  'let __clsUpdated=new Set;for(let n in this.buckets){if(!t.hasLayer(n))continue;let i=this.buckets[n],a=i.layers[0].sourceLayer||`_geojsonTileLayer`,o=r[a],s=e[a];if(!o||!s||s.length===0)continue;__clsUpdated.has(i)||(__clsUpdated.add(i),i.update(s,o,this.imageAtlas?.patternPositions||{},this.dashPositions||{}));let c=t.getLayer(n);c&&(this.queryPadding=Math.max(this.queryPadding,c.queryRadius(i)))}';

/** The map's listener for its style's and sources' `data` events (maplibre-gl 6.17.0, minified). */
export const DATA_LISTENER = 'this.on(`data`,e=>{this._update(e.dataType===`style`),';

/** The same, skipping the style's event fired by the frame's own `style.update` (`__clsStyleUpdating`). */
export const DATA_LISTENER_ONE_FRAME = 'this.on(`data`,e=>{this.__clsStyleUpdating&&e.dataType===`style`||this._update(e.dataType===`style`),';

/** The end of `Map#_render`'s style step: applying the style's changes (minified). */
export const RENDER_STYLE_UPDATE = '(a!==1||a!==this._crossFadingFactor)&&(r=!0,this._crossFadingFactor=a),this.style.update(i)}';

/** The same, flagged while `style.update` runs. */
export const RENDER_STYLE_UPDATE_FLAGGED =
  '(a!==1||a!==this._crossFadingFactor)&&(r=!0,this._crossFadingFactor=a);this.__clsStyleUpdating=!0;try{this.style.update(i)}finally{this.__clsStyleUpdating=!1}}';

interface Fix {
  /** The code replaced, as the error names it. */
  where: string;
  /** What to check on a MapLibre whose code differs. */
  question: string;
  find: string;
  replace: string;
}

const TWO_FRAMES = 'whether a style change still costs two frames';
const FIXES: readonly Fix[] = [
  { where: 'Tile#setFeatureState', question: 'whether it still updates a shared bucket once per layer', find: SET_FEATURE_STATE_LOOP, replace: SET_FEATURE_STATE_LOOP_ONCE },
  { where: "the map's `data` listener", question: TWO_FRAMES, find: DATA_LISTENER, replace: DATA_LISTENER_ONE_FRAME },
  { where: "Map#_render's style update", question: TWO_FRAMES, find: RENDER_STYLE_UPDATE, replace: RENDER_STYLE_UPDATE_FLAGGED },
];

/** The bundle Vite resolves `maplibre-gl` to (its package's `exports`). */
export const isMaplibreBundle = (id: string): boolean => /[\\/]maplibre-gl[\\/]dist[\\/]maplibre-gl\.mjs$/.test(id.split('?')[0]!);

/** MapLibre's code with the fixes; throws when a piece of code they replace is not there exactly once. */
export function patchMaplibre(code: string): string {
  let out = code;
  for (const fix of FIXES) {
    const at = out.indexOf(fix.find);
    if (at < 0 || out.indexOf(fix.find, at + 1) >= 0) {
      throw new Error(
        `scripts/lib/maplibre-patch.ts: MapLibre's ${fix.where} is not the one this patch was written for ` +
          `(maplibre-gl 6.17.0). Check ${fix.question}, then update or remove the patch.`,
      );
    }
    out = out.slice(0, at) + fix.replace + out.slice(at + fix.find.length);
  }
  return out;
}

const transform = (code: string, id: string) => (isMaplibreBundle(id) ? { code: patchMaplibre(code), map: null } : null);

/** Vite plugin: applies `patchMaplibre` to MapLibre's bundle in the production build. */
export function maplibrePatchPlugin(): Plugin {
  return { name: 'cls-atlas-maplibre-patch', apply: 'build', enforce: 'pre', transform };
}

/** The same, for the dev server's pre-bundling of dependencies (`optimizeDeps.rolldownOptions.plugins`). */
export function maplibrePatchDepsPlugin(): { name: string; transform: typeof transform } {
  return { name: 'cls-atlas-maplibre-patch-deps', transform };
}
