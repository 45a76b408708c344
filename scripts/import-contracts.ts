// Imports a list of CLS into the registry.
//   npm run import:contracts -- regional.csv [--out data/contracts/registry.json] [--dry-run] [--force] [--allow-shrink]
//   npm run import:contracts -- data/contracts/imports/ars-ara.json [...]   (polygon file, see docs/contracts.md)
// A CSV (encoding, binary content, quoting checked first; columns in
// docs/contracts.md) or, for a `.json` import spec, a polygon file of
// contracts (communes by area share). Prints the matching report, matches each
// new line against the registry (duplicates enrich the known line), validates
// the result. Writes only when some line was kept, the merged registry has no
// error (or --force) and is not smaller than the one on disk (or
// --allow-shrink); never with --dry-run. Exit code 1 when anything was
// rejected, 2 when the file cannot be read (scripts/overlays/contract-import-run.ts).
import { readFileSync } from 'node:fs';
import { defaultContext, type BuildContext } from './lib/context.ts';
import { loadCogTables, readCsvRecords, type CogTables } from './lib/cog.ts';
import { resolveSource } from './lib/sources.ts';
import { formatMergeReport } from './overlays/contract-import.ts';
import { compareAssignments, formatPolygonReport, importPolygonContracts, type PolygonFeature, type PolygonImportSpec } from './overlays/polygon-import.ts';
import { toCommuneShapes } from './boundaries/communes.ts';
import { cogLookupFromTables } from './overlays/registry.ts';
import { runContractImport, type ImportedList } from './overlays/contract-import-run.ts';

const argv = process.argv.slice(2);

/** A polygon import spec: the polygons' source, how their fields map, and an optional cross-check table. */
async function readPolygonSpec(specFile: string, context: BuildContext, cogTables: CogTables): Promise<ImportedList> {
  const cog = cogLookupFromTables(cogTables);
  const spec = JSON.parse(readFileSync(specFile, 'utf8')) as PolygonImportSpec;
  const polygonFile = await resolveSource(context, spec.sourceId);
  process.stdout.write(`Fichier : ${polygonFile} (spécification ${specFile})\n`);
  const collection = JSON.parse(readFileSync(polygonFile, 'utf8')) as { features: PolygonFeature[] };
  const geometry = JSON.parse(readFileSync(await resolveSource(context, 'cog2025-communes-geometry'), 'utf8')) as {
    features: Parameters<typeof toCommuneShapes>[0];
  };
  const communes = toCommuneShapes(geometry.features).map((s) => ({ code: s.code, geometry: s.geometry, bbox: s.bbox }));
  const { contracts, report } = importPolygonContracts(collection.features, spec, {
    communes,
    membership: { epciOf: (code) => cogTables.communeByCode.get(code)?.epci ?? undefined, epciMembers: (siren) => cog.epciMembers(siren) },
    departementOf: (code) => cogTables.communeByCode.get(code)?.departement,
  });
  let crossCheck: Parameters<typeof formatPolygonReport>[1];
  if (spec.crossCheck) {
    const rows = readCsvRecords(readFileSync(await resolveSource(context, spec.crossCheck.sourceId), 'utf8'));
    const byName = new Map<string, Set<string>>();
    for (const row of rows) {
      const name = row[spec.crossCheck.nameColumn]!;
      const set = byName.get(name) ?? new Set<string>();
      set.add(row[spec.crossCheck.communeColumn]!);
      byName.set(name, set);
    }
    crossCheck = { label: spec.crossCheck.label, differences: compareAssignments(report.lines, byName) };
  }
  return { contracts, report: (merge) => `${formatPolygonReport(report, crossCheck)}\n${formatMergeReport(merge).join('\n')}`, dropped: report.rejected.length > 0 ? `${report.rejected.length} polygone(s) rejeté(s)` : '' };
}

try {
  const context = defaultContext(argv);
  let tables: CogTables | undefined;
  const loadTables = async () => (tables ??= await loadCogTables(context));
  const code = await runContractImport(
    argv,
    async () => {
      const t = await loadTables();
      return { cog: cogLookupFromTables(t), historicalPassage: t.historicalPassage };
    },
    { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) },
    async (file) => readPolygonSpec(file, context, await loadTables()),
  );
  process.exitCode = code;
} catch (error) {
  // A French line, not a stack trace (CLS_ATLAS_DEBUG=1 shows it).
  process.stderr.write(`Import interrompu : ${error instanceof Error ? error.message : String(error)}\n`);
  if (process.env.CLS_ATLAS_DEBUG) process.stderr.write(`${error instanceof Error ? error.stack : ''}\n`);
  process.exitCode = 1;
}
