// Imports a regional list of CLS into the registry.
//   npm run import:contracts -- regional.csv [--out data/contracts/registry.json] [--dry-run] [--force] [--allow-shrink]
// Reads the CSV (encoding, binary content, quoting checked first), maps its
// columns (docs/contracts.md), prints the matching report, merges the lines by
// id and validates the result. Writes only when some line was kept, the
// merged registry has no error (or --force) and is not smaller than the one on
// disk (or --allow-shrink); never with --dry-run. Exit code 1 when anything
// was rejected, 2 when the file cannot be read (scripts/overlays/contract-import-run.ts).
import { defaultContext } from './lib/context.ts';
import { loadCogTables } from './lib/cog.ts';
import { cogLookupFromTables } from './overlays/registry.ts';
import { runContractImport } from './overlays/contract-import-run.ts';

const argv = process.argv.slice(2);
try {
  const code = await runContractImport(
    argv,
    async () => {
      const tables = await loadCogTables(defaultContext(argv));
      return { cog: cogLookupFromTables(tables), historicalPassage: tables.historicalPassage };
    },
    { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) },
  );
  process.exitCode = code;
} catch (error) {
  // A French line, not a stack trace (CLS_ATLAS_DEBUG=1 shows it).
  process.stderr.write(`Import interrompu : ${error instanceof Error ? error.message : String(error)}\n`);
  if (process.env.CLS_ATLAS_DEBUG) process.stderr.write(`${error instanceof Error ? error.stack : ''}\n`);
  process.exitCode = 1;
}
