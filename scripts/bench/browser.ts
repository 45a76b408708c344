// Section 3: the viewer in Debian's Chromium (software WebGL, like the test
// harness), served with gzip by server.ts. Each run opens a fresh browser
// context (cold cache) and walks the same script of user actions, each timed
// in the page from the DOM event to the map's next `idle` once the change has
// taken effect.
import { chromium, type Browser, type Page } from 'playwright-core';
import { PAGE_SCRIPT } from './page-script.ts';
import { CHROMIUM_ARGS } from '../lib/static-site.ts';
import { startServer, type BenchServer, type RequestLog } from './server.ts';

export { CHROMIUM_ARGS };

export interface SettleResult {
  /** ms from the DOM event (or the call) to the map idle after the change. */
  fromMs: number;
  /** ms from the DOM event to the moment the change was visible in the app state. */
  conditionAt: number | null;
  /** No frame was pending after the change: a repaint was forced to get an idle. */
  forced: boolean;
  /** What the viewer itself recorded for the restyle (IndicatorService.timings). */
  viewer?: { kind: string; jsMs: number; idleMs?: number } | null;
}

export interface ZoomProbe {
  animationMs: number;
  frames: number;
  fps: number;
  maxFrameGapMs: number;
  idleAfterEndMs: number;
}

export interface BrowserRun {
  run: number;
  /** ms from navigation start (performance.timeOrigin). */
  firstIdleMs: number | null;
  firstMeaningfulMs: number | null;
  firstContentfulPaintMs: number | null;
  firstView: { requests: string[]; dataWireBytes: number; dataRawBytes: number; allWireBytes: number };
  steps: Record<string, SettleResult | { error: string }>;
  zoom: Record<string, ZoomProbe | { error: string }>;
  /**
   * Commune geometry requested by the level switch (TopoJSON or vector tiles of
   * the view), and over the whole session (zooms included).
   */
  communeLayer: { wireBytes: number; rawBytes: number; files: number; fetchDecodeMs: number | null; sessionWireBytes: number; sessionFiles: number };
  /** Deep link straight to the commune choropleth: navigation → idle with the colours on. */
  deepLinkCommuneMs: number | null;
  pageErrors: string[];
}

export interface BrowserOptions {
  siteDir: string;
  runs: number;
  chromium: string;
  log: (m: string) => void;
  deepLink: boolean;
}

/** Indicators and settings the script uses (checked against the catalogue at run time). */
export const SCRIPT = {
  departementIndicator: 'medecins_generalistes_dep_densite',
  communeIndicators: ['apl_mg_2023', 'taux_pauvrete_2021_communes'],
  zoomCenter: [2.35, 47.2] as [number, number],
};

const EVALUATE_TIMEOUT_MS = 180_000;

/** page.evaluate of an expression, never waiting forever (a viewer that never gets ready). */
const evaluate = <T>(page: Page, expression: string, timeoutMs = EVALUATE_TIMEOUT_MS): Promise<T> => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`page did not answer within ${timeoutMs / 1000} s: ${expression.slice(0, 60)}`)), timeoutMs);
  });
  return Promise.race([page.evaluate(expression) as Promise<T>, timeout]).finally(() => clearTimeout(timer));
};

async function settle(
  page: Page,
  kind: 'level' | 'indicator',
  arg: unknown,
  action: () => Promise<void>,
  timeoutMs = 120_000,
): Promise<SettleResult> {
  await evaluate(page, 'window.__bench.arm()');
  const pending = evaluate<SettleResult>(page, `window.__bench.settle(${JSON.stringify(kind)}, ${JSON.stringify(arg)}, ${timeoutMs})`);
  await action();
  const result = await pending;
  if (kind === 'indicator') {
    // Let the viewer's own once('idle') land before reading it.
    await evaluate(page, 'new Promise((r) => setTimeout(r, 50))');
    result.viewer = await evaluate(page, 'window.__clsIndicators && window.__clsIndicators.timings.length ? { ...window.__clsIndicators.timings[window.__clsIndicators.timings.length - 1] } : null');
  }
  return result;
}

const COMMUNE_GEOMETRY = /^data\/(geo\/commune-|tiles\/commune\/)/;

const sumBytes = (entries: readonly RequestLog[], key: 'wireBytes' | 'rawBytes') => entries.reduce((s, e) => s + e[key], 0);

async function oneRun(browser: Browser, server: BenchServer, run: number, options: BrowserOptions): Promise<BrowserRun> {
  // The bench's string predicates are evaluated in the page: the site's CSP (no eval) would refuse them.
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'fr-FR', bypassCSP: true });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.addInitScript({ content: PAGE_SCRIPT });
  const logStart = server.log.length;
  const steps: BrowserRun['steps'] = {};
  const zoom: BrowserRun['zoom'] = {};
  const attempt = async (name: string, fn: () => Promise<SettleResult>) => {
    try {
      steps[name] = await fn();
      const r = steps[name] as SettleResult;
      options.log(`      ${name}: ${Math.round(r.fromMs)} ms${r.forced ? ' (forced repaint)' : ''}`);
    } catch (error) {
      steps[name] = { error: (error as Error).message.split('\n')[0]! };
      options.log(`      ${name}: ERROR ${(steps[name] as { error: string }).error}`);
    }
  };
  const probe = async (name: string) => {
    try {
      zoom[name] = await evaluate<ZoomProbe>(page, `window.__bench.zoomProbe(${JSON.stringify({ center: SCRIPT.zoomCenter, from: 5.5, to: 8.5, durationMs: 1500 })})`);
      const z = zoom[name] as ZoomProbe;
      options.log(`      zoom ${name}: ${z.fps.toFixed(1)} fps, max frame gap ${Math.round(z.maxFrameGapMs)} ms, idle +${Math.round(z.idleAfterEndMs)} ms`);
    } catch (error) {
      zoom[name] = { error: (error as Error).message.split('\n')[0]! };
    }
  };

  // 1. Cold open, default view (APL by EPCI).
  await page.goto(`${server.url}#v=1`, { waitUntil: 'domcontentloaded' });
  await page.waitForFunction('window.__clsAtlas !== undefined', undefined, { timeout: 60_000 });
  await evaluate(page, 'window.__clsAtlas.ready');
  const firstIdleMs = await evaluate<number | null>(page, 'window.__clsAtlas.timings.firstIdle ?? null');
  // The first meaningful frame comes before the first idle; give it a moment if the hook missed nothing.
  const firstMeaningfulMs = await evaluate<number | null>(page, 'window.__bench.firstMeaningful');
  const firstContentfulPaintMs = await evaluate<number | null>(
    page,
    "(performance.getEntriesByName('first-contentful-paint')[0] || { startTime: null }).startTime",
  );
  const readyEpoch = firstIdleMs === null ? Infinity : (await evaluate<number>(page, 'performance.timeOrigin')) + firstIdleMs;
  const serverOrigin = performance.timeOrigin;
  const beforeReady = server.log.slice(logStart).filter((e) => serverOrigin + e.at <= readyEpoch && e.status === 200);
  const dataBefore = beforeReady.filter((e) => e.path.startsWith('data/'));
  const firstView = {
    requests: beforeReady.map((e) => `${e.path} ${e.wireBytes}`),
    dataWireBytes: sumBytes(dataBefore, 'wireBytes'),
    dataRawBytes: sumBytes(dataBefore, 'rawBytes'),
    allWireBytes: sumBytes(beforeReady, 'wireBytes'),
  };
  options.log(`      first idle ${firstIdleMs} ms, first meaningful ${firstMeaningfulMs === null ? 'n/a' : Math.round(firstMeaningfulMs)} ms, first-view data ${(firstView.dataWireBytes / 1024).toFixed(0)} KB on the wire`);

  const catalogue = await evaluate<string[]>(page, `new Promise((resolve) => {
    const t0 = performance.now();
    const tick = () => {
      const v = window.__clsIndicators && window.__clsIndicators.view.getState();
      if (v && v.catalogue) resolve(v.catalogue.indicators ? v.catalogue.indicators.map((e) => e.id) : []);
      else if (performance.now() - t0 > 30000) resolve([]);
      else setTimeout(tick, 50);
    };
    tick();
  })`);
  const hasIndicatorUi = catalogue.length > 0 && (await page.locator('[data-testid="indicator-select"]').count()) > 0;

  // 2. Indicator, classification, palette at the département level (the default view is EPCI).
  await attempt('level switch → départements', () =>
    settle(page, 'level', 'departement', () => page.locator('input[name="atlas-level"][value="departement"]').check({ force: true })));
  if (hasIndicatorUi && catalogue.includes(SCRIPT.departementIndicator)) {
    await attempt('indicator change (département)', () =>
      settle(page, 'indicator', { id: SCRIPT.departementIndicator, level: 'departement' }, () =>
        page.selectOption('[data-testid="indicator-select"]', SCRIPT.departementIndicator).then(() => undefined)));
    await attempt('classification change (département)', () =>
      settle(page, 'indicator', { id: SCRIPT.departementIndicator, level: 'departement' }, () =>
        page.selectOption('[data-testid="classification-method"]', 'jenks').then(() => undefined)));
    await attempt('palette change (département)', () =>
      settle(page, 'indicator', { id: SCRIPT.departementIndicator, level: 'departement' }, () =>
        page.selectOption('[data-testid="classification-scheme"]', 'blues').then(() => undefined)));
    await attempt('indicator off (département)', () =>
      settle(page, 'indicator', { id: null, level: 'departement' }, () =>
        page.selectOption('[data-testid="indicator-select"]', '').then(() => undefined)));
  }

  // 3. Level switch to communes (no indicator on), through the level control.
  const commBefore = server.log.length;
  await attempt('level switch → communes', () =>
    settle(page, 'level', 'commune', () => page.locator('input[name="atlas-level"][value="commune"]').check({ force: true })));
  // The commune geometry, whichever form the viewer uses: TopoJSON files or pre-cut vector tiles.
  const communeEntries = server.log.slice(commBefore).filter((e) => COMMUNE_GEOMETRY.test(e.path) && e.status === 200);
  const communeLayer: BrowserRun['communeLayer'] = {
    sessionWireBytes: 0,
    sessionFiles: 0,
    wireBytes: sumBytes(communeEntries, 'wireBytes'),
    rawBytes: sumBytes(communeEntries, 'rawBytes'),
    files: communeEntries.length,
    fetchDecodeMs: await evaluate<number | null>(page, 'window.__clsAtlas.timings.geometry.commune ?? null'),
  };
  await probe('communes, no feature-state');

  // 4. Indicators at the commune level: ~35k feature states each.
  const [ind1, ind2] = SCRIPT.communeIndicators;
  if (hasIndicatorUi && catalogue.includes(ind1!) && catalogue.includes(ind2!)) {
    await attempt('indicator change (communes, file not cached)', () =>
      settle(page, 'indicator', { id: ind1, level: 'commune' }, () => page.selectOption('[data-testid="indicator-select"]', ind1!).then(() => undefined)));
    await attempt('indicator change (communes, 2nd indicator)', () =>
      settle(page, 'indicator', { id: ind2, level: 'commune' }, () => page.selectOption('[data-testid="indicator-select"]', ind2!).then(() => undefined)));
    await attempt('classification change (communes, 7 classes)', () =>
      settle(page, 'indicator', { id: ind2, level: 'commune' }, () => page.selectOption('[data-testid="classification-classes"]', '7').then(() => undefined)));
    await attempt('palette change (communes)', () =>
      settle(page, 'indicator', { id: ind2, level: 'commune' }, () => page.selectOption('[data-testid="classification-scheme"]', 'viridis').then(() => undefined)));
    await attempt('indicator change (communes, back to cached file)', () =>
      settle(page, 'indicator', { id: ind1, level: 'commune' }, () => page.selectOption('[data-testid="indicator-select"]', ind1!).then(() => undefined)));
    await probe('communes, ~35k feature-states');
  }
  const sessionCommune = server.log.slice(logStart).filter((e) => COMMUNE_GEOMETRY.test(e.path) && e.status === 200);
  communeLayer.sessionWireBytes = sumBytes(sessionCommune, 'wireBytes');
  communeLayer.sessionFiles = sessionCommune.length;
  await context.close();

  // 5. Deep link straight to a commune choropleth (cold context).
  let deepLinkCommuneMs: number | null = null;
  if (options.deepLink && hasIndicatorUi && catalogue.includes(ind1!)) {
    const ctx2 = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'fr-FR', bypassCSP: true });
    const p2 = await ctx2.newPage();
    p2.on('pageerror', (e) => pageErrors.push(String(e)));
    await p2.addInitScript({ content: PAGE_SCRIPT });
    try {
      await p2.goto(`${server.url}#v=1&level=commune&ind=${ind1}`, { waitUntil: 'domcontentloaded' });
      await p2.waitForFunction('window.__clsAtlas !== undefined');
      await evaluate(p2, 'window.__clsAtlas.ready');
      deepLinkCommuneMs = await evaluate<number>(p2, `new Promise((resolve, reject) => {
        const t0 = performance.now();
        const tick = () => {
          const v = window.__clsIndicators && window.__clsIndicators.view.getState();
          if (v && v.status === 'ready' && v.level === 'commune' && v.entry && v.entry.id === ${JSON.stringify(ind1)}) {
            window.__bench.idle().then((t) => resolve(t));
          } else if (performance.now() - t0 > 120000) reject(new Error('deep link timeout'));
          else setTimeout(tick, 20);
        };
        tick();
      })`);
      options.log(`      deep link to the commune choropleth: ${Math.round(deepLinkCommuneMs)} ms to idle`);
    } catch (error) {
      options.log(`      deep link: ERROR ${(error as Error).message.split('\n')[0]}`);
    }
    await ctx2.close();
  }

  return { run, firstIdleMs, firstMeaningfulMs, firstContentfulPaintMs, firstView, steps, zoom, communeLayer, deepLinkCommuneMs, pageErrors };
}

export async function chromiumVersion(browser: Browser): Promise<string> {
  return browser.version();
}

export async function runBrowserBench(options: BrowserOptions): Promise<{ chromium: string; runs: BrowserRun[] }> {
  const server = await startServer(options.siteDir);
  const browser = await chromium.launch({ executablePath: options.chromium, headless: true, args: [...CHROMIUM_ARGS] });
  try {
    const version = await chromiumVersion(browser);
    const runs: BrowserRun[] = [];
    for (let i = 1; i <= options.runs; i++) {
      options.log(`    run ${i}/${options.runs}`);
      try {
        runs.push(await oneRun(browser, server, i, options));
      } catch (error) {
        options.log(`    run ${i} FAILED: ${(error as Error).message.split('\n')[0]}`);
        for (const context of browser.contexts()) await context.close().catch(() => undefined);
      }
    }
    return { chromium: version, runs };
  } finally {
    await browser.close();
    await server.close();
  }
}
