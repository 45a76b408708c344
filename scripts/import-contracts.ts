// Imports a list of CLS into the registry.
//   npm run import:contracts -- regional.csv [--out data/contracts/registry.json] [--dry-run] [--force]
//   npm run import:contracts -- data/contracts/imports/ars-ara.json [...]   (polygon file, see the spec)
// Reads a CSV (delimiter and encoding detected, columns in docs/contracts.md)
// or, for a `.json` import spec, a polygon file of contracts (communes by area
// share). Prints the matching report, matches each new line against the
// registry (duplicates enrich the known line), validates the result; writes
// only when the merged registry has no error (or with --force), never with --dry-run.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { defaultContext, type BuildContext } from './lib/context.ts';
import { loadCogTables, readCsvRecords, type CogTables } from './lib/cog.ts';
import { resolveSource } from './lib/sources.ts';
import { readCsv } from '../src/lib/csv.ts';
import { formatIssue, hasErrors, validateRegistry, type CogLookup, type Contract, type ContractRegistry } from '../src/lib/contracts.ts';
import { formatImportReport, formatMergeReport, importContractRows, mergeIntoRegistry } from './overlays/contract-import.ts';
import { compareAssignments, formatPolygonReport, importPolygonContracts, type PolygonFeature, type PolygonImportSpec } from './overlays/polygon-import.ts';
import { toCommuneShapes } from './boundaries/communes.ts';
import { cogLookupFromTables, readRegistry, REGISTRY_FILE, writeRegistry } from './overlays/registry.ts';

const argv = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
};
const valueFlags = new Set(['--out', '--mirror']);
const input = argv.find((a, i) => !a.startsWith('--') && !valueFlags.has(argv[i - 1] ?? ''));
if (!input) {
  process.stderr.write('usage: npm run import:contracts -- regional.csv|spec.json [--out data/contracts/registry.json] [--dry-run] [--force]\n');
  process.exit(2);
}
const out = path.resolve(option('out') ?? REGISTRY_FILE);
const dryRun = argv.includes('--dry-run');
const force = argv.includes('--force');

const ctx = defaultContext(argv);
const tables = await loadCogTables(ctx);
const cog = cogLookupFromTables(tables);

async function importCsv(file: string): Promise<{ contracts: Contract[]; print: (merge: Parameters<typeof formatImportReport>[1]) => string }> {
  const table = readCsv(readFileSync(file));
  process.stdout.write(`Fichier : ${input} (séparateur « ${table.delimiter === '\t' ? 'tab' : table.delimiter} », encodage ${table.encoding})\n`);
  const { contracts, report } = importContractRows(table.headers, table.rows, { cog, historicalPassage: tables.historicalPassage });
  return { contracts, print: (merge) => formatImportReport(report, merge) };
}

async function importPolygons(
  specFile: string,
  context: BuildContext,
  cogTables: CogTables,
): Promise<{ contracts: Contract[]; print: (merge: Parameters<typeof formatMergeReport>[0]) => string }> {
  const spec = JSON.parse(readFileSync(specFile, 'utf8')) as PolygonImportSpec;
  const polygonFile = await resolveSource(context, spec.sourceId);
  process.stdout.write(`Fichier : ${polygonFile} (spécification ${input})\n`);
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
  return { contracts, print: (merge) => `${formatPolygonReport(report, crossCheck)}\n${formatMergeReport(merge).join('\n')}` };
}

const source = input.endsWith('.json') ? await importPolygons(path.resolve(input), ctx, tables) : await importCsv(path.resolve(input));

const base: ContractRegistry = existsSync(out)
  ? readRegistry(out)
  : { version: 1, referenceDate: new Date().toISOString().slice(0, 7), description: 'Registre des contrats locaux de santé', contracts: [] };
const merged = mergeIntoRegistry(base, source.contracts, { cog: cog as CogLookup });
process.stdout.write(`${source.print(merged)}\n`);

const issues = validateRegistry(merged.registry, cog);
if (issues.length > 0) {
  const count = (level: string) => issues.filter((i) => i.level === level).length;
  process.stdout.write(`\nValidation du registre fusionné : ${count('error')} erreur(s), ${count('warning')} avertissement(s), ${count('info')} information(s)\n`);
  for (const issue of issues) process.stdout.write(`  ${formatIssue(issue)}\n`);
}
if (dryRun) {
  process.stdout.write(`\n--dry-run : ${out} non modifié\n`);
} else if (hasErrors(issues) && !force) {
  process.stderr.write(`\nRegistre non écrit : erreurs de validation (corriger le fichier, ou --force pour écrire quand même)\n`);
  process.exit(1);
} else {
  writeRegistry(merged.registry, out);
  process.stdout.write(`\nÉcrit : ${out} (${merged.registry.contracts.length} contrats)\n`);
}
