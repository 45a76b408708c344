// The viewer core, in Debian's Chromium, against dist/ served under /atlas/.
// One Chromium for the file (2 cores, software WebGL); one page per test.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closeAtlas, mapScreenshot, screenshot, atlasSite, waitForLevel, waitForSettled } from './harness.ts';
import { countNonBackgroundPixels } from './pixels.ts';

const SEA: [number, number, number] = [0xe6, 0xed, 0xf3];

const site = atlasSite();

const state = (page: Page) => page.evaluate(() => JSON.parse(JSON.stringify(window.__clsAtlas!.state)));

async function search(page: Page, text: string, level: string, code: string): Promise<void> {
  const input = page.locator('#atlas-search-input');
  await input.click();
  await input.fill(text);
  const option = page.locator(`[role="option"][data-level="${level}"][data-code="${code}"]`);
  await option.waitFor();
  // Keyboard path: move the active option to ours, then Enter.
  const options = page.locator('[role="option"][data-code]');
  const count = await options.count();
  for (let i = 0; i < count; i++) {
    if ((await input.getAttribute('aria-activedescendant')) === (await option.getAttribute('id'))) break;
    await input.press('ArrowDown');
  }
  await input.press('Enter');
  await page.waitForFunction(
    ([l, c]) => window.__clsAtlas!.state.selection?.level === l && window.__clsAtlas!.state.selection?.code === c,
    [level, code] as const,
  );
}

describe('CLS Atlas viewer', () => {
  it('renders a non-blank map of France with no external request', async () => {
    const atlas = await site.open('', { ready: { settled: true } });
    const { page } = atlas;
    const timings = await page.evaluate(() => window.__clsAtlas!.timings);
    console.info(`first idle: ${timings.firstIdle} ms, geometry decode: ${JSON.stringify(timings.geometry)}`);
    const png = await mapScreenshot(page, 'map-default');
    await screenshot(page, 'page-default');
    const pixels = await countNonBackgroundPixels(page, png, SEA);
    expect(pixels.nonBackground / pixels.total).toBeGreaterThan(0.2);
    expect(pixels.colours).toBeGreaterThan(2);
    // The default map is the EPCI level (1 259 territories, nearly all in metropolitan France).
    const rendered = await page.evaluate(() =>
      new Set(
        window.__clsAtlas!.map!.queryRenderedFeatures({ layers: ['territories-epci-fill'] }).map((f) => f.id),
      ).size,
    );
    expect(rendered).toBeGreaterThan(1000);
    // The footer's credits sit behind « À propos et sources ».
    await page.getByTestId('about-open').click();
    await page.getByTestId('dialog-about').locator('[data-testid="credits"]').waitFor();
    expect(await page.locator('[data-testid="credits"] li').count()).toBeGreaterThan(0);
    await closeAtlas(atlas);
  });

  it('search "Coulommiers" selects commune 77131 and names its EPCI and département', async () => {
    const atlas = await site.open();
    const { page } = atlas;
    await search(page, 'coulommiers', 'commune', '77131');
    const panel = page.locator('[data-testid="territory-panel"]');
    await expect.poll(() => panel.locator('[data-testid="panel-name"]').textContent()).toBe('Coulommiers');
    await expect.poll(() => panel.locator('[data-testid="panel-code"]').textContent()).toBe('77131');
    const parents = panel.locator('[data-testid="panel-parents"]');
    await expect.poll(() => parents.locator('li[data-level="epci"]').textContent()).toContain('CA Coulommiers Pays de Brie');
    await expect.poll(() => parents.locator('li[data-level="departement"]').textContent()).toContain('Seine-et-Marne');
    expect(await panel.locator('[data-testid="panel-population"]').textContent()).toMatch(/\d/);
    await waitForLevel(page, 'commune');
    expect((await state(page)).level).toBe('commune');
    await screenshot(page, 'search-coulommiers');
    await closeAtlas(atlas);
  });

  it('switching to the EPCI level and clicking on the map shows an EPCI', async () => {
    const atlas = await site.open();
    const { page } = atlas;
    await page.locator('input[name="atlas-level"][value="epci"]').check({ force: true });
    await waitForLevel(page, 'epci');
    const box = (await page.locator('[data-testid="map"] canvas').boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.45);
    await page.mouse.click(box.x + box.width * 0.5, box.y + box.height * 0.45);
    await page.waitForFunction(() => window.__clsAtlas!.state.selection?.level === 'epci');
    const panel = page.locator('[data-testid="territory-panel"]');
    await expect.poll(() => panel.locator('[data-testid="panel-level"]').textContent()).toBe('EPCI');
    expect(await panel.locator('[data-testid="panel-code"]').textContent()).toMatch(/^\d{9}$/);
    expect(await panel.locator('[data-testid="panel-name"]').textContent()).not.toBe('');
    await waitForSettled(page);
    await screenshot(page, 'epci-click');
    await closeAtlas(atlas);
  });

  it('Mamoudzou (97611) is findable and rendered on the map', async () => {
    const atlas = await site.open();
    const { page } = atlas;
    await search(page, 'Mamoudzou', 'commune', '97611');
    await waitForLevel(page, 'commune');
    const found = await page.evaluate(() => {
      const map = window.__clsAtlas!.map!;
      const c = map.getCenter();
      return {
        features: map.queryRenderedFeatures({ layers: ['territories-commune-fill'] }).filter((f) => f.id === '97611').length,
        lng: c.lng,
        lat: c.lat,
      };
    });
    expect(found.features).toBeGreaterThan(0);
    expect(found.lng).toBeGreaterThan(44.9);
    expect(found.lng).toBeLessThan(45.4);
    expect(found.lat).toBeGreaterThan(-13.1);
    expect(found.lat).toBeLessThan(-12.5);
    await mapScreenshot(page, 'mamoudzou');
    await closeAtlas(atlas);
  });

  it('a copied URL restores the same selection and view in a new page', async () => {
    const first = await site.open();
    await search(first.page, 'Seine-et-Marne', 'departement', '77');
    await waitForSettled(first.page);
    await first.page.waitForFunction(() => window.location.hash.includes('sel=departement:77') && window.location.hash.includes('at='));
    const url = first.page.url();
    const view = await first.page.evaluate(() => window.__clsAtlas!.state.view);
    await closeAtlas(first);

    const second = await site.open(new URL(url).hash);
    const s = await state(second.page);
    expect(s.selection).toEqual({ level: 'departement', code: '77' });
    expect(s.level).toBe('departement');
    expect(Math.abs(s.view.lng - view!.lng)).toBeLessThan(0.01);
    expect(Math.abs(s.view.zoom - view!.zoom)).toBeLessThan(0.05);
    await expect.poll(() => second.page.locator('[data-testid="panel-name"]').textContent()).toBe('Seine-et-Marne');
    await closeAtlas(second);
  });

  it('a malformed hash falls back to the defaults without error', async () => {
    const atlas = await site.open('#v=1&level=<script>alert(1)</script>&sel=commune:%%%&at=NaN,1e999,zz&junk=1');
    const s = await state(atlas.page);
    expect(s.level).toBe('epci');
    expect(s.selection).toBeNull();
    expect(s.error).toBeNull();
    await waitForSettled(atlas.page);
    const png = await mapScreenshot(atlas.page, 'malformed-hash');
    const pixels = await countNonBackgroundPixels(atlas.page, png, SEA);
    expect(pixels.nonBackground / pixels.total).toBeGreaterThan(0.2);
    await closeAtlas(atlas);
  });
});
