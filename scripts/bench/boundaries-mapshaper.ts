// Child process: mapshaper doing the boundaries step's geometry work —
// commune GeoJSON joined with the COG tables, one topology per zone,
// Visvalingam simplification keeping every commune, dissolve to EPCI / BV /
// département / région, TopoJSON quantised per zone, one file per level.
//   tsx scripts/bench/boundaries-mapshaper.ts --mirror DIR --out DIR
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import mapshaper from 'mapshaper';
import { QUANTIZATION } from '../boundaries/topology.ts';
import { ZONES, type Zone } from '../../src/lib/levels.ts';
import { argValue, boundaryInputs, RESULT_PREFIX } from './boundary-inputs.ts';

/**
 * Visvalingam threshold as mapshaper's `interval` (metres, the side of the
 * effective-area square): the build keeps vertices whose triangle weighs
 * ≥ 1.3e-6 deg² ≈ 11,000 m² at 46°N, i.e. ≈ 105 m.
 */
export const MAPSHAPER_INTERVAL_M = 105;

const zoneOf = (code: string): Zone => {
  const p = code.slice(0, 3);
  return (ZONES as readonly string[]).includes(p) ? (p as Zone) : 'metro';
};

/** The header and the rows of one zone (DEPCOM, quoted, is the first column of both COG tables): spares mapshaper joining 35k rows per zone. */
export function csvRowsOfZone(csv: string, zone: Zone): string {
  const lines = csv.split('\n');
  return [lines[0], ...lines.slice(1).filter((l) => l.length > 6 && zoneOf(l.slice(1, 6)) === zone)].join('\n');
}

export function mapshaperCommands(zone: Zone): string {
  const q = QUANTIZATION[zone];
  return [
    '-i communes.json name=commune',
    '-join supra.csv keys=DEPCOM,DEPCOM string-fields=DEPCOM,EPCI,DEP,REG fields=EPCI,DEP,REG',
    '-join zonages.csv keys=DEPCOM,DEPCOM string-fields=DEPCOM,BV2022 fields=BV2022',
    // The 4 island communes outside any EPCI stand for themselves (as in the build).
    `-each "EPCI = EPCI == 'ZZZZZZZZZ' ? DEPCOM : EPCI"`,
    `-simplify visvalingam interval=${MAPSHAPER_INTERVAL_M} keep-shapes`,
    '-dissolve EPCI + name=epci target=commune',
    '-dissolve BV2022 + name=bv target=commune',
    '-dissolve DEP + name=departement target=commune',
    '-dissolve REG + name=region target=commune',
    // Like the build: the commune code only (names and figures live in the index).
    '-filter-fields DEPCOM target=commune',
    ...['commune', 'epci', 'bv', 'departement', 'region'].map((level) => `-o target=${level} format=topojson quantization=${q} ${level}-${zone}.topo.json`),
  ].join(' ');
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const mirror = argValue(argv, 'mirror');
  const out = argValue(argv, 'out');
  if (!mirror || !out) throw new Error('usage: boundaries-mapshaper.ts --mirror DIR --out DIR');
  const inputs = boundaryInputs(mirror);
  const started = performance.now();
  const collection = JSON.parse(readFileSync(inputs.communes, 'utf8')) as GeoJSON.FeatureCollection;
  const supra = readFileSync(inputs.supra, 'utf8');
  const zonages = readFileSync(inputs.zonages, 'utf8');
  mkdirSync(out, { recursive: true });
  const zoneSeconds: Record<string, number> = {};
  for (const zone of ZONES) {
    const t0 = performance.now();
    const features = collection.features.filter((f) => zoneOf(String(f.properties?.DEPCOM ?? '').padStart(5, '0')) === zone);
    if (features.length === 0) continue;
    const files = await mapshaper.applyCommands(mapshaperCommands(zone), {
      'communes.json': { type: 'FeatureCollection', features },
      'supra.csv': csvRowsOfZone(supra, zone),
      'zonages.csv': csvRowsOfZone(zonages, zone),
    });
    for (const [name, content] of Object.entries(files)) writeFileSync(path.join(out, name), content);
    zoneSeconds[zone] = (performance.now() - t0) / 1000;
  }
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(`${RESULT_PREFIX}${JSON.stringify({ seconds, zoneSeconds })}\n`);
}

await main();
