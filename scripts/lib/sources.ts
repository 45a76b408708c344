// Source declarations (data/sources.json) and their resolution: the mirror
// first, then the producer's official address when fetching is allowed; the
// checksum is verified either way.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BuildContext } from './context.ts';
import { PROJECT_ROOT } from './context.ts';

export interface SourceDeclaration {
  id: string;
  producer: string;
  title: string;
  licence: string;
  vintage: string;
  /** Direct download address of the producer's file; null = mirror-only. */
  officialUrl: string | null;
  /** Producer's page about the dataset, for credits. */
  homepage?: string;
  /** Path inside the mirror root. */
  mirrorPath: string;
  /** Path relative to the project root, tried first: a file shipped by a pinned npm dependency. */
  localPath?: string;
  sha256: string;
  /** Our field name → the source's column name. */
  fields?: Record<string, string>;
  notes?: string;
}

export class SourceUnavailableError extends Error {
  constructor(
    readonly sourceId: string,
    detail: string,
  ) {
    super(`Source "${sourceId}" unavailable: ${detail}`);
    this.name = 'SourceUnavailableError';
  }
}

let cache: SourceDeclaration[] | null = null;

export function loadSourceDeclarations(file = path.join(PROJECT_ROOT, 'data', 'sources.json')): SourceDeclaration[] {
  if (cache && file === path.join(PROJECT_ROOT, 'data', 'sources.json')) return cache;
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { sources: SourceDeclaration[] };
  cache = parsed.sources;
  return parsed.sources;
}

export function getSource(id: string, sources = loadSourceDeclarations()): SourceDeclaration {
  const source = sources.find((s) => s.id === id);
  if (!source) throw new SourceUnavailableError(id, 'not declared in data/sources.json');
  return source;
}

export function sha256OfFile(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

const verified = new Map<string, string>();

/**
 * Returns the local path of a source's file, verified against its checksum.
 * Tries the mirror, then (if allowed) downloads the official address into
 * `<reportDir>/downloads/`. Throws a SourceUnavailableError naming the source.
 */
export async function resolveSource(ctx: BuildContext, id: string): Promise<string> {
  const source = getSource(id);
  const mirrored = path.join(ctx.mirrorDir, source.mirrorPath);
  const key = `${id}@${mirrored}`;
  const known = verified.get(key);
  if (known) return known;
  const problems: string[] = [];
  if (source.localPath) {
    const local = path.join(PROJECT_ROOT, source.localPath);
    if (existsSync(local)) {
      const actual = sha256OfFile(local);
      if (actual === source.sha256) {
        verified.set(key, local);
        return local;
      }
      problems.push(`checksum mismatch for ${local} (expected ${source.sha256}, got ${actual})`);
    } else {
      problems.push(`not found at ${local} (npm install?)`);
    }
  }
  if (existsSync(mirrored)) {
    const actual = sha256OfFile(mirrored);
    if (actual === source.sha256) {
      verified.set(key, mirrored);
      return mirrored;
    }
    problems.push(`checksum mismatch for ${mirrored} (expected ${source.sha256}, got ${actual})`);
  } else {
    problems.push(`not found in the mirror at ${mirrored}`);
  }
  if (!source.officialUrl) {
    problems.push('no official download address is declared (mirror-only source)');
  } else if (!ctx.allowFetch) {
    problems.push(`fetching ${source.officialUrl} is disabled (pass --fetch or CLS_ATLAS_FETCH=1)`);
  } else {
    try {
      const response = await fetch(source.officialUrl);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const bytes = Buffer.from(await response.arrayBuffer());
      const actual = createHash('sha256').update(bytes).digest('hex');
      if (actual !== source.sha256) throw new Error(`checksum mismatch (got ${actual})`);
      const target = path.join(ctx.reportDir, 'downloads', source.mirrorPath);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, bytes);
      verified.set(key, target);
      return target;
    } catch (error) {
      problems.push(`download from ${source.officialUrl} failed: ${(error as Error).message}`);
    }
  }
  throw new SourceUnavailableError(id, problems.join('; '));
}

/** What the viewer shows about a source: producer, vintage, licence. */
export function sourceCredit(source: SourceDeclaration) {
  return {
    id: source.id,
    producer: source.producer,
    title: source.title,
    licence: source.licence,
    vintage: source.vintage,
    url: source.homepage ?? source.officialUrl ?? null,
  };
}
