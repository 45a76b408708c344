// The commune tiles step on a tiny fixture: two neighbouring communes near
// Paris, one 40 m wide (geojson-vt's own simplification would drop it at
// national zoom), and one in Mayotte; cut, encoded, decoded back with
// @mapbox/vector-tile.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { topology } from 'topojson-server';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { afterAll, describe, expect, it } from 'vitest';
import { COMMUNE_TILE_OPTIONS, cutTiles, decodeCommuneTopologies, TILE_EXTENT, TILE_LAYER, writeTiles, type TileOptions } from '../../scripts/boundaries/tiles.ts';
import type { ZoneTopology } from '../../scripts/boundaries/topology.ts';

const square = (code: string, x: number, y: number, size: number): GeoJSON.Feature<GeoJSON.Polygon, { code: string }> => ({
  type: 'Feature',
  properties: { code },
  geometry: { type: 'Polygon', coordinates: [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]] },
});

const zone = (features: GeoJSON.Feature[]): ZoneTopology =>
  topology({ territories: { type: 'FeatureCollection', features } as GeoJSON.FeatureCollection }, 1e5) as unknown as ZoneTopology;
const metro = zone([square('75056', 2.25, 48.8, 0.2), square('92012', 2.45, 48.8, 0.2), square('92044', 2.7, 48.9, 0.0005)]);
const mayotte = zone([square('97611', 45.2, -12.8, 0.05)]);
const CODES = ['75056', '92012', '92044', '97611'];
const OPTIONS: TileOptions = { ...COMMUNE_TILE_OPTIONS, maxzoom: 7 };

function decode(data: Uint8Array) {
  const layer = new VectorTile(new PbfReader(data)).layers[TILE_LAYER]!;
  return Array.from({ length: layer.length }, (_, i) => layer.feature(i));
}

const out = mkdtempSync(path.join(tmpdir(), 'cls-tiles-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('commune vector tiles', () => {
  const collection = decodeCommuneTopologies([metro, mayotte]);
  const set = cutTiles([metro, mayotte], OPTIONS);

  it('decodes the published topologies, every zone', () => {
    expect(collection.features.map((f) => f.properties.code)).toEqual(CODES);
  });

  it('gives back every code, with only the code property, in one source layer', () => {
    const seen = new Set<string>();
    for (const data of set.tiles.values()) {
      const layers = Object.keys(new VectorTile(new PbfReader(data)).layers);
      expect(layers).toEqual([TILE_LAYER]);
      for (const f of decode(data)) {
        expect(f.type).toBe(3);
        expect(f.extent).toBe(TILE_EXTENT);
        expect(Object.keys(f.properties)).toEqual(['code']);
        seen.add(String(f.properties.code));
      }
    }
    expect([...seen].sort()).toEqual(CODES);
  });

  it('keeps every commune at every zoom from presenceMinzoom on, the tiny one too, with no placeholder', () => {
    for (let z = OPTIONS.presenceMinzoom; z <= OPTIONS.maxzoom; z++) {
      const codes = new Set<string>();
      for (const [key, data] of set.tiles) if (key.startsWith(`${z}/`)) for (const f of decode(data)) codes.add(String(f.properties.code));
      expect([...codes].sort(), `z${z}`).toEqual(CODES);
    }
    for (let z = OPTIONS.presenceMinzoom; z <= OPTIONS.maxzoom; z++) expect(set.placeholders[z], `z${z}`).toBe(0);
  });

  it('puts features where they are: Paris in its tile at zoom 7, Mayotte in the southern hemisphere', () => {
    // 2.35°E 48.9°N at z7 is tile x 64, y 44.
    const paris = decode(set.tiles.get('7/64/44')!).map((f) => String(f.properties.code));
    expect(paris).toContain('75056');
    const mayotteTile = [...set.tiles.keys()].find((k) => k.startsWith('7/') && decode(set.tiles.get(k)!).some((f) => f.properties.code === '97611'))!;
    const [, , y] = mayotteTile.split('/').map(Number);
    expect(y).toBeGreaterThan(64);
    const feature = decode(set.tiles.get(mayotteTile)!).find((f) => f.properties.code === '97611')!;
    const [x0, y0] = mayotteTile.split('/').slice(1).map(Number) as [number, number];
    const geo = feature.toGeoJSON(x0, y0, 7).geometry as GeoJSON.Polygon;
    const [lng, lat] = geo.coordinates[0]![0]!;
    expect(lng).toBeCloseTo(45.2, 1);
    expect(lat).toBeCloseTo(-12.8, 1);
  });

  it('is deterministic and writes an XYZ folder with its manifest entry', () => {
    const again = cutTiles([metro, mayotte], OPTIONS);
    expect([...again.tiles.keys()]).toEqual([...set.tiles.keys()]);
    for (const [key, data] of set.tiles) expect(Buffer.from(again.tiles.get(key)!).equals(Buffer.from(data)), key).toBe(true);

    const entry = writeTiles(out, 'commune', set, OPTIONS);
    expect(entry).toMatchObject({ url: 'tiles/commune/{z}/{x}/{y}.pbf', minzoom: 0, maxzoom: 7, layer: TILE_LAYER, tiles: set.tiles.size });
    expect(entry.bounds[0]).toBeLessThanOrEqual(2.25);
    expect(entry.bounds[1]).toBeLessThanOrEqual(-12.8);
    expect(entry.bounds[2]).toBeGreaterThanOrEqual(45.25);
    expect(entry.bounds[3]).toBeGreaterThanOrEqual(49);
    expect(entry.gzipBytes).toBeGreaterThan(0);
    expect(readdirSync(path.join(out, 'tiles', 'commune')).sort()).toEqual(['0', '1', '2', '3', '4', '5', '6', '7']);
    const [key, data] = [...set.tiles][0]!;
    expect(readFileSync(path.join(out, 'tiles', 'commune', `${key}.pbf`)).equals(Buffer.from(data))).toBe(true);
  });
});
