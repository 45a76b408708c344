// What every build step receives: where to read, where to write, how to log.
import path from 'node:path';

export interface BuildContext {
  /** Root of the local mirror of the raw sources (../shared/data by default). */
  mirrorDir: string;
  /** Where the published layers go (public/data by default, gitignored). */
  outDir: string;
  /** Where per-source build reports go (build-report/ by default, gitignored). */
  reportDir: string;
  /** Try the producer's official address when a file is missing from the mirror. */
  allowFetch: boolean;
  log: (message: string) => void;
}

export const PROJECT_ROOT = path.resolve(import.meta.dirname, '..', '..');

export function defaultContext(argv: readonly string[] = process.argv.slice(2)): BuildContext {
  const option = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    if (i >= 0) return argv[i + 1];
    const inline = argv.find((a) => a.startsWith(`--${name}=`));
    return inline?.slice(name.length + 3);
  };
  return {
    mirrorDir: path.resolve(option('mirror') ?? process.env.CLS_ATLAS_MIRROR ?? path.join(PROJECT_ROOT, '..', 'shared', 'data')),
    outDir: path.resolve(option('out') ?? process.env.CLS_ATLAS_OUT ?? path.join(PROJECT_ROOT, 'public', 'data')),
    reportDir: path.resolve(option('report') ?? path.join(PROJECT_ROOT, 'build-report')),
    allowFetch: argv.includes('--fetch') || process.env.CLS_ATLAS_FETCH === '1',
    log: (message) => process.stdout.write(`${message}\n`),
  };
}
