// The first view and what waits for it: the canvas is shown only once the
// first view is drawn (not its partial frames); the first level's source and
// layers come with the style, in their bands; place names, the small indexes
// and the design system's script wait until the map has paused drawing (a
// selection's panel gets its parents' names at once), the faces preloaded are
// those the stylesheet asks for, and a perimeter builder opened at once still
// takes clicks (tests/browser/perimeter.test.ts).
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { atlasSite, WAIT_MS } from './harness.ts';

const site = atlasSite();

/** What the page saw of the map: recorded by a script that runs before the application. */
interface FirstViewLog {
  /** Canvas visibility when the map was created, and at its first frame. */
  atCreation?: string;
  atFirstFrame?: string;
  /** At the first view (`ready`) and once the map went quiet and the deferred layers are in (`quiet`). */
  atReady?: { visibility: string; labels: boolean; sources: string[]; dsfr: boolean; at: number };
  atQuiet?: { labels: boolean; at: number };

  /** Whether the highlight source was on the map a task after the first view, and whether the map was quiet then. */
  highlightAfterReady?: { source: boolean; quiet: boolean };
}

/** Opens `hash` in a new page that records what the map had at creation, first frame, first view and quiet. */
async function openRecorded(hash: string): Promise<{ page: Page; log: FirstViewLog; pageErrors: string[] }> {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT_MS);
  await page.addInitScript(() => {
    const log: Record<string, unknown> = {};
    Object.defineProperty(window, '__firstViewLog', { value: log });
    const visibility = (canvas: HTMLCanvasElement) => canvas.style.visibility || 'visible';
    const watch = () => {
      const hook = window.__clsAtlas;
      const map = hook?.map;
      if (!hook || !map) {
        setTimeout(watch, 1);
        return;
      }
      log.atCreation = visibility(map.getCanvas());
      const dsfrStarted = () => document.documentElement.hasAttribute('data-fr-js');
      map.once('render', () => (log.atFirstFrame = visibility(map.getCanvas())));
      // Registered before they resolve: each callback runs at that very moment.
      void hook.ready.then(() => {
        log.atReady = { visibility: visibility(map.getCanvas()), labels: map.getSource('labels-places') !== undefined, sources: Object.keys(map.getStyle().sources), dsfr: dsfrStarted(), at: performance.now() };
      });
      void hook.quiet.then(() => (log.atQuiet = { labels: map.getSource('labels-places') !== undefined, at: performance.now() }));
      // Just after the first view (a task later, long before the map can be quiet): is the highlight there?
      void hook.ready.then(() => setTimeout(() => (log.highlightAfterReady = { source: map.getSource('territory-highlight') !== undefined, quiet: log.atQuiet !== undefined })));
    };
    watch();
  });
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.goto(site.url + hash);
  await page.waitForFunction(() => (window as unknown as { __firstViewLog: FirstViewLog }).__firstViewLog.atQuiet !== undefined);
  const log = await page.evaluate(() => (window as unknown as { __firstViewLog: FirstViewLog }).__firstViewLog);
  return { page, log, pageErrors };
}

/** When the page asked for each file whose name matches `pattern` (ms since navigation, from Resource Timing). */
function requestedAt(page: Page, pattern: RegExp): Promise<Record<string, number>> {
  return page.evaluate(
    (source) =>
      Object.fromEntries(
        performance
          .getEntriesByType('resource')
          .filter((e) => new RegExp(source).test(e.name))
          .map((e) => [new URL(e.name).pathname.split('/').pop()!, e.startTime]),
      ),
    pattern.source,
  );
}

const SUPRA_INDEXES = /index\/(epci|bv|departement|region)\.columns\.json$/;

describe('first view', () => {
  it('shows the canvas only once the first view is drawn; place names come once the map is quiet', async () => {
    const { page, log, pageErrors } = await openRecorded('');
    console.info(`first view log: ${JSON.stringify(log)}`);

    // Hidden while the map draws its partial frames, shown at the first view; the sea's colour behind.
    expect(log.atCreation).toBe('hidden');
    expect(log.atFirstFrame).toBe('hidden');
    expect(log.atReady?.visibility).toBe('visible');
    const background = await page.evaluate(() => getComputedStyle(window.__clsAtlas!.map!.getContainer()).backgroundColor);
    expect(background).not.toBe('rgba(0, 0, 0, 0)');

    // Drawn at the first view: the level's territories; the place names come once the map is quiet.
    expect(log.atReady?.sources).toContain('territories-epci');
    expect(log.atReady?.labels).toBe(false);
    expect(log.atQuiet?.labels).toBe(true);
    // The small indexes and the design system's script (modals, accordions) wait for the quiet map,
    // which comes no sooner than 400 ms without a frame after the first view: a user acting at once
    // does not wait for them.
    const readyAt = log.atReady!.at;
    const quietAt = log.atQuiet!.at;
    expect(log.atReady?.dsfr).toBe(false);
    await page.waitForFunction(() => document.documentElement.hasAttribute('data-fr-js'));
    const dsfr = Object.entries(await requestedAt(page, /dsfr\.module[^/]*\.js$/));
    expect(dsfr).toHaveLength(1);
    expect(dsfr[0]![1]).toBeGreaterThan(readyAt + 300);
    const indexes = await requestedAt(page, SUPRA_INDEXES);
    expect(Object.keys(indexes).sort()).toEqual(['bv.columns.json', 'departement.columns.json', 'epci.columns.json', 'region.columns.json']);
    for (const at of Object.values(indexes)) expect(at).toBeGreaterThan(readyAt + 300);
    expect(quietAt).toBeGreaterThan(readyAt + 300);

    // Each face preloaded is one the stylesheet asks for (else it is fetched twice, the preload wasted).
    const fontUse = await page.evaluate(() => {
      const preloaded = [...document.querySelectorAll<HTMLLinkElement>('link[rel="preload"][as="font"]')].map((l) => l.href);
      const declared: string[] = [];
      for (const sheet of document.styleSheets) {
        let rules: CSSRuleList;
        try {
          rules = sheet.cssRules;
        } catch {
          continue;
        }
        for (const rule of rules) {
          if (!(rule instanceof CSSFontFaceRule)) continue;
          for (const m of rule.style.getPropertyValue('src').matchAll(/url\("?([^")]+)"?\)/g)) declared.push(new URL(m[1]!, sheet.href ?? document.baseURI).href);
        }
      }
      return { preloaded, declared };
    });
    expect(fontUse.preloaded.length).toBeGreaterThan(0);
    for (const href of fontUse.preloaded) expect(fontUse.declared).toContain(href);

    // The level that came with the style has its layers in their bands: land, then choropleth, then borders.
    const order = await page.evaluate(() => window.__clsAtlas!.map!.getLayersOrder());
    const at = (id: string) => order.indexOf(id);
    expect(at('territories-epci-fill')).toBeGreaterThan(at('background'));
    expect(at('indicator-epci-fill')).toBeGreaterThan(at('territories-epci-fill'));
    expect(at('territories-epci-outline')).toBeGreaterThan(at('indicator-epci-fill'));
    expect(at('labels-region')).toBeGreaterThan(at('territories-epci-outline'));
    // Nothing asked for a highlight: it waits for the quiet map too.
    expect(log.highlightAfterReady).toEqual({ source: false, quiet: false });
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  it('a link with a selection gets its highlight at the first view, without waiting for the quiet map', async () => {
    const { page, log, pageErrors } = await openRecorded('#v=1&level=commune&sel=commune:77131');
    expect(log.highlightAfterReady).toEqual({ source: true, quiet: false });
    // The panel names the commune's EPCI, département and région: their indexes come at once too.
    const indexes = await requestedAt(page, SUPRA_INDEXES);
    expect(Object.keys(indexes)).toHaveLength(4);
    for (const at of Object.values(indexes)) expect(at).toBeLessThan(log.atQuiet!.at);
    // …and it outlines the selected commune.
    await page.waitForFunction(async () => {
      const source = window.__clsAtlas!.map!.getSource('territory-highlight') as unknown as { getData(): Promise<GeoJSON.FeatureCollection> } | undefined;
      const data = await source?.getData();
      return (data?.features ?? []).some((f) => f.properties?.role === 'selected' && f.properties?.code === '77131');
    });
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });
  it('the search box asks for the indexes when focused, even before the first view is drawn', async () => {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 860 } });
    const page = await context.newPage();
    page.setDefaultTimeout(WAIT_MS);
    await page.goto(site.url, { waitUntil: 'domcontentloaded' });
    // Focused as soon as it is there, long before the map is drawn (let alone quiet).
    await page.locator('#atlas-search-input').focus();
    await page.locator('#atlas-search-input').fill('Seine-et-Marne');
    await page.getByRole('option', { name: /Seine-et-Marne/ }).first().waitFor();
    await page.waitForFunction(() => window.__clsAtlas?.timings.firstIdle !== undefined);
    const firstIdle = await page.evaluate(() => window.__clsAtlas!.timings.firstIdle!);
    const indexes = await requestedAt(page, SUPRA_INDEXES);
    expect(Object.keys(indexes)).toHaveLength(4);
    // Without the focus they would wait for the quiet map, after the first view.
    for (const at of Object.values(indexes)) expect(at).toBeLessThan(firstIdle);
    await context.close();
  });
});
