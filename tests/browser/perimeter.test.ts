// Perimeter builder, in Debian's Chromium against the built site
// served under /atlas/ (spine harness): build a perimeter of three communes by
// clicking the map, compare two perimeters, reopen a perimeter from its
// permalink. Screenshots go to test-artifacts/perimeter-*.png.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openAtlas, screenshot, serveDist, waitForSettled, waitForUrlSynced, type StaticServer, closeAtlas } from './harness.ts';

const DIST = process.env.CLS_ATLAS_DIST;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  server = await serveDist(DIST);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const perimeterCodes = (page: Page) => page.evaluate(() => [...window.__clsPerimeter!.state.history.present.communes]);

/** Waits until the builder has its commune index and topology (representative points). */
async function waitForBuilderData(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const s = window.__clsPerimeter?.session;
    return !!s && s.topologies !== null && s.lookup().communes.size > 30000;
  }, undefined, { polling: 250 });
}

/** Three communes of Coulommiers' EPCI (Coulommiers first), with their populations from the index. */
async function threeCommunes(page: Page): Promise<{ code: string; population: number; point: [number, number] }[]> {
  return page.evaluate(() => {
    const s = window.__clsPerimeter!.session;
    const lookup = s.lookup();
    const coulommiers = lookup.communes.get('77131')!;
    const epci = coulommiers.parents.epci;
    const codes = ['77131', ...[...lookup.communes.values()].filter((c) => c.parents.epci === epci && c.code !== '77131').map((c) => c.code).sort()].slice(0, 3);
    return codes.map((code) => {
      const record = lookup.communes.get(code) as unknown as { population: number };
      return { code, population: record.population, point: lookup.pointOf!(code) as [number, number] };
    });
  });
}

async function frame(page: Page, points: [number, number][]): Promise<void> {
  await page.evaluate((pts) => {
    const xs = pts.map((p) => p[0]);
    const ys = pts.map((p) => p[1]);
    window.__clsAtlas!.map!.fitBounds(
      [
        [Math.min(...xs) - 0.03, Math.min(...ys) - 0.03],
        [Math.max(...xs) + 0.03, Math.max(...ys) + 0.03],
      ],
      { animate: false, padding: 60 },
    );
  }, points);
  await waitForSettled(page);
}

async function clickLngLat(page: Page, lngLat: [number, number], modifiers: ('Shift' | 'Alt')[] = []): Promise<void> {
  const box = (await page.locator('[data-testid="map"] canvas').boundingBox())!;
  const p = await page.evaluate((ll) => window.__clsAtlas!.map!.project(ll), lngLat);
  await page.mouse.move(box.x + p.x, box.y + p.y);
  for (const m of modifiers) await page.keyboard.down(m);
  await page.mouse.click(box.x + p.x, box.y + p.y);
  for (const m of modifiers) await page.keyboard.up(m);
}

describe('perimeter builder', () => {
  it('builds a perimeter of three communes by clicking: population is their sum; undo / redo', async () => {
    const atlas = await openAtlas(browser, server.url, '#v=1&level=epci');
    const { page } = atlas;
    await page.getByTestId('perimeter-open').click();
    await page.getByTestId('perimeter-panel').waitFor();
    await waitForBuilderData(page);
    const communes = await threeCommunes(page);
    await frame(page, communes.map((c) => c.point));
    for (const c of communes) await clickLngLat(page, c.point);
    await page.waitForFunction((n) => window.__clsPerimeter!.state.history.present.communes.length === n, communes.length);
    expect(await perimeterCodes(page)).toEqual(communes.map((c) => c.code).sort());

    const expected = communes.reduce((s, c) => s + c.population, 0);
    const population = page.getByTestId('perimeter-population');
    await expect.poll(() => population.getAttribute('data-value')).toBe(String(expected));
    expect(await population.textContent()).toContain(new Intl.NumberFormat('fr-FR').format(expected));
    await waitForSettled(page);
    await screenshot(page, 'perimeter-three-communes');

    // Undo / redo from the keyboard, with focus outside text fields.
    await page.getByTestId('perimeter-name').focus();
    await page.keyboard.press('Control+z');
    expect(await perimeterCodes(page)).toHaveLength(2);
    await page.keyboard.press('Control+Shift+z');
    expect(await perimeterCodes(page)).toHaveLength(3);
    // Clicking a selected commune removes it.
    await clickLngLat(page, communes[2]!.point);
    expect(await perimeterCodes(page)).toHaveLength(2);
    await page.getByTestId('perimeter-undo').click();
    expect(await perimeterCodes(page)).toHaveLength(3);
    await closeAtlas(atlas);
  });

  it('compares two perimeters side by side: three communes vs their EPCI', async () => {
    const atlas = await openAtlas(browser, server.url, '#v=1&level=epci');
    const { page } = atlas;
    await page.getByTestId('perimeter-open').click();
    await waitForBuilderData(page);
    const communes = await threeCommunes(page);
    await page.evaluate((codes) => window.__clsPerimeter!.session.dispatch({ type: 'add', codes }), communes.map((c) => c.code));
    await page.getByTestId('perimeter-keep').click();
    // The whole EPCI of the last clicked commune (here: added by search, keyboard path).
    const input = page.getByTestId('perimeter-add-input');
    const epci = await page.evaluate(() => window.__clsPerimeter!.session.lookup().communes.get('77131')!.parents.epci!);
    await input.fill(epci);
    await input.press('Enter');
    await page.waitForFunction((n) => window.__clsPerimeter!.state.history.present.communes.length > n, communes.length);
    await page.getByTestId('perimeter-name-input').fill('EPCI entier');
    await page.getByTestId('perimeter-name-input').press('Enter');
    await page.getByTestId('perimeter-keep').click();

    const table = page.getByTestId('perimeter-compare-table');
    await expect.poll(() => table.locator('thead th[data-candidate]').count()).toBe(2);
    const cells = table.locator('tr[data-row="population"] td');
    const epciPopulation = await page.evaluate(async (siren) => {
      const res = await fetch('data/index/epci.json');
      const file = (await res.json()) as { territories: { code: string; population: number }[] };
      return file.territories.find((t) => t.code === siren)!.population;
    }, epci);
    const nf = new Intl.NumberFormat('fr-FR');
    expect(await cells.nth(0).textContent()).toContain(nf.format(communes.reduce((s, c) => s + c.population, 0)));
    expect(await cells.nth(1).textContent()).toContain(nf.format(epciPopulation));
    // An indicator aggregated from its commune components (their own file, loaded for perimeters only):
    // the whole EPCI reads the EPCI's published 2021 population.
    const published2021 = await page.evaluate(async (siren) => {
      const res = await fetch('data/indicators/population_2021.json');
      return ((await res.json()) as { levels: { epci: { values: Record<string, number> } } }).levels.epci.values[siren]!;
    }, epci);
    await expect.poll(() => table.locator('tr[data-row="ind:population_2021"] td').nth(1).textContent()).toContain(nf.format(published2021));
    await page.getByTestId('perimeter-compare-table').scrollIntoViewIfNeeded();
    await waitForSettled(page);
    await screenshot(page, 'perimeter-compare');

    // The comparison exports as a CSV with its figures, and travels in the shared link.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('perimeter-compare-csv').click()]);
    const csv = (await readFile((await download.path())!)).toString('utf8');
    const population = csv.split('\r\n').find((l) => l.startsWith('Population'))!;
    expect(population).toContain(nf.format(epciPopulation));
    expect(csv.split('\r\n')[0]).toContain('EPCI entier');
    await page.waitForFunction(() => window.location.hash.includes('cmp='));
    const link = page.url();
    await closeAtlas(atlas);

    const reopened = await openAtlas(browser, server.url, new URL(link).hash);
    await waitForBuilderData(reopened.page);
    const again = reopened.page.getByTestId('perimeter-compare-table');
    await expect.poll(() => again.locator('thead th[data-candidate]').count()).toBe(2);
    expect(await again.locator('tr[data-row="population"] td').nth(1).textContent()).toContain(nf.format(epciPopulation));
    await closeAtlas(reopened);
  });

  it('reopens the same perimeter from its permalink', async () => {
    const first = await openAtlas(browser, server.url, '#v=1&level=commune&sel=commune:77131');
    await first.page.getByTestId('perimeter-start-from').click();
    await waitForBuilderData(first.page);
    await first.page.evaluate(() => window.__clsPerimeter!.session.addParent('bv', window.__clsPerimeter!.session.lookup().communes.get('77131')!.parents.bv!));
    const codes = await perimeterCodes(first.page);
    expect(codes.length).toBeGreaterThan(3);
    await first.page.waitForFunction(() => window.location.hash.includes('per='));
    await waitForUrlSynced(first.page);
    const hash = await first.page.evaluate(() => window.location.hash);
    await closeAtlas(first);

    const second = await openAtlas(browser, server.url, hash);
    await second.page.getByTestId('perimeter-panel').waitFor();
    await waitForBuilderData(second.page);
    expect(await perimeterCodes(second.page)).toEqual(codes);
    expect(await second.page.getByTestId('perimeter-name').textContent()).toBe('Coulommiers');
    await waitForSettled(second.page);
    await screenshot(second.page, 'perimeter-permalink');
    await closeAtlas(second);
  });

  it('compares commune / EPCI / bassin de vie in one click, then edits by lasso and shift-click range', async () => {
    const atlas = await openAtlas(browser, server.url, '#v=1&level=commune&sel=commune:77131');
    const { page } = atlas;
    await page.getByTestId('perimeter-compare-levels').click();
    await page.getByTestId('perimeter-panel').waitFor();
    const table = page.getByTestId('perimeter-compare-table');
    await expect.poll(() => table.locator('thead th[data-candidate]').count()).toBe(3);
    expect(await table.locator('thead th[data-candidate]').nth(0).textContent()).toContain('Coulommiers');
    await waitForBuilderData(page);
    await waitForSettled(page);
    await screenshot(page, 'perimeter-compare-levels');

    // Lasso around Coulommiers' representative point: a drag adds it (it is already in: Alt removes it).
    await page.getByText('Lasso', { exact: true }).click();
    const point = await page.evaluate(() => window.__clsPerimeter!.session.lookup().pointOf!('77131') as [number, number]);
    await frame(page, [point]);
    const box = (await page.locator('[data-testid="map"] canvas').boundingBox())!;
    const p = await page.evaluate((ll) => window.__clsAtlas!.map!.project(ll), point);
    const cx = box.x + p.x;
    const cy = box.y + p.y;
    await page.keyboard.down('Alt');
    await page.mouse.move(cx - 12, cy - 12);
    await page.mouse.down();
    for (const [dx, dy] of [[12, -12], [12, 12], [-12, 12], [-12, -12]] as const) await page.mouse.move(cx + dx, cy + dy, { steps: 4 });
    await page.mouse.up();
    await page.keyboard.up('Alt');
    expect(await perimeterCodes(page)).not.toContain('77131');
    await page.mouse.move(cx - 12, cy - 12);
    await page.mouse.down();
    for (const [dx, dy] of [[12, -12], [12, 12], [-12, 12], [-12, -12]] as const) await page.mouse.move(cx + dx, cy + dy, { steps: 4 });
    await page.mouse.up();
    expect(await perimeterCodes(page)).toContain('77131');

    // Shift-click range: from Coulommiers to a commune two communes away adds the corridor between them.
    await page.getByText('Clic', { exact: true }).click();
    await page.evaluate(() => window.__clsPerimeter!.session.dispatch({ type: 'clear' }));
    const far = await page.evaluate(() => {
      const s = window.__clsPerimeter!.session;
      const lookup = s.lookup();
      const c = lookup.communes.get('77131')!;
      const [w, , e] = c.bbox;
      const width = e - w;
      // The commune whose representative point is closest to 2.5 widths east of Coulommiers.
      const target: [number, number] = [lookup.pointOf!('77131')![0] + 2.5 * width, lookup.pointOf!('77131')![1]];
      let best = '';
      let dist = Infinity;
      for (const other of lookup.communes.values()) {
        const [ow, os, oe, on] = other.bbox;
        if (oe < target[0] - 0.2 || ow > target[0] + 0.2 || on < target[1] - 0.2 || os > target[1] + 0.2) continue;
        const q = lookup.pointOf!(other.code)!;
        const d = Math.hypot(q[0] - target[0], q[1] - target[1]);
        if (d < dist) {
          dist = d;
          best = other.code;
        }
      }
      return { code: best, point: lookup.pointOf!(best) as [number, number] };
    });
    await frame(page, [point, far.point]);
    await clickLngLat(page, point);
    await clickLngLat(page, far.point, ['Shift']);
    const range = await perimeterCodes(page);
    expect(range).toContain('77131');
    expect(range).toContain(far.code);
    expect(range.length).toBeGreaterThan(2);
    await waitForSettled(page);
    await screenshot(page, 'perimeter-range');
    await closeAtlas(atlas);
  });
});
