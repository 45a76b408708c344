// Perimeter import needs INSEE's historical passage table in the viewer, so a
// pasted list with pre-2025 codes moves forward to COG 2025. Only the codes
// that changed are written (≈4,300 of 39,000 rows): the identity rows are
// implied by the commune index.
//   output: index/passage.json  { "cog": "2025", "passage": { "01003": ["01165"], … } }
// Wired into scripts/build.ts as
//   ['perimeter: historical passage table for import', buildPerimeterPassage]
import type { BuildContext } from './lib/context.ts';
import { loadCogTables } from './lib/cog.ts';
import { writeJsonFile } from './lib/json-file.ts';

export const PASSAGE_URL = 'index/passage.json';

export interface PassageFile {
  cog: string;
  /** Old commune code → current code(s); sorted keys, only codes that changed. */
  passage: Record<string, string[]>;
}

/** Keeps the rows whose old code is not itself a current commune with the same code (pure). */
export function changedPassage(passage: ReadonlyMap<string, readonly string[]>, currentCodes: ReadonlySet<string>): PassageFile['passage'] {
  const out: PassageFile['passage'] = {};
  for (const old of [...passage.keys()].sort()) {
    const targets = [...passage.get(old)!].filter((c) => currentCodes.has(c)).sort();
    if (targets.length === 0) continue;
    if (targets.length === 1 && targets[0] === old) continue;
    if (currentCodes.has(old)) continue; // a current code is taken as is by the import
    out[old] = targets;
  }
  return out;
}

export async function buildPerimeterPassage(ctx: BuildContext): Promise<void> {
  const cog = await loadCogTables(ctx);
  const current = new Set(cog.communes.map((c) => c.code));
  const file: PassageFile = { cog: '2025', passage: changedPassage(cog.historicalPassage, current) };
  const written = writeJsonFile(ctx.outDir, PASSAGE_URL, file);
  ctx.log(`  ${Object.keys(file.passage).length} old codes → ${written.url} (${written.gzipBytes} B gzip)`);
}

// `tsx scripts/perimeter-passage.ts` runs the step alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { defaultContext } = await import('./lib/context.ts');
  await buildPerimeterPassage(defaultContext());
}
