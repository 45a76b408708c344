// The territory portrait on the built site: Coulommiers' CLS and EPCI
// comparison, the printed portrait and map (A4 PDF, pages counted), the permalink.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ARTIFACTS, screenshot, atlasSite, waitForSettled } from './harness.ts';
import { encodePerimeterCodes } from '../../src/perimeter/perimeter-io.ts';

// CLS_ATLAS_DIST: test another build than dist/ (several builds side by side).
const site = atlasSite({ dist: process.env.CLS_ATLAS_DIST || undefined });

const COULOMMIERS = '#v=1&level=commune&sel=commune:77131';
const COULOMMIERS_EPCI = '#v=1&level=epci&sel=epci:200090504';

/** Pages of a PDF written by Chromium (one `/Type /Page` object each). */
const pdfPageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;

async function writeArtifact(name: string, content: Buffer): Promise<void> {
  await mkdir(ARTIFACTS, { recursive: true });
  await writeFile(join(ARTIFACTS, name), content);
}

async function waitForPortrait(page: Page): Promise<void> {
  await page.locator('[data-testid="portrait"]').waitFor({ state: 'attached' });
}

describe('territory portrait', () => {
  it("opens Coulommiers' portrait from the panel and finds its CLS and its EPCI comparison", async () => {
    const { page, pageErrors, externalRequests } = await site.open(COULOMMIERS);
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

  it("prints the EPCI portrait on at most 5 A4 pages, page 1 holding its title, map and legend, no app chrome", async () => {
    const { page, pageErrors } = await site.open(`${COULOMMIERS_EPCI}&pt=sel`, { viewport: { width: 1440, height: 900 } });
    await waitForPortrait(page);
    await page.locator('.portrait-snapshot img').waitFor({ state: 'attached' });
    // The printed map carries its legend (the default map's indicator).
    await page.locator('[data-testid="portrait-print-legend"]').waitFor({ state: 'attached' });
    // Every section drawn: comparable territories and trend charts loaded.
    await page.waitForFunction(
      () =>
        !!document.querySelector('[data-testid="portrait-trends"] [data-testid="trend"]') &&
        !document.querySelector('[data-testid="portrait-trends"] [role="status"], [data-testid="portrait-peers"] [role="status"], .trends-chart[data-drawn="false"]'),
    );
    // Printed as Ctrl+P does (print media applied by the print itself).
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    await writeArtifact('portrait-epci.pdf', pdf);
    const pages = pdfPageCount(pdf);
    console.info(`EPCI portrait PDF: ${pages} A4 pages, ${pdf.byteLength} bytes`);
    expect(pages).toBeGreaterThan(0);
    expect(pages).toBeLessThanOrEqual(5);

    // The same layout in print media, at the A4 content box (186 mm × 271 mm at 96 dpi).
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 703, height: 1024 });
    for (const hidden of ['.atlas-header', '.maplibregl-ctrl', '[data-testid="map"]', '[data-testid="portrait-print"]', '[data-testid="portrait-toggle"]', '[data-testid="indicator-sidebar"]'])
      expect(await page.locator(hidden).first().isVisible(), hidden).toBe(false);
    expect(await page.locator('[data-testid="portrait-identity"] table').isVisible()).toBe(true);
    expect(await page.locator('[data-testid="portrait-checklist"]').isVisible()).toBe(true);
    expect(await page.locator('[data-testid="portrait-sources"]').innerText()).toMatch(/Portrait établi le \d{1,2} \S+ \d{4}/);
    const firstPage = await page.evaluate(() => {
      const box = (sel: string) => {
        const el = document.querySelector(sel);
        if (!el) return null;
        const r = el.getBoundingClientRect();
        return { top: r.top + scrollY, bottom: r.bottom + scrollY, width: r.width, height: r.height };
      };
      const img = document.querySelector<HTMLImageElement>('.portrait-snapshot img');
      return {
        title: box('.portrait-print-header h2'),
        map: box('.portrait-snapshot img'),
        mapDecoded: !!img && img.complete && img.naturalWidth > 100,
        legend: box('[data-testid="portrait-print-legend"]'),
        legendText: document.querySelector('[data-testid="portrait-print-legend"]')?.textContent ?? '',
      };
    });
    console.info(`print page 1: map ${JSON.stringify(firstPage.map)}, legend ${JSON.stringify(firstPage.legend)}`);
    for (const part of [firstPage.title, firstPage.map, firstPage.legend]) {
      expect(part!.height).toBeGreaterThan(0);
      expect(part!.bottom).toBeLessThanOrEqual(1024);
    }
    expect(firstPage.mapDecoded).toBe(true);
    expect(firstPage.legendText).toContain('APL aux médecins généralistes');
    expect(await page.locator('[data-testid="portrait-print-legend"] li').count()).toBeGreaterThan(2);
    await page.screenshot({ path: join(ARTIFACTS, 'portrait-print-epci.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  it('Ctrl+P on the map (no portrait) prints one A4 page: title, the map copied at print time, legend and sources', async () => {
    const { page, pageErrors } = await site.open('', { viewport: { width: 1440, height: 900 } });
    await page.waitForFunction(() => window.__clsIndicators?.view.getState().status === 'ready');
    await waitForSettled(page);
    // The printed legend is written when a print is asked for, not at every restyle of the map.
    const printLegend = page.locator('[data-testid="map-print"] [data-testid="portrait-print-legend"]');
    expect(await printLegend.count()).toBe(0);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(await printLegend.count()).toBe(1);
    await writeArtifact('map.pdf', pdf);
    const pages = pdfPageCount(pdf);
    console.info(`map PDF: ${pages} A4 page(s), ${pdf.byteLength} bytes`);
    expect(pages).toBe(1);
    // The copy was made on beforeprint: the printed canvas holds the map's colours, not a blank.
    const colours = await page.evaluate(() => {
      const c = document.querySelector<HTMLCanvasElement>('[data-testid="map-print-image"]')!;
      const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      const seen = new Set<number>();
      for (let i = 0; i < data.length; i += 4 * 97) seen.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
      return { size: c.width * c.height, colours: seen.size };
    });
    expect(colours.size).toBeGreaterThan(100_000);
    expect(colours.colours).toBeGreaterThan(5);
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 703, height: 1024 });
    expect(await page.getByTestId('map-title').isVisible()).toBe(true);
    expect(await page.getByTestId('map-print-image').isVisible()).toBe(true);
    expect(await page.locator('[data-testid="map-print"] [data-testid="portrait-print-legend"]').isVisible()).toBe(true);
    for (const hidden of ['.atlas-header', '[data-testid="indicator-sidebar"]', '[data-testid="map"]']) expect(await page.locator(hidden).first().isVisible(), hidden).toBe(false);
    const bottom = await page.evaluate(() => document.querySelector('[data-testid="map-print"]')!.getBoundingClientRect().bottom + scrollY);
    expect(bottom).toBeLessThanOrEqual(1024);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  it('the permalink reopens the portrait of the same territory', async () => {
    const first = await site.open(COULOMMIERS);
    await first.page.locator('[data-testid="portrait-toggle"]').click();
    await waitForPortrait(first.page);
    await first.page.locator('[data-testid="portrait-permalink"]').click();
    const link = await first.page.locator('.portrait input[readonly]').inputValue();
    expect(link).toContain('sel=commune:77131');
    expect(link).toContain('pt=sel');
    await first.page.context().close();

    const second = await site.open(link.slice(link.indexOf('#')));
    await waitForPortrait(second.page);
    expect(await second.page.locator('[data-testid="portrait"]').getAttribute('data-subject')).toBe('territory:commune:77131');
    expect(await second.page.locator('[data-testid="portrait-identity"]').innerText()).toContain('Coulommiers');
    await second.page.context().close();
  });

  it('a custom perimeter in the URL reopens its portrait (pt=per)', async () => {
    const communes = ['77131', '77001', '77002'];
    const hash = `#v=1&level=commune&per=${encodePerimeterCodes(communes)}~Test%20portrait&pt=per`;
    const { page, pageErrors } = await site.open(hash);
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
