// The contracts registry in the viewer, in Debian's Chromium against dist/:
// Auvergne-Rhône-Alpes' contracts on the map with a card citing their
// source, the registry's coverage stated in the legend with a working link
// to how to add a contract, the status filter, and a territory with no known
// contract saying so with the registry's size.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closeAtlas, contractPoint, screenshot, atlasSite, waitForSettled } from './harness.ts';
import type { ContractsOverlay } from '../../src/lib/overlay-format.ts';

const site = atlasSite();
let overlay: ContractsOverlay;

beforeAll(async () => {
  overlay = (await (await fetch(`${site.url}data/overlays/contracts.json`)).json()) as ContractsOverlay;
});

const CONTROL = '[data-testid="overlay-control"]';

async function waitForContracts(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const map = window.__clsAtlas!.map!;
      const layers = map.getStyle().layers.filter((l) => l.id.startsWith('overlay-contracts'));
      return layers.length > 0 && layers.every((l) => l.layout?.visibility === 'visible') && map.querySourceFeatures('overlay-contracts').length > 0;
    },
    undefined,
    { timeout: 90_000, polling: 250 },
  );
}

describe('contracts registry', () => {
  it("shows Auvergne-Rhône-Alpes' contracts; a click opens a card citing the ARS source", async () => {
    const atlas = await site.open('#v=1&level=epci&sel=epci:243800984&ov=contracts');
    const { page } = atlas;
    await waitForContracts(page);
    await waitForSettled(page);
    const drawn = await page.evaluate(() =>
      [...new Set(window.__clsAtlas!.map!.queryRenderedFeatures({ layers: ['overlay-contracts-hit'] }).map((f) => String(f.properties?.id)))],
    );
    expect(drawn.filter((id) => id.startsWith('ara-')).length, drawn.join(', ')).toBeGreaterThan(3);
    expect(drawn).toContain('ara-cc-pays-voironnais');

    const button = page.locator(`${CONTROL} button[aria-controls="cls-overlay-body"]`);
    if ((await button.getAttribute('aria-expanded')) === 'true') await button.click();
    const point = await contractPoint(page, 'ara-cc-pays-voironnais');
    await page.mouse.click(point.x, point.y);
    const card = page.locator('[data-testid="contract-card"]');
    await card.waitFor({ timeout: 30_000 });
    expect(await card.getAttribute('data-contract')).toBe('ara-cc-pays-voironnais');
    expect(await page.locator('[data-testid="contract-card-name"]').textContent()).toBe('CLS CC Pays Voironnais');
    expect(await page.locator('[data-testid="contract-card-status"]').textContent()).toMatch(/Signé.*statut établi vers 2025/);
    expect(await page.locator('[data-testid="contract-card-perimeter"]').textContent()).toBe('EPCI — 31 communes');
    expect(await page.locator('[data-testid="contract-card-generation"]').textContent()).toBe('non renseigné');
    const source = page.locator('[data-testid="contract-card-sources"] a').first();
    expect(await source.textContent()).toBe('ARS Auvergne-Rhône-Alpes (via un projet universitaire), à vérifier');
    expect(await source.getAttribute('href')).toMatch(/^https:\/\/github\.com\/SilyaG\/PAT\//);
    expect(await source.getAttribute('target')).toBe('_blank');
    await waitForSettled(page);
    await screenshot(page, 'contracts-ara-card');
    await closeAtlas(atlas);
  });

  it('states the registry coverage in the legend, per région, with a working link to how to add a contract', async () => {
    const atlas = await site.open('#v=1&level=departement&ov=contracts');
    const { page } = atlas;
    const note = page.locator('[data-testid="contracts-registry-note"]');
    await note.waitFor({ timeout: 60_000 });
    const n = overlay.contracts.length;
    expect(await note.textContent()).toContain(`Registre : ${new Intl.NumberFormat('fr-FR').format(n)} contrats connus de sources publiques ; un territoire sans CLS connu peut en avoir un non recensé.`);
    const link = note.locator('[data-testid="contracts-how-to-add"]');
    const href = await link.getAttribute('href');
    expect(await link.textContent()).toBe('Ajouter ou corriger un contrat');
    const guide = await page.evaluate(async (url) => {
      const res = await fetch(url!);
      return { ok: res.ok, text: await res.text() };
    }, href);
    expect(guide.ok).toBe(true);
    expect(guide.text).toContain('npm run import:contracts');
    const regions = page.locator('[data-testid="contracts-by-region"]');
    await regions.locator('summary').click();
    expect(await regions.locator('li[data-region="84"]').textContent()).toMatch(/^Auvergne-Rhône-Alpes : \d+ contrats/);
    expect(Number(await regions.locator('li[data-region="84"]').getAttribute('data-count'))).toBe(overlay.registry.regions.find((r) => r.code === '84')!.contracts);
    await screenshot(page, 'contracts-legend');
    await closeAtlas(atlas);
  });

  it('filters the map by status from the legend (keyboard)', async () => {
    const atlas = await site.open('#v=1&level=departement&ov=contracts');
    const { page } = atlas;
    await waitForContracts(page);
    const filter = page.locator('[data-testid="contract-status-filter"]');
    const signed = filter.locator('input#cls-contract-status-signe');
    expect(await signed.isChecked()).toBe(true);
    await signed.focus();
    await page.keyboard.press('Space');
    expect(await signed.isChecked()).toBe(false);
    await page.waitForFunction(() => JSON.stringify(window.__clsAtlas!.map!.getFilter('overlay-contracts-signe-fill')) === '["boolean",false]', undefined, { timeout: 10_000 });
    const hit = await page.evaluate(() => window.__clsAtlas!.map!.getFilter('overlay-contracts-hit'));
    expect(JSON.stringify(hit)).not.toContain('"signe"');
    expect(JSON.stringify(hit)).toContain('"en_preparation"');
    await page.keyboard.press('Space');
    await page.waitForFunction(() => JSON.stringify(window.__clsAtlas!.map!.getFilter('overlay-contracts-signe-fill')) !== '["boolean",false]', undefined, { timeout: 10_000 });
    await closeAtlas(atlas);
  });

  it('says « aucun CLS connu du registre » with the registry size for a territory with no known contract', async () => {
    const index = (await (await fetch(`${site.url}data/index/commune.json`)).json()) as { territories: Array<{ code: string; parents: { departement: string } }> };
    const known = new Set(overlay.contracts.flatMap((c) => c.communes));
    const free = index.territories.find((t) => t.parents.departement === '23' && !known.has(t.code)) ?? index.territories.find((t) => !known.has(t.code))!;
    const atlas = await site.open(`#v=1&level=commune&sel=commune:${free.code}`);
    const { page } = atlas;
    const coverage = page.locator('[data-testid="panel-coverage"]');
    await coverage.waitFor({ timeout: 90_000 });
    const n = new Intl.NumberFormat('fr-FR').format(overlay.contracts.length);
    expect(await coverage.textContent()).toBe(`Non couvert : aucun CLS connu du registre (${n} contrats recensés)`);
    expect(await page.locator('[data-testid="panel-registry-note"]').textContent()).toContain(`Registre : ${n} contrats connus`);
    const indicator = page.locator('[data-testid="panel-contracts-indicator"]');
    expect(await indicator.textContent()).toMatch(/Part de la population couverte par un CLS en vigueur/);
    const france = await indicator.locator('li[data-scope="france"]').getAttribute('data-share');
    expect(Number(france)).toBeCloseTo(overlay.coverage.france.share!, 12);
    await page.locator('[data-section="contracts"]').scrollIntoViewIfNeeded();
    await screenshot(page, 'contracts-panel-none');
    await closeAtlas(atlas);
  });
});
