// The contract import command, as a function: arguments and COG lookups in,
// an exit code out, the registry written only when it is safe. The thin CLI
// (scripts/import-contracts.ts) passes the real COG; tests pass a small one.
//
// Exit codes: 0 every line imported; 1 something was rejected (lines, codes,
// validation errors, a refused file) — the registry is written only with the
// lines kept, and never when none is; 2 a usage error or a file that cannot
// be read.
import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readCsv } from '../../src/lib/csv.ts';
import { checkCsvStructure, decodeInput, describeCsvProblem, describeInputProblem, encodingLabel } from '../../src/lib/text-input.ts';
import { formatIssue, hasErrors, validateRegistry, type CogLookup, type Contract, type ContractRegistry } from '../../src/lib/contracts.ts';
import { formatImportReport, importContractRows, mergeIntoRegistry, type MergeResult } from './contract-import.ts';
import { REGISTRY_FILE, serialiseRegistry } from './registry.ts';

export const USAGE =
  'usage : npm run import:contracts -- liste.csv|spec-polygones.json [--out data/contracts/registry.json] [--dry-run] [--force] [--allow-shrink]\n';

/** What a list gives the merge: its contracts, its report, and what it had to drop. */
export interface ImportedList {
  readonly contracts: Contract[];
  report(merge: MergeResult): string;
  /** « 2 ligne(s) rejetée(s)… », empty when nothing was dropped. */
  readonly dropped: string;
}

/** Reads a polygon import spec (`.json`, docs/contracts.md): contracts by area share of their polygons. */
export type PolygonSpecReader = (file: string) => Promise<ImportedList>;

/** Largest list read (a national list of CLS is a few hundred KB). */
export const MAX_INPUT_BYTES = 100 * 1024 * 1024;

export interface ImportIo {
  out(text: string): void;
  err(text: string): void;
}

export interface CogForImport {
  readonly cog: CogLookup;
  readonly historicalPassage?: ReadonlyMap<string, readonly string[]>;
}

export interface ImportArgs {
  readonly input: string | undefined;
  readonly out: string;
  readonly dryRun: boolean;
  readonly force: boolean;
  readonly allowShrink: boolean;
}

export function parseImportArgs(argv: readonly string[], defaultOut = REGISTRY_FILE): ImportArgs {
  const option = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  };
  const valueFlags = new Set(['--out', '--mirror']);
  return {
    input: argv.find((a, i) => !a.startsWith('--') && !valueFlags.has(argv[i - 1] ?? '')),
    out: path.resolve(option('out') ?? defaultOut),
    dryRun: argv.includes('--dry-run'),
    force: argv.includes('--force'),
    allowShrink: argv.includes('--allow-shrink'),
  };
}

/** Reads the list, or says in French why it cannot (no stack trace). */
function readInput(file: string): { ok: true; bytes: Buffer } | { ok: false; message: string } {
  let stats;
  try {
    stats = statSync(file);
  } catch {
    return { ok: false, message: `Fichier introuvable : ${file}` };
  }
  if (stats.isDirectory()) return { ok: false, message: `${file} est un dossier : donnez le chemin d’un fichier CSV.` };
  if (!stats.isFile()) return { ok: false, message: `${file} n’est pas un fichier ordinaire.` };
  if (stats.size > MAX_INPUT_BYTES) return { ok: false, message: describeInputProblem({ kind: 'tooLarge', bytes: stats.size, limit: MAX_INPUT_BYTES }) };
  try {
    return { ok: true, bytes: readFileSync(file) };
  } catch (error) {
    return { ok: false, message: `Lecture impossible de ${file} : ${(error as NodeJS.ErrnoException).code ?? 'erreur inconnue'}` };
  }
}

/** The registry already at `out`, an empty one when there is none, or why it cannot be used. */
function readBase(out: string): { ok: true; registry: ContractRegistry; existed: boolean } | { ok: false; message: string } {
  if (!existsSync(out)) {
    return { ok: true, existed: false, registry: { version: 1, referenceDate: new Date().toISOString().slice(0, 7), description: 'Registre des contrats locaux de santé', contracts: [] } };
  }
  try {
    const parsed = JSON.parse(readFileSync(out, 'utf8')) as ContractRegistry;
    if (!parsed || typeof parsed !== 'object' || !Array.isArray(parsed.contracts)) throw new Error('shape');
    return { ok: true, existed: true, registry: parsed };
  } catch {
    return { ok: false, message: `${out} existe mais n’est pas un registre lisible (JSON avec un tableau "contracts") : rien n’est écrit. Choisissez un autre --out ou réparez ce fichier.` };
  }
}

/** Writes beside the target then renames: an interrupted write never leaves half a registry. */
function writeAtomically(file: string, content: string): void {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, content);
  renameSync(temp, file);
}

export async function runContractImport(
  argv: readonly string[],
  loadCog: () => Promise<CogForImport>,
  io: ImportIo,
  readPolygonSpec?: PolygonSpecReader,
): Promise<number> {
  const args = parseImportArgs(argv);
  if (!args.input) {
    io.err(USAGE);
    return 2;
  }
  const input = readInput(path.resolve(args.input));
  if (!input.ok) {
    io.err(`${input.message}\n`);
    return 2;
  }
  const base = readBase(args.out);
  if (!base.ok) {
    io.err(`${base.message}\n`);
    return 1;
  }
  let list: ImportedList;
  let lookups: CogForImport;
  if (args.input.endsWith('.json') && readPolygonSpec) {
    lookups = await loadCog();
    list = await readPolygonSpec(path.resolve(args.input));
  } else {
    const decoded = decodeInput(input.bytes);
    if (!decoded.ok) {
      io.err(`${args.input} : ${describeInputProblem(decoded.problem)}\n`);
      return 1;
    }
    const table = readCsv(decoded.text);
    const structure = checkCsvStructure({ text: decoded.text, delimiter: table.delimiter, headers: table.headers, rows: table.rows.length, headerOffset: table.metadataLines.reduce((n, l) => n + l.length + 1, 0) });
    if (structure) {
      io.err(`${args.input} : ${describeCsvProblem(structure)}\nRegistre non modifié.\n`);
      return 1;
    }
    io.out(`Fichier : ${args.input} (séparateur « ${table.delimiter === '\t' ? 'tab' : table.delimiter} », encodage ${encodingLabel(decoded.encoding)})\n`);
    lookups = await loadCog();
    const { contracts, report } = importContractRows(table.headers, table.rows, lookups);
    const dropped = report.rejected.length + report.unknownCodes.length;
    list = {
      contracts,
      report: (merge) => formatImportReport(report, merge),
      dropped: dropped > 0 ? `${report.rejected.length} ligne(s) rejetée(s), ${report.unknownCodes.length} code(s) inconnu(s)` : '',
    };
  }
  const { cog } = lookups;
  const { contracts } = list;
  const merged = mergeIntoRegistry(base.registry, contracts, { cog });
  io.out(`${list.report(merged)}\n`);

  const issues = validateRegistry(merged.registry, cog);
  if (issues.length > 0) {
    const count = (level: string) => issues.filter((i) => i.level === level).length;
    io.out(`\nValidation du registre fusionné : ${count('error')} erreur(s), ${count('warning')} avertissement(s), ${count('info')} information(s)\n`);
    for (const issue of issues.slice(0, 2000)) io.out(`  ${formatIssue(issue)}\n`);
    if (issues.length > 2000) io.out(`  … et ${issues.length - 2000} de plus\n`);
  }
  const droppedNote = list.dropped;

  if (contracts.length === 0) {
    io.err(`\nAucune ligne retenue (${droppedNote || 'fichier sans ligne utilisable'}) : ${args.out} non modifié.\n`);
    return 1;
  }
  if (merged.registry.contracts.length < base.registry.contracts.length && !args.allowShrink) {
    io.err(`\nLe registre passerait de ${base.registry.contracts.length} à ${merged.registry.contracts.length} contrats : non écrit (--allow-shrink pour l’accepter).\n`);
    return 1;
  }
  if (args.dryRun) {
    io.out(`\n--dry-run : ${args.out} non modifié\n`);
    return droppedNote || hasErrors(issues) ? 1 : 0;
  }
  if (hasErrors(issues) && !args.force) {
    io.err(`\nRegistre non écrit : erreurs de validation (corriger le fichier, ou --force pour écrire quand même)\n`);
    return 1;
  }
  writeAtomically(args.out, serialiseRegistry(merged.registry));
  io.out(`\nÉcrit : ${args.out} (${merged.registry.contracts.length} contrats)\n`);
  if (droppedNote) {
    io.err(`Import partiel : ${droppedNote} (voir le rapport ci-dessus) ; code de sortie 1.\n`);
    return 1;
  }
  return hasErrors(issues) ? 1 : 0;
}
