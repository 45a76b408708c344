// npm run bench — performance benchmark (docs/PERFORMANCE.md). Not a test:
// it measures and reports, it never fails on a slow figure.
//   npm run bench [-- --runs 3] [--skip-build] [--skip-compare] [--skip-browser]
//                 [--skip-sizes]
//                 [--site DIR] [--no-deeplink] [--keep] [--json FILE]
// 1. data build: scripts/build.ts timed as a whole and per step (into a temp
//    dir), and the boundaries geometry work vs mapshaper on the same inputs;
// 2. sizes of every built data file, raw / gzip -9 / brotli -q 11, grouped;
// 3. the viewer in Chromium (software WebGL), N cold runs: first idle, first
//    meaningful frame, first-view payload, level / indicator / classification /
//    palette changes to idle, zoom frame rate with ~35k feature-states;
// then a table, the targets of ../shared/PERFORMANCE.md met or missed, and
// build-report/bench.json.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from './lib/context.ts';
import { timeDataBuild, type BuildTiming } from './bench/build-timing.ts';
import { runPipeline, type PipelineRun } from './bench/boundary-compare.ts';
import { measureSizes, type SizeReport } from './bench/sizes.ts';
import { runBrowserBench, type BrowserRun, type SettleResult, type ZoomProbe } from './bench/browser.ts';
import { formatSummary, kb, mb, ms, runChild, size, summarise, table, type Summary } from './bench/stats.ts';
import { evaluateTargets, type TargetCheck } from './bench/targets.ts';

interface Options {
  runs: number;
  skipBuild: boolean;
  skipCompare: boolean;
  skipBrowser: boolean;
  skipSizes: boolean;
  site: string | null;
  deepLink: boolean;
  keep: boolean;
  /** Where the JSON report goes (build-report/bench.json). */
  json: string;
  mirror: string;
  chromium: string;
}

function parseOptions(argv: readonly string[]): Options {
  const value = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const runs = Number(value('runs') ?? 3);
  return {
    runs: Number.isInteger(runs) && runs > 0 ? runs : 3,
    skipBuild: argv.includes('--skip-build'),
    skipCompare: argv.includes('--skip-compare'),
    skipBrowser: argv.includes('--skip-browser'),
    skipSizes: argv.includes('--skip-sizes'),
    site: value('site') ?? null,
    deepLink: !argv.includes('--no-deeplink'),
    keep: argv.includes('--keep'),
    json: path.resolve(value('json') ?? path.join(PROJECT_ROOT, 'build-report', 'bench.json')),
    mirror: path.resolve(value('mirror') ?? process.env.CLS_ATLAS_MIRROR ?? path.join(PROJECT_ROOT, '..', 'shared', 'data')),
    chromium: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  };
}

const log = (m: string) => process.stdout.write(`${m}\n`);

function packageVersion(name: string): string | null {
  try {
    return (JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return null;
  }
}

/** The version the comparison was written against (mapshaper's CLI options are stable across 0.7.x). */
const MAPSHAPER_SPEC = 'mapshaper@^0.7.70';

/**
 * mapshaper is not a project dependency (its optional native dependencies
 * break `npm ci` on some machines): installed on demand, without touching
 * package.json or the lockfile, and without install scripts (the API used
 * here is pure JavaScript).
 */
async function ensureMapshaper(): Promise<boolean> {
  if (packageVersion('mapshaper')) return true;
  log(`  installing ${MAPSHAPER_SPEC} (npm install --no-save)…`);
  const r = await runChild('npm', ['install', '--no-save', '--ignore-scripts', '--no-audit', '--no-fund', MAPSHAPER_SPEC], { cwd: PROJECT_ROOT, useTime: false });
  if (r.code !== 0) log(r.stderr.split('\n').slice(-10).join('\n'));
  return packageVersion('mapshaper') !== null;
}

interface BrowserSummary {
  chromium: string;
  runs: number;
  metrics: Record<string, Summary | null>;
  zoom: Record<string, { fps: Summary | null; maxFrameGapMs: Summary | null; idleAfterEndMs: Summary | null }>;
  firstView: { dataWireBytes: Summary | null; allWireBytes: Summary | null; requests: string[] };
  /** Commune geometry fetched by the level switch / by the whole session (zooms included). */
  communeLayer: { wireBytes: Summary | null; files: Summary | null; sessionWireBytes: Summary | null; sessionFiles: Summary | null };
  errors: string[];
}

function summariseBrowser(chromium: string, runs: BrowserRun[]): BrowserSummary {
  const metrics: Record<string, Summary | null> = {
    'first map idle (default level)': summarise(runs.map((r) => r.firstIdleMs)),
    'first meaningful frame': summarise(runs.map((r) => r.firstMeaningfulMs)),
    'first contentful paint (DOM)': summarise(runs.map((r) => r.firstContentfulPaintMs)),
    'commune geometry fetch + decode (worker)': summarise(runs.map((r) => r.communeLayer.fetchDecodeMs)),
    'deep link → commune choropleth idle': summarise(runs.map((r) => r.deepLinkCommuneMs)),
  };
  const stepNames = [...new Set(runs.flatMap((r) => Object.keys(r.steps)))];
  const errors: string[] = [];
  for (const name of stepNames) {
    const results = runs.map((r) => r.steps[name]);
    for (const res of results) if (res && 'error' in res) errors.push(`${name}: ${res.error}`);
    const ok = results.filter((res): res is SettleResult => !!res && !('error' in res));
    metrics[`${name} → idle`] = summarise(ok.map((res) => res.fromMs));
    const viewer = ok.map((res) => res.viewer?.jsMs);
    if (viewer.some((v) => typeof v === 'number')) metrics[`  of which viewer JS (${name})`] = summarise(viewer);
  }
  const zoomNames = [...new Set(runs.flatMap((r) => Object.keys(r.zoom)))];
  const zoom: BrowserSummary['zoom'] = {};
  for (const name of zoomNames) {
    const ok = runs.map((r) => r.zoom[name]).filter((z): z is ZoomProbe => !!z && !('error' in z));
    zoom[name] = {
      fps: summarise(ok.map((z) => z.fps)),
      maxFrameGapMs: summarise(ok.map((z) => z.maxFrameGapMs)),
      idleAfterEndMs: summarise(ok.map((z) => z.idleAfterEndMs)),
    };
  }
  for (const r of runs) for (const e of r.pageErrors) errors.push(`run ${r.run} page error: ${e}`);
  return {
    chromium,
    runs: runs.length,
    metrics,
    zoom,
    firstView: {
      dataWireBytes: summarise(runs.map((r) => r.firstView.dataWireBytes)),
      allWireBytes: summarise(runs.map((r) => r.firstView.allWireBytes)),
      requests: runs[0]?.firstView.requests ?? [],
    },
    communeLayer: {
      wireBytes: summarise(runs.filter((r) => r.communeLayer.files > 0).map((r) => r.communeLayer.wireBytes)),
      files: summarise(runs.filter((r) => r.communeLayer.files > 0).map((r) => r.communeLayer.files)),
      sessionWireBytes: summarise(runs.filter((r) => r.communeLayer.sessionFiles > 0).map((r) => r.communeLayer.sessionWireBytes)),
      sessionFiles: summarise(runs.filter((r) => r.communeLayer.sessionFiles > 0).map((r) => r.communeLayer.sessionFiles)),
    },
    errors,
  };
}

function printBuild(build: BuildTiming | null, compare: PipelineRun[]): void {
  if (build) {
    log('\nData build (scripts/build.ts, child process)');
    log(table(['step', 'time'], [
      ...build.steps.map((s) => [s.step, `${s.seconds.toFixed(1)} s`]),
      ['whole build (as reported)', build.reportedSeconds === null ? 'n/a' : `${build.reportedSeconds.toFixed(1)} s`],
      ['whole build (wall, incl. tsx start-up)', `${build.wallSeconds.toFixed(1)} s`],
      ['peak RSS', build.maxRssMb === null ? 'n/a' : `${Math.round(build.maxRssMb)} MB`],
    ]));
    if (!build.ok) log(`  BUILD FAILED:\n${build.error ?? ''}`);
  }
  if (compare.length > 0) {
    log('\nBoundaries geometry work, same inputs (read, join COG, topology per zone, simplify, dissolve ×4, TopoJSON per level)');
    const tools = ['cls-atlas', 'mapshaper'] as const;
    log(table(['tool', 'runs', 'time in process (min / median / max)', 'wall (median)', 'peak RSS', 'commune vertices', 'commune gzip', 'EPCI / BV / dép / rég features'], tools.map((tool) => {
      const runs = compare.filter((c) => c.tool === tool);
      const last = runs.find((c) => c.ok);
      const rss = summarise(runs.map((c) => c.maxRssMb));
      return [
        tool,
        String(runs.length),
        formatSummary(summarise(runs.map((c) => c.seconds)), (v) => `${v.toFixed(1)} s`),
        `${(summarise(runs.map((c) => c.wallSeconds))?.median ?? NaN).toFixed(1)} s`,
        rss ? `${Math.round(rss.max)} MB` : 'n/a',
        String(last?.output.commune?.vertices ?? 'n/a'),
        last?.output.commune ? mb(last.output.commune.gzipBytes) : 'n/a',
        ['epci', 'bv', 'departement', 'region'].map((l) => last?.output[l as keyof PipelineRun['output']]?.features ?? '?').join(' / '),
      ];
    })));
    for (const c of compare) if (!c.ok) log(`  ${c.tool} FAILED:\n${c.error ?? ''}`);
  }
}

function printSizes(sizes: SizeReport): void {
  log(`\nBuilt data sizes (${sizes.dataDir})`);
  log(table(['group', 'files', 'raw', 'gzip -9', 'brotli -q11'], [...sizes.groups, sizes.total].map((g) => [g.group, String(g.files), size(g.raw), size(g.gzip), size(g.brotli)])));
}

function printBrowser(b: BrowserSummary): void {
  log(`\nViewer in ${b.chromium} (software WebGL), ${b.runs} cold run(s): min / median / max`);
  log(table(['measure', 'min / median / max'], Object.entries(b.metrics).filter(([, s]) => s).map(([k, s]) => [k, formatSummary(s)])));
  log(table(['zoom 5.5 → 8.5 in 1.5 s (communes)', 'fps', 'longest frame', 'idle after the end'], Object.entries(b.zoom).map(([k, z]) => [
    k,
    formatSummary(z.fps, (v) => v.toFixed(1)),
    formatSummary(z.maxFrameGapMs),
    formatSummary(z.idleAfterEndMs),
  ])));
  log(`first view (requests before the first idle): data ${formatSummary(b.firstView.dataWireBytes, kb)} on the wire, everything ${formatSummary(b.firstView.allWireBytes, kb)}`);
  for (const r of b.firstView.requests) log(`    ${r}`);
  const c = b.communeLayer;
  if (c.wireBytes) {
    log(`commune geometry on the wire: level switch ${formatSummary(c.wireBytes, mb)} (${formatSummary(c.files, String)} files); whole session with zooms ${formatSummary(c.sessionWireBytes, mb)} (${formatSummary(c.sessionFiles, String)} files)`);
  }
  for (const e of b.errors) log(`  ! ${e}`);
}

function printTargets(checks: TargetCheck[]): void {
  log('\nTargets (../shared/PERFORMANCE.md)');
  log(table(['target', 'measured', 'verdict'], checks.map((c) => [c.target, c.measured, c.met === null ? 'not measured' : c.met ? 'met' : 'MISSED'])));
}

async function buildSite(root: string, outDir: string, data: string | null): Promise<string | null> {
  const vite = path.join(root, 'node_modules', '.bin', 'vite');
  log(`  vite build → ${outDir}`);
  const r = await runChild(vite, ['build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], { cwd: root, useTime: false });
  if (r.code !== 0) {
    log(`  vite build failed:\n${r.stderr.split('\n').slice(-20).join('\n')}`);
    return null;
  }
  if (data) {
    // Serve the data measured above (fresh build), not whatever public/data holds.
    rmSync(path.join(outDir, 'data'), { recursive: true, force: true });
    cpSync(data, path.join(outDir, 'data'), { recursive: true });
  }
  log(`  site built in ${(r.wallMs / 1000).toFixed(1)} s`);
  return outDir;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'cls-atlas-bench-'));
  const started = new Date();
  const machine = {
    nproc: os.availableParallelism(),
    cpu: os.cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
    loadAverageAtStart: os.loadavg().map((x) => Math.round(x * 100) / 100),
    maplibre: packageVersion('maplibre-gl'),
    mapshaper: packageVersion('mapshaper'),
  };
  log(`CLS Atlas bench — ${machine.nproc} cores (${machine.cpu}), Node ${machine.node}, load ${machine.loadAverageAtStart.join(' ')}; temp ${tmp}`);

  let build: BuildTiming | null = null;
  const compare: PipelineRun[] = [];
  let dataDir = path.join(PROJECT_ROOT, 'public', 'data');
  let freshData: string | null = null;
  try {
    if (!options.skipBuild) {
      log('\n[1/3] data build (whole, per step)…');
      build = await timeDataBuild(PROJECT_ROOT, path.join(tmp, 'data'), path.join(tmp, 'report'), log);
      if (build.ok) {
        dataDir = build.outDir;
        freshData = build.outDir;
      }
    }
    if (!options.skipCompare && !(await ensureMapshaper())) {
      log('  mapshaper is not installed and could not be: comparison skipped');
    } else if (!options.skipCompare) {
      machine.mapshaper = packageVersion('mapshaper');
      log(`  boundaries geometry: ours vs mapshaper ${machine.mapshaper} (one child process each)…`);
      // Alternated, so both tools see the same background load on average.
      for (let i = 1; i <= options.runs; i++) {
        for (const tool of ['cls-atlas', 'mapshaper'] as const) {
          const run = await runPipeline(PROJECT_ROOT, tool, options.mirror, path.join(tmp, `compare-${tool}-${i}`));
          log(`    run ${i}, ${tool}: ${run.seconds === null ? 'FAILED' : `${run.seconds.toFixed(1)} s`}`);
          compare.push(run);
        }
      }
    }
    printBuild(build, compare);

    log('\n[2/3] sizes…');
    const sizes = !options.skipSizes && existsSync(dataDir) ? measureSizes(dataDir) : null;
    if (sizes) printSizes(sizes);
    else log(options.skipSizes ? '  skipped' : `  no data dir at ${dataDir}`);

    let browser: BrowserSummary | null = null;
    let browserRuns: BrowserRun[] = [];
    if (!options.skipBrowser) {
      log('\n[3/3] browser…');
      let site: string | null = options.site ? path.resolve(options.site) : null;
      if (!site) {
        if (existsSync(path.join(PROJECT_ROOT, 'public', 'data', 'manifest.json')) || freshData) {
          site = await buildSite(PROJECT_ROOT, path.join(tmp, 'site'), freshData);
          if (!site && existsSync(path.join(PROJECT_ROOT, 'dist', 'index.html'))) {
            log('  falling back to the existing dist/');
            site = path.join(PROJECT_ROOT, 'dist');
          }
        } else if (existsSync(path.join(PROJECT_ROOT, 'dist', 'index.html'))) {
          site = path.join(PROJECT_ROOT, 'dist');
        }
      }
      if (!site || !existsSync(path.join(site, 'index.html'))) {
        log('  no built site: browser part skipped');
      } else if (!existsSync(options.chromium)) {
        log(`  no Chromium at ${options.chromium}: browser part skipped`);
      } else {
        const result = await runBrowserBench({ siteDir: site, runs: options.runs, chromium: options.chromium, log, deepLink: options.deepLink });
        browserRuns = result.runs;
        browser = summariseBrowser(result.chromium, result.runs);
        printBrowser(browser);
      }
    }

    const checks = evaluateTargets({ build, compare, sizes, browser });
    printTargets(checks);
    const report = {
      startedAt: started.toISOString(),
      finishedAt: new Date().toISOString(),
      options: { ...options },
      machine: { ...machine, loadAverageAtEnd: os.loadavg().map((x) => Math.round(x * 100) / 100) },
      build,
      boundariesComparison: compare,
      sizes,
      browser,
      browserRuns,
      targets: checks,
    };
    mkdirSync(path.dirname(options.json), { recursive: true });
    writeFileSync(options.json, `${JSON.stringify(report, null, 2)}\n`);
    log(`\nwritten: ${path.relative(PROJECT_ROOT, options.json)} (${ms(Date.now() - started.getTime())})`);
  } finally {
    if (!options.keep) rmSync(tmp, { recursive: true, force: true });
    else log(`kept ${tmp}`);
  }
}

await main();
