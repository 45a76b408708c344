import { mkdirSync } from 'node:fs';
import type { BuildContext } from './context.ts';
import { SourceUnavailableError } from './sources.ts';

export type BuildStep = (ctx: BuildContext) => Promise<void>;

/** Runs the steps in order, timing each; a failure names its step and source and exits 1. */
export async function runBuild(ctx: BuildContext, steps: ReadonlyArray<readonly [string, BuildStep]>): Promise<void> {
  mkdirSync(ctx.outDir, { recursive: true });
  mkdirSync(ctx.reportDir, { recursive: true });
  ctx.log(`CLS Atlas data build — mirror: ${ctx.mirrorDir} → ${ctx.outDir}`);
  const started = performance.now();
  for (const [label, step] of steps) {
    const t0 = performance.now();
    ctx.log(`\n▶ ${label}`);
    try {
      await step(ctx);
    } catch (error) {
      const message = error instanceof SourceUnavailableError ? error.message : (error as Error).stack ?? String(error);
      process.stderr.write(`\n✖ build failed in step "${label}":\n${message}\n`);
      process.exit(1);
    }
    ctx.log(`✔ ${label} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  }
  ctx.log(`\nData build done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
