// Section 1b: the boundaries geometry work, ours vs mapshaper, on the same
// inputs, each in a fresh child process; with what came out (features,
// arcs, vertices, bytes) so the two outputs can be checked as comparable.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { LEVELS, type Level } from '../../src/lib/levels.ts';
import { RESULT_PREFIX } from './boundary-inputs.ts';
import { runChild } from './stats.ts';

export interface LevelOutput {
  features: number;
  arcs: number;
  vertices: number;
  bytes: number;
  gzipBytes: number;
}

export interface PipelineRun {
  tool: 'cls-atlas' | 'mapshaper';
  ok: boolean;
  /** Time measured inside the child, from reading the inputs to the last file written, s. */
  seconds: number | null;
  /** Child wall time including Node / tsx start-up, s. */
  wallSeconds: number;
  maxRssMb: number | null;
  output: Partial<Record<Level, LevelOutput>>;
  error?: string;
}

interface Topo {
  objects: Record<string, { geometries: unknown[] }>;
  arcs: number[][][];
}

export function summariseOutput(dir: string): Partial<Record<Level, LevelOutput>> {
  const out: Partial<Record<Level, LevelOutput>> = {};
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.topo.json')).sort()) {
    const level = name.split('-')[0] as Level;
    if (!LEVELS.includes(level)) continue;
    const bytes = readFileSync(path.join(dir, name));
    const topo = JSON.parse(bytes.toString('utf8')) as Topo;
    const entry = (out[level] ??= { features: 0, arcs: 0, vertices: 0, bytes: 0, gzipBytes: 0 });
    for (const object of Object.values(topo.objects)) entry.features += object.geometries.length;
    entry.arcs += topo.arcs.length;
    entry.vertices += topo.arcs.reduce((sum, arc) => sum + arc.length, 0);
    entry.bytes += bytes.length;
    entry.gzipBytes += gzipSync(bytes, { level: 9 }).length;
  }
  return out;
}

export async function runPipeline(
  root: string,
  tool: PipelineRun['tool'],
  mirror: string,
  outDir: string,
): Promise<PipelineRun> {
  const script = tool === 'mapshaper' ? 'scripts/bench/boundaries-mapshaper.ts' : 'scripts/bench/boundaries-ours.ts';
  const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
  const r = await runChild(tsx, [script, '--mirror', mirror, '--out', outDir], { cwd: root });
  const line = r.stdout.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
  const parsed = line ? (JSON.parse(line.slice(RESULT_PREFIX.length)) as { seconds: number }) : null;
  const ok = r.code === 0 && parsed !== null;
  return {
    tool,
    ok,
    seconds: parsed?.seconds ?? null,
    wallSeconds: r.wallMs / 1000,
    maxRssMb: r.maxRssKb === null ? null : r.maxRssKb / 1024,
    output: ok ? summariseOutput(outDir) : {},
    ...(ok ? {} : { error: r.stderr.split('\n').slice(-15).join('\n') }),
  };
}
