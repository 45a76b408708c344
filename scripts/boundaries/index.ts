// Boundaries step (the data spine): communes geometry + COG tables +
// populations légales → geo/{level}-{zone}.topo.json, index/{level}.json and
// the geometry part of manifest.json. Pure steps in sibling modules; I/O here.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BuildContext } from '../lib/context.ts';
import { loadCogTables } from '../lib/cog.ts';
import { updateManifest } from '../lib/manifest.ts';
import { resolveSource } from '../lib/sources.ts';
import { LEVELS, ZONES, type Level } from '../../src/lib/levels.ts';
import { degradedCommunes, toCommuneShapes } from './communes.ts';
import { extractCommuneFacts, type DecoupageCommune } from './facts.ts';
import { buildLayers } from './layers.ts';
import { buildTerritoryIndexes, toMemberships } from './territory-index.ts';
import { toColumns } from '../../src/lib/record-columns.ts';
import { writeJsonFile, type WrittenFile } from '../lib/json-file.ts';

export const BOUNDARY_SOURCES = [
  'cog2025-communes-geometry',
  'cog2025-communes-supra',
  'cog2025-zonages',
  'cog2025-epci',
  'decoupage-administratif-communes',
] as const;

export interface GeometryFileEntry extends WrittenFile {
  zone: string;
  features: number;
}

export interface BoundariesReport {
  seconds: number;
  features: Record<Level, number>;
  geometry: Record<Level, GeometryFileEntry[]>;
  index: Record<Level, WrittenFile>;
  communeLayerGzipBytes: number;
  areasComputed: string[];
  /** Communes drawn far smaller than their official area by the source (see degradedCommunes). */
  degradedGeometry: string[];
  populationUnknown: string[];
  nameDifferences: number;
}

export async function buildBoundaries(ctx: BuildContext): Promise<void> {
  const started = performance.now();
  const geometrySource = await resolveSource(ctx, 'cog2025-communes-geometry');
  const cog = await loadCogTables(ctx);
  const packageFile = await resolveSource(ctx, 'decoupage-administratif-communes');

  ctx.log('  reading commune geometry…');
  const collection = JSON.parse(readFileSync(geometrySource, 'utf8')) as GeoJSON.FeatureCollection;
  const shapes = toCommuneShapes(collection.features);
  const factsResult = extractCommuneFacts(JSON.parse(readFileSync(packageFile, 'utf8')) as DecoupageCommune[], cog.communes);
  checkCoverage(shapes.map((s) => s.code), cog.communes.map((c) => c.code), factsResult);
  if (factsResult.nameDifferences.length > 0) {
    ctx.log(`  ${factsResult.nameDifferences.length} commune names differ between the COG 2025 and decoupage-administratif (COG kept), e.g. ${factsResult.nameDifferences.slice(0, 3).map((d) => `${d.code} "${d.cog}" / "${d.package}"`).join(', ')}`);
  }

  ctx.log('  building topologies (per zone)…');
  const memberships = new Map(toMemberships(cog.communes).map((m) => [m.code, m]));
  const layers = buildLayers(shapes, memberships, { log: ctx.log });
  const indexes = buildTerritoryIndexes({
    communes: cog.communes,
    shapes: new Map(shapes.map((s) => [s.code, s])),
    facts: factsResult.facts,
    epci: cog.epci,
  });

  ctx.log('  writing…');
  const geometry = {} as Record<Level, GeometryFileEntry[]>;
  const index = {} as Record<Level, WrittenFile>;
  const features = {} as Record<Level, number>;
  for (const level of LEVELS) {
    geometry[level] = [];
    for (const zone of ZONES) {
      const topology = layers[level][zone];
      if (!topology) continue;
      const written = writeJsonFile(ctx.outDir, `geo/${level}-${zone}.topo.json`, topology);
      geometry[level].push({ zone, ...written, features: topology.objects.territories.geometries.length });
    }
    // The records as objects for the build's later steps; as columns for the viewer (parsed several times faster).
    writeJsonFile(ctx.outDir, `index/${level}.json`, indexes[level]);
    index[level] = writeJsonFile(ctx.outDir, `index/${level}.columns.json`, { level, ...toColumns(indexes[level].territories) });
    features[level] = indexes[level].territories.length;
  }
  updateManifest(ctx, BOUNDARY_SOURCES, {
    geometry: Object.fromEntries(
      LEVELS.map((level) => [level, geometry[level].map(({ zone, url, bytes, gzipBytes, features: n }) => ({ zone, url, bytes, gzipBytes, features: n }))]),
    ),
    index: Object.fromEntries(LEVELS.map((level) => [level, index[level].url])),
  });

  const report: BoundariesReport = {
    seconds: Math.round((performance.now() - started) / 100) / 10,
    features,
    geometry,
    index,
    communeLayerGzipBytes: geometry.commune.reduce((sum, f) => sum + f.gzipBytes, 0),
    areasComputed: shapes.filter((s) => s.areaComputed).map((s) => s.code),
    degradedGeometry: degradedCommunes(shapes),
    populationUnknown: indexes.commune.territories.filter((t) => t.population === null).map((t) => t.code),
    nameDifferences: factsResult.nameDifferences.length,
  };
  mkdirSync(ctx.reportDir, { recursive: true });
  writeFileSync(path.join(ctx.reportDir, 'boundaries.json'), `${JSON.stringify(report, null, 2)}\n`);
  ctx.log(summaryTable(report));
}

function checkCoverage(geometryCodes: string[], cogCodes: string[], facts: { missing: string[] }): void {
  const geometry = new Set(geometryCodes);
  const cog = new Set(cogCodes);
  const noGeometry = cogCodes.filter((c) => !geometry.has(c));
  const noCog = geometryCodes.filter((c) => !cog.has(c));
  if (noGeometry.length > 0 || noCog.length > 0) {
    throw new Error(`Geometry and COG tables disagree: ${noGeometry.length} COG communes without geometry (${noGeometry.slice(0, 5).join(', ')}), ${noCog.length} geometries not in the COG (${noCog.slice(0, 5).join(', ')})`);
  }
  if (facts.missing.length > 0) {
    throw new Error(`${facts.missing.length} COG communes are missing from decoupage-administratif: ${facts.missing.slice(0, 10).join(', ')}`);
  }
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KB`.padStart(9);

export function summaryTable(report: BoundariesReport): string {
  const lines = ['', '  level        zone   features       raw      gzip'];
  for (const level of LEVELS) {
    for (const f of report.geometry[level]) {
      lines.push(`  ${level.padEnd(12)} ${f.zone.padEnd(5)} ${String(f.features).padStart(9)} ${kb(f.bytes)} ${kb(f.gzipBytes)}`);
    }
    const i = report.index[level];
    lines.push(`  ${level.padEnd(12)} index ${String(report.features[level]).padStart(9)} ${kb(i.bytes)} ${kb(i.gzipBytes)}`);
  }
  if (report.degradedGeometry.length > 0) lines.push(`  ${report.degradedGeometry.length} communes are slivers in the source geometry: ${report.degradedGeometry.join(', ')}`);
  lines.push(`  commune layer, all zones: ${(report.communeLayerGzipBytes / 1e6).toFixed(2)} MB gzip; boundaries step ${report.seconds} s`);
  return lines.join('\n');
}
