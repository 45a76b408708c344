// public/data/manifest.json is shared by every build step: each step merges
// its part (sources it read, files it wrote) into the file on disk, so the
// steps stay independent. Canonical key order keeps the output deterministic.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BuildContext } from './context.ts';
import { getSource, sourceCredit } from './sources.ts';

export type SourceCredit = ReturnType<typeof sourceCredit>;

export interface Manifest {
  version: 1;
  cog: string;
  sources: SourceCredit[];
  [part: string]: unknown;
}

const HEAD = ['version', 'cog', 'sources'];

/** Pure merge: credits are unioned by id and sorted; other parts replace the previous ones. */
export function mergeManifest(previous: Partial<Manifest> | null, part: { sources?: SourceCredit[]; [key: string]: unknown }): Manifest {
  const credits = new Map<string, SourceCredit>();
  for (const credit of [...(previous?.sources ?? []), ...(part.sources ?? [])]) credits.set(credit.id, credit);
  const merged: Record<string, unknown> = { ...previous, ...part };
  merged.version = 1;
  merged.cog = '2025';
  merged.sources = [...credits.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const keys = [...HEAD, ...Object.keys(merged).filter((k) => !HEAD.includes(k)).sort()];
  return Object.fromEntries(keys.map((k) => [k, merged[k]])) as Manifest;
}

/** Merges a step's part into `<outDir>/manifest.json`; `sourceIds` are credited from data/sources.json. */
export function updateManifest(ctx: BuildContext, sourceIds: readonly string[], part: Record<string, unknown>): Manifest {
  const file = path.join(ctx.outDir, 'manifest.json');
  const previous = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Partial<Manifest>) : null;
  const manifest = mergeManifest(previous, { ...part, sources: sourceIds.map((id) => sourceCredit(getSource(id))) });
  mkdirSync(ctx.outDir, { recursive: true });
  writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
