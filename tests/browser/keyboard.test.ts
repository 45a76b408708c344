// Keyboard paths: the skip link to the map, arrows on the level switch with a
// territory selected, Escape on the panel with its portrait open.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closeAtlas, atlasSite } from './harness.ts';

const site = atlasSite();

const state = (page: Page) => page.evaluate(() => JSON.parse(JSON.stringify(window.__clsAtlas!.state)) as { level: string; selection: { level: string; code: string } | null; portrait: string | null });
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return { tag: el?.tagName ?? null, name: el?.getAttribute('name') ?? null, value: (el as HTMLInputElement | null)?.value ?? null, inMap: !!el?.closest('#atlas-map'), label: el?.getAttribute('aria-label') ?? null };
  });

describe('keyboard', () => {
  it('« Aller à la carte » focuses the map canvas, which the arrows then pan; the hash stays the state', async () => {
    const atlas = await site.open('#v=1&level=departement', { ready: { settled: true } });
    const { page } = atlas;
    const hashBefore = await page.evaluate(() => location.hash);
    await page.getByTestId('skip-atlas-map').focus();
    expect(await page.getByTestId('skip-atlas-map').textContent()).toBe('Aller à la carte');
    await page.keyboard.press('Enter');
    const f = await focused(page);
    expect(f.tag).toBe('CANVAS');
    expect(f.inMap).toBe(true);
    expect(f.label).toBeTruthy();
    expect(await page.evaluate(() => location.hash)).toBe(hashBefore);
    const before = await page.evaluate(() => window.__clsAtlas!.map!.getCenter().lng);
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction((lng) => window.__clsAtlas!.map!.getCenter().lng > lng + 0.01, before, { timeout: 20_000 });
    await closeAtlas(atlas);
  });

  it('with a territory selected, arrows on the level switch keep focus on the level switch', async () => {
    const atlas = await site.open('#v=1&level=commune&sel=commune:77131');
    const { page } = atlas;
    await page.locator('[data-testid="panel-name"]').filter({ hasText: 'Coulommiers' }).waitFor({ timeout: 60_000 });
    await page.locator('input[name="atlas-level"][value="commune"]').focus();
    // Each step replaces the selection by its parent (a new panel): focus must not follow it.
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => window.__clsAtlas!.state.level === 'epci');
    expect((await state(page)).selection?.level).toBe('epci');
    expect(await focused(page)).toMatchObject({ tag: 'INPUT', name: 'atlas-level', value: 'epci' });
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => window.__clsAtlas!.state.level === 'bv');
    expect(await focused(page)).toMatchObject({ tag: 'INPUT', name: 'atlas-level', value: 'bv' });
    await closeAtlas(atlas);
  });

  it('Escape closes the panel and its portrait, in the state and in the URL', async () => {
    const atlas = await site.open('#v=1&level=departement&sel=departement:77&pt=sel');
    const { page } = atlas;
    await page.getByTestId('portrait-toggle').waitFor({ timeout: 60_000 });
    expect((await state(page)).portrait).toBe('territory');
    await page.getByTestId('panel-name').focus();
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => window.__clsAtlas!.state.selection === null);
    expect((await state(page)).portrait).toBeNull();
    await page.waitForFunction(() => !location.hash.includes('pt=') && !location.hash.includes('sel='));
    expect(await page.getByTestId('territory-panel').count()).toBe(0);
    await closeAtlas(atlas);
  });
});
