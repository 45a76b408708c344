import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isMaplibreBundle, maplibrePatchDepsPlugin, patchMaplibre, SET_FEATURE_STATE_LOOP, SET_FEATURE_STATE_LOOP_ONCE } from '../../scripts/lib/maplibre-patch.ts';

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

describe('MapLibre patch: a shared bucket gets its feature-states once', () => {
  it('MapLibre as published updates a bucket once per layer that shares it', () => {
    expect(runLoop(SET_FEATURE_STATE_LOOP)).toEqual({ shared: 2, alone: 1, queryPadding: 3 });
  });

  it('the patched loop updates each bucket once and still takes the query padding of every layer', () => {
    expect(runLoop(SET_FEATURE_STATE_LOOP_ONCE)).toEqual({ shared: 1, alone: 1, queryPadding: 3 });
  });

  it('applies to the installed MapLibre bundle, in one place', () => {
    const code = readFileSync(bundlePath, 'utf8');
    const patched = patchMaplibre(code);
    expect(patched.split(SET_FEATURE_STATE_LOOP_ONCE)).toHaveLength(2);
    expect(patched.includes(SET_FEATURE_STATE_LOOP)).toBe(false);
    expect(patched.length - code.length).toBe(SET_FEATURE_STATE_LOOP_ONCE.length - SET_FEATURE_STATE_LOOP.length);
  });

  it('fails the build, saying why, on a MapLibre whose loop differs', () => {
    expect(() => patchMaplibre('export default {}')).toThrow(/not the one this patch was written for/);
    expect(() => patchMaplibre(SET_FEATURE_STATE_LOOP + SET_FEATURE_STATE_LOOP)).toThrow(/not the one this patch was written for/);
  });

  it('the dev server\'s pre-bundling gets the same fix, on MapLibre only', () => {
    const { transform } = maplibrePatchDepsPlugin();
    expect(transform(SET_FEATURE_STATE_LOOP, '/p/node_modules/maplibre-gl/dist/maplibre-gl.mjs')?.code).toBe(SET_FEATURE_STATE_LOOP_ONCE);
    expect(transform(SET_FEATURE_STATE_LOOP, '/p/node_modules/react/index.js')).toBeNull();
  });

  it('recognises the bundle Vite resolves, and nothing else', () => {
    expect(isMaplibreBundle('/p/node_modules/maplibre-gl/dist/maplibre-gl.mjs')).toBe(true);
    expect(isMaplibreBundle('C:\\p\\node_modules\\maplibre-gl\\dist\\maplibre-gl.mjs?v=1')).toBe(true);
    expect(isMaplibreBundle('/p/node_modules/maplibre-gl/dist/maplibre-gl-worker.mjs')).toBe(false);
    expect(isMaplibreBundle('/p/src/maplibre-start.ts')).toBe(false);
  });
});
