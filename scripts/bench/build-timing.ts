// Section 1a: the whole data build (scripts/build.ts) as a child process,
// into a temporary --out / --report so public/data is left alone; per-step
// times parsed from its "✔ step (N s)" lines.
import path from 'node:path';
import { runChild } from './stats.ts';

export interface BuildStepTime {
  step: string;
  seconds: number;
}

export interface BuildTiming {
  ok: boolean;
  /** Wall time of the child process (includes tsx start-up), s. */
  wallSeconds: number;
  /** What the build itself reported ("Data build done in N s"). */
  reportedSeconds: number | null;
  steps: BuildStepTime[];
  maxRssMb: number | null;
  outDir: string;
  error?: string;
}

const STEP_RE = /^✔ (.+) \((\d+(?:\.\d+)?) s\)$/;
const DONE_RE = /^Data build done in (\d+(?:\.\d+)?) s/;

export function parseBuildLog(stdout: string): { steps: BuildStepTime[]; reportedSeconds: number | null } {
  const steps: BuildStepTime[] = [];
  let reportedSeconds: number | null = null;
  for (const raw of stdout.split('\n')) {
    const line = raw.trim();
    const step = STEP_RE.exec(line);
    if (step) steps.push({ step: step[1]!, seconds: Number(step[2]) });
    const done = DONE_RE.exec(line);
    if (done) reportedSeconds = Number(done[1]);
  }
  return { steps, reportedSeconds };
}

export async function timeDataBuild(root: string, outDir: string, reportDir: string, log: (m: string) => void): Promise<BuildTiming> {
  const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
  const result = await runChild(tsx, ['scripts/build.ts', '--out', outDir, '--report', reportDir], {
    cwd: root,
    onLine: (line) => {
      if (STEP_RE.test(line.trim())) log(`    ${line.trim()}`);
    },
  });
  const { steps, reportedSeconds } = parseBuildLog(result.stdout);
  return {
    ok: result.code === 0,
    wallSeconds: result.wallMs / 1000,
    reportedSeconds,
    steps,
    maxRssMb: result.maxRssKb === null ? null : result.maxRssKb / 1024,
    outDir,
    ...(result.code === 0 ? {} : { error: result.stderr.split('\n').slice(-15).join('\n') }),
  };
}
