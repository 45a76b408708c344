// Loads one level's geometry (all zones) as something MapLibre can take as a
// GeoJSON source `data`: a blob: URL decoded in a Web Worker, or, where no
// worker is available, the decoded object.
import type { FeatureCollection } from 'geojson';
import type { Level } from '../lib/levels.ts';
import type { Manifest } from './types.ts';
import { dataUrl } from './data-url.ts';
import { decodeTopologies, fetchTopology } from './geometry-decode.ts';
import type { GeometryRequest, GeometryResponse } from './geometry.worker.ts';

export interface LevelGeometry {
  readonly level: Level;
  /** A blob: URL or a FeatureCollection, as MapLibre's GeoJSONSource `data`. */
  readonly data: string | FeatureCollection;
  readonly features: number;
  /** Fetch + decode time, for the performance notes. */
  readonly ms: number;
}

let worker: Worker | null = null;
let nextId = 1;
const waiting = new Map<number, (r: GeometryResponse) => void>();

// `?decode=main` in the page URL forces main-thread decoding (for benchmarks).
const forceMainThread = typeof location !== 'undefined' && new URLSearchParams(location.search).get('decode') === 'main';

function getWorker(): Worker | null {
  if (worker) return worker;
  if (typeof Worker === 'undefined' || forceMainThread) return null;
  try {
    worker = new Worker(new URL('./geometry.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<GeometryResponse>) => {
      const resolve = waiting.get(event.data.id);
      waiting.delete(event.data.id);
      resolve?.(event.data);
    };
    return worker;
  } catch {
    return null;
  }
}

const cache = new Map<Level, Promise<LevelGeometry>>();

export function loadLevelGeometry(manifest: Manifest, level: Level): Promise<LevelGeometry> {
  let p = cache.get(level);
  if (!p) {
    p = decodeLevel(manifest, level);
    p.catch(() => cache.delete(level));
    cache.set(level, p);
  }
  return p;
}

async function decodeLevel(manifest: Manifest, level: Level): Promise<LevelGeometry> {
  const urls = (manifest.geometry[level] ?? []).map((file) => dataUrl(file.url));
  const w = getWorker();
  if (w) {
    const id = nextId++;
    const response = await new Promise<GeometryResponse>((resolve) => {
      waiting.set(id, resolve);
      const request: GeometryRequest = { id, urls };
      w.postMessage(request);
    });
    if (!response.ok) throw new Error(response.error);
    return { level, data: URL.createObjectURL(response.blob), features: response.features, ms: response.ms };
  }
  const start = performance.now();
  const fc = decodeTopologies(await Promise.all(urls.map(fetchTopology)));
  return { level, data: fc, features: fc.features.length, ms: performance.now() - start };
}
