// Child process: the project's boundaries pipeline, geometry part only (the
// same work as boundaries-mapshaper.ts, without the territory indexes, the
// populations package and the manifest): read, join, topology per zone,
// simplify, dissolve, write one TopoJSON per level and zone.
//   tsx scripts/bench/boundaries-ours.ts --mirror DIR --out DIR
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildCommuneRecords, readCsvRecords } from '../lib/cog.ts';
import { toCommuneShapes } from '../boundaries/communes.ts';
import { buildLayers } from '../boundaries/layers.ts';
import { toMemberships } from '../boundaries/territory-index.ts';
import { LEVELS, ZONES } from '../../src/lib/levels.ts';
import { argValue, boundaryInputs, RESULT_PREFIX } from './boundary-inputs.ts';

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const mirror = argValue(argv, 'mirror');
  const out = argValue(argv, 'out');
  if (!mirror || !out) throw new Error('usage: boundaries-ours.ts --mirror DIR --out DIR');
  const inputs = boundaryInputs(mirror);
  const started = performance.now();
  const collection = JSON.parse(readFileSync(inputs.communes, 'utf8')) as GeoJSON.FeatureCollection;
  const shapes = toCommuneShapes(collection.features);
  const records = buildCommuneRecords(readCsvRecords(readFileSync(inputs.supra, 'utf8')), readCsvRecords(readFileSync(inputs.zonages, 'utf8')));
  const memberships = new Map(toMemberships(records).map((m) => [m.code, m]));
  const layers = buildLayers(shapes, memberships);
  mkdirSync(out, { recursive: true });
  for (const level of LEVELS) {
    for (const zone of ZONES) {
      const topology = layers[level][zone];
      if (topology) writeFileSync(path.join(out, `${level}-${zone}.topo.json`), JSON.stringify(topology));
    }
  }
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(`${RESULT_PREFIX}${JSON.stringify({ seconds })}\n`);
}

await main();
