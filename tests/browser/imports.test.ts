// Files handed to the atlas in the browser: hostile CSVs get a precise French
// refusal before the column dialog; a 50 MB / 1 M-row CSV (generated here,
// never committed) is read in a worker with progress while the page keeps
// answering, and can be cancelled; the perimeter import refuses garbage and
// keeps its report short.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { closeAtlas, DIST, launchBrowser, openAtlas, screenshot, serveDist, type AtlasPage, type StaticServer } from './harness.ts';

let server: StaticServer;
let browser: Browser;
let dir: string;

beforeAll(async () => {
  server = await serveDist();
  browser = await launchBrowser();
  dir = mkdtempSync(join(tmpdir(), 'cls-imports-'));
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const utf16le = (text: string): Buffer => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);

async function dropCsv(page: Page, name: string, buffer: Buffer): Promise<void> {
  await page.setInputFiles('[data-testid="byo-file-input"]', { name, mimeType: 'text/csv', buffer });
}

/** Waits for either the refusal or the dialog; returns the refusal text or null. */
async function outcome(page: Page): Promise<string | null> {
  const error = page.getByTestId('byo-error');
  const dialog = page.getByTestId('byo-dialog');
  await Promise.race([error.waitFor({ state: 'visible', timeout: 60_000 }), dialog.waitFor({ state: 'visible', timeout: 60_000 })]);
  return (await error.isVisible()) ? error.innerText() : null;
}

describe('dropped CSV: hostile files', () => {
  let atlas: AtlasPage;
  beforeAll(async () => {
    atlas = await openAtlas(browser, server.url);
  });
  afterAll(async () => {
    await closeAtlas(atlas);
  });

  it.each([
    ['vide.csv', Buffer.alloc(0), /Le fichier est vide/],
    ['image.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]), /image PNG/],
    ['classeur.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0]), /classeur Excel/],
    ['guillemet.csv', Buffer.from('code;nom;valeur\n77131;"Coulommiers;3\n77284;Meaux;4\n'), /Guillemet ouvert ligne 2/],
    ['entete.csv', Buffer.from('code;valeur\n'), /qu’une ligne d’en-tête/],
    ['colonne.csv', Buffer.from('code\n77131\n77284\n'), /Une seule colonne lue \(« code »\)/],
    ['proto.csv', Buffer.from('code;__proto__\n77131;1\n'), /colonne 2 porte un nom réservé \(« __proto__ »\)/],
  ])('%s is refused with a precise message, no dialog', async (name, buffer, message) => {
    const { page } = atlas;
    await dropCsv(page, name, buffer);
    // Polled: the previous file's message may still be on screen for a moment.
    await expect.poll(() => page.getByTestId('byo-error').innerText(), { timeout: 60_000 }).toMatch(message);
    expect(await page.getByTestId('byo-dialog').isVisible()).toBe(false);
  });

  it('a UTF-16 file opens the dialog with clean headers; unknown codes keep « code » as the code column', async () => {
    const { page } = atlas;
    await dropCsv(page, 'utf16.csv', utf16le('code;valeur\r\nX0001;12\r\nX0002;75\r\nX0003;2\r\n'));
    expect(await outcome(page)).toBeNull();
    expect(await page.getByTestId('byo-codeColumn').inputValue()).toBe('code');
    expect(await page.getByTestId('byo-valueColumn').inputValue()).toBe('valeur');
    expect(await page.getByTestId('byo-dialog').innerText()).toMatch(/UTF-16/);
    await page.keyboard.press('Escape');
    await page.getByTestId('byo-dialog').waitFor({ state: 'hidden' });
  });
});

describe('the design system’s script cannot be had', () => {
  it('a dropped CSV and « Définition et source » say so, instead of waiting for ever or blaming the file', async () => {
    const atlas = await openAtlas(browser, server.url, '#v=1&level=departement&ind=apl_mg_2023', { block: /dsfr\.module/ });
    const { page } = atlas;
    await dropCsv(page, 'valeurs.csv', Buffer.from('code;valeur\n01;1\n02;2\n03;3\n', 'utf8'));
    const error = page.getByTestId('byo-error');
    await error.waitFor({ state: 'visible', timeout: 60_000 });
    expect(await error.innerText()).toMatch(/fenêtre d’import n’a pas pu s’ouvrir.*Rechargez la page/);
    expect(await page.getByTestId('byo-progress').isVisible()).toBe(false);
    expect(await page.getByTestId('byo-dialog').isVisible()).toBe(false);
    await page.getByTestId('indicator-about').click();
    const about = page.getByTestId('indicator-about-unavailable');
    await about.waitFor({ state: 'visible', timeout: 60_000 });
    expect(await about.innerText()).toMatch(/La fiche n’a pas pu s’ouvrir/);
    await screenshot(page, 'imports-dsfr-unavailable');
    // The only page error: react-dsfr's own unhandled failure to import the script (expected here).
    expect(atlas.pageErrors).toEqual([expect.stringMatching(/Failed to fetch dynamically imported module: .*dsfr\.module/)]);
    atlas.pageErrors.splice(0);
    await closeAtlas(atlas);
  });
});

describe('dropped CSV: a 50 MB file', () => {
  let bigFile: string;
  beforeAll(() => {
    const index = JSON.parse(readFileSync(join(DIST, 'data/index/commune.json'), 'utf8')) as { territories: { code: string }[] };
    const codes = index.territories.map((t) => t.code);
    const lines = ['code_insee;valeur;libelle;commentaire'];
    for (let i = 0; i < 1_000_000; i++) lines.push(`${codes[i % codes.length]};${(i % 9973) / 10};ligne ${i};commentaire de test sans objet`);
    bigFile = join(dir, 'gros.csv');
    writeFileSync(bigFile, `${lines.join('\n')}\n`);
  });

  it('is read in a worker with progress while the page answers input, then maps', async () => {
    const atlas = await openAtlas(browser, server.url);
    const { page } = atlas;
    const size = readFileSync(bigFile).length;
    expect(size).toBeGreaterThan(50e6);
    // Longest gap between two timer ticks on the main thread while the import runs.
    await page.evaluate(() => {
      const w = window as unknown as { __maxGap: number; __probe: number };
      let last = performance.now();
      w.__maxGap = 0;
      w.__probe = window.setInterval(() => {
        const now = performance.now();
        w.__maxGap = Math.max(w.__maxGap, now - last);
        last = now;
      }, 20);
    });
    const start = Date.now();
    await page.setInputFiles('[data-testid="byo-file-input"]', bigFile);
    await page.getByTestId('byo-progress').waitFor({ state: 'visible', timeout: 60_000 });
    // A parse fraction shows up…
    await page.getByTestId('byo-progress').getByText(/Analyse des lignes… \d+ %/).waitFor({ timeout: 120_000 });
    // …and meanwhile the page answers: typing in the search box shows results.
    const search = page.locator('#atlas-search-input');
    await search.fill('Coulommiers');
    await page.locator('[role="option"][data-code="77131"]').first().waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('byo-progress').isVisible()).toBe(true);
    await search.fill('');
    await page.getByTestId('byo-dialog').waitFor({ state: 'visible', timeout: 240_000 });
    const opened = Date.now() - start;
    expect(await page.getByTestId('byo-codeColumn').inputValue()).toBe('code_insee');
    expect(await page.getByTestId('byo-dialog').innerText()).toMatch(/1\s000\s000 lignes/);
    await page.getByTestId('byo-submit').click();
    await page.waitForFunction(() => /^byo:/.test(window.__clsAtlas!.state.indicator ?? ''), undefined, { timeout: 240_000 });
    const mapped = Date.now() - start;
    const maxGap = await page.evaluate(() => {
      const w = window as unknown as { __maxGap: number; __probe: number };
      clearInterval(w.__probe);
      return w.__maxGap;
    });
    console.info(`50 MB CSV (${(size / 1e6).toFixed(1)} MB, 1,000,000 rows): dialog after ${opened} ms, mapped after ${mapped} ms, longest main-thread gap ${Math.round(maxGap)} ms`);
    await closeAtlas(atlas);
  }, 600_000);

  it('can be cancelled while it runs', async () => {
    const atlas = await openAtlas(browser, server.url);
    const { page } = atlas;
    await page.setInputFiles('[data-testid="byo-file-input"]', bigFile);
    await page.getByTestId('byo-cancel').waitFor({ state: 'visible', timeout: 60_000 });
    await page.getByTestId('byo-cancel').click();
    await page.getByTestId('byo-error').getByText('Import annulé.').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('byo-progress').count()).toBe(0);
    expect(await page.getByTestId('byo-dialog').isVisible()).toBe(false);
    await closeAtlas(atlas);
  }, 300_000);
});

describe('perimeter import', () => {
  it('refuses empty and binary files in French, reads UTF-16, keeps the report short', async () => {
    const atlas = await openAtlas(browser, server.url);
    const { page } = atlas;
    await page.getByTestId('perimeter-open').click();
    const file = page.getByTestId('perimeter-import-file');
    await file.waitFor({ state: 'attached', timeout: 60_000 });
    const error = page.getByTestId('perimeter-import-error');
    await file.setInputFiles({ name: 'vide.csv', mimeType: 'text/csv', buffer: Buffer.alloc(0) });
    await expect.poll(() => error.innerText(), { timeout: 90_000 }).toMatch(/Le fichier est vide/);
    await file.setInputFiles({ name: 'image.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]) });
    await expect.poll(() => error.innerText(), { timeout: 60_000 }).toMatch(/image PNG/);
    expect(await page.getByTestId('perimeter-import-report').count()).toBe(0);
    // UTF-16 with 10,000 unknown codes and two real ones.
    const unknown = Array.from({ length: 10_000 }, (_, i) => `99${String(i % 1000).padStart(3, '0')}`);
    await file.setInputFiles({ name: 'liste.csv', mimeType: 'text/csv', buffer: utf16le(['77131', '77284', ...unknown].join('\r\n')) });
    const report = page.getByTestId('perimeter-import-report');
    await report.waitFor({ timeout: 60_000 });
    expect(await report.innerText()).toMatch(/2 communes reconnues/);
    const line = await page.getByTestId('perimeter-import-unknown').innerText();
    expect(line).toMatch(/^1\s000 codes inconnus ignorés : 99000, 99001/);
    expect(line.length).toBeLessThan(300);
    expect(await page.evaluate(() => window.__clsPerimeter!.state.history.present.communes)).toEqual(['77131', '77284']);
    await closeAtlas(atlas);
  }, 300_000);
});
