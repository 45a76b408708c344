// The DROM inset maps at 1440 × 900: five small maps drawn after the main
// map's first idle, each territory filled with the colour the main map holds
// in its feature-state (no-data grey without one), also in the PNG export;
// each a button named « <DROM> — voir sur la carte » that frames its DROM.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, atlasSite, closeAtlas, screenshot, waitForSettled } from './harness.ts';
import { pngColoursIn } from './pixels.ts';

const site = atlasSite();

const DROM = ['971', '972', '973', '974', '976'] as const;
const NO_DATA = '#d4d4d4';

describe('DROM inset maps at 1440 × 900', () => {
  it('are drawn after the first idle, coloured like the main map; activating one frames its DROM', async () => {
    const atlas = await site.open('', { viewport: { width: 1440, height: 900 } });
    const { page } = atlas;
    await page.waitForFunction(() => {
      const v = window.__clsIndicators?.view.getState();
      return v?.status === 'ready' && v.level === 'epci';
    });
    await waitForSettled(page);
    await page.waitForFunction((zones) => zones.every((z) => document.querySelectorAll(`[data-testid="drom-insets"] [data-zone="${z}"] svg path`).length > 0), [...DROM]);
    await screenshot(page, 'drom-insets-1440');

    // Their files were asked for only after the map's first idle.
    const timing = await page.evaluate(() => ({
      firstIdle: window.__clsAtlas!.timings.firstIdle!,
      insets: performance
        .getEntriesByType('resource')
        .filter((e) => /geo\/epci-97\d\.topo\.json/.test(e.name))
        .map((e) => e.startTime),
    }));
    console.info(`first idle ${timing.firstIdle} ms; inset files requested at ${timing.insets.map(Math.round).join(', ')} ms`);
    expect(timing.insets.length).toBe(5);
    for (const start of timing.insets) expect(start).toBeGreaterThanOrEqual(timing.firstIdle - 1);

    // Every inset territory: the fill is the main map's feature-state colour.
    const compared = await page.evaluate((zones) => {
      const map = window.__clsAtlas!.map!;
      const out: Record<string, { checked: number; classed: number; bad: string[] }> = {};
      for (const zone of zones) {
        const paths = [...document.querySelectorAll<SVGPathElement>(`[data-testid="drom-insets"] [data-zone="${zone}"] svg path`)];
        const bad: string[] = [];
        let classed = 0;
        for (const path of paths) {
          const code = path.dataset.code!;
          const state = map.getFeatureState({ source: 'territories-epci', sourceLayer: 'territories', id: code }) as { color?: string | null };
          if (state.color) classed++;
          const expected = (state.color ?? '#d4d4d4').toLowerCase();
          if (path.getAttribute('fill')?.toLowerCase() !== expected) bad.push(`${code}: inset ${path.getAttribute('fill')}, map ${state.color}`);
        }
        out[zone] = { checked: paths.length, classed, bad };
      }
      return out;
    }, [...DROM]);
    console.info(`inset territories checked: ${DROM.map((z) => `${z} ${compared[z]!.checked} (${compared[z]!.classed} classed)`).join(', ')}`);
    for (const zone of DROM) {
      expect(compared[zone]!.bad, zone).toEqual([]);
      expect(compared[zone]!.checked, zone).toBeGreaterThanOrEqual(3);
    }
    // Most DROM EPCI have a value: the comparison is between colours, not between greys.
    expect(DROM.reduce((n, z) => n + compared[z]!.classed, 0)).toBeGreaterThan(10);
    expect(NO_DATA).toBe(await page.evaluate(() => window.__clsIndicators!.view.getState().classification!.noDataColor.toLowerCase()));

    // The PNG export (screen size) carries the insets: each inset's box holds its territories' fills.
    const expectedFills = await page.evaluate((zones) => zones.map((z) => [...new Set([...document.querySelectorAll(`[data-testid="drom-insets"] [data-zone="${z}"] svg path`)].map((p) => p.getAttribute('fill')!.toLowerCase()))]), [...DROM]);
    await page.getByTestId('png-open').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('png-screen').click()]);
    const file = await readFile((await download.path())!);
    await writeFile(join(ARTIFACTS, 'drom-insets-export-screen.png'), file);
    const boxes = (await page.getByTestId('png-status').getAttribute('data-inset-boxes'))!.split(';').filter(Boolean).map((b) => b.split(',').map(Number));
    expect(boxes.length).toBe(5);
    const inBoxes = (await pngColoursIn(page, file, boxes)).colours;
    const found = inBoxes.map((seen, i) => expectedFills[i]!.filter((f) => seen.has(f)).length);
    console.info(`PNG insets: fills found per DROM ${found.join(', ')} of ${expectedFills.map((f) => f.length).join(', ')}`);
    found.forEach((n, i) => expect(n, DROM[i]).toBeGreaterThan(0));
    expect(found.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(0.8 * expectedFills.reduce((a, f) => a + f.length, 0));
    await page.keyboard.press('Escape');

    // Keyboard: the Martinique inset is a button with its name; Enter frames Martinique on the main map.
    const inset = page.getByRole('button', { name: 'Martinique — voir sur la carte' });
    expect(await inset.count()).toBe(1);
    await inset.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => {
      const map = window.__clsAtlas!.map!;
      const c = map.getCenter();
      return !map.isMoving() && c.lng > -61.3 && c.lng < -60.7 && c.lat > 14.3 && c.lat < 15;
    });
    await waitForSettled(page);
    const framed = await page.evaluate(() => {
      const map = window.__clsAtlas!.map!;
      const b = map.getBounds();
      return { zoom: map.getZoom(), containsIsland: b.contains([-61.0, 14.6]) && b.contains([-61.2, 14.8]) && b.contains([-60.85, 14.45]) };
    });
    expect(framed.containsIsland).toBe(true);
    expect(framed.zoom).toBeGreaterThan(8);
    await expect.poll(() => inset.getAttribute('aria-current')).toBe('true');
    await screenshot(page, 'drom-insets-1440-martinique');
    await closeAtlas(atlas);
  });
});
