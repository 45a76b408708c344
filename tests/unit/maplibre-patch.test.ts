import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DATA_LISTENER,
  DATA_LISTENER_ONE_FRAME,
  isMaplibreBundle,
  maplibrePatchDepsPlugin,
  patchMaplibre,
  RENDER_STYLE_UPDATE,
  RENDER_STYLE_UPDATE_FLAGGED,
  SET_FEATURE_STATE_LOOP,
  SET_FEATURE_STATE_LOOP_ONCE,
} from '../../scripts/lib/maplibre-patch.ts';

const require = createRequire(import.meta.url);
// The file the package exports for `import` (what Vite bundles).
const packageJson = require.resolve('maplibre-gl/package.json');
const bundlePath = path.join(path.dirname(packageJson), (JSON.parse(readFileSync(packageJson, 'utf8')) as { exports: { '.': { import: string } } }).exports['.'].import);

interface FakeBucket {
  layers: { sourceLayer: string }[];
  updates: number;
  update: () => void;
}

/** Runs a `Tile#setFeatureState` loop (as MapLibre's minified code names things) on a tile whose layers share buckets. */
function runLoop(loop: string) {
  const bucket = (): FakeBucket => {
    const b: FakeBucket = { layers: [{ sourceLayer: 'territories' }], updates: 0, update: () => void b.updates++ };
    return b;
  };
  const shared = bucket();
  const alone = bucket();
  // One entry per layer id, as MapLibre deserialises them: the land and the choropleth share one bucket.
  const tile = { buckets: { land: shared, choropleth: shared, labels: alone }, queryPadding: 0, imageAtlas: null, dashPositions: null };
  const radius: Record<string, number> = { land: 0, choropleth: 3, labels: 1 };
  const style = { hasLayer: (id: string) => id in radius, getLayer: (id: string) => ({ queryRadius: () => radius[id] }) };
  const states = { territories: [{ id: '01001', state: { cls: 1 } }] };
  const vtLayers = { territories: {} };
  new Function('e', 't', 'r', loop).call(tile, states, style, vtLayers);
  return { shared: shared.updates, alone: alone.updates, queryPadding: tile.queryPadding };
}

type DataEvent = { dataType: 'style' | 'source' };

/**
 * A map as MapLibre's minified code names things: its `data` listener (`listener`) registered on it, and
 * one run of `_render`'s style step (`renderStep`), whose `style.update` fires the style's events given.
 * Returns the `_update` calls (their `updateStyle` flag) and the events passed on.
 */
function runFrame(listener: string, renderStep: string, duringUpdate: DataEvent[], afterwards: DataEvent[] = [], updateThrows = false) {
  const updates: boolean[] = [];
  const passedOn: string[] = [];
  let onData: (e: DataEvent) => void = () => undefined;
  const map = {
    _crossFadingFactor: 1,
    on: (type: string, fn: (e: DataEvent) => void) => void (type === 'data' && (onData = fn)),
    fire: (e: DataEvent) => void passedOn.push(e.dataType),
    _update: (updateStyle: boolean) => void updates.push(updateStyle),
    style: {
      update: () => {
        for (const e of duringUpdate) onData(e);
        if (updateThrows) throw new Error('style.update failed');
      },
    },
  };
  new Function(`${listener}this.fire(e)});`).call(map);
  const parameters = { crossFadingFactor: () => 1 };
  try {
    new Function('i', `let r=!1;if(this.style){let a=i.crossFadingFactor();${renderStep}`).call(map, parameters);
  } catch {
    // a failing style.update: what matters is the state it leaves
  }
  for (const e of afterwards) onData(e);
  return { updates, passedOn };
}

describe('MapLibre patch: one frame per style change', () => {
  it('MapLibre as published marks the style dirty again from the frame that applies it', () => {
    expect(runFrame(DATA_LISTENER, RENDER_STYLE_UPDATE, [{ dataType: 'style' }])).toEqual({ updates: [true], passedOn: ['style'] });
  });

  it('patched, the frame applying a style change asks for no other, and styledata is still fired', () => {
    expect(runFrame(DATA_LISTENER_ONE_FRAME, RENDER_STYLE_UPDATE_FLAGGED, [{ dataType: 'style' }])).toEqual({ updates: [], passedOn: ['style'] });
  });

  it('patched, other data events still ask for a frame: a source during the update, a style change outside it', () => {
    const run = runFrame(DATA_LISTENER_ONE_FRAME, RENDER_STYLE_UPDATE_FLAGGED, [{ dataType: 'source' }], [{ dataType: 'style' }]);
    expect(run).toEqual({ updates: [false, true], passedOn: ['source', 'style'] });
  });

  it('patched, a style update that throws does not leave the map ignoring its style events', () => {
    const run = runFrame(DATA_LISTENER_ONE_FRAME, RENDER_STYLE_UPDATE_FLAGGED, [], [{ dataType: 'style' }], true);
    expect(run.updates).toEqual([true]);
  });
});

describe('MapLibre patch: a shared bucket gets its feature-states once', () => {
  it('MapLibre as published updates a bucket once per layer that shares it', () => {
    expect(runLoop(SET_FEATURE_STATE_LOOP)).toEqual({ shared: 2, alone: 1, queryPadding: 3 });
  });

  it('the patched loop updates each bucket once and still takes the query padding of every layer', () => {
    expect(runLoop(SET_FEATURE_STATE_LOOP_ONCE)).toEqual({ shared: 1, alone: 1, queryPadding: 3 });
  });

});

describe('MapLibre patch: applied to the bundle', () => {
  const fixes: [string, string][] = [
    [SET_FEATURE_STATE_LOOP, SET_FEATURE_STATE_LOOP_ONCE],
    [DATA_LISTENER, DATA_LISTENER_ONE_FRAME],
    [RENDER_STYLE_UPDATE, RENDER_STYLE_UPDATE_FLAGGED],
  ];
  const original = fixes.map(([find]) => find).join('\n');
  const fixed = fixes.map(([, replace]) => replace).join('\n');

  it('applies each fix to the installed MapLibre bundle, in one place', () => {
    const code = readFileSync(bundlePath, 'utf8');
    const patched = patchMaplibre(code);
    for (const [find, replace] of fixes) {
      expect(patched.split(replace)).toHaveLength(2);
      expect(patched.includes(find)).toBe(false);
    }
    expect(patched.length - code.length).toBe(fixed.length - original.length);
  });

  it('fails the build, saying what to check, on a MapLibre whose code differs', () => {
    expect(() => patchMaplibre('export default {}')).toThrow(/Tile#setFeatureState is not the one this patch was written for/);
    expect(() => patchMaplibre(original.replace(DATA_LISTENER, ''))).toThrow(/`data` listener .*whether a style change still costs two frames/);
    expect(() => patchMaplibre(original + RENDER_STYLE_UPDATE)).toThrow(/_render's style update is not the one/);
  });

  it('the dev server\'s pre-bundling gets the same fixes, on MapLibre only', () => {
    const { transform } = maplibrePatchDepsPlugin();
    expect(transform(original, '/p/node_modules/maplibre-gl/dist/maplibre-gl.mjs')?.code).toBe(fixed);
    expect(transform(original, '/p/node_modules/react/index.js')).toBeNull();
  });

  it('recognises the bundle Vite resolves, and nothing else', () => {
    expect(isMaplibreBundle('/p/node_modules/maplibre-gl/dist/maplibre-gl.mjs')).toBe(true);
    expect(isMaplibreBundle('C:\\p\\node_modules\\maplibre-gl\\dist\\maplibre-gl.mjs?v=1')).toBe(true);
    expect(isMaplibreBundle('/p/node_modules/maplibre-gl/dist/maplibre-gl-worker.mjs')).toBe(false);
    expect(isMaplibreBundle('/p/src/maplibre-start.ts')).toBe(false);
  });
});
