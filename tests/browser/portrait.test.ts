// The territory portrait on the built site: Coulommiers' CLS and EPCI
// comparison, the print layout (A4 print media), the permalink.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openAtlas, screenshot, serveDist, type StaticServer } from './harness.ts';
import { encodePerimeterCodes } from '../../src/perimeter/perimeter-io.ts';

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  // CLS_ATLAS_DIST: test another build than dist/ (several builds side by side).
  server = await serveDist(process.env.CLS_ATLAS_DIST || undefined);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const COULOMMIERS = '#v=1&level=commune&sel=commune:77131';

async function waitForPortrait(page: Page): Promise<void> {
  await page.locator('[data-testid="portrait"]').waitFor({ state: 'attached' });
}

describe('territory portrait', () => {
  it("opens Coulommiers' portrait from the panel and finds its CLS and its EPCI comparison", async () => {
    const { page, pageErrors, externalRequests } = await openAtlas(browser, server.url, COULOMMIERS);
    await page.locator('[data-testid="portrait-toggle"]').click();
    await waitForPortrait(page);
    const identity = await page.locator('[data-testid="portrait-identity"]').innerText();
    expect(identity).toContain('77131');
    expect(identity).toMatch(/Seine-et-Marne/);

    const contracts = page.locator('[data-testid="portrait-contracts"]');
    await expect.poll(() => contracts.innerText()).toContain('CLS de Coulommiers');
    // Its status was last reported in 2012 for a 1-year contract: to be confirmed, not « en vigueur ».
    expect(await contracts.innerText()).toContain('statut à confirmer (dernière information : 2012)');

    // Each indicator is compared with the commune's EPCI (named), département, région and France.
    const labels = await page.locator('[data-testid="portrait-bars"]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    expect(labels.length).toBeGreaterThan(0);
    expect(labels.some((l) => /EPCI \(CA Coulommiers Pays de Brie\) : \d/.test(l))).toBe(true);
    expect(labels.some((l) => /Département \(Seine-et-Marne\)/.test(l))).toBe(true);

    const epciRule = page.locator('[data-rule="epci-level"]');
    expect(await epciRule.innerText()).toContain('Coulommiers Pays de Brie');
    expect(await page.locator('[data-rule="no-contract"]').getAttribute('data-status')).toBe('pass');
    // Deprivation is judged on the poverty estimate and the bassin de vie's deprivation index, and says so.
    expect(await page.locator('[data-rule="deprivation"] [data-testid="checklist-used"]').innerText()).toMatch(
      /Jugé sur : .*Taux de pauvreté \(estimation.*Indice de défavorisation/,
    );
    expect(await page.locator('[data-testid="portrait-quintile"]').innerText()).toMatch(/^[1-5](er|e) quintile de défavorisation/);

    // Thresholds are adjustable: a huge minimum population fails the critical mass rule.
    const pop = page.locator('input[data-threshold="minPopulation"]');
    await pop.fill('1000000');
    await expect.poll(() => page.locator('[data-rule="critical-mass"]').getAttribute('data-status')).toBe('fail');

    await expect.poll(() => page.evaluate(() => window.location.hash)).toContain('pt=sel');
    await screenshot(page, 'portrait-coulommiers');
    expect(pageErrors).toEqual([]);
    expect(externalRequests).toEqual([]);
    await page.context().close();
  });

  it('renders a print preview: A4 layout, map controls hidden, tables and map snapshot shown', async () => {
    const { page, pageErrors } = await openAtlas(browser, server.url, `${COULOMMIERS}&pt=sel`);
    await waitForPortrait(page);
    await page.locator('.portrait-snapshot img').waitFor({ state: 'attached' });
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 794, height: 1123 }); // A4 at 96 dpi
    expect(await page.locator('.maplibregl-ctrl').first().isVisible()).toBe(false);
    expect(await page.locator('.atlas-toolbar').isVisible()).toBe(false);
    expect(await page.locator('[data-testid="portrait-print"]').isVisible()).toBe(false);
    expect(await page.locator('[data-testid="portrait-identity"] table').isVisible()).toBe(true);
    expect(await page.locator('[data-testid="portrait-checklist"]').isVisible()).toBe(true);
    expect(await page.locator('.portrait-snapshot img').isVisible()).toBe(true);
    expect(await page.locator('[data-testid="portrait-sources"]').innerText()).toMatch(/Portrait établi le \d{1,2} \S+ \d{4}/);
    await screenshot(page, 'portrait-print-page1');
    await page.screenshot({ path: 'test-artifacts/portrait-print.png', fullPage: true });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.byteLength).toBeGreaterThan(10_000);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  it('the permalink reopens the portrait of the same territory', async () => {
    const first = await openAtlas(browser, server.url, COULOMMIERS);
    await first.page.locator('[data-testid="portrait-toggle"]').click();
    await waitForPortrait(first.page);
    await first.page.locator('[data-testid="portrait-permalink"]').click();
    const link = await first.page.locator('.portrait input[readonly]').inputValue();
    expect(link).toContain('sel=commune:77131');
    expect(link).toContain('pt=sel');
    await first.page.context().close();

    const second = await openAtlas(browser, server.url, link.slice(link.indexOf('#')));
    await waitForPortrait(second.page);
    expect(await second.page.locator('[data-testid="portrait"]').getAttribute('data-subject')).toBe('territory:commune:77131');
    expect(await second.page.locator('[data-testid="portrait-identity"]').innerText()).toContain('Coulommiers');
    await second.page.context().close();
  });

  it('a custom perimeter in the URL reopens its portrait (pt=per)', async () => {
    const communes = ['77131', '77001', '77002'];
    const hash = `#v=1&level=commune&per=${encodePerimeterCodes(communes)}~Test%20portrait&pt=per`;
    const { page, pageErrors } = await openAtlas(browser, server.url, hash);
    await page.locator('[data-testid="portrait-host"] [data-testid="portrait"]').waitFor({ state: 'attached' });
    const identity = await page.locator('[data-testid="portrait-host"] [data-testid="portrait-identity"]').innerText();
    expect(identity).toContain('Périmètre sur mesure');
    expect(identity).toMatch(/Nombre de communes\s+3/);
    expect(await page.locator('[data-testid="portrait-host"] [data-rule="epci-level"]').getAttribute('data-status')).toBe('fail');
    // A perimeter has a poverty rate: a labelled estimate, with its method and the share covered.
    const poverty = page.locator('[data-testid="portrait-host"] tr[data-indicator="taux_pauvrete_2021"]');
    await expect.poll(() => poverty.innerText()).toMatch(/\d+(,\d)?\s*%[\s\S]*estimation : somme des pauvres/);
    await screenshot(page, 'portrait-perimeter');
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });
});
