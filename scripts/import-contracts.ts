// Imports a regional list of CLS into the registry.
//   npm run import:contracts -- regional.csv [--out data/contracts/registry.json] [--dry-run] [--force]
// Reads the CSV (delimiter and encoding detected), maps its columns
// (docs/contracts.md), prints the matching report, merges the lines by id and
// validates the result; writes only when the merged registry has no error
// (or with --force), never with --dry-run.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { defaultContext } from './lib/context.ts';
import { loadCogTables } from './lib/cog.ts';
import { readCsv } from '../src/lib/csv.ts';
import { formatIssue, hasErrors, validateRegistry, type ContractRegistry } from '../src/lib/contracts.ts';
import { formatImportReport, importContractRows, mergeIntoRegistry } from './overlays/contract-import.ts';
import { cogLookupFromTables, readRegistry, REGISTRY_FILE, writeRegistry } from './overlays/registry.ts';

const argv = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
};
const valueFlags = new Set(['--out', '--mirror']);
const input = argv.find((a, i) => !a.startsWith('--') && !valueFlags.has(argv[i - 1] ?? ''));
if (!input) {
  process.stderr.write('usage: npm run import:contracts -- regional.csv [--out data/contracts/registry.json] [--dry-run] [--force]\n');
  process.exit(2);
}
const out = path.resolve(option('out') ?? REGISTRY_FILE);
const dryRun = argv.includes('--dry-run');
const force = argv.includes('--force');

const ctx = defaultContext(argv);
const tables = await loadCogTables(ctx);
const cog = cogLookupFromTables(tables);
const table = readCsv(readFileSync(path.resolve(input)));
process.stdout.write(`Fichier : ${input} (séparateur « ${table.delimiter === '\t' ? 'tab' : table.delimiter} », encodage ${table.encoding})\n`);
const { contracts, report } = importContractRows(table.headers, table.rows, { cog, historicalPassage: tables.historicalPassage });

const base: ContractRegistry = existsSync(out)
  ? readRegistry(out)
  : { version: 1, referenceDate: new Date().toISOString().slice(0, 7), description: 'Registre des contrats locaux de santé', contracts: [] };
const merged = mergeIntoRegistry(base, contracts);
process.stdout.write(`${formatImportReport(report, merged)}\n`);

const issues = validateRegistry(merged.registry, cog);
if (issues.length > 0) {
  process.stdout.write(`\nValidation du registre fusionné : ${issues.filter((i) => i.level === 'error').length} erreur(s), ${issues.filter((i) => i.level === 'warning').length} avertissement(s)\n`);
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
