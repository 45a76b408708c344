// Pre-cut vector tiles of every level (docs/data-format.md, `tiles`): each
// level's TopoJSON of every zone as it is published (so tiles and topology
// agree), simplified per zoom on its shared arcs, cut by geojson-vt and
// encoded by vt-pbf into an XYZ folder `tiles/{level}/{z}/{x}/{y}.pbf`, one
// source layer `territories`, one property `code`.
//
// MapLibre tiling 35k polygons itself costs seconds (../shared/PERFORMANCE.md);
// a static folder of tiles costs a few small requests per view. The coarser
// levels are tiled too: the first view then fetches a few tiles instead of
// decoding a TopoJSON into a GeoJSON that MapLibre parses and tiles again.
//
// No gaps, no vanishing communes: geojson-vt's own simplification works ring
// by ring (neighbours lose different vertices of their common border: hairline
// gaps show the sea through the choropleth) and drops rings under its
// tolerance² (small communes vanish). So geojson-vt runs with tolerance 0 and
// the simplification is done before, on the topology, once per zoom.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { GeoJSONVT, type GeoJSONVTFeature, type GeoJSONVTTile } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { feature as topoFeature } from 'topojson-client';
import { presimplify, simplify } from 'topojson-simplify';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import type { BuildContext } from '../lib/context.ts';
import { LEVELS, type Level } from '../../src/lib/levels.ts';
import { updateManifest } from '../lib/manifest.ts';
import type { BBox } from './types.ts';
import { DEFAULT_MIN_WEIGHT, protectRings, type ZoneTopology } from './topology.ts';
import { gzipSize } from '../lib/json-file.ts';

export const TILE_LAYER = 'territories';
export const TILE_EXTENT = 4096;

export interface TileOptions {
  minzoom: number;
  /** Deepest zoom cut; MapLibre overzooms beyond it. */
  maxzoom: number;
  /** Simplification per zoom: a vertex whose Visvalingam triangle is under this share of a pixel² goes. */
  pixelArea: number;
  /** Below `detailMinzoom`, the (coarser) area a vertex's triangle must reach to be kept. */
  overviewPixelArea: number;
  detailMinzoom: number;
  /** Buffer around each tile, in tile units (hides the clip edges of outlines). */
  buffer: number;
  /** From this zoom on, every territory must keep a feature (a placeholder square if it had none). */
  presenceMinzoom: number;
}

/**
 * maxzoom 9: a tile unit is ≈ 13 m at 46°N there, finer than the 55 m grid
 * the commune topology is quantised on (docs/DATA-BUDGET.md), so overzooming
 * z9 tiles loses nothing. pixelArea 1/8: simplification drops only vertices
 * whose triangle is under an eighth of a pixel² (at zoom ≥ 8 that is below
 * the build's own threshold: the published geometry as it is). Below zoom 8
 * (national and regional views, where a commune is a few pixels wide) a
 * vertex is kept when its triangle reaches three pixels²: screenshots at
 * zooms 5.3 and 7.6 show no visible change from one pixel², and the first
 * view's tiles are parsed sooner (EPCI z5 tile 70 → 51 KB; cold first view
 * 697 → 639 ms, deep link to the commune map 1,144 → 1,023 ms, medians of 12
 * alternated runs, docs/PERFORMANCE.md).
 * presenceMinzoom 4: metro France fills a small screen from zoom ~4.5.
 */
export const COMMUNE_TILE_OPTIONS: TileOptions = {
  minzoom: 0,
  maxzoom: 9,
  pixelArea: 1 / 8,
  overviewPixelArea: 3,
  detailMinzoom: 8,
  buffer: 64,
  presenceMinzoom: 4,
};

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

/**
 * Visvalingam weight (planar triangle area, deg²) under which a vertex is
 * dropped at zoom z: `pixelArea` of a pixel of a 512-px tile at 46°N.
 */
export function zoomMinWeight(z: number, pixelArea: number): number {
  const degreesPerPixel = 360 / (512 * 2 ** z);
  return pixelArea * degreesPerPixel * degreesPerPixel * Math.cos((46 * Math.PI) / 180);
}

/** Removes consecutive repeated points (integer tile coordinates) from a closed ring; null if it collapses. */
function dedupeRing(ring: [number, number][]): [number, number][] | null {
  const out: [number, number][] = [];
  for (const p of ring) {
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  return out.length >= 4 ? out : null;
}

/**
 * Cuts the commune topologies of every zone into encoded vector tiles, zooms
 * minzoom..maxzoom. Each zoom simplifies the *shared arcs* (Visvalingam on
 * the topology, at `pixelArea` of a pixel), so neighbours keep the very same
 * border and no gap opens between them; geojson-vt then only clips and
 * projects (tolerance 0), so it drops no ring either.
 */
export function cutTiles(topologies: readonly ZoneTopology[], options: TileOptions = COMMUNE_TILE_OPTIONS): TileSet {
  const weighted = topologies.map((t) => {
    const w = presimplify(t as never) as unknown as ZoneTopology;
    delete w.transform; // presimplify returns absolute positions
    return w;
  });
  const full = decodeCommuneTopologies(topologies);
  const codes = full.features.map((f) => f.properties.code);
  const anchors = new Map(full.features.map((f) => [f.properties.code, unitSquare(anchorOf(f.geometry))]));
  const placeholders: Record<number, number> = {};
  const tiles = new Map<string, Uint8Array>();

  // Zooms whose threshold is below the build's own guard share the published geometry.
  let shared: GeoJSONVT | null = null;
  for (let z = options.minzoom; z <= options.maxzoom; z++) {
    const minWeight = zoomMinWeight(z, z < options.detailMinzoom ? options.overviewPixelArea : options.pixelArea);
    let index: GeoJSONVT;
    if (minWeight <= DEFAULT_MIN_WEIGHT) {
      shared ??= new GeoJSONVT(full, { maxZoom: options.maxzoom, indexMaxZoom: 0, tolerance: 0, extent: TILE_EXTENT, buffer: options.buffer });
      index = shared;
    } else {
      const simplified = weighted.map((w) => {
        protectRings(w, minWeight);
        return simplify(w as never, minWeight) as unknown as ZoneTopology;
      });
      index = new GeoJSONVT(decodeCommuneTopologies(simplified), { maxZoom: z, indexMaxZoom: 0, tolerance: 0, extent: TILE_EXTENT, buffer: options.buffer });
    }
    const level = new Map<string, GeoJSONVTFeature[]>();
    // Depth-first down to z over the tiles that hold something (geojson-vt returns null elsewhere).
    const visit = (tz: number, x: number, y: number): void => {
      const tile: GeoJSONVTTile | null = index.getTile(tz, x, y);
      if (!tile) return;
      if (tz < z) {
        for (const [dx, dy] of [[0, 0], [1, 0], [0, 1], [1, 1]] as const) visit(tz + 1, 2 * x + dx, 2 * y + dy);
        return;
      }
      const features: GeoJSONVTFeature[] = [];
      for (const f of tile.features) {
        const original = f.geometry as unknown as [number, number][][];
        // Rings collapsed by the tile grid go; from presenceMinzoom on, a commune left with none keeps one (degenerate) ring.
        const rings = original.map(dedupeRing).filter((r): r is [number, number][] => r !== null);
        if (rings.length === 0 && z >= options.presenceMinzoom && original.length > 0) rings.push(original[0]!);
        if (rings.length > 0) features.push({ type: 3, tags: { code: String(f.tags?.code) }, geometry: rings });
      }
      level.set(tileKey(z, x, y), features);
    };
    visit(0, 0, 0);

    // Safety net: a commune with no feature at this zoom gets a 1-unit square at one of its vertices.
    const present = new Set<string>();
    for (const features of level.values()) for (const f of features) if (f.geometry.length > 0) present.add(String(f.tags?.code));
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
  return { tiles, bounds: boundsOf(full.features), codes, placeholders };
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
  level: Level;
  seconds: number;
  /** Per zoom: tiles, raw and gzip bytes, largest tile (gzip). */
  zooms: Record<number, { tiles: number; bytes: number; gzipBytes: number; maxGzipBytes: number }>;
  placeholders: Record<number, number>;
}

/** Cuts one level's published topology (manifest.json → geometry[level]) into tiles/<level>/. */
function tileLevel(ctx: BuildContext, manifest: { geometry?: Partial<Record<Level, Array<{ url: string }>>> }, level: Level): TilesReport {
  const started = performance.now();
  const files = manifest.geometry?.[level] ?? [];
  if (files.length === 0) throw new Error(`manifest.json has no ${level} geometry: run the boundaries step first`);
  const topologies = files.map((f) => JSON.parse(readFileSync(path.join(ctx.outDir, f.url), 'utf8')) as ZoneTopology);
  const set = cutTiles(topologies);
  const entry = writeTiles(ctx.outDir, level, set);
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
  return { ...entry, level, seconds: Math.round((performance.now() - started) / 100) / 10, zooms, placeholders: set.placeholders };
}

/**
 * The tiles step: reads the TopoJSON the boundaries step published for each
 * level, cuts it, writes tiles/<level>/ and the manifest's `tiles` entries,
 * and build-report/tiles.json (the commune report, the other levels under
 * `levels`).
 */
export async function buildTerritoryTiles(ctx: BuildContext): Promise<void> {
  const manifest = JSON.parse(readFileSync(path.join(ctx.outDir, 'manifest.json'), 'utf8')) as { geometry?: Partial<Record<Level, Array<{ url: string }>>> };
  const reports = LEVELS.map((level) => tileLevel(ctx, manifest, level));
  const entries = Object.fromEntries(reports.map(({ level, seconds: _s, zooms: _z, placeholders: _p, ...entry }) => [level, entry]));
  updateManifest(ctx, [], { tiles: entries });
  const [commune, ...others] = reports;
  const report = { ...commune!, levels: Object.fromEntries(others.map((r) => [r.level, r])) };
  mkdirSync(ctx.reportDir, { recursive: true });
  writeFileSync(path.join(ctx.reportDir, 'tiles.json'), `${JSON.stringify(report, null, 2)}\n`);
  for (const r of reports) ctx.log(tilesSummary(r));
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KB`.padStart(9);

export function tilesSummary(report: TilesReport): string {
  const lines = ['', '  zoom  tiles       raw      gzip  max tile  placeholders'];
  for (const [z, e] of Object.entries(report.zooms)) {
    lines.push(`  ${z.padStart(4)} ${String(e.tiles).padStart(6)} ${kb(e.bytes)} ${kb(e.gzipBytes)} ${kb(e.maxGzipBytes)} ${String(report.placeholders[Number(z)] ?? 0).padStart(13)}`);
  }
  lines.push(`  ${report.level} tiles z${report.minzoom}–${report.maxzoom}: ${report.tiles} tiles, ${(report.bytes / 1e6).toFixed(2)} MB raw, ${(report.gzipBytes / 1e6).toFixed(2)} MB gzip; tiles step ${report.seconds} s`);
  return lines.join('\n');
}
