// The boundaries step on the real mirror, built twice into temp dirs with the
// same function scripts/build.ts calls.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultContext, type BuildContext } from '../../scripts/lib/context.ts';
import { buildBoundaries, type BoundariesReport } from '../../scripts/boundaries/index.ts';
import { COMMUNE_LAYER_GZIP_BUDGET } from '../../scripts/boundaries/budget.ts';
import { buildTerritoryTiles, TILE_LAYER, type TilesManifestEntry, type TilesReport } from '../../scripts/boundaries/tiles.ts';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { emptyTerritories, polygonsOf, ringArea, type ZoneTopology } from '../../scripts/boundaries/topology.ts';
import type { TerritoryEntry, TerritoryIndex } from '../../scripts/boundaries/types.ts';
import { LEVELS, SUPRA_LEVELS, type Level } from '../../src/lib/levels.ts';
import { ColumnarRecords, type RecordColumns } from '../../src/lib/record-columns.ts';

const root = mkdtempSync(path.join(tmpdir(), 'cls-boundaries-'));
const contextIn = (name: string): BuildContext => ({
  ...defaultContext([]),
  outDir: path.join(root, name, 'data'),
  reportDir: path.join(root, name, 'report'),
  log: () => {},
});
const first = contextIn('a');
const second = contextIn('b');

const readJson = <T>(ctx: BuildContext, url: string): T => JSON.parse(readFileSync(path.join(ctx.outDir, url), 'utf8')) as T;
const index = {} as Record<Level, Map<string, TerritoryEntry>>;
let manifest: {
  sources: Array<{ id: string; producer: string; licence: string }>;
  geometry: Record<Level, Array<{ zone: string; url: string; bytes: number; gzipBytes: number; features: number }>>;
  index: Record<Level, string>;
  tiles: { commune: TilesManifestEntry };
};

function hashTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const file = path.join(d, name);
      if (statSync(file).isDirectory()) walk(file);
      else out[path.relative(dir, file)] = createHash('sha256').update(readFileSync(file)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

beforeAll(async () => {
  await buildBoundaries(first);
  await buildTerritoryTiles(first);
  await buildBoundaries(second);
  await buildTerritoryTiles(second);
  manifest = readJson(first, 'manifest.json');
  for (const level of LEVELS) {
    // The viewer's columns file holds exactly the build's records.
    const file = readJson<TerritoryIndex>(first, `index/${level}.json`);
    expect(file.level).toBe(level);
    index[level] = new Map(file.territories.map((t) => [t.code, t]));
    const columns = readJson<RecordColumns & { level: string }>(first, manifest.index[level]);
    expect(columns.level).toBe(level);
    expect([...new ColumnarRecords<TerritoryEntry>(columns, 'code').values()], level).toEqual(file.territories);
  }
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('boundaries on the COG 2025 mirror', () => {
  it('has the expected number of territories at each level, in the index and in the geometry', () => {
    const expected: Record<Level, number> = { commune: 34_875, epci: 1_259, bv: 1_707, departement: 101, region: 18 };
    for (const level of LEVELS) {
      expect(index[level].size, level).toBe(expected[level]);
      expect(manifest.geometry[level].reduce((sum, f) => sum + f.features, 0), level).toBe(expected[level]);
    }
    const epci = [...index.epci.values()];
    expect(epci.filter((t) => t.nature)).toHaveLength(1_255);
    expect(epci.filter((t) => t.noEpci).map((t) => t.code)).toEqual(['22016', '29083', '29155', '85113']);
  });

  it('gives every commune one existing parent at each supra level', () => {
    const orphans: string[] = [];
    for (const commune of index.commune.values()) {
      for (const level of SUPRA_LEVELS) {
        const parent = commune.parents[level];
        if (!parent || !index[level].has(parent)) orphans.push(`${commune.code} → ${level}`);
      }
    }
    expect(orphans).toEqual([]);
  });

  it('sums commune populations and counts into every coarser territory', () => {
    for (const level of SUPRA_LEVELS) {
      const sums = new Map<string, { population: number; communes: number }>();
      for (const c of index.commune.values()) {
        const s = sums.get(c.parents[level]!) ?? { population: 0, communes: 0 };
        s.population += c.population ?? 0;
        s.communes += 1;
        sums.set(c.parents[level]!, s);
      }
      const wrong = [...index[level].values()]
        .filter((t) => t.population !== sums.get(t.code)?.population || t.communes !== sums.get(t.code)?.communes)
        .map((t) => `${level} ${t.code}`);
      expect(wrong).toEqual([]);
    }
    const france = [...index.region.values()].reduce((sum, r) => sum + r.population!, 0);
    expect(france).toBeGreaterThan(68_000_000);
  });

  it('keeps every commune geometry non-empty', () => {
    for (const file of manifest.geometry.commune) {
      expect(emptyTerritories(readJson<ZoneTopology>(first, file.url)), file.zone).toEqual([]);
    }
  });

  it('nests exactly: each territory area is the sum of its commune areas, in grid units', () => {
    const areas = (topology: ZoneTopology) =>
      new Map(topology.objects.territories.geometries.map((g) => [g.properties.code, polygonsOf(g).reduce((sum, polygon) => sum + polygon.reduce((s, ring, i) => s + (i === 0 ? 1 : -1) * ringArea(topology, ring), 0), 0)]));
    for (const { zone, url } of manifest.geometry.commune) {
      const communeAreas = areas(readJson<ZoneTopology>(first, url));
      for (const level of SUPRA_LEVELS) {
        const expected = new Map<string, number>();
        for (const [code, area] of communeAreas) {
          const parent = index.commune.get(code)!.parents[level]!;
          expected.set(parent, (expected.get(parent) ?? 0) + area);
        }
        const actual = areas(readJson<ZoneTopology>(first, `geo/${level}-${zone}.topo.json`));
        // Exact in grid units, except where a sliver commune of the source (62880 Le Wast) overlaps
        // its neighbours by a few grid cells: tolerate 1e-4 of the territory's area.
        const wrong = [...expected].filter(([code, area]) => Math.abs(actual.get(code)! - area) > 1e-4 * area).map(([code]) => code);
        expect(wrong, `${level} ${zone}`).toEqual([]);
        const inexact = [...expected].filter(([code, area]) => actual.get(code) !== area).length;
        expect(inexact, `${level} ${zone}`).toBeLessThanOrEqual(1);
      }
    }
  });

  it('keeps the commune layer within its gzip budget', () => {
    const gzip = manifest.geometry.commune.reduce((sum, f) => sum + f.gzipBytes, 0);
    expect(gzip).toBeLessThanOrEqual(COMMUNE_LAYER_GZIP_BUDGET);
  });

  it('places Coulommiers and Mamoudzou', () => {
    const coulommiers = index.commune.get('77131')!;
    expect(coulommiers).toMatchObject({ name: 'Coulommiers', parents: { epci: '200090504', departement: '77', region: '11' } });
    expect(coulommiers.postcodes).toEqual(['77120']);
    expect(index.epci.get('200090504')).toMatchObject({ name: 'CA Coulommiers Pays de Brie', nature: 'CA', siren: '200090504' });
    expect(index.departement.get('77')!.name).toBe('Seine-et-Marne');
    expect(index.commune.get('97611')).toMatchObject({ name: 'Mamoudzou', zone: '976', parents: { departement: '976', region: '06' } });
    const mayotte = readJson<ZoneTopology>(first, 'geo/commune-976.topo.json');
    expect(mayotte.objects.territories.geometries.map((g) => g.properties.code)).toContain('97611');
  });

  it('describes every file in the manifest, with credits', () => {
    expect(manifest.sources.map((s) => s.id)).toContain('cog2025-communes-geometry');
    for (const s of manifest.sources) expect(s.producer && s.licence).toBeTruthy();
    for (const level of LEVELS) {
      for (const f of manifest.geometry[level]) expect(statSync(path.join(first.outDir, f.url)).size).toBe(f.bytes);
    }
  });

  it('cuts commune tiles that hold every commune at the national overview zooms', () => {
    const tiles = manifest.tiles.commune;
    expect(tiles).toMatchObject({ url: 'tiles/commune/{z}/{x}/{y}.pbf', minzoom: 0, layer: TILE_LAYER });
    expect(tiles.bounds[0]).toBeLessThan(-61); // Guadeloupe
    expect(tiles.bounds[2]).toBeGreaterThan(55); // La Réunion
    const report = JSON.parse(readFileSync(path.join(first.reportDir, 'tiles.json'), 'utf8')) as TilesReport;
    expect(report.gzipBytes).toBe(tiles.gzipBytes);
    expect(tiles.gzipBytes).toBeGreaterThan(0);
    // National overview of metro France on a laptop: zoom 5 (4 to 6 across screens).
    for (const z of [4, 5, 6]) {
      const dir = path.join(first.outDir, 'tiles', 'commune', String(z));
      const codes = new Set<string>();
      for (const x of readdirSync(dir)) {
        for (const y of readdirSync(path.join(dir, x))) {
          const layer = new VectorTile(new PbfReader(readFileSync(path.join(dir, x, y)))).layers[TILE_LAYER]!;
          for (let i = 0; i < layer.length; i++) codes.add(String(layer.feature(i).properties.code));
        }
      }
      expect(codes.size, `z${z}`).toBe(34_875);
      expect([...index.commune.keys()].every((c) => codes.has(c)), `z${z}`).toBe(true);
    }
    // What the national view at zoom 5 puts on the wire, all zoom-5 tiles (DROM included).
    expect(report.zooms[5]!.gzipBytes).toBeLessThan(1_500_000);
  });

  it('is deterministic and fast enough', () => {
    expect(hashTree(second.outDir)).toEqual(hashTree(first.outDir));
    const report = JSON.parse(readFileSync(path.join(first.reportDir, 'boundaries.json'), 'utf8')) as BoundariesReport;
    expect(report.seconds).toBeLessThan(60);
    expect(report.degradedGeometry).toContain('62880');
  });
});
