// The published map (the public, a phone, print), in Debian's Chromium at
// 1440 × 900, 390 × 844 and 768 × 1024: the default map is coloured and
// titled, place names are drawn, the map keeps a usable area with every
// panel open, the PNG export has the expected size and carries the legend,
// the embed view shows no panel, the data table lists the map's values, a
// keyboard-only journey reaches a portrait, and axe finds no critical or
// serious violation. One browser, few page loads.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closeAtlas, mapScreenshot, screenshot, atlasSite, waitForSettled } from './harness.ts';
import { countNonBackgroundPixels, pngColoursIn } from './pixels.ts';
import { expectNoSeriousAxe, swatchBorderContrast } from './axe.ts';

const SEA: [number, number, number] = [0xe6, 0xed, 0xf3];
const DEFAULT_TITLE = 'Accès aux médecins généralistes (APL 2023) par intercommunalité';
/** The default map: APL to GPs by EPCI. */
const DEFAULT_MAP = { indicator: 'apl_mg_moins65_2023', level: 'epci' } as const;

const site = atlasSite();

/** Share of the viewport where the map itself is what one sees (sampled on a grid). */
function visibleMapShare(page: Page): Promise<number> {
  return page.evaluate(() => {
    const canvas = document.querySelector('[data-testid="map"] canvas');
    const n = 48;
    let seen = 0;
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        const el = document.elementFromPoint(((i + 0.5) * innerWidth) / n, ((j + 0.5) * innerHeight) / n);
        if (el === canvas) seen++;
      }
    return seen / (n * n);
  });
}

/** Touch targets under 44 × 44 px among the visible controls (buttons, selects, text fields, links outside text). */
function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const controls = document.querySelectorAll<HTMLElement>('button, select, input:not([type="checkbox"]):not([type="radio"]), .maplibregl-ctrl a, [role="option"]');
    for (const el of controls) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || r.bottom <= 0 || r.top >= innerHeight || r.right <= 0 || r.left >= innerWidth) continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || el.closest('[data-sheet="peek"]') && !el.classList.contains('atlas-sheet__handle')) continue;
      // a control under another element (a sheet over the map) is not a target
      const top = document.elementFromPoint(Math.min(innerWidth - 1, r.left + r.width / 2), Math.min(innerHeight - 1, r.top + r.height / 2));
      if (!top || !(el === top || el.contains(top))) continue;
      if (r.width < 43.5 || r.height < 43.5) out.push(`${el.tagName.toLowerCase()}.${el.className} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30)}" ${Math.round(r.width)}×${Math.round(r.height)}`);
    }
    return out;
  });
}

describe('published map — laptop 1440 × 900', () => {
  it('opens on APL by EPCI, coloured and titled, framing the metropole with the DROM insets; labels at zoom 6 and 10', async () => {
    // axe is injected as an inline script: bypass the CSP here (csp.test.ts tests the policy itself).
    const atlas = await site.open('', { viewport: { width: 1440, height: 900 }, bypassCSP: true, ready: DEFAULT_MAP });
    const { page } = atlas;
    expect(await page.getByTestId('map-title').textContent()).toBe(DEFAULT_TITLE);
    expect(await page.title()).toContain(DEFAULT_TITLE);
    const state = await page.evaluate(() => ({ level: window.__clsAtlas!.state.level, indicator: window.__clsAtlas!.state.indicator }));
    expect(state).toEqual({ level: 'epci', indicator: 'apl_mg_moins65_2023' });
    const png = await mapScreenshot(page, 'published-default-1440-map');
    await screenshot(page, 'published-default-1440');
    const pixels = await countNonBackgroundPixels(page, png, SEA);
    expect(pixels.nonBackground / pixels.total).toBeGreaterThan(0.2);
    expect(pixels.colours).toBeGreaterThan(5);

    // A slim header, the map at full height, Corsica and the north both in view, the five DROM insets shown.
    const header = (await page.locator('.atlas-header').boundingBox())!;
    const map = (await page.locator('[data-testid="map"] canvas').boundingBox())!;
    console.info(`header ${header.height} px, map ${map.width} × ${map.height} px`);
    expect(header.height).toBeLessThan(72);
    expect(map.height).toBeGreaterThan(900 - 140);
    const inView = await page.evaluate(() => {
      const m = window.__clsAtlas!.map!;
      const b = m.getBounds();
      return b.contains([9.4, 41.4]) && b.contains([2.5, 51.05]) && b.contains([-4.7, 48.4]);
    });
    expect(inView).toBe(true);
    expect(await page.locator('[data-testid="drom-insets"] button:visible').count()).toBe(6);

    const rendered = async (layers: string[]) =>
      page.evaluate((ids) => window.__clsAtlas!.map!.queryRenderedFeatures({ layers: ids }).map((f) => String(f.properties.name)), layers);
    await page.evaluate(() => window.__clsAtlas!.map!.jumpTo({ center: [2.6, 47.2], zoom: 6 }));
    await waitForSettled(page);
    const regions = await rendered(['labels-region']);
    const departements = await rendered(['labels-departement']);
    const towns = await rendered(['labels-town']);
    console.info(`labels at zoom 6: ${regions.length} régions, ${departements.length} départements, ${towns.length} towns`);
    expect(regions).toContain('Centre-Val de Loire');
    expect(departements.length).toBeGreaterThan(10);
    expect(towns.length).toBeGreaterThan(10);
    await page.evaluate(() => window.__clsAtlas!.map!.jumpTo({ center: [3.083, 48.815], zoom: 10 }));
    await page.waitForFunction(() => window.__clsAtlas!.map!.queryRenderedFeatures({ layers: ['labels-commune'] }).length > 0, undefined, { timeout: 60_000 });
    await waitForSettled(page);
    const communes = await rendered(['labels-commune', 'labels-town']);
    console.info(`labels at zoom 10: ${communes.length}`);
    expect(communes).toContain('Coulommiers');
    expect(communes.length).toBeGreaterThan(20);
    await screenshot(page, 'published-labels-zoom10');

    await expectNoSeriousAxe(page, 'default view, indicator with legend');
    // Swatch borders stand out from the white legend at 3:1 at least (non-text contrast); legend text is in axe's colour-contrast rule.
    const borderContrast = await swatchBorderContrast(page, '[data-testid="indicator-legend"] .atlas-legend__swatch');
    expect(borderContrast.length).toBe(6);
    for (const ratio of borderContrast) expect(ratio).toBeGreaterThanOrEqual(3);
    await closeAtlas(atlas);
  });

  it('data table = feature-states; keyboard-only journey to a portrait; every panel open keeps the map; PNG export; share; axe', async () => {
    const atlas = await site.open('', { viewport: { width: 1440, height: 900 }, bypassCSP: true, ready: DEFAULT_MAP });
    const { page } = atlas;

    // Skip link → data table (keyboard only from here on).
    await page.keyboard.press('Tab');
    const skip = page.locator('.fr-skiplinks a', { hasText: 'Aller au tableau des données' });
    for (let i = 0; i < 5 && !(await skip.evaluate((a) => a === document.activeElement)); i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const table = page.getByTestId('data-table');
    await table.waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'atlas-table-title');
    const total = await page.evaluate(() => window.__clsIndicators!.currentValues()!.size);
    await expect.poll(() => page.getByTestId('table-count').textContent()).toContain(new Intl.NumberFormat('fr-FR').format(total));

    // Every listed row carries the value and class the map paints.
    const mismatches = await page.evaluate(() => {
      const map = window.__clsAtlas!.map!;
      // The map's feature-state holds the class (and its colour); the values are the indicator's.
      const values = window.__clsIndicators!.currentValues()!;
      const bad: string[] = [];
      const rows = document.querySelectorAll<HTMLTableRowElement>('[data-testid="data-table"] tbody tr');
      for (const row of rows) {
        const code = row.dataset.code!;
        const fs = map.getFeatureState({ source: 'territories-epci', sourceLayer: 'territories', id: code }) as { cls?: number | null };
        const mapValue = values.get(code) ?? null;
        const value = row.dataset.value === '' ? null : Number(row.dataset.value);
        const cls = row.dataset.cls === '' ? null : Number(row.dataset.cls);
        if (mapValue !== value || (fs.cls ?? null) !== cls) bad.push(`${code}: table ${value}/${cls}, map ${mapValue}/${fs.cls}`);
      }
      return { bad, checked: rows.length };
    });
    expect(mismatches.checked).toBeGreaterThan(100);
    expect(mismatches.bad).toEqual([]);

    // Sorted by value (ascending by default); descending after a click on the header.
    const values = async () => page.$$eval('[data-testid="data-table"] tbody tr', (rows) => rows.slice(0, 20).map((r) => (r as HTMLElement).dataset.value).filter((v) => v !== '').map(Number));
    const ascending = await values();
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
    // Filter, then select the row from the keyboard.
    await page.getByTestId('table-filter').focus();
    await page.keyboard.type('Coulommiers');
    await expect.poll(() => page.locator('[data-testid="data-table"] tbody tr').count()).toBe(1);
    await page.keyboard.press('Tab'); // the name header's sort button
    for (let i = 0; i < 6; i++) {
      if (await page.evaluate(() => document.activeElement?.classList.contains('atlas-table__select'))) break;
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => window.__clsAtlas!.state.selection?.code === '200090504');
    await expect.poll(() => page.getByTestId('panel-name').textContent()).toBe('CA Coulommiers Pays de Brie');
    await expect.poll(() => page.getByTestId('selection-announcement').textContent()).toContain('CA Coulommiers Pays de Brie');
    await page.waitForFunction(() => document.activeElement?.id === 'atlas-panel-title');
    for (let i = 0; i < 80; i++) {
      if (await page.evaluate(() => document.activeElement?.getAttribute('data-testid') === 'portrait-toggle')) break;
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="portrait"]').waitFor({ timeout: 90_000 });
    expect(await page.evaluate(() => window.__clsAtlas!.state.portrait)).toBe('territory');
    await waitForSettled(page);
    await expectNoSeriousAxe(page, 'territory selected, portrait open, data table open');

    // Every panel open: table, territory panel with its portrait, overlays box; the map keeps its area and the selection stays in view.
    await page.locator('.cls-overlay-control button', { hasText: 'Afficher' }).first().click().catch(() => undefined);
    await waitForSettled(page);
    const share = await visibleMapShare(page);
    console.info(`1440 × 900, every panel open: map visible on ${(share * 100).toFixed(1)} % of the viewport`);
    await screenshot(page, 'published-1440-all-panels');
    expect(share).toBeGreaterThan(0.35);
    const selectionSeen = await page.evaluate(() => {
      const map = window.__clsAtlas!.map!;
      const p = map.project([3.09, 48.8]);
      const c = map.getCanvas();
      return p.x > 0 && p.x < c.clientWidth && p.y > 0 && p.y < c.clientHeight;
    });
    expect(selectionSeen).toBe(true);

    // Arrow keys on the map: Alt + → moves the selection to a neighbouring EPCI, focus stays on the map.
    await page.locator('[data-testid="map"] canvas').focus();
    await page.keyboard.press('Alt+ArrowRight');
    await page.waitForFunction(() => window.__clsAtlas!.state.selection?.code !== '200090504');
    const moved = await page.evaluate(() => ({ sel: window.__clsAtlas!.state.selection, focusOnMap: document.activeElement?.classList.contains('maplibregl-canvas') }));
    expect(moved.sel?.level).toBe('epci');
    expect(moved.focusOnMap).toBe(true);

    // Share: the link and the iframe snippet of the embed view.
    await page.getByTestId('share-open').click();
    const link = await page.getByTestId('share-link-field').inputValue();
    expect(link).toContain('#v=1');
    expect(link).toContain(`sel=epci:${moved.sel!.code}`);
    expect(await page.getByTestId('share-embed-field').inputValue()).toMatch(/^<iframe src="[^"]+embed=1[^"]*" title="Accès aux médecins/);
    await expectNoSeriousAxe(page, 'share dialog');
    await page.keyboard.press('Escape');

    // PNG export at screen size then A4: decoded size as announced, the legend's colours inside the legend box.
    await page.getByTestId('png-open').click();
    const legendColours = await page.evaluate(() => window.__clsIndicators!.view.getState().classification!.colors);
    for (const size of ['screen', 'print'] as const) {
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByTestId(`png-${size}`).click()]);
      const file = await readFile((await download.path())!);
      const status = page.getByTestId('png-status');
      const expected = await status.getAttribute('data-size');
      const box = (await status.getAttribute('data-legend-box'))!.split(',').map(Number);
      const png = await pngColoursIn(page, file, [box]);
      const decoded = { width: png.width, height: png.height, found: legendColours.filter((col) => png.colours[0]!.has(col.toLowerCase())) };
      console.info(`PNG ${size}: ${decoded.width} × ${decoded.height}, ${file.byteLength} bytes, legend colours found ${decoded.found.length}/${legendColours.length}`);
      expect(`${decoded.width}x${decoded.height}`).toBe(expected);
      if (size === 'print') expect(expected).toBe('3508x2480');
      else expect(decoded.width).toBe(Math.round((await page.locator('[data-testid="map"] canvas').boundingBox())!.width));
      expect(decoded.found).toEqual(legendColours);
    }
    await page.keyboard.press('Escape');

    // The perimeter builder (axe).
    await page.getByTestId('perimeter-open').click();
    await page.getByTestId('perimeter-panel').waitFor();
    await waitForSettled(page);
    await expectNoSeriousAxe(page, 'perimeter builder');
    await closeAtlas(atlas);
  });

  it('the embed view shows the map, its title, legend and credits, and no panel', async () => {
    const atlas = await site.open('#v=1&embed=1', { viewport: { width: 800, height: 560 }, bypassCSP: true, ready: DEFAULT_MAP });
    const { page } = atlas;
    expect(await page.getByTestId('map-title').textContent()).toBe(DEFAULT_TITLE);
    expect(await page.getByTestId('embed-legend').locator('[data-testid="legend-class"]').count()).toBe(5);
    expect(await page.getByTestId('embed-credits').textContent()).toContain('DREES');
    for (const id of ['indicator-sidebar', 'data-table', 'territory-panel', 'perimeter-panel']) expect(await page.getByTestId(id).count()).toBe(0);
    expect(await page.locator('.atlas-header').count()).toBe(0);
    await screenshot(page, 'published-embed');
    await expectNoSeriousAxe(page, 'embed');
    await closeAtlas(atlas);
  });
});

for (const viewport of [
  { width: 390, height: 844 },
  { width: 768, height: 1024 },
]) {
  describe(`published map — ${viewport.width} × ${viewport.height}`, () => {
    it('the map fills the screen, coloured and titled; panels are bottom sheets; no horizontal scroll; 44 px targets; tap selects', async () => {
      const atlas = await site.open('', { viewport, mobile: true, bypassCSP: true, ready: DEFAULT_MAP });
      const { page } = atlas;
      const name = `published-${viewport.width}`;
      expect(await page.getByTestId('map-title').textContent()).toBe(DEFAULT_TITLE);
      const png = await mapScreenshot(page, `${name}-map`);
      await screenshot(page, `${name}-default`);
      expect((await countNonBackgroundPixels(page, png, SEA)).colours).toBeGreaterThan(5);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(viewport.height);
      const atRest = await visibleMapShare(page);
      console.info(`${viewport.width} × ${viewport.height} at rest: map visible on ${(atRest * 100).toFixed(1)} %`);
      expect(atRest).toBeGreaterThan(0.5);
      expect(await smallTargets(page)).toEqual([]);

      // The indicator sheet: tap the handle to expand it (legend inside), tap again to fold it.
      const handle = page.getByTestId('sheet-handle-indicator');
      await handle.tap();
      await expect.poll(() => page.getByTestId('indicator-sidebar').getAttribute('data-sheet')).toBe('half');
      expect(await page.getByTestId('indicator-legend').isVisible()).toBe(true);
      await screenshot(page, `${name}-indicator-sheet`);
      await handle.tap();
      await expect.poll(() => page.getByTestId('indicator-sidebar').getAttribute('data-sheet')).toBe('peek');

      // Tap on the map selects; the territory sheet opens over half the map, and the selection stays in the part seen.
      const box = (await page.locator('[data-testid="map"] canvas').boundingBox())!;
      const target = await page.evaluate(() => window.__clsAtlas!.map!.project([2.35, 46.6]));
      await page.touchscreen.tap(box.x + target.x, box.y + target.y);
      await page.waitForFunction(() => window.__clsAtlas!.state.selection?.level === 'epci');
      await page.getByTestId('territory-panel').waitFor();
      await expect.poll(() => page.getByTestId('territory-panel').getAttribute('data-sheet')).toBe('half');
      await waitForSettled(page);
      const withSheet = await visibleMapShare(page);
      console.info(`${viewport.width} × ${viewport.height} with the territory sheet: map visible on ${(withSheet * 100).toFixed(1)} %`);
      expect(withSheet).toBeGreaterThan(0.3);
      const seen = await page.evaluate(() => {
        const record = document.querySelector('[data-testid="territory-panel"]')!.getBoundingClientRect();
        const map = window.__clsAtlas!.map!;
        const sel = window.__clsAtlas!.state.selection!;
        void sel;
        const canvas = map.getCanvas().getBoundingClientRect();
        const states = map.queryRenderedFeatures({ layers: ['territories-epci-fill'] }).filter((f) => f.id === sel.code);
        return { sheetTop: record.top, canvasTop: canvas.top, features: states.length };
      });
      expect(seen.features).toBeGreaterThan(0);
      expect(await smallTargets(page)).toEqual([]);
      await screenshot(page, `${name}-territory-sheet`);
      await expectNoSeriousAxe(page, `${viewport.width} territory sheet`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      await closeAtlas(atlas);
    });
  });
}
