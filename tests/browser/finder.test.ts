// « Où ? » in Debian's Chromium, against dist/ served under /atlas/: a
// two-condition finder query at the EPCI level outlines on the map exactly
// the territories its table lists, and its link reopens it; a portrait shows
// its comparable territories and a trend chart; the bivariate map draws with
// its 3 × 3 legend, whose counts are the map's.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closeAtlas, mapScreenshot, screenshot, atlasSite, waitForSettled } from './harness.ts';
import { pixelDifference } from './pixels.ts';

const site = atlasSite();

async function waitForFinder(page: Page, conditions: number): Promise<void> {
  await page.waitForFunction(
    (n) => {
      const v = window.__clsFinder?.view.getState();
      return v?.status === 'ready' && v.query?.conditions.length === n && v.query.level === 'epci';
    },
    conditions,
    { timeout: 90_000 },
  );
}

/** Codes listed in the result table (every page). */
async function tableCodes(page: Page): Promise<string[]> {
  const more = page.locator('[data-testid="finder-table-more"]');
  while ((await more.count()) > 0) await more.click();
  return page.locator('[data-testid="finder-table"] tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-code')!));
}

/** Every code of a level, from the built index the page itself uses. */
async function levelCodes(page: Page, level: string): Promise<string[]> {
  return page.evaluate(async (l) => {
    const manifest = (await (await fetch('data/manifest.json')).json()) as { index: Record<string, string> };
    const index = (await (await fetch(`data/${manifest.index[l]}`)).json()) as { columns: { code: string[] } };
    return index.columns.code;
  }, level);
}

/** Codes of the EPCI level whose `finder` feature-state is "match" (2), read from the map for every EPCI. */
async function outlinedCodes(page: Page): Promise<string[]> {
  const codes = await levelCodes(page, 'epci');
  return page.evaluate(
    (all) => {
      const map = window.__clsAtlas!.map!;
      return all.filter((code) => map.getFeatureState({ source: 'territories-epci', sourceLayer: 'territories', id: code }).finder === 2).sort();
    },
    codes,
  );
}

describe('territory finder, peers, trends, bivariate map', () => {
  it('a two-condition EPCI query outlines the territories its table lists; its URL reopens it', async () => {
    const atlas = await site.open('#v=1&level=departement');
    const { page } = atlas;
    await page.click('[data-testid="finder-open"]');
    await page.waitForSelector('[data-testid="finder-panel"]');
    // Condition 1: isolated rural (flag). Condition 2: unemployment in the worst quintile.
    await page.click('[data-testid="finder-flag-rural_isole"]', { force: true });
    await waitForFinder(page, 1);
    await page.click('[data-testid="finder-add"]');
    await waitForFinder(page, 2);
    await page.selectOption('[data-testid="finder-condition-indicator"]', 'taux_chomage_2021');
    await page.waitForFunction(
      () => {
        const v = window.__clsFinder!.view.getState();
        const c = v.query?.conditions[1];
        return v.status === 'ready' && c?.kind === 'quantile' && c.indicator === 'taux_chomage_2021' && v.criteria[1]?.entry?.id === 'taux_chomage_2021';
      },
      undefined,
      { timeout: 90_000 },
    );
    expect(await page.evaluate(() => window.__clsAtlas!.state.level)).toBe('epci');
    await waitForSettled(page);

    const count = page.locator('[data-testid="finder-count"]');
    const n = Number(await count.getAttribute('data-count'));
    const total = Number(await count.getAttribute('data-total'));
    expect(total).toBe(1255);
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThan(total);
    expect(await count.textContent()).toMatch(new RegExp(`^${n.toLocaleString('fr-FR').replace(/\s/g, '\\s')} EPCI sur 1\\s255, [\\d\\s]+ habitants$`));

    const listed = await tableCodes(page);
    expect(listed.length).toBe(n);
    const outlined = await outlinedCodes(page);
    expect(outlined).toEqual([...listed].sort());
    // Territories without an unemployment value are named apart, not dropped.
    const missing = await page.evaluate(() => window.__clsFinder!.view.getState().result!.missingByCriterion);
    if (missing[1]! > 0) await expect(page.locator('[data-testid="finder-missing"]').textContent()).resolves.toMatch(/sans donnée pour « Taux de chômage/);
    await screenshot(page, 'finder-two-conditions');

    // A row opens its territory.
    const first = page.locator('[data-testid="finder-table"] tbody tr').first();
    const code = await first.getAttribute('data-code');
    await first.locator('button').click();
    await page.waitForFunction((c) => window.__clsAtlas!.state.selection?.code === c, code);

    // The URL holds the whole query: a new page reopens it with the same result.
    const hash = await page.evaluate(() => window.__clsAtlas!.urlHash);
    expect(hash).toContain('find=epci,f~rural_isole,q~taux_chomage_2021~5~worst');
    await closeAtlas(atlas);
    const again = await site.open(hash);
    await waitForFinder(again.page, 2);
    expect(Number(await again.page.locator('[data-testid="finder-count"]').getAttribute('data-count'))).toBe(n);
    expect((await tableCodes(again.page)).sort()).toEqual([...listed].sort());
    await closeAtlas(again);
  });

  it('a portrait shows its 10 comparable territories and a trend chart with its table', async () => {
    // CA Coulommiers Pays de Brie.
    const atlas = await site.open('#v=1&level=epci&sel=epci:200090504&pt=sel');
    const { page } = atlas;
    const peers = page.locator('[data-testid="peers-table"] tbody tr');
    await peers.first().waitFor({ timeout: 90_000 });
    expect(await peers.count()).toBe(10);
    const codes = await peers.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-code')));
    expect(codes).not.toContain('200090504');
    expect(new Set(codes).size).toBe(10);
    await expect(page.locator('[data-testid="peers-method"]').textContent()).resolves.toMatch(/centré et réduit/);
    await expect(page.locator('[data-testid="peers-cls"]').textContent()).resolves.toMatch(/^\d+ sur 10 ont un CLS/);
    expect(await page.locator('[data-testid="peers-comparison"] tbody tr').count()).toBeGreaterThan(0);

    const apl = page.locator('[data-testid="trend"][data-series="apl_mg_moins65"]');
    await apl.locator('.trends-chart[data-drawn="true"] svg').first().waitFor({ timeout: 60_000 });
    // Two vintages, the territory and France, as a table too.
    expect(await apl.locator('tbody tr').count()).toBe(2);
    await expect(apl.locator('thead').textContent()).resolves.toContain('France');
    expect(await page.locator('[data-testid="trend"][data-series="mortalite_brute"] tbody tr').count()).toBe(7);
    await apl.scrollIntoViewIfNeeded();
    await screenshot(page, 'portrait-peers-trends');
    await closeAtlas(atlas);
  });

  it('the bivariate map renders with a 3 × 3 legend whose counts are the map’s', async () => {
    const atlas = await site.open('#v=1&level=bv', { ready: { settled: true } });
    const { page } = atlas;
    const before = await mapScreenshot(page, 'bivariate-before');
    await page.click('[data-testid="bivariate-open"]');
    await page.waitForFunction(() => window.__clsBivariate?.view.getState().status === 'ready', undefined, { timeout: 90_000 });
    await waitForSettled(page);
    const legend = page.locator('[data-testid="bivariate-legend"]');
    const cells = legend.locator('[data-cell]');
    expect(await cells.count()).toBe(9);
    const counts = await cells.evaluateAll((els) => Object.fromEntries(els.map((e) => [e.getAttribute('data-cell'), Number(e.getAttribute('data-count'))])));
    // The map's feature-state, cell by cell, for every bassin de vie.
    const bvCodes = await levelCodes(page, 'bv');
    const mapCounts = await page.evaluate((all) => {
      const map = window.__clsAtlas!.map!;
      const out: Record<string, number> = {};
      for (const code of all) {
        const cell = map.getFeatureState({ source: 'territories-bv', sourceLayer: 'territories', id: code }).bi;
        out[typeof cell === 'number' ? String(cell) : 'none'] = (out[typeof cell === 'number' ? String(cell) : 'none'] ?? 0) + 1;
      }
      return out;
    }, bvCodes);
    const noData = await page.evaluate(() => window.__clsBivariate!.view.getState().result!.noData);
    expect(mapCounts.none ?? 0).toBe(noData);
    for (let i = 0; i < 9; i++) expect(mapCounts[String(i)] ?? 0).toBe(counts[String(i)]);
    const pair = await page.evaluate(() => window.__clsAtlas!.state.bivariate);
    expect(pair).toEqual({ need: 'part_75_ans_plus', supply: 'apl_mg_moins65_2023' });
    expect(await page.evaluate(() => window.__clsAtlas!.urlHash)).toContain('bi=part_75_ans_plus,apl_mg_moins65_2023');
    await expect(legend.textContent()).resolves.toMatch(/Part des 75 ans ou plus : besoin plus fort/);
    const after = await mapScreenshot(page, 'bivariate-after');
    expect(await pixelDifference(page, before, after)).toBeGreaterThan(0.1);
    await screenshot(page, 'bivariate');
    await closeAtlas(atlas);
  });
});
