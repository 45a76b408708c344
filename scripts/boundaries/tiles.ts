// Pre-cut vector tiles of the commune level (docs/data-format.md, `tiles`):
// the commune TopoJSON of every zone, decoded as it is published (so tiles and
// topology agree vertex for vertex), cut by geojson-vt and encoded by vt-pbf
// into an XYZ folder `tiles/commune/{z}/{x}/{y}.pbf`, one source layer
// `territories`, one property `code`.
//
// MapLibre tiling 35k polygons itself costs seconds (../shared/PERFORMANCE.md);
// a static folder of tiles costs a few small requests per view.
//
// Small communes never vanish: geojson-vt drops a ring whose area is under
// its tolerance², so the tolerance is kept small (a fraction of a pixel) and
// a commune left with no ring in every tile of a zoom gets a 1-unit square
// (1/8 pixel) at a point of its own in the tile holding that point, so it
// keeps a feature (feature-state, hit-testing) at every zoom.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { GeoJSONVT, type GeoJSONVTFeature, type GeoJSONVTTile } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { feature as topoFeature } from 'topojson-client';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import type { BuildContext } from '../lib/context.ts';
import { updateManifest } from '../lib/manifest.ts';
import type { BBox } from './types.ts';
import type { ZoneTopology } from './topology.ts';
import { gzipSize } from './write.ts';

export const TILE_LAYER = 'territories';
export const TILE_EXTENT = 4096;

export interface TileOptions {
  minzoom: number;
  /** Deepest zoom cut; MapLibre overzooms beyond it. */
  maxzoom: number;
  /** geojson-vt simplification tolerance, in tile units (4096 per tile = 8 per pixel of a 512 px tile). */
  tolerance: number;
  /** Buffer around each tile, in tile units (hides the clip edges of outlines). */
  buffer: number;
  /** From this zoom on, every territory keeps a feature (a placeholder square if geojson-vt dropped it). */
  presenceMinzoom: number;
}

/**
 * presenceMinzoom 4: metro France fills a small screen from zoom ~4.5; below,
 * a dropped commune is under 1/64 pixel². maxzoom 9: a tile unit is ≈ 13 m at 46°N there, finer than the 55 m grid
 * the commune topology is quantised on (docs/DATA-BUDGET.md), so overzooming
 * z9 tiles loses nothing. tolerance 2 = 1/4 pixel: simplification only drops
 * what cannot be seen (tolerance 1 weighs +14 % at zoom 5, 4 needs 1,287
 * placeholders at zoom 4).
 */
export const COMMUNE_TILE_OPTIONS: TileOptions = { minzoom: 0, maxzoom: 9, tolerance: 2, buffer: 64, presenceMinzoom: 4 };

export interface TileSet {
  /** "z/x/y" → encoded tile (uncompressed protobuf), sorted by z, x, y. */
  tiles: Map<string, Uint8Array>;
  bounds: BBox;
  /** Codes of every feature, for the checks. */
  codes: string[];
  /** Per zoom, communes that had to get a placeholder square. */
  placeholders: Record<number, number>;
}

type CodeFeature = Feature<Polygon | MultiPolygon, { code: string }>;

/** Decodes the commune topologies of every zone into one collection (as the viewer would). */
export function decodeCommuneTopologies(topologies: readonly ZoneTopology[]): FeatureCollection<Polygon | MultiPolygon, { code: string }> {
  const features: CodeFeature[] = [];
  for (const topology of topologies) {
    const fc = topoFeature(topology as never, topology.objects.territories as never) as unknown as FeatureCollection<Polygon | MultiPolygon, { code: string }>;
    for (const f of fc.features) features.push({ type: 'Feature', properties: { code: f.properties.code }, geometry: f.geometry });
  }
  return { type: 'FeatureCollection', features };
}

function ringsOf(geometry: Polygon | MultiPolygon): Position[][] {
  return geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
}

function boundsOf(features: readonly CodeFeature[]): BBox {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (const f of features) {
    for (const ring of ringsOf(f.geometry)) {
      for (const [x, y] of ring) {
        if (x! < w) w = x!;
        if (x! > e) e = x!;
        if (y! < s) s = y!;
        if (y! > n) n = y!;
      }
    }
  }
  const out = (v: number, dir: 1 | -1) => (dir > 0 ? Math.ceil(v * 1e4) : Math.floor(v * 1e4)) / 1e4;
  return [out(w, -1), out(s, -1), out(e, 1), out(n, 1)];
}

/** Web Mercator position of a lng/lat in the unit square (y down). */
function unitSquare([lng, lat]: Position): [number, number] {
  const sin = Math.sin((lat! * Math.PI) / 180);
  const y = 0.5 - (0.25 * Math.log((1 + sin) / (1 - sin))) / Math.PI;
  return [lng! / 360 + 0.5, Math.min(1, Math.max(0, y))];
}

/**
 * A point of the commune for its placeholder: the midpoint of its largest
 * outer ring's vertices' bbox may fall outside a concave commune, so take the
 * ring's vertex nearest to that midpoint (always on the commune's edge).
 */
function anchorOf(geometry: Polygon | MultiPolygon): Position {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let best: Position[] = polygons[0]![0]!;
  let bestSpan = -1;
  for (const p of polygons) {
    const ring = p[0]!;
    const xs = ring.map((c) => c[0]!);
    const ys = ring.map((c) => c[1]!);
    const span = (Math.max(...xs) - Math.min(...xs)) * (Math.max(...ys) - Math.min(...ys));
    if (span > bestSpan) {
      bestSpan = span;
      best = ring;
    }
  }
  const xs = best.map((c) => c[0]!);
  const ys = best.map((c) => c[1]!);
  const cx = (Math.min(...xs) + Math.max(...xs)) / 2;
  const cy = (Math.min(...ys) + Math.max(...ys)) / 2;
  return best.reduce((a, b) => (Math.hypot(b[0]! - cx, b[1]! - cy) < Math.hypot(a[0]! - cx, a[1]! - cy) ? b : a));
}

const tileKey = (z: number, x: number, y: number) => `${z}/${x}/${y}`;

/** Cuts a collection of territories into encoded vector tiles, zooms minzoom..maxzoom. */
export function cutTiles(collection: FeatureCollection<Polygon | MultiPolygon, { code: string }>, options: TileOptions = COMMUNE_TILE_OPTIONS): TileSet {
  const index = new GeoJSONVT(collection, {
    maxZoom: options.maxzoom,
    indexMaxZoom: 0,
    tolerance: options.tolerance,
    extent: TILE_EXTENT,
    buffer: options.buffer,
  });
  const codes = collection.features.map((f) => f.properties.code);
  const anchors = new Map(collection.features.map((f) => [f.properties.code, unitSquare(anchorOf(f.geometry))]));
  const byZoom = new Map<number, Map<string, GeoJSONVTFeature[]>>();

  // Depth-first over the tiles that hold something (geojson-vt returns null elsewhere).
  const visit = (z: number, x: number, y: number): void => {
    const tile: GeoJSONVTTile | null = index.getTile(z, x, y);
    if (!tile) return;
    if (z >= options.minzoom) {
      let level = byZoom.get(z);
      if (!level) byZoom.set(z, (level = new Map()));
      level.set(tileKey(z, x, y), tile.features.map((f) => ({ ...f, tags: { code: String(f.tags?.code) } }) as unknown as GeoJSONVTFeature));
    }
    if (z < options.maxzoom) for (const [dx, dy] of [[0, 0], [1, 0], [0, 1], [1, 1]] as const) visit(z + 1, 2 * x + dx, 2 * y + dy);
  };
  visit(0, 0, 0);

  const placeholders: Record<number, number> = {};
  const tiles = new Map<string, Uint8Array>();
  for (let z = options.minzoom; z <= options.maxzoom; z++) {
    const level = byZoom.get(z) ?? new Map<string, GeoJSONVTFeature[]>();
    const present = new Set<string>();
    for (const features of level.values()) for (const f of features) if (f.type === 3 && f.geometry.length > 0) present.add(String(f.tags?.code));
    let added = 0;
    for (const code of z >= options.presenceMinzoom ? codes : []) {
      if (present.has(code)) continue;
      const [ux, uy] = anchors.get(code)!;
      const n = 2 ** z;
      const tx = Math.min(n - 1, Math.floor(ux * n));
      const ty = Math.min(n - 1, Math.floor(uy * n));
      const px = Math.min(TILE_EXTENT - 1, Math.floor((ux * n - tx) * TILE_EXTENT));
      const py = Math.min(TILE_EXTENT - 1, Math.floor((uy * n - ty) * TILE_EXTENT));
      const key = tileKey(z, tx, ty);
      const features = level.get(key) ?? [];
      level.set(key, features);
      // Clockwise in tile space (y down): an outer ring for MVT.
      features.push({ type: 3, tags: { code }, geometry: [[[px, py], [px + 1, py], [px + 1, py + 1], [px, py + 1], [px, py]]] });
      added++;
    }
    placeholders[z] = added;
    const keys = [...level.keys()].sort((a, b) => {
      const [, ax, ay] = a.split('/').map(Number);
      const [, bx, by] = b.split('/').map(Number);
      return ax! - bx! || ay! - by!;
    });
    for (const key of keys) {
      const features = level.get(key)!;
      if (features.length === 0) continue;
      tiles.set(key, fromGeojsonVt({ [TILE_LAYER]: { features } as unknown as GeoJSONVTTile }, { version: 2, extent: TILE_EXTENT }));
    }
  }
  return { tiles, bounds: boundsOf(collection.features), codes, placeholders };
}

export interface TilesManifestEntry {
  /** URL template relative to `data/`. */
  url: string;
  minzoom: number;
  maxzoom: number;
  /** [west, south, east, north] of every zone, WGS84. */
  bounds: BBox;
  /** The one source layer; feature property `code` = territory code. */
  layer: string;
  tiles: number;
  bytes: number;
  gzipBytes: number;
}

/** Writes the tiles under `<outDir>/tiles/<name>/` (replacing any previous set) and sizes them. */
export function writeTiles(outDir: string, name: string, set: TileSet, options: TileOptions = COMMUNE_TILE_OPTIONS): TilesManifestEntry {
  const root = path.join(outDir, 'tiles', name);
  rmSync(root, { recursive: true, force: true });
  let bytes = 0;
  let gzipBytes = 0;
  for (const [key, data] of set.tiles) {
    const file = path.join(root, `${key}.pbf`);
    mkdirSync(path.dirname(file), { recursive: true });
    const buffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    writeFileSync(file, buffer);
    bytes += buffer.length;
    gzipBytes += gzipSize(buffer);
  }
  return {
    url: `tiles/${name}/{z}/{x}/{y}.pbf`,
    minzoom: options.minzoom,
    maxzoom: options.maxzoom,
    bounds: set.bounds,
    layer: TILE_LAYER,
    tiles: set.tiles.size,
    bytes,
    gzipBytes,
  };
}

export interface TilesReport extends TilesManifestEntry {
  seconds: number;
  /** Per zoom: tiles, raw and gzip bytes, largest tile (gzip). */
  zooms: Record<number, { tiles: number; bytes: number; gzipBytes: number; maxGzipBytes: number }>;
  placeholders: Record<number, number>;
}

/**
 * The tiles step: reads the commune TopoJSON the boundaries step published
 * (manifest.json → geometry.commune), cuts it, writes tiles/commune/ and the
 * manifest's `tiles.commune` entry, and build-report/tiles.json.
 */
export async function buildCommuneTiles(ctx: BuildContext): Promise<void> {
  const started = performance.now();
  const manifest = JSON.parse(readFileSync(path.join(ctx.outDir, 'manifest.json'), 'utf8')) as { geometry?: { commune?: Array<{ url: string }> } };
  const files = manifest.geometry?.commune ?? [];
  if (files.length === 0) throw new Error('manifest.json has no commune geometry: run the boundaries step first');
  const topologies = files.map((f) => JSON.parse(readFileSync(path.join(ctx.outDir, f.url), 'utf8')) as ZoneTopology);
  const set = cutTiles(decodeCommuneTopologies(topologies));
  const entry = writeTiles(ctx.outDir, 'commune', set);
  updateManifest(ctx, [], { tiles: { commune: entry } });

  const zooms: TilesReport['zooms'] = {};
  for (const [key, data] of set.tiles) {
    const z = Number(key.split('/')[0]);
    const gz = gzipSize(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
    const e = (zooms[z] ??= { tiles: 0, bytes: 0, gzipBytes: 0, maxGzipBytes: 0 });
    e.tiles++;
    e.bytes += data.byteLength;
    e.gzipBytes += gz;
    e.maxGzipBytes = Math.max(e.maxGzipBytes, gz);
  }
  const report: TilesReport = { ...entry, seconds: Math.round((performance.now() - started) / 100) / 10, zooms, placeholders: set.placeholders };
  mkdirSync(ctx.reportDir, { recursive: true });
  writeFileSync(path.join(ctx.reportDir, 'tiles.json'), `${JSON.stringify(report, null, 2)}\n`);
  ctx.log(tilesSummary(report));
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KB`.padStart(9);

export function tilesSummary(report: TilesReport): string {
  const lines = ['', '  zoom  tiles       raw      gzip  max tile  placeholders'];
  for (const [z, e] of Object.entries(report.zooms)) {
    lines.push(`  ${z.padStart(4)} ${String(e.tiles).padStart(6)} ${kb(e.bytes)} ${kb(e.gzipBytes)} ${kb(e.maxGzipBytes)} ${String(report.placeholders[Number(z)] ?? 0).padStart(13)}`);
  }
  lines.push(`  commune tiles z${report.minzoom}–${report.maxzoom}: ${report.tiles} tiles, ${(report.bytes / 1e6).toFixed(2)} MB raw, ${(report.gzipBytes / 1e6).toFixed(2)} MB gzip; tiles step ${report.seconds} s`);
  return lines.join('\n');
}
