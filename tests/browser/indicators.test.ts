// Indicator choropleth in Debian's Chromium, against dist/ served under /atlas/:
// choosing an indicator recolours the map (pixels) and the legend matches
// the classification; switching level keeps the indicator; a dropped CSV is
// mapped with its matching report.
import { describe, expect, it } from 'vitest';
import { join, resolve } from 'node:path';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { closeAtlas, mapScreenshot, screenshot, atlasSite, waitForReady, waitForSettled, waitForTransitionsEnd, waitForUrlSynced } from './harness.ts';
import { pixelDifference } from './pixels.ts';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/byo');

/** Opacity and hairline borders of a level's land and choropleth fills. */
const paints = (page: Page, level = 'commune') =>
  page.evaluate((level) => {
    const map = window.__clsAtlas!.map!;
    return {
      land: map.getPaintProperty(`territories-${level}-fill`, 'fill-opacity'),
      choropleth: map.getPaintProperty(`indicator-${level}-fill`, 'fill-opacity'),
      landOutline: map.getPaintProperty(`territories-${level}-fill`, 'fill-antialias'),
      choroplethOutline: map.getPaintProperty(`indicator-${level}-fill`, 'fill-antialias'),
    };
  }, level);

const site = atlasSite();

/**
 * Counts, from now on, the feature-state updates of each bucket (tile geometry) of a source's tiles in
 * view: MapLibre internals (maplibre-gl 6.17), read only here.
 */
const countBucketUpdates = (page: Page, sourceId: string) =>
  page.evaluate((sourceId) => {
    interface Bucket { layerIds: string[]; update: (...args: unknown[]) => unknown }
    interface Tile { buckets?: Record<string, Bucket> }
    const style = (window.__clsAtlas!.map as unknown as { style: { tileManagers?: Record<string, { _inViewTiles?: { _tiles?: Record<string, Tile> } }> } }).style;
    const tiles = style.tileManagers?.[sourceId]?._inViewTiles?._tiles;
    if (!tiles) throw new Error(`no tiles of ${sourceId} found in MapLibre's internals (not maplibre-gl 6.17?)`);
    const counts = new Map<Bucket, number>();
    (window as unknown as { __bucketUpdates: Map<Bucket, number> }).__bucketUpdates = counts;
    const patched = new Set<object>();
    for (const tile of Object.values(tiles)) {
      for (const bucket of Object.values(tile.buckets ?? {})) {
        counts.set(bucket, 0);
        const proto = Object.getPrototypeOf(bucket) as Bucket;
        if (patched.has(proto)) continue;
        patched.add(proto);
        const update = proto.update;
        proto.update = function (this: Bucket, ...args: unknown[]) {
          if (counts.has(this)) counts.set(this, counts.get(this)! + 1);
          return update.apply(this, args);
        };
      }
    }
  }, sourceId);

/** The frames the map draws from now to its next `idle`, and the bv fills' opacities then. */
const framesUntilIdle = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<{ frames: number; paints: { land: unknown; choropleth: unknown } }>((resolve) => {
        const map = window.__clsAtlas!.map!;
        let frames = 0;
        const onRender = () => void frames++;
        map.on('render', onRender);
        map.once('idle', () => {
          map.off('render', onRender);
          resolve({
            frames,
            paints: { land: map.getPaintProperty('territories-bv-fill', 'fill-opacity'), choropleth: map.getPaintProperty('indicator-bv-fill', 'fill-opacity') },
          });
        });
      }),
  );

/** The updates counted since `countBucketUpdates`, per bucket that had any. */
const bucketUpdates = (page: Page) =>
  page.evaluate(() =>
    [...(window as unknown as { __bucketUpdates: Map<{ layerIds: string[] }, number> }).__bucketUpdates]
      .filter(([, n]) => n > 0)
      .map(([bucket, n]) => ({ layers: [...bucket.layerIds].sort(), updates: n })),
  );

interface ViewSnapshot {
  status: string;
  level: string;
  entryId: string | null;
  colors: string[];
  labels: string[];
  counts: number[];
  noDataCount: number;
}

const indicatorView = (page: Page) =>
  page.evaluate((): ViewSnapshot => {
    const v = window.__clsIndicators!.view.getState();
    return {
      status: v.status,
      level: v.level,
      entryId: v.entry?.id ?? null,
      colors: v.classification?.colors ?? [],
      labels: v.classification?.labels ?? [],
      counts: v.classification?.counts ?? [],
      noDataCount: v.classification?.noDataCount ?? 0,
    };
  });

async function legendFromDom(page: Page) {
  const classes = page.locator('[data-testid="legend-class"]');
  const n = await classes.count();
  const rows: { label: string; color: string; count: number }[] = [];
  for (let i = 0; i < n; i++) {
    const row = classes.nth(i);
    rows.push({
      label: (await row.locator('.atlas-legend__label').innerText()).trim(),
      color: (await row.getAttribute('data-color')) ?? '',
      count: Number(await row.getAttribute('data-count')),
    });
  }
  const noData = page.locator('[data-testid="legend-nodata"]');
  return { rows, noDataCount: Number(await noData.getAttribute('data-count')), noDataText: await noData.innerText() };
}

describe('indicator choropleth', () => {
  it('choosing an indicator recolours the map without new geometry, and the legend matches the classification', async () => {
    const atlas = await site.open('#v=1&level=departement', { ready: { settled: true } });
    const { page } = atlas;
    const before = await mapScreenshot(page, 'indicators-01-before');
    const geometryRequests: string[] = [];
    page.on('request', (r) => {
      if (/\.topo\.json/.test(r.url())) geometryRequests.push(r.url());
    });

    await page.selectOption('[data-testid="indicator-select"]', 'medecins_generalistes_dep_densite');
    await waitForReady(page, { indicator: 'medecins_generalistes_dep_densite', level: 'departement' });
    const after = await mapScreenshot(page, 'indicators-02-after');
    await screenshot(page, 'indicators-02-after-page');

    expect(geometryRequests).toEqual([]);
    const diff = await pixelDifference(page, before, after);
    expect(diff).toBeGreaterThan(0.1);

    const view = await indicatorView(page);
    const legend = await legendFromDom(page);
    expect(legend.rows.length).toBe(view.colors.length);
    expect(view.colors.length).toBe(5); // default: 5 quantiles
    expect(legend.rows.map((r) => r.label)).toEqual(view.labels);
    expect(legend.rows.map((r) => r.color)).toEqual(view.colors);
    expect(legend.rows.map((r) => r.count)).toEqual(view.counts);
    expect(legend.noDataText).toContain('Données manquantes');
    // 101 départements, each counted once.
    expect(legend.rows.reduce((s, r) => s + r.count, 0) + legend.noDataCount).toBe(101);

    // The paint is the small feature-state expression, and a département carries its class and that class's legend colour.
    const paint = await page.evaluate(() => JSON.stringify(window.__clsAtlas!.map!.getPaintProperty('indicator-departement-fill', 'fill-color')));
    expect(paint).toContain('"feature-state","color"');
    expect(paint.length).toBeLessThan(500);
    const state77 = await page.evaluate(() => window.__clsAtlas!.map!.getFeatureState({ source: 'territories-departement', sourceLayer: 'territories', id: '77' }));
    expect(state77.cls).toBeGreaterThanOrEqual(0);
    expect(state77.color).toBe(view.colors[state77.cls as number]);

    // Announced to screen readers; URL carries the indicator.
    await expect.poll(() => page.locator('[data-testid="indicator-announcement"]').innerText()).toContain('Carte mise à jour');
    await expect.poll(() => page.evaluate(() => window.location.hash)).toContain('ind=medecins_generalistes_dep_densite');

    // Classification change: 7 natural-break classes → 7 legend rows, new colours on the map.
    await page.selectOption('[data-testid="classification-method"]', 'jenks');
    await page.selectOption('[data-testid="classification-classes"]', '7');
    await page.waitForFunction(() => window.__clsIndicators!.view.getState().classification?.colors.length === 7);
    await waitForSettled(page);
    expect(await page.locator('[data-testid="legend-class"]').count()).toBe(7);
    const jenks = await mapScreenshot(page, 'indicators-03-jenks7');
    expect(await pixelDifference(page, after, jenks)).toBeGreaterThan(0.005);
    const timings = await page.evaluate(() => window.__clsIndicators!.timings.map((t) => ({ ...t })));
    console.log('restyle timings (departement):', JSON.stringify(timings));
    await closeAtlas(atlas);
  });

  it('a file on its way is announced as loading only after a while; a file already loaded is mapped with no notice', async () => {
    const atlas = await site.open('#v=1&level=departement&ind=apl_mg_2023', { ready: { indicator: 'apl_mg_2023', level: 'departement' } });
    const { page } = atlas;
    // The view's statuses from now on, with the time each came.
    await page.evaluate(() => {
      const seen: [string, string | null, number][] = [];
      Object.defineProperty(window, '__statuses', { value: seen });
      window.__clsIndicators!.view.subscribe((v) => seen.push([v.status, v.entry?.id ?? null, performance.now()]));
    });
    const statuses = () => page.evaluate(() => (window as unknown as { __statuses: [string, string | null, number][] }).__statuses.splice(0));
    // A slow file: no notice in its first 150 ms, then « loading » until it comes.
    await page.route('**/indicators/taux_natalite_2022.json', async (route) => {
      await new Promise((r) => setTimeout(r, 700));
      await route.continue();
    });
    const asked = await page.evaluate(() => performance.now());
    await page.selectOption('[data-testid="indicator-select"]', 'taux_natalite_2022');
    await expect.poll(() => page.locator('.atlas-ind p[role="status"]').filter({ hasText: /chargement/i }).count(), { timeout: 5000 }).toBe(1);
    await waitForReady(page, { indicator: 'taux_natalite_2022', level: 'departement' });
    const slow = (await statuses()).filter(([, id]) => id === 'taux_natalite_2022');
    expect(slow.map(([status]) => status)).toEqual(['loading', 'ready']);
    expect(slow[0]![2] - asked).toBeGreaterThanOrEqual(150);
    // Back to a file already loaded: mapped at once, never « loading ».
    await page.selectOption('[data-testid="indicator-select"]', 'apl_mg_2023');
    await waitForReady(page, { indicator: 'apl_mg_2023', level: 'departement' });
    expect((await statuses()).map(([status]) => status)).not.toContain('loading');
    expect(atlas.pageErrors).toEqual([]);
    await closeAtlas(atlas);
  });

  it('« Définition et source » opens even when pressed before the design system’s script has started', async () => {
    const atlas = await site.open('#v=1&level=departement&ind=medecins_generalistes_dep_densite', {
      ready: { indicator: 'medecins_generalistes_dep_densite', level: 'departement', settled: false },
    });
    const { page } = atlas;
    // Just after the first view: the script waits for the quiet map (or a first press).
    expect(await page.evaluate(() => document.documentElement.hasAttribute('data-fr-js'))).toBe(false);
    await page.getByTestId('indicator-about').click();
    const body = page.getByTestId('indicator-about-body');
    await body.waitFor({ state: 'visible' });
    expect(await body.innerText()).toMatch(/Définition/);
    await waitForTransitionsEnd(page, '#atlas-indicator-about');
    await screenshot(page, 'indicators-00-about-before-dsfr');
    // Closed, then pressed again: the script, now running, opens it by itself.
    await page.locator('#atlas-indicator-about .fr-btn--close').click();
    await body.waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => document.documentElement.hasAttribute('data-fr-js'))).toBe(true);
    await page.getByTestId('indicator-about').click();
    await body.waitFor({ state: 'visible' });
    expect(atlas.pageErrors).toEqual([]);
    await closeAtlas(atlas);
  });

  it('switching level keeps the indicator, and a level without values says why', async () => {
    const atlas = await site.open('#v=1&level=departement&ind=apl_mg_2023', { ready: { indicator: 'apl_mg_2023', level: 'departement' } });
    const { page } = atlas;
    await page.locator('input[name="atlas-level"][value="epci"]').check({ force: true });
    await waitForReady(page, { indicator: 'apl_mg_2023', level: 'epci' });
    const view = await indicatorView(page);
    const legend = await legendFromDom(page);
    expect(legend.rows.length).toBe(view.colors.length);
    // 1,255 EPCI + the 4 island communes outside any EPCI (pseudo-territories of their own).
    expect(legend.rows.reduce((s, r) => s + r.count, 0) + legend.noDataCount).toBe(1259);
    await mapScreenshot(page, 'indicators-04-epci-apl');
    await waitForUrlSynced(page);
    const params = new URLSearchParams((await page.evaluate(() => window.location.hash)).slice(1));
    expect({ level: params.get('level'), ind: params.get('ind') }).toEqual({ level: 'epci', ind: 'apl_mg_2023' });

    // Switch to communes and time the all-communes restyle.
    await page.locator('input[name="atlas-level"][value="commune"]').check({ force: true });
    await waitForReady(page, { indicator: 'apl_mg_2023', level: 'commune' });
    await mapScreenshot(page, 'indicators-05-commune-apl');
    // Under the opaque choropleth the land is not drawn (opacity 0, still queried); at national zoom the
    // commune fills draw no hairline borders, from zoom 6 they do.
    expect(await paints(page)).toEqual({ land: 0, choropleth: 1, landOutline: false, choroplethOutline: false });
    const hovered = await page.evaluate(() => {
      const map = window.__clsAtlas!.map!;
      const c = map.project([2.9, 47.1]);
      return map.queryRenderedFeatures([c.x, c.y], { layers: ['territories-commune-fill'] }).length;
    });
    expect(hovered).toBe(1);
    await page.evaluate(() => window.__clsAtlas!.map!.jumpTo({ center: [2.9, 47.1], zoom: 6.5 }));
    await waitForSettled(page);
    expect(await paints(page)).toEqual({ land: 0, choropleth: 1, landOutline: true, choroplethOutline: true });
    // A restyle applies the states once to each tile's geometry, which the land and the choropleth share
    // (MapLibre applied them once per layer of the shared bucket: scripts/lib/maplibre-patch.ts).
    await countBucketUpdates(page, 'territories-commune');
    await page.selectOption('[data-testid="classification-classes"]', '6');
    await page.waitForFunction(() => window.__clsIndicators!.view.getState().classification?.colors.length === 6);
    await waitForSettled(page);
    const updates = await bucketUpdates(page);
    expect(updates.length).toBeGreaterThan(0);
    for (const u of updates) expect(u).toEqual({ layers: ['indicator-commune-fill', 'territories-commune-fill'], updates: 1 });
    await page.selectOption('[data-testid="classification-scheme"]', 'blues');
    await page.waitForFunction(() => window.__clsIndicators!.view.getState().classification?.scheme === 'blues');
    await waitForSettled(page);
    const timings = await page.evaluate(() => window.__clsIndicators!.timings.map((t) => ({ ...t })));
    console.log('restyle timings (commune):', JSON.stringify(timings));

    // A BV-only indicator at the commune level: no-data map and the reason.
    await page.selectOption('[data-testid="indicator-select"]', 'densite_generalistes_bv');
    await waitForReady(page, { indicator: 'densite_generalistes_bv', level: 'commune', status: 'unavailable' });
    await expect.poll(() => page.locator('[data-testid="indicator-unavailable"]').innerText()).toMatch(/non disponible/);
    // The no-data map is the choropleth's own grey: the land stays covered.
    expect(await paints(page)).toMatchObject({ land: 0, choropleth: 1 });
    await screenshot(page, 'indicators-06-unavailable');
    await page.locator('input[name="atlas-level"][value="bv"]').check({ force: true });
    await waitForReady(page, { indicator: 'densite_generalistes_bv', level: 'bv' });
    expect(await page.locator('[data-testid="legend-class"]').count()).toBeGreaterThan(2);
    // No indicator: the land is drawn again, in one frame (MapLibre drew a style change twice, the second
    // frame finding nothing to apply: scripts/lib/maplibre-patch.ts).
    await waitForSettled(page);
    const frames = framesUntilIdle(page);
    await page.selectOption('[data-testid="indicator-select"]', '');
    expect(await frames).toEqual({ frames: 1, paints: { land: 1, choropleth: 0 } });
    await expect.poll(async () => paints(page, 'bv')).toMatchObject({ land: 1, choropleth: 0 });
    await closeAtlas(atlas);
  });

  it('a dropped CSV is mapped at once with its matching report', async () => {
    const atlas = await site.open('#v=1&level=departement');
    const { page } = atlas;
    await page.setInputFiles('[data-testid="byo-file-input"]', join(FIXTURES, 'communes-corse-du-sud.csv'));
    await page.locator('[data-testid="byo-dialog"]').waitFor({ state: 'visible' });
    expect(await page.locator('[data-testid="byo-codeColumn"]').inputValue()).toBe('Code géographique');
    expect(await page.locator('[data-testid="byo-codeLevel"]').inputValue()).toBe('commune');
    expect(await page.locator('[data-testid="byo-valueColumn"]').inputValue()).toBe('Nombre de médecins');
    await waitForTransitionsEnd(page, '[data-testid="byo-dialog"]');
    await screenshot(page, 'indicators-07-byo-dialog');
    await page.locator('[data-testid="byo-submit"]').click();
    await waitForReady(page, { indicator: /^byo:/, level: 'departement' });
    const report = await page.locator('[data-testid="byo-report-summary"]').innerText();
    // 124 communes of 2A minus 7 secret + 2 old codes + 3 arrondissements; 4 unknown codes.
    expect(report).toMatch(/appariées/);
    expect(report).toMatch(/4 codes inconnus : 12, 2A999, 99999, ABCDE/);
    const view = await indicatorView(page);
    expect(view.colors.length).toBeGreaterThan(0);
    await screenshot(page, 'indicators-08-byo-mapped');

    // The same file dropped with a DataTransfer (drag and drop path).
    await page.evaluate(async () => {
      const dt = new DataTransfer();
      dt.items.add(new File(['siren;valeur\n200054781;12\n242010056;7\n999999999;1\n'], 'epci.csv', { type: 'text/csv' }));
      window.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, bubbles: true }));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    });
    await page.locator('[data-testid="byo-dialog"]').waitFor({ state: 'visible' });
    expect(await page.locator('[data-testid="byo-codeLevel"]').inputValue()).toBe('epci');
    await page.locator('[data-testid="byo-submit"]').click();
    // EPCI data cannot be shown by département: the map switches to EPCI.
    await waitForReady(page, { indicator: /^byo:2$/, level: 'epci' });
    expect(await page.locator('[data-testid="byo-report-summary"]').innerText()).toMatch(/2 lignes appariées, 1 code inconnu : 999999999/);
    await closeAtlas(atlas);
  });

  it('the panel compares the selection with its département, région and France; hover shows value, rank and France; export gives a French Excel CSV', async () => {
    const atlas = await site.open('#v=1&level=departement&ind=medecins_generalistes_dep_densite&sel=departement:77', { ready: { indicator: 'medecins_generalistes_dep_densite', level: 'departement' } });
    const { page } = atlas;
    const comparison = page.locator('[data-testid="indicator-comparison"]');
    await comparison.waitFor();
    await expect.poll(() => comparison.locator('tbody tr').count()).toBe(3); // 77, Île-de-France, France
    const text = await comparison.innerText();
    expect(text).toMatch(/Seine-et-Marne/);
    expect(text).toMatch(/Île-de-France/);
    expect(text).toMatch(/France/);
    expect(await page.locator('[data-testid="indicator-rank"]').innerText()).toMatch(/Rang : \d+(er|e) sur 101/);

    // Hover over Seine-et-Marne.
    const point = await page.evaluate(() => window.__clsAtlas!.map!.project([2.95, 48.62]));
    const box = (await page.locator('[data-testid="map"]').boundingBox())!;
    await page.mouse.move(box.x + point.x, box.y + point.y);
    const tooltip = page.locator('[data-testid="tooltip-indicator"]');
    await tooltip.waitFor();
    expect(await tooltip.innerText()).toMatch(/Rang : .* sur 101[\s\S]*France : /);
    await screenshot(page, 'indicators-09-panel-tooltip');

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="indicator-export"]').click()]);
    const csv = (await readFile((await download.path())!)).toString('utf8');
    expect(download.suggestedFilename()).toBe('cls-atlas_medecins-generalistes-dep-densite_departement.csv');
    expect(csv.startsWith('\uFEFFcode;nom;valeur;classe;intervalle;absence;methode\r\n')).toBe(true);
    expect(csv).toMatch(/\r\n77;Seine-et-Marne;\d+(,\d+)?;[1-5];/);
    expect(csv).toMatch(/\r\n2A;Corse-du-Sud;/);
    expect(csv.trim().split('\r\n')).toHaveLength(102);
    await closeAtlas(atlas);
  });
});
