// The first view and what waits for it: the canvas is shown only once the
// first view is drawn (not its partial frames); the first level's source and
// layers come with the style, in their bands; place names and the other
// deferred work wait until the map has paused drawing, and a perimeter
// builder opened at once still takes clicks (tests/browser/perimeter.test.ts).
import { describe, expect, it } from 'vitest';
import { atlasSite, WAIT_MS } from './harness.ts';

const site = atlasSite();

/** What the page saw of the map: recorded by a script that runs before the application. */
interface FirstViewLog {
  /** Canvas visibility when the map was created, and at its first frame. */
  atCreation?: string;
  atFirstFrame?: string;
  /** At the first view (`ready`) and once the map went quiet and the deferred layers are in (`quiet`). */
  atReady?: { visibility: string; labels: boolean; sources: string[] };
  atQuiet?: { labels: boolean };
}

describe('first view', () => {
  it('shows the canvas only once the first view is drawn; place names come once the map is quiet', async () => {
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
        map.once('render', () => (log.atFirstFrame = visibility(map.getCanvas())));
        // Registered before they resolve: each callback runs at that very moment.
        void hook.ready.then(() => {
          log.atReady = { visibility: visibility(map.getCanvas()), labels: map.getSource('labels-places') !== undefined, sources: Object.keys(map.getStyle().sources) };
        });
        void hook.quiet.then(() => (log.atQuiet = { labels: map.getSource('labels-places') !== undefined }));
      };
      watch();
    });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    await page.goto(site.url);
    await page.waitForFunction(() => (window as unknown as { __firstViewLog: FirstViewLog }).__firstViewLog.atQuiet !== undefined);
    const log = await page.evaluate(() => (window as unknown as { __firstViewLog: FirstViewLog }).__firstViewLog);
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

    // The level that came with the style has its layers in their bands: land, then choropleth, then borders.
    const order = await page.evaluate(() => window.__clsAtlas!.map!.getLayersOrder());
    const at = (id: string) => order.indexOf(id);
    expect(at('territories-epci-fill')).toBeGreaterThan(at('background'));
    expect(at('indicator-epci-fill')).toBeGreaterThan(at('territories-epci-fill'));
    expect(at('territories-epci-outline')).toBeGreaterThan(at('indicator-epci-fill'));
    expect(at('labels-region')).toBeGreaterThan(at('territories-epci-outline'));
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
