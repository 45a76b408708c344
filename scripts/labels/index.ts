// Labels step: place-name points (régions, départements, main towns, then
// every commune) read from the published topologies and indexes →
// labels/places.json (loaded with the map) and labels/communes.json (loaded
// once the map is zoomed in), and the `labels` part of manifest.json.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Topology } from 'topojson-specification';
import type { BuildContext } from '../lib/context.ts';
import { updateManifest } from '../lib/manifest.ts';
import { ZONES } from '../../src/lib/levels.ts';
import { writeJsonFile } from '../lib/json-file.ts';
import { labelRows, splitRows, type LabelKind, type LabelRow, type NamedTerritory } from './label-points.ts';

/** Communes of at least this population are « main towns », shown from national zooms. */
export const TOWN_POPULATION = 10_000;

const readJson = <T>(ctx: BuildContext, rel: string): T => JSON.parse(readFileSync(path.join(ctx.outDir, rel), 'utf8')) as T;

export async function buildLabels(ctx: BuildContext): Promise<void> {
  const rows: LabelRow[] = [];
  for (const kind of ['region', 'departement', 'commune'] as const satisfies readonly LabelKind[]) {
    const index = new Map(readJson<{ territories: NamedTerritory[] }>(ctx, `index/${kind}.json`).territories.map((t) => [t.code, t]));
    for (const zone of ZONES) {
      const topology = readJson<Topology>(ctx, `geo/${kind}-${zone}.topo.json`);
      rows.push(...labelRows(kind, topology, index));
    }
  }
  const { places, communes } = splitRows(rows, TOWN_POPULATION);
  const fields = ['kind', 'code', 'name', 'lng', 'lat', 'population'];
  const placesFile = writeJsonFile(ctx.outDir, 'labels/places.json', { fields, rows: places });
  const communesFile = writeJsonFile(ctx.outDir, 'labels/communes.json', { fields, rows: communes });
  updateManifest(ctx, [], { labels: { places: placesFile.url, communes: communesFile.url, townPopulation: TOWN_POPULATION } });
  const kb = (n: number) => `${Math.round(n / 1024)} KB`;
  ctx.log(`  places: ${places.length} (${kb(placesFile.bytes)}, ${kb(placesFile.gzipBytes)} gzip); other communes: ${communes.length} (${kb(communesFile.bytes)}, ${kb(communesFile.gzipBytes)} gzip)`);
}
