// Figures read right on screen, in Debian's Chromium against dist/: France's
// and an EPCI's APL rounded once (panel, tooltip, legend), a Mayotte commune
// « non couvert par la source » rather than 0, a secret bassin de vie
// « secret statistique » with the legend's count, and a dropped CSV's
// duplicated code named with the value kept.
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { closeAtlas, screenshot, atlasSite } from './harness.ts';
import type { IndicatorBaseFile, IndicatorCommuneFile } from '../../src/lib/indicator-format.ts';
import { absenceCounts } from '../../src/lib/absence.ts';

const DIST_DATA = resolve(import.meta.dirname, '../../dist/data');
const site = atlasSite();

const builtFile = async (id: string) => JSON.parse(await readFile(resolve(DIST_DATA, 'indicators', `${id}.json`), 'utf8')) as IndicatorBaseFile;
const territory = async (level: string, code: string) => {
  const index = JSON.parse(await readFile(resolve(DIST_DATA, 'index', `${level}.json`), 'utf8')) as {
    territories: { code: string; name: string; bbox: [number, number, number, number] }[];
  };
  return index.territories.find((t) => t.code === code)!;
};
/** What the screen must show: the stored value rounded once, French style. */
const shown = (value: number, decimals: number) => new Intl.NumberFormat('fr-FR', { maximumFractionDigits: decimals }).format(value);

/** Hovers the centre of a territory's bounding box and returns the tooltip's indicator line once it names the territory. */
async function hover(page: Page, bbox: readonly [number, number, number, number], name: string): Promise<string> {
  const point = await page.evaluate(([lng, lat]) => window.__clsAtlas!.map!.project([lng, lat]), [(bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2] as const);
  const box = (await page.locator('[data-testid="map"]').boundingBox())!;
  await page.mouse.move(box.x + point.x, box.y + point.y);
  const tooltip = page.locator('.atlas-tooltip');
  await expect.poll(() => tooltip.innerText().catch(() => '')).toContain(name);
  return page.locator('[data-testid="tooltip-indicator"]').innerText();
}

const comparisonRow = (page: Page, key: string) => page.locator(`[data-testid="indicator-comparison"] tr[data-row="${key}"]`);

describe('figures on screen', () => {
  it("France's APL to GPs under 65 reads 3,29 and an EPCI's APL reads its value rounded once, in the panel, the tooltip and the legend", async () => {
    const epci = await territory('epci', '200072130'); // CA du Pays de Meaux
    const file = await builtFile('apl_mg_moins65_2023');
    const epciValue = file.levels.epci!.values[epci.code]!;
    const atlas = await site.open(`#v=1&level=epci&ind=apl_mg_moins65_2023&sel=epci:${epci.code}`, { ready: { indicator: 'apl_mg_moins65_2023', level: 'epci' } });
    const { page } = atlas;
    await comparisonRow(page, 'france').waitFor();
    expect(await comparisonRow(page, 'france').locator('.atlas-compare__value').innerText()).toBe('3,29\u00a0consultations/an/hab.');
    expect(await comparisonRow(page, `epci:${epci.code}`).locator('.atlas-compare__value').innerText()).toBe(`${shown(epciValue, 2)}\u00a0consultations/an/hab.`);
    expect(await page.locator('[data-testid="legend-france"]').innerText()).toContain('3,29');
    const tip = await hover(page, epci.bbox, epci.name);
    expect(tip).toContain(`${shown(epciValue, 2)}\u00a0consultations/an/hab.`);
    expect(tip).toContain('France : 3,29');
    await screenshot(page, 'figures-01-apl-epci');
    await closeAtlas(atlas);
  });

  it('a Mayotte commune has no 2021 census population: « non couvert par la source », never « 0 hab. »', async () => {
    const mamoudzou = await territory('commune', '97611');
    const atlas = await site.open('#v=1&level=commune&ind=population_2021&sel=commune:97611', { ready: { indicator: 'population_2021', level: 'commune' } });
    const { page } = atlas;
    const row = comparisonRow(page, 'commune:97611');
    await row.waitFor();
    expect(await row.locator('.atlas-compare__value').innerText()).toBe('non couvert par la source');
    expect(await comparisonRow(page, 'departement:976').locator('.atlas-compare__value').innerText()).toBe('non couvert par la source');
    const tip = await hover(page, mamoudzou.bbox, mamoudzou.name);
    expect(tip).toContain('non couvert par la source');
    expect(tip).not.toMatch(/:\s*0\s*hab/);
    // The legend counts them apart: Mayotte's 17 communes and the few the census file lacks.
    const commune = JSON.parse(await readFile(resolve(DIST_DATA, 'indicators', 'population_2021.commune.json'), 'utf8')) as IndicatorCommuneFile;
    const uncovered = absenceCounts(commune.commune).uncovered;
    expect(uncovered).toBeGreaterThanOrEqual(17);
    await expect.poll(() => page.locator('[data-testid="legend-absence"][data-kind="uncovered"]').getAttribute('data-count')).toBe(String(uncovered));
    await screenshot(page, 'figures-02-mayotte');
    await closeAtlas(atlas);
  });

  it('a secret bassin de vie reads « secret statistique », and the legend counts the 157 secret bassins apart', async () => {
    const file = await builtFile('part_ald_bv');
    const secret = Object.keys(file.levels.bv!.values).find((c) => file.levels.bv!.values[c] === null)!;
    const bv = await territory('bv', secret);
    const atlas = await site.open(`#v=1&level=bv&ind=part_ald_bv&sel=bv:${secret}`, { ready: { indicator: 'part_ald_bv', level: 'bv' } });
    const { page } = atlas;
    const row = comparisonRow(page, `bv:${secret}`);
    await row.waitFor();
    expect(await row.locator('.atlas-compare__value').innerText()).toBe('secret statistique');
    const legend = page.locator('[data-testid="legend-absence"][data-kind="secret"]');
    expect(await legend.getAttribute('data-count')).toBe('157');
    expect(await legend.innerText()).toBe('secret statistique : 157 territoires');
    const tip = await hover(page, bv.bbox, bv.name);
    expect(tip).toContain('secret statistique');
    await screenshot(page, 'figures-03-secret-bv');
    await closeAtlas(atlas);
  });

  it('a dropped CSV with a duplicated code: the report names it, with the value kept and the one set aside', async () => {
    const atlas = await site.open('#v=1&level=departement');
    const { page } = atlas;
    await page.evaluate(async () => {
      const dt = new DataTransfer();
      dt.items.add(new File(['code;valeur\n2A004;12,5\n2A006;3\n2A004;13\n'], 'doublon.csv', { type: 'text/csv' }));
      window.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, bubbles: true }));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    });
    await page.locator('[data-testid="byo-dialog"]').waitFor({ state: 'visible' });
    await page.locator('[data-testid="byo-submit"]').click();
    const conflict = page.locator('[data-testid="byo-report-conflict"][data-code="2A004"]');
    await conflict.waitFor();
    expect(await conflict.innerText()).toBe('2A004 : 12,5 gardée (première ligne) ; 13 ignorée');
    expect(await page.locator('[data-testid="byo-report-duplicates"]').innerText()).toMatch(/^1 doublon/);
    await screenshot(page, 'figures-04-byo-duplicate');
    await closeAtlas(atlas);
  });
});
