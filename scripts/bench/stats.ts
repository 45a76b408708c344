// Small helpers shared by the bench sections: summaries, formatting, child processes.
import { spawn } from 'node:child_process';

export interface Summary {
  n: number;
  min: number;
  median: number;
  max: number;
}

/** min / median / max of the finite values (null when there are none). */
export function summarise(values: readonly (number | null | undefined)[]): Summary | null {
  const xs = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  if (xs.length === 0) return null;
  const mid = Math.floor(xs.length / 2);
  const median = xs.length % 2 === 1 ? xs[mid]! : (xs[mid - 1]! + xs[mid]!) / 2;
  return { n: xs.length, min: xs[0]!, median, max: xs[xs.length - 1]! };
}

/** SI units throughout: 1 KB = 1000 bytes, 1 MB = 10^6 bytes. */
export const kb = (bytes: number): string => `${(bytes / 1000).toFixed(1)} KB`;
export const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(2)} MB`;
export const size = (bytes: number): string => (bytes >= 1e6 ? mb(bytes) : kb(bytes));
export const ms = (v: number): string => (v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : `${Math.round(v)} ms`);

export function formatSummary(s: Summary | null, unit: (v: number) => string = ms): string {
  if (!s) return 'n/a';
  return s.n === 1 ? unit(s.median) : `${unit(s.min)} / ${unit(s.median)} / ${unit(s.max)}`;
}

/** A plain text table, columns padded to their widest cell. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export interface ChildResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Wall time from spawn to exit, ms. */
  wallMs: number;
  /** Peak resident set size in KB, when /usr/bin/time is available. */
  maxRssKb: number | null;
}

const TIME_BIN = '/usr/bin/time';

/**
 * Runs a command to completion, streaming nothing, returning its output and
 * wall time. Wrapped in /usr/bin/time -f when present, to read the peak RSS.
 */
export async function runChild(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; onLine?: (line: string) => void; useTime?: boolean },
): Promise<ChildResult> {
  const { existsSync } = await import('node:fs');
  const withTime = (options.useTime ?? true) && existsSync(TIME_BIN);
  const marker = '__BENCH_MAXRSS_KB=';
  const [cmd, argv] = withTime ? [TIME_BIN, ['-f', `${marker}%M`, command, ...args]] : [command, [...args]];
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, argv, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let pending = '';
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const l of lines) options.onLine?.(l);
    });
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (pending) options.onLine?.(pending);
      const wallMs = performance.now() - started;
      const m = new RegExp(`${marker}(\\d+)`).exec(stderr);
      resolve({ code, stdout, stderr: stderr.replace(new RegExp(`${marker}\\d+\\n?`), ''), wallMs, maxRssKb: m ? Number(m[1]) : null });
    });
  });
}
