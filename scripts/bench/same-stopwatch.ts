// The side-by-side check (../shared/bench/) with one stopwatch for both pages.
//
// The check stops the naive page's clock at its own `idle` event, which
// MapLibre fires inside the frame's JavaScript, before Chromium rasterises
// and commits that frame. It stops the product's clock through a 20 ms poll
// of the product's state, then `once('idle')` + `triggerRepaint()`: the poll
// can only run once the product's frame is committed, so the product's
// figure holds its frame's rasterisation (software WebGL here) and the naive
// page's does not. This script times both pages, on the check's own pages,
// server and browser flags, with the same rules:
//   idle   the first map `idle` event at which the change is complete
//          (product: the check's conditions on the viewer's state; naive:
//          its source loaded / its feature-states written);
//   drawn  the first task after that frame, i.e. once Chromium has committed
//          it (the colours are on their way to the screen);
//   polled the check's product method (20 ms poll, `once('idle')`,
//          `triggerRepaint()`), applied to both.
// The check's own ratios are the product's `polled` over the naive page's `idle`.
// Alternated, cold browser context per page, like the check.
//
// A fourth figure, `restyleFloor`, bounds what any restyle of the product's
// map can score in the check: after the deep link, the states of the naive
// page's own values (read and classed before the clock starts) are written
// to every commune at once, with no fetch, no parsing and no classification,
// and timed as the check times the product (its poll starts with the clock).
//
//   npm run bench:stopwatch [-- --runs 5] [--site dist]
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_PATH } from '../lib/static-site.ts';
import { summarise, table } from './stats.ts';

const PROJECT_ROOT = path.resolve(import.meta.dirname, '../..');
const SHARED_BENCH = path.resolve(PROJECT_ROOT, '../shared/bench');
/** The check's flags (run.mjs), not the test harness's. */
const CHECK_ARGS = ['--no-sandbox', '--disable-gpu', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'];
const IND = 'apl_mg_moins65_2023';
const IND2 = 'taux_pauvrete_2021_communes';

interface Options {
  runs: number;
  site: string;
}

function parseArgs(argv: readonly string[]): Options {
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const runs = Number(value('--runs') ?? 5);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs: a positive integer, not ${value('--runs')}`);
  return { runs, site: path.resolve(PROJECT_ROOT, value('--site') ?? 'dist') };
}

/** Records, in the page, the first `idle` at which `done()` holds, and the first task after that frame. */
const WATCH = String.raw`
window.__watch = (getMap, done) => new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error('no idle with the change complete within 60 s')), 60000);
  const attach = () => {
    const m = getMap();
    if (!m) { setTimeout(attach, 2); return; }
    const onIdle = () => {
      if (!done()) return;
      m.off('idle', onIdle);
      const idle = performance.now();
      clearTimeout(timer);
      setTimeout(() => resolve({ idle, drawn: performance.now() }), 0);
    };
    m.on('idle', onIdle);
  };
  attach();
});
window.__productDone = (level, ind) => () => {
  const a = window.__clsAtlas, v = window.__clsIndicators && window.__clsIndicators.view.getState();
  const lv = level || (a && a.state.level);
  const id = ind === undefined ? a && a.state.indicator : ind;
  const levelOk = a && a.state.level === lv && a.state.levelStatus && a.state.levelStatus[lv] === 'ready';
  return Boolean(levelOk && (!id || (v && v.entry && v.entry.id === id && v.level === lv && (v.status === 'ready' || v.status === 'unavailable'))));
};
window.__productMap = () => window.__clsAtlas && window.__clsAtlas.map;
window.__naiveMap = () => window.__anchor && window.__anchor.map;
window.__naiveLoaded = () => { const m = window.__naiveMap(); return Boolean(m && m.getSource('t') && m.isSourceLoaded('t')); };
`;

/** The check's product stopwatch (run.mjs), on any page: poll `ready()` every 20 ms, then once('idle') + triggerRepaint. */
const POLLED = String.raw`
window.__polled = (getMap, ready) => new Promise((resolve) => {
  const tick = () => {
    const m = getMap();
    if (m && ready()) { m.once('idle', () => resolve(performance.now())); m.triggerRepaint(); }
    else setTimeout(tick, 20);
  };
  tick();
});
`;

interface Times {
  idle: number;
  drawn: number;
}

type Figure = 'firstView' | 'deepLink' | 'restyle' | 'restyleFloor';
type Stopwatch = 'idle' | 'drawn' | 'polled';
type Results = Record<Figure, Record<Stopwatch, { product: number[]; naive: number[] }>>;

function emptyResults(): Results {
  const cell = () => ({ product: [], naive: [] });
  const figure = () => ({ idle: cell(), drawn: cell(), polled: cell() });
  return { firstView: figure(), deepLink: figure(), restyle: figure(), restyleFloor: figure() };
}

/**
 * A cold page. `watch` ([map getter, completion test], page expressions) starts the stopwatch from the
 * init script, before the page's own scripts: started after `goto`, it could miss the first idle.
 */
async function openPage(browser: Browser, url: string, watch?: [string, string]): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  await context.addInitScript(WATCH + POLLED + (watch ? `window.__watched = window.__watch(${watch[0]}, ${watch[1]});` : ''));
  const page = await context.newPage();
  await page.goto(url);
  return { page, close: () => context.close() };
}

/**
 * Opens a page and times its load with the three stopwatches (ms from navigation start): the watch from
 * the init script, and the check's poll started after `goto`, as run.mjs does. The page stays open.
 */
async function timeLoad(browser: Browser, url: string, mapFn: string, doneFn: string) {
  const { page, close } = await openPage(browser, url, [mapFn, doneFn]);
  const polled = (await page.evaluate(`window.__polled(${mapFn}, ${doneFn})`)) as number;
  const { idle, drawn } = (await page.evaluate('window.__watched')) as Times;
  return { page, close, times: { idle, drawn, polled } };
}

/** Adds one page's times to a figure's series. */
function record(r: Results, figure: Figure, side: 'product' | 'naive', times: Partial<Record<Stopwatch, number>>): void {
  for (const stopwatch of ['idle', 'drawn', 'polled'] as const) {
    const t = times[stopwatch];
    if (t !== undefined) r[figure][stopwatch][side].push(t);
  }
}

async function productRun(browser: Browser, base: string, r: Results): Promise<void> {
  const first = await timeLoad(browser, `${base}/atlas/`, 'window.__productMap', 'window.__productDone(null, undefined)');
  record(r, 'firstView', 'product', first.times);
  await first.close();
  const { page, close, times } = await timeLoad(browser, `${base}/atlas/#v=1&level=commune&ind=${IND}`, 'window.__productMap', `window.__productDone('commune', '${IND}')`);
  record(r, 'deepLink', 'product', times);
  // The restyle, as the check does it, right after the deep link: the hash changes; both stopwatches run.
  const out = (await page.evaluate(`(() => {
    const done = window.__productDone('commune', '${IND2}');
    const watched = window.__watch(window.__productMap, done);
    const t0 = performance.now();
    location.hash = location.hash.replace(/ind=[^&]+/, 'ind=${IND2}');
    const polled = window.__polled(window.__productMap, done);
    return Promise.all([watched, polled]).then(([w, p]) => ({ idle: w.idle - t0, drawn: w.drawn - t0, polled: p - t0 }));
  })()`)) as { idle: number; drawn: number; polled: number };
  record(r, 'restyle', 'product', out);
  await close();
  record(r, 'restyleFloor', 'product', await restyleFloor(browser, base));
}

/**
 * The floor (see the header): on a deep-linked product page settled as the check settles it, the naive
 * page's values (its `restyle`: value / 6, its five steps) are classed into the product's own
 * feature-state ({ cls, color }) before t0; at t0 the check's poll starts and, in the next task, every
 * commune's state is written. Nothing is fetched or computed after t0.
 */
async function restyleFloor(browser: Browser, base: string): Promise<Partial<Record<Stopwatch, number>>> {
  const { page, close } = await openPage(browser, `${base}/atlas/#v=1&level=commune&ind=${IND}`);
  try {
    await page.evaluate(`window.__polled(window.__productMap, window.__productDone('commune', '${IND}'))`);
    return (await page.evaluate(`(async () => {
      const map = window.__productMap();
      // The viewer's choroplethLayerId('commune'), named here: scripts/ may not import viewer code.
      const layer = map.getLayer('indicator-commune-fill');
      const colors = ['#440154', '#3b528b', '#21918c', '#5ec962', '#fde725'];
      const byClass = colors.map((color, cls) => Object.freeze({ cls, color }));
      const classOf = (v) => v < 2.2 ? 0 : v < 2.6 ? 1 : v < 3 ? 2 : v < 3.6 ? 3 : 4;
      const next = await (await fetch('/anchor/pauvrete.json')).json();
      const states = Object.entries(next).map(([code, v]) => [code, byClass[classOf(v / 6)]]);
      // A fresh frame, then a pause: t0 falls in a quiet task, well before the map's deferred work
      // (src/map/quiet.ts: 400 ms without a frame), as the check's restyle does.
      await new Promise((resolve) => { map.once('idle', resolve); map.triggerRepaint(); });
      await new Promise((resolve) => setTimeout(resolve, 150));
      let written = false;
      const done = () => written;
      const watched = window.__watch(window.__productMap, done);
      const t0 = performance.now();
      const polled = window.__polled(window.__productMap, done);
      setTimeout(() => {
        const target = { source: layer.source, sourceLayer: layer.sourceLayer, id: '' };
        for (const [code, state] of states) { target.id = code; map.setFeatureState(target, state); }
        written = true;
      }, 0);
      return Promise.all([watched, polled]).then(([w, p]) => ({ idle: w.idle - t0, drawn: w.drawn - t0, polled: p - t0 }));
    })()`)) as Partial<Record<Stopwatch, number>>;
  } finally {
    await close();
  }
}

async function naiveRun(browser: Browser, base: string, r: Results): Promise<void> {
  // The check's deep-link ratio is against the page with the values in its GeoJSON (mode=expr).
  for (const [figure, mode] of [['firstView', 'dep'], ['deepLink', 'expr']] as const) {
    const { close, times } = await timeLoad(browser, `${base}/anchor/?mode=${mode}`, 'window.__naiveMap', 'window.__naiveLoaded');
    record(r, figure, 'naive', times);
    await close();
  }
  for (const stopwatch of ['watched', 'polled'] as const) {
    // The naive restyle (anchor.html's own `restyle`: fetch, setFeatureState for every commune), timed both ways.
    const { page, close } = await openPage(browser, `${base}/anchor/?mode=state`);
    await page.waitForFunction('window.__anchor && window.__anchor.idleAt', null, { polling: 20, timeout: 60_000 });
    const out = (await page.evaluate(`(() => {
      const map = window.__anchor.map;
      let written = false;
      const done = () => written;
      const watched = ${stopwatch === 'watched'} ? window.__watch(window.__naiveMap, done) : null;
      const t0 = performance.now();
      fetch('pauvrete.json').then((res) => res.json()).then((next) => {
        for (const [code, v] of Object.entries(next)) map.setFeatureState({ source: 't', id: code }, { v: v / 6 });
        written = true;
      });
      const polled = ${stopwatch === 'polled'} ? window.__polled(window.__naiveMap, done) : null;
      return Promise.all([watched, polled]).then(([w, p]) => w ? { idle: w.idle - t0, drawn: w.drawn - t0 } : { polled: p - t0 });
    })()`)) as Partial<Record<Stopwatch, number>>;
    record(r, 'restyle', 'naive', out);
    record(r, 'restyleFloor', 'naive', out);
    await close();
  }
}

function startCheckServer(root: string): Promise<{ port: number; child: ChildProcess }> {
  const port = 47900 + Math.floor(Math.random() * 90);
  const child = spawn(process.execPath, [path.join(SHARED_BENCH, 'server.mjs'), root, String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the check's server exited (${code})`)));
    child.stdout!.once('data', () => resolve({ port, child }));
  });
}

function report(r: Results): string {
  const rows: string[][] = [];
  const label: Record<Figure, string> = {
    firstView: 'first view',
    deepLink: 'deep link (commune APL)',
    restyle: 'restyle (communes, URL)',
    restyleFloor: 'restyle floor (states written at t0)',
  };
  for (const figure of ['firstView', 'deepLink', 'restyle', 'restyleFloor'] as const) {
    for (const stopwatch of ['idle', 'drawn', 'polled'] as const) {
      const p = summarise(r[figure][stopwatch].product);
      const n = summarise(r[figure][stopwatch].naive);
      if (!p || !n) continue;
      const cell = (s: typeof p) => `${Math.round(s.median)} ms (${Math.round(s.min)}–${Math.round(s.max)})`;
      rows.push([label[figure], stopwatch, cell(p), cell(n), `${(p.median / n.median).toFixed(2)}×`]);
    }
  }
  const checkRatios = (['firstView', 'deepLink', 'restyle', 'restyleFloor'] as const).flatMap((figure) => {
    const p = summarise(r[figure].polled.product);
    const n = summarise(r[figure].idle.naive);
    return p && n ? [`${label[figure]}: ${(p.median / n.median).toFixed(2)}×`] : [];
  });
  return `${table(['figure', 'stopwatch', 'CLS Atlas, median (range)', 'naive page', 'ratio'], rows)}
the check's own ratios (CLS Atlas polled / naive page idle): ${checkRatios.join('; ')}`;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  for (const f of [path.join(options.site, 'index.html'), path.join(SHARED_BENCH, 'prepare.mjs'), path.join(SHARED_BENCH, 'server.mjs')]) {
    if (!existsSync(f)) throw new Error(`missing ${f} (build the site with npm run build; the check lives in ../shared/bench/)`);
  }
  const work = mkdtempSync(path.join(tmpdir(), 'cls-stopwatch-'));
  let server: ChildProcess | null = null;
  let browser: Browser | null = null;
  try {
    mkdirSync(path.join(work, 'www'));
    symlinkSync(options.site, path.join(work, 'www', 'atlas'));
    await new Promise<void>((resolve, reject) => {
      const prep = spawn(process.execPath, [path.join(SHARED_BENCH, 'prepare.mjs'), options.site, path.join(work, 'www', 'anchor'), path.join(PROJECT_ROOT, 'node_modules')], { stdio: ['ignore', 'ignore', 'inherit'] });
      prep.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`prepare.mjs exited with ${code}`))));
    });
    const started = await startCheckServer(path.join(work, 'www'));
    server = started.child;
    const base = `http://127.0.0.1:${started.port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHECK_ARGS });
    const results = emptyResults();
    for (let i = 0; i < options.runs; i++) {
      await productRun(browser, base, results);
      await naiveRun(browser, base, results);
      console.error(`run ${i + 1}/${options.runs} done`);
    }
    console.log(report(results));
    mkdirSync(path.join(PROJECT_ROOT, 'build-report'), { recursive: true });
    writeFileSync(path.join(PROJECT_ROOT, 'build-report', 'same-stopwatch.json'), JSON.stringify({ date: new Date().toISOString(), runs: options.runs, results }, null, 1));
  } finally {
    await browser?.close();
    server?.kill();
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
