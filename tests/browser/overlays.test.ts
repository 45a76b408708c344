// Overlays, in Debian's Chromium, against dist/ served under /atlas/:
// each overlay toggled on is drawn (pixel diff of the map with the overlay
// off / on), a click on a contract perimeter opens its card, and the panel
// of a territory lists its contract, its zones and its hospitals.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closeAtlas, contractPoint, screenshot, atlasSite, waitForSettled } from './harness.ts';
import { differingPixels } from './pixels.ts';

const site = atlasSite();

const CONTROL = '[data-testid="overlay-control"]';

/** Opens the overlay box if it is collapsed. */
async function openControl(page: Page): Promise<void> {
  const button = page.locator(`${CONTROL} button[aria-controls="cls-overlay-body"]`);
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
}

async function collapseControl(page: Page): Promise<void> {
  const button = page.locator(`${CONTROL} button[aria-controls="cls-overlay-body"]`);
  if ((await button.getAttribute('aria-expanded')) === 'true') await button.click();
}

/** The map canvas alone: DOM boxes over the map (overlay box, tooltip, popups) hidden while shooting. */
async function mapPixels(page: Page, name: string): Promise<Buffer> {
  await page.mouse.move(1, 1);
  const style = await page.addStyleTag({ content: '.cls-overlay-control, .atlas-tooltip, .maplibregl-popup, .cls-contract-card { visibility: hidden !important; }' });
  await waitForSettled(page);
  const png = await page.locator('[data-testid="map"] canvas').screenshot();
  await screenshot(page, name);
  await style.evaluate((node) => (node as HTMLElement).remove());
  return png;
}

/** Switches an overlay with its toggle (a checkbox: keyboard-operable) and waits for it to be drawn. */
async function toggle(page: Page, id: string, on: boolean): Promise<void> {
  const input = page.locator(`${CONTROL} [data-overlay="${id}"] input.fr-toggle__input`);
  expect(await input.isChecked()).toBe(!on);
  await input.focus();
  await page.keyboard.press('Space');
  expect(await input.isChecked()).toBe(on);
  if (on) {
    await page.waitForFunction(
      (overlay) => {
        const map = window.__clsAtlas!.map!;
        const layers = map.getStyle().layers.filter((l) => l.id.startsWith(`overlay-${overlay === 'contracts' ? 'contracts' : overlay === 'hospitals' ? 'hospitals' : `zones-${overlay}`}`));
        return layers.length > 0 && layers.every((l) => l.layout?.visibility === 'visible');
      },
      id,
      { polling: 250 },
    );
  }
}

describe('overlays', () => {
  it('draws each overlay when its toggle is switched on, with a legend and credits', async () => {
    const atlas = await site.open('#v=1&level=departement', { ready: { settled: true } });
    const { page } = atlas;
    await openControl(page);
    const base = await mapPixels(page, 'overlays-off');
    for (const id of ['contracts', 'qpv', 'rural_isole', 'frr', 'hospitals']) {
      await toggle(page, id, true);
      const legend = page.locator(`${CONTROL} [data-overlay="${id}"] .cls-legend`);
      await legend.waitFor();
      await page.locator(`${CONTROL} [data-overlay="${id}"] [data-testid="overlay-credits"]`).waitFor();
      const on = await mapPixels(page, `overlay-${id}-on`);
      await screenshot(page, `overlay-${id}-page`);
      const diff = await differingPixels(page, base, on);
      // Every overlay changes a visible part of the national map (QPV, the sparsest, a few hundred communes).
      expect(diff.differing, `${id}: ${diff.differing} pixels changed`).toBeGreaterThan(1500);
      await toggle(page, id, false);
      const off = await mapPixels(page, `overlay-${id}-off-again`);
      expect((await differingPixels(page, base, off)).differing, `${id} switched off`).toBeLessThan(200);
    }
    // The active set is in the URL, so a shared link reopens it.
    await toggle(page, 'qpv', true);
    await page.waitForFunction(() => window.location.hash.includes('ov=qpv'));
    await closeAtlas(atlas);
  });

  it('states the zone rules, the QPV caveat, FRR "à vérifier" and what is not available', async () => {
    const atlas = await site.open('#v=1&level=departement&ov=qpv,rural_isole,frr,hospitals');
    const { page } = atlas;
    await page.locator('[data-testid="rule-qpv"]').waitFor();
    expect(await page.locator('[data-testid="rule-qpv"]').textContent()).toMatch(/contours des QPV ne sont pas disponibles/i);
    expect(await page.locator('[data-testid="rule-rural_isole"]').textContent()).toMatch(/densité/);
    expect(await page.locator(`${CONTROL} [data-overlay="frr"]`).textContent()).toMatch(/à vérifier/);
    const unavailable = await page.locator('[data-testid="care-unavailable"]').textContent();
    expect(unavailable).toMatch(/Données non disponibles dans cette version/);
    expect(unavailable).toMatch(/MSP|Maisons de santé/);
    await waitForSettled(page);
    await screenshot(page, 'overlays-zones-legends');
    await closeAtlas(atlas);
  });

  it('lists contracts that cannot be mapped, with their reason', async () => {
    const contracts = (await (await fetch(`${site.url}data/overlays/contracts.json`)).json()) as { contracts: Array<{ id: string; name: string; mapped: boolean }> };
    const unmappedContract = contracts.contracts.find((c) => !c.mapped)!;
    const atlas = await site.open('#v=1&level=departement&ov=contracts');
    const { page } = atlas;
    const unmapped = page.locator('[data-testid="contracts-unmapped"]');
    await unmapped.waitFor();
    await unmapped.locator('summary').click();
    const item = unmapped.locator(`li[data-contract="${unmappedContract.id}"]`);
    expect(await item.textContent()).toContain(unmappedContract.name);
    expect(await item.textContent()).toMatch(/non cartographié : .+/s);
    // Its card opens from the list too (keyboard path to every contract).
    await item.locator('button').press('Enter');
    await page.locator(`[data-testid="contract-card"][data-contract="${unmappedContract.id}"]`).waitFor();
    expect(await page.locator('[data-testid="contract-card-unmapped"]').textContent()).toMatch(/non cartographié/);
    await page.keyboard.press('Escape');
    expect(await page.locator('[data-testid="contract-card"]').count()).toBe(0);
    await closeAtlas(atlas);
  });

  it('opens the card of the Coulommiers CLS on a click on its perimeter', async () => {
    const atlas = await site.open('#v=1&level=commune&sel=commune:77131&ov=contracts', { ready: { settled: true } });
    const { page } = atlas;
    await collapseControl(page);
    const point = await contractPoint(page, 'coulommiers-2012');
    await page.mouse.click(point.x, point.y);
    const card = page.locator('[data-testid="contract-card"]');
    await card.waitFor();
    expect(await card.getAttribute('data-contract')).toBe('coulommiers-2012');
    expect(await page.locator('[data-testid="contract-card-name"]').textContent()).toBe('CLS de Coulommiers');
    expect(await page.locator('[data-testid="contract-card-status"]').textContent()).toMatch(/renouvellement|Signé/);
    expect(await page.locator('[data-testid="contract-card-unconfirmed"]').textContent()).toBe('statut à confirmer (dernière information : 2012)');
    expect(await page.locator('[data-testid="contract-card-signature"]').textContent()).toBe('2012');
    expect(await page.locator('[data-testid="contract-card-duration"]').textContent()).toBe('1 an');
    expect(await page.locator('[data-testid="contract-card-signatories"]').textContent()).toMatch(/Coulommiers/);
    expect(await page.locator('[data-testid="contract-card-perimeter"]').textContent()).toMatch(/1 commune/);
    expect(await page.locator('[data-testid="contract-card-ars"]').textContent()).toMatch(/Île-de-France/);
    expect(await page.locator('[data-testid="contract-card-confidence"]').textContent()).toBe('moyenne');
    const link = page.locator('[data-testid="contract-card-sources"] a').first();
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toMatch(/noopener/);
    expect(await link.getAttribute('href')).toMatch(/^https:\/\//);
    // The open contract is highlighted on the map.
    const filter = await page.evaluate(() => window.__clsAtlas!.map!.getFilter('overlay-contracts-selected'));
    expect(JSON.stringify(filter)).toContain('coulommiers-2012');
    await waitForSettled(page);
    await screenshot(page, 'overlays-contract-card');
    await closeAtlas(atlas);
  });

  it("lists a territory's contract, zones and hospitals in its panel", async () => {
    const atlas = await site.open('#v=1&level=commune&sel=commune:77131');
    const { page } = atlas;
    const coverage = page.locator('[data-testid="panel-coverage"]');
    await coverage.waitFor();
    // Coulommiers' CLS was last reported « en renouvellement » in 2012 for a 1-year contract: not counted as running.
    const registrySize = ((await (await fetch(`${site.url}data/overlays/contracts.json`)).json()) as { contracts: unknown[] }).contracts.length;
    expect(await coverage.textContent()).toBe(`Non couvert : pas de CLS en vigueur connu du registre (${registrySize} contrats recensés)`);
    expect(await page.locator('[data-testid="panel-contracts-other"]').textContent()).toMatch(
      /CLS de Coulommiers.*statut à confirmer \(dernière information : 2012\)/,
    );
    await page.locator('[data-testid="panel-zones"]').waitFor();
    expect(await page.locator('[data-testid="panel-zone-qpv-communes"]').textContent()).toBe('1 / 1');
    expect(await page.locator('[data-testid="panel-zone-rural_isole-communes"]').textContent()).toBe('0 / 1');
    const hospitals = page.locator('[data-testid="panel-hospitals-count"]');
    await hospitals.waitFor();
    expect(Number(await hospitals.getAttribute('data-count'))).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="panel-care"]').textContent()).toMatch(/Données non disponibles dans cette version/);
    await page.locator('[data-section="contracts"]').scrollIntoViewIfNeeded();
    await screenshot(page, 'overlays-panel-commune');
    await closeAtlas(atlas);
  });

  it('reports a département as partly covered, naming the covered communes', async () => {
    const atlas = await site.open('#v=1&level=departement&sel=departement:77');
    const { page } = atlas;
    const coverage = page.locator('[data-testid="panel-coverage"]');
    await coverage.waitFor();
    expect(await coverage.textContent()).toMatch(/^Partiellement couvert \(communes : .*Chelles/);
    expect(await page.locator('[data-testid="panel-contracts"]').getAttribute('data-coverage')).toBe('partial');
    expect(await page.locator('[data-testid="panel-contracts-here"]').textContent()).toMatch(/Meaux/);
    expect(await page.locator('[data-testid="panel-contracts-other"]').textContent()).toMatch(/Coulommiers/);
    // Zone counts of a département come from the build's aggregate (= sum over its communes).
    const qpv = await page.locator('[data-testid="panel-zone-qpv-communes"]').textContent();
    expect(qpv).toMatch(/^\d+ \/ \d[\d\s\u202f]*$/);
    await closeAtlas(atlas);
  });
});
