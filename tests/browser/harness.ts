// Browser test harness: serves dist/ UNDER A SUB-PATH (/atlas/) with a tiny
// static server (proves sub-path deploys), drives Debian's Chromium through
// playwright-core, records every request to a non-local host (there must be
// none) and page errors, and saves screenshots to test-artifacts/.
import { createServer, type Server } from 'node:http';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH, MIME_TYPES, SUB_PATH } from '../../scripts/lib/static-site.ts';

export { SUB_PATH };

const ROOT = resolve(import.meta.dirname, '../..');
export const DIST = join(ROOT, 'dist');
export const ARTIFACTS = join(ROOT, 'test-artifacts');

export interface StaticServer {
  readonly url: string;
  close(): Promise<void>;
}

/** Serves `root` at http://127.0.0.1:PORT/atlas/; anything outside the sub-path is a 404. `headers` go on every response (e.g. a Content-Security-Policy). */
export async function serveDist(root = DIST, headers: Readonly<Record<string, string>> = {}): Promise<StaticServer> {
  if (!existsSync(join(root, 'index.html'))) throw new Error(`${root}/index.html missing: run \`npm run build\` first`);
  const server: Server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (!path.startsWith(SUB_PATH)) {
      res.writeHead(404).end('outside sub-path');
      return;
    }
    const rel = normalize(path.slice(SUB_PATH.length) || 'index.html');
    const file = join(root, rel.endsWith('/') ? `${rel}index.html` : rel);
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if (!(await stat(file)).isFile()) throw new Error('not a file');
      const body = await readFile(file);
      res.writeHead(200, { ...headers, 'content-type': MIME_TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}${SUB_PATH}`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS],
  });
}

export interface AtlasPage {
  readonly page: Page;
  /** Requests (any outcome) to hosts other than 127.0.0.1 / localhost. */
  readonly externalRequests: string[];
  /** Failed requests to hosts other than 127.0.0.1 / localhost. */
  readonly failedExternalRequests: string[];
  readonly pageErrors: string[];
  readonly consoleErrors: string[];
}

function isLocal(url: string): boolean {
  if (/^(data|blob|about|chrome|devtools):/.test(url)) return true;
  try {
    const host = new URL(url).hostname;
    return host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
  } catch {
    return false;
  }
}

/** Longest wait on a condition (map idle, tiles, a panel): generous for a shared, loaded machine. */
export const WAIT_MS = 90_000;

export interface OpenOptions {
  readonly viewport?: { width: number; height: number };
  /** Phone / tablet emulation: touch events, mobile viewport. */
  readonly mobile?: boolean;
  /** Device pixels per CSS pixel (3 on a recent phone). */
  readonly deviceScaleFactor?: number;
  /** Lets a test inject a script (axe-core) into a page whose CSP forbids inline scripts. */
  readonly bypassCSP?: boolean;
  /** Requests refused as by a lost connection (a file the page cannot have). */
  readonly block?: RegExp;
}

/** Opens the atlas at `hash` in a new page and waits for the app's first map idle. */
export async function openAtlas(browser: Browser, baseUrl: string, hash = '', options: OpenOptions = {}): Promise<AtlasPage> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 860 },
    locale: 'fr-FR',
    hasTouch: options.mobile ?? false,
    isMobile: options.mobile ?? false,
    deviceScaleFactor: options.deviceScaleFactor ?? 1,
    bypassCSP: options.bypassCSP ?? false,
    acceptDownloads: true,
  });
  if (options.block) await context.route(options.block, (route) => route.abort('internetdisconnected'));
  const page = await context.newPage();
  // Every wait is on a condition; on a loaded 2-core machine the map may take long to get there.
  page.setDefaultTimeout(WAIT_MS);
  const result: AtlasPage = { page, externalRequests: [], failedExternalRequests: [], pageErrors: [], consoleErrors: [] };
  page.on('request', (r) => {
    if (!isLocal(r.url())) result.externalRequests.push(r.url());
  });
  page.on('requestfailed', (r) => {
    if (!isLocal(r.url())) result.failedExternalRequests.push(r.url());
  });
  page.on('pageerror', (e) => result.pageErrors.push(String(e)));
  // Content-Security-Policy violations, from the first script on (read with cspViolations()).
  await page.addInitScript(() => {
    const list: string[] = [];
    Object.defineProperty(window, '__cspViolations', { value: list });
    document.addEventListener('securitypolicyviolation', (e) => list.push(`${e.effectiveDirective} ${e.blockedURI}`));
  });
  page.on('console', (m) => {
    if (m.type() === 'error') result.consoleErrors.push(m.text());
  });
  await page.goto(baseUrl + hash, { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(() => window.__clsAtlas !== undefined);
  await waitForHookPromise(page, 'ready');
  return result;
}

/**
 * Waits until the hook's `ready` or `quiet` promise has resolved, by polling a flag its callback sets
 * rather than awaiting the promise through the DevTools protocol: the inspector holds an awaited
 * promise weakly, and a long wait (the quiet map) was seen to end in "Resulting promise was garbage
 * collected" (2 runs in about 5 suites).
 */
async function waitForHookPromise(page: Page, which: 'ready' | 'quiet'): Promise<void> {
  await page.evaluate((name) => {
    const flags = ((window as unknown as { __hookSettled?: Record<string, boolean | string> }).__hookSettled ??= {});
    if (name in flags) return;
    flags[name] = false;
    window.__clsAtlas![name].then(
      () => (flags[name] = true),
      (error: unknown) => (flags[name] = String(error)),
    );
  }, which);
  const outcome = await page.waitForFunction((name) => (window as unknown as { __hookSettled: Record<string, boolean | string> }).__hookSettled[name] || null, which);
  const value = await outcome.jsonValue();
  if (value !== true) throw new Error(`__clsAtlas.${which} rejected: ${String(value)}`);
}

/** Content-Security-Policy violations the page reported so far ("directive blockedURI"). */
export async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => [...((window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [])]);
}

/** Resolves at the next map `idle` (after forcing a repaint, so it always comes). */
export async function waitForIdle(page: Page, timeoutMs = WAIT_MS): Promise<void> {
  await page.evaluate(
    (timeout) =>
      new Promise<void>((resolve, reject) => {
        const map = window.__clsAtlas!.map!;
        const timer = setTimeout(() => reject(new Error('map idle timeout')), timeout);
        map.once('idle', () => {
          clearTimeout(timer);
          resolve();
        });
        map.triggerRepaint();
      }),
    timeoutMs,
  );
}

/** Waits until the deferred layers are in (place names…), nothing moves, all sources are loaded, then one more idle. */
export async function waitForSettled(page: Page): Promise<void> {
  await waitForHookPromise(page, 'quiet');
  await page.waitForFunction(() => {
    const map = window.__clsAtlas?.map;
    return !!map && !map.isMoving() && map.loaded() && map.areTilesLoaded();
  }, undefined, { polling: 200 });
  await waitForIdle(page);
}

/** Waits until the location hash says what the app state says (the URL is written after a debounce). */
export async function waitForUrlSynced(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__clsAtlas !== undefined && window.location.hash === window.__clsAtlas.urlHash);
}

/** Waits until the element and its subtree run no CSS transition or animation (e.g. a DSFR modal fading in). */
export async function waitForTransitionsEnd(page: Page, selector: string): Promise<void> {
  await page.waitForFunction((sel) => {
    const el = document.querySelector(sel);
    const root = el?.closest('dialog, .fr-modal') ?? el;
    return !!root && root.getAnimations({ subtree: true }).length === 0;
  }, selector);
}

export async function screenshot(page: Page, name: string): Promise<Buffer> {
  await mkdir(ARTIFACTS, { recursive: true });
  return page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}

/** Screenshot of the map canvas only. */
export async function mapScreenshot(page: Page, name: string): Promise<Buffer> {
  await mkdir(ARTIFACTS, { recursive: true });
  return page.locator('[data-testid="map"] canvas').screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}

/** Closes a page opened by openAtlas, asserting it raised no page error and asked nothing of a remote host. */
export async function closeAtlas(atlas: AtlasPage): Promise<void> {
  expect(atlas.pageErrors).toEqual([]);
  expect(atlas.externalRequests).toEqual([]);
  expect(atlas.failedExternalRequests).toEqual([]);
  await atlas.page.context().close();
}

export interface ReadyOptions {
  /** The level whose geometry must be on the map (`levelStatus` ready). */
  readonly level?: string;
  /** The indicator that must be mapped (an id, or a pattern of ids), at `level` when given. */
  readonly indicator?: string | RegExp;
  /** The indicator view's status to wait for (default 'ready'). */
  readonly status?: string;
  /** Then wait for the map to settle (default: true). */
  readonly settled?: boolean;
}

/** Waits until the level and/or the indicator asked for are on the map, then (by default) for the map to settle. */
export async function waitForReady(page: Page, ready: ReadyOptions = {}): Promise<void> {
  const { level, indicator, status = 'ready', settled = true } = ready;
  if (indicator !== undefined) {
    await page.waitForFunction(
      ([source, isRegex, l, s]) => {
        const v = window.__clsIndicators?.view.getState();
        if (!v || v.status !== s || !v.entry || (l !== null && v.level !== l)) return false;
        return isRegex ? new RegExp(source).test(v.entry.id) : v.entry.id === source;
      },
      [typeof indicator === 'string' ? indicator : indicator.source, typeof indicator !== 'string', level ?? null, status] as const,
    );
  } else if (level !== undefined) {
    await page.waitForFunction((l) => window.__clsAtlas!.state.levelStatus[l as 'commune'] === 'ready', level);
  }
  if (settled) await waitForSettled(page);
}

/** Waits until a level's geometry is on the map, then for the map to settle. */
export async function waitForLevel(page: Page, level: string): Promise<void> {
  await waitForReady(page, { level });
}

export interface AtlasSite {
  /** The site's address (under the sub-path), once the suite's beforeAll has run. */
  readonly url: string;
  readonly browser: Browser;
  /** Opens the atlas at `hash`; with `ready`, waits for that level / indicator and the map to settle. */
  open(hash?: string, options?: OpenOptions & { readonly ready?: ReadyOptions }): Promise<AtlasPage>;
}

/** One static server and one Chromium for a test file: registers the beforeAll / afterAll that start and stop them. */
export function atlasSite(options: { readonly dist?: string } = {}): AtlasSite {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await serveDist(options.dist);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const started = () => {
    if (!server || !browser) throw new Error('atlasSite: the site is started in beforeAll');
    return { server, browser };
  };
  return {
    get url() {
      return started().server.url;
    },
    get browser() {
      return started().browser;
    },
    async open(hash = '', { ready, ...open } = {}) {
      const { server, browser } = started();
      const atlas = await openAtlas(browser, server.url, hash, open);
      if (ready) await waitForReady(atlas.page, ready);
      return atlas;
    },
  };
}

/** Page coordinates of the centre of a contract's perimeter (mean of its first outer ring). */
export async function contractPoint(page: Page, contractId: string): Promise<{ x: number; y: number }> {
  await page.waitForFunction((id) => window.__clsAtlas!.map!.querySourceFeatures('overlay-contracts').some((f) => f.properties?.id === id), contractId, {
    polling: 250,
  });
  return page.evaluate((id) => {
    const map = window.__clsAtlas!.map!;
    const feature = map.querySourceFeatures('overlay-contracts').find((f) => f.properties?.id === id)!;
    const geometry = feature.geometry as GeoJSON.Polygon | GeoJSON.MultiPolygon;
    const ring = (geometry.type === 'Polygon' ? geometry.coordinates[0] : geometry.coordinates[0]![0])!;
    const lng = ring.reduce((s, p) => s + p[0]!, 0) / ring.length;
    const lat = ring.reduce((s, p) => s + p[1]!, 0) / ring.length;
    const point = map.project([lng, lat]);
    const rect = map.getCanvas().getBoundingClientRect();
    return { x: rect.left + point.x, y: rect.top + point.y };
  }, contractId);
}
