// Loads one level's geometry as something MapLibre can draw:
// - a level with pre-cut vector tiles in the manifest (the communes): the
//   tile URL template, made absolute (MapLibre requires absolute tile URLs);
//   nothing is fetched here, MapLibre fetches the tiles of the view;
// - any other level: its TopoJSON (all zones) decoded into GeoJSON, a blob:
//   URL decoded in a Web Worker, or, where no worker is available, the
//   decoded object.
import type { FeatureCollection } from 'geojson';
import type { Level } from '../lib/levels.ts';
import type { BBox, Manifest } from './types.ts';
import { dataUrl } from './data-url.ts';
import { decodeTopologies, fetchTopology } from './geometry-decode.ts';
import type { GeometryRequest, GeometryResponse } from './geometry.worker.ts';

export interface GeoJsonLevelGeometry {
  readonly kind: 'geojson';
  readonly level: Level;
  /** A blob: URL or a FeatureCollection, as MapLibre's GeoJSONSource `data`. */
  readonly data: string | FeatureCollection;
  /**
   * The GeoJSON behind a blob: URL, kept for the case where MapLibre's worker
   * may not fetch blob: URLs (a host's Content-Security-Policy without
   * `connect-src blob:`): the map then reads it here and passes the object.
   */
  readonly blob?: Blob;
  readonly features: number;
  /** Fetch + decode time, for the performance notes. */
  readonly ms: number;
}

export interface VectorLevelGeometry {
  readonly kind: 'vector';
  readonly level: Level;
  /** Absolute tile URL template ({z}/{x}/{y} kept). */
  readonly tiles: string;
  readonly minzoom: number;
  readonly maxzoom: number;
  readonly bounds: BBox;
  /** Source layer holding the territories (property `code`). */
  readonly sourceLayer: string;
  readonly ms: number;
}

export type LevelGeometry = GeoJsonLevelGeometry | VectorLevelGeometry;

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

/** Absolute URL template of a tile set: `new URL` percent-encodes the braces, put them back. */
export function tileUrlTemplate(path: string, base?: string): string {
  return dataUrl(path, base).replace(/%7B/gi, '{').replace(/%7D/gi, '}');
}

async function decodeLevel(manifest: Manifest, level: Level): Promise<LevelGeometry> {
  const tiles = manifest.tiles?.[level];
  if (tiles) {
    return {
      kind: 'vector',
      level,
      tiles: tileUrlTemplate(tiles.url),
      minzoom: tiles.minzoom,
      maxzoom: tiles.maxzoom,
      bounds: tiles.bounds,
      sourceLayer: tiles.layer,
      ms: 0,
    };
  }
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
    return { kind: 'geojson', level, data: URL.createObjectURL(response.blob), blob: response.blob, features: response.features, ms: response.ms };
  }
  const start = performance.now();
  const fc = decodeTopologies(await Promise.all(urls.map(fetchTopology)));
  return { kind: 'geojson', level, data: fc, features: fc.features.length, ms: performance.now() - start };
}
