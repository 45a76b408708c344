// The inputs both boundary pipelines read in the comparison: the commune
// geometry and the two COG tables, as plain mirror paths (no checksum pass).
import path from 'node:path';
import { getSource } from '../lib/sources.ts';

export interface BoundaryInputs {
  communes: string;
  supra: string;
  zonages: string;
}

export function boundaryInputs(mirrorDir: string): BoundaryInputs {
  const at = (id: string) => path.join(mirrorDir, getSource(id).mirrorPath);
  return {
    communes: at('cog2025-communes-geometry'),
    supra: at('cog2025-communes-supra'),
    zonages: at('cog2025-zonages'),
  };
}

/** Parses `--name value` from argv. */
export function argValue(argv: readonly string[], name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
}

/** The one line a child script prints for the parent to read. */
export const RESULT_PREFIX = 'BENCH_RESULT ';
