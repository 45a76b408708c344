// axe-core in the states published.test.ts does not reach: the finder with a
// query and its results, the bivariate map with its legend, the data table
// alone, and the phone (390 × 844) at rest and with the legend sheet open.
// 0 critical / serious violations in each; the legends' swatch borders stand
// out at 3:1 (non-text contrast), their text is in axe's colour-contrast rule.
import { describe, expect, it } from 'vitest';
import { atlasSite, closeAtlas, screenshot, waitForSettled } from './harness.ts';
import { expectNoSeriousAxe, swatchBorderContrast } from './axe.ts';

const site = atlasSite();
const DEFAULT_MAP = { indicator: 'apl_mg_moins65_2023', level: 'epci' } as const;

describe('axe in every main state', () => {
  it('laptop: the finder with results, the bivariate map and its legend, the data table', async () => {
    const atlas = await site.open('', { viewport: { width: 1440, height: 900 }, bypassCSP: true, ready: DEFAULT_MAP });
    const { page } = atlas;

    await page.getByTestId('finder-open').click();
    await page.getByTestId('finder-panel').waitFor();
    await page.click('[data-testid="finder-flag-rural_isole"]', { force: true });
    await page.waitForFunction(() => {
      const v = window.__clsFinder?.view.getState();
      return v?.status === 'ready' && v.query?.conditions.length === 1;
    });
    await page.getByTestId('finder-count').waitFor();
    await waitForSettled(page);
    await screenshot(page, 'axe-finder');
    await expectNoSeriousAxe(page, 'finder');
    await page.getByTestId('finder-open').click();
    await page.getByTestId('finder-panel').waitFor({ state: 'detached' });

    await page.getByTestId('bivariate-open').click();
    await page.getByTestId('bivariate-panel').waitFor();
    const legend = page.getByTestId('bivariate-legend');
    await legend.waitFor();
    await waitForSettled(page);
    await screenshot(page, 'axe-bivariate');
    await expectNoSeriousAxe(page, 'bivariate panel');
    const frames = await swatchBorderContrast(page, '[data-testid="bivariate-legend"] .bivariate-legend__grid, [data-testid="bivariate-legend"] .bivariate-legend__nodata');
    expect(frames.length).toBe(2);
    for (const ratio of frames) expect(ratio).toBeGreaterThanOrEqual(3);
    await page.getByTestId('bivariate-open').click();
    await page.getByTestId('bivariate-panel').waitFor({ state: 'detached' });

    await page.getByTestId('table-open').click();
    await page.getByTestId('data-table').waitFor();
    await expect.poll(() => page.locator('[data-testid="data-table"] tbody tr').count()).toBeGreaterThan(100);
    await expectNoSeriousAxe(page, 'data table');
    for (const ratio of await swatchBorderContrast(page, '[data-testid="data-table"] .atlas-legend__swatch')) expect(ratio).toBeGreaterThanOrEqual(3);
    await closeAtlas(atlas);
  });

  it('phone 390 × 844: at rest, and with the indicator and legend sheet open', async () => {
    const atlas = await site.open('', { viewport: { width: 390, height: 844 }, mobile: true, bypassCSP: true, ready: DEFAULT_MAP });
    const { page } = atlas;
    await expectNoSeriousAxe(page, '390 default');
    await page.getByTestId('sheet-handle-indicator').tap();
    await expect.poll(() => page.getByTestId('indicator-sidebar').getAttribute('data-sheet')).toBe('half');
    await page.getByTestId('indicator-legend').waitFor();
    await screenshot(page, 'axe-390-indicator-sheet');
    await expectNoSeriousAxe(page, '390 indicator sheet');
    const borders = await swatchBorderContrast(page, '[data-testid="indicator-legend"] .atlas-legend__swatch');
    expect(borders.length).toBeGreaterThan(0);
    for (const ratio of borders) expect(ratio).toBeGreaterThanOrEqual(3);
    await closeAtlas(atlas);
  });
});
