// The built site under its shipped Content-Security-Policy, sent as an HTTP
// header on every file (the page, the scripts, the workers) on top of the
// <meta> tag in index.html: every level draws, with no violation. Then under
// a stricter host policy (no blob: at all) the levels still draw (from their
// vector tiles, with no violation at all); and a
// geometry file that fails to load is said in French, not left blank.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { CSP_HEADER } from '../../scripts/lib/csp.ts';
import { closeAtlas, cspViolations, DIST, launchBrowser, openAtlas, serveDist, waitForLevel, type StaticServer } from './harness.ts';

const LEVELS = ['departement', 'region', 'epci', 'bv', 'commune'] as const;

let browser: Browser;
const servers: StaticServer[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  for (const s of servers) await s.close();
});

async function serve(headers: Record<string, string> = {}): Promise<StaticServer> {
  const server = await serveDist(DIST, headers);
  servers.push(server);
  return server;
}

async function showLevel(page: Page, level: string): Promise<number> {
  await page.locator(`input[name="atlas-level"][value="${level}"]`).check({ force: true });
  await waitForLevel(page, level);
  return page.evaluate(
    (l) => new Set(window.__clsAtlas!.map!.queryRenderedFeatures({ layers: [`territories-${l}-fill`] }).map((f) => f.id)).size,
    level,
  );
}

describe('Content-Security-Policy', () => {
  it('ships the policy in index.html', async () => {
    const server = await serve();
    const html = await (await fetch(server.url)).text();
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src &#39;self&#39;; script-src &#39;self&#39;;/);
  });

  it('every level draws under the shipped policy sent as a header, with zero violations', async () => {
    const server = await serve({ 'content-security-policy': CSP_HEADER });
    const atlas = await openAtlas(browser, server.url);
    for (const level of LEVELS) {
      const drawn = await showLevel(atlas.page, level);
      expect(drawn, level).toBeGreaterThan(level === 'region' ? 10 : 50);
    }
    expect(await cspViolations(atlas.page)).toEqual([]);
    expect(await atlas.page.locator('.atlas-map-status--error').count()).toBe(0);
    await closeAtlas(atlas);
  });

  it('under a stricter host policy (connect-src without blob:) the levels still draw', async () => {
    const strict = CSP_HEADER.replace("connect-src 'self' blob:", "connect-src 'self'");
    const server = await serve({ 'content-security-policy': strict });
    const atlas = await openAtlas(browser, server.url);
    for (const level of ['epci', 'bv'] as const) expect(await showLevel(atlas.page, level), level).toBeGreaterThan(50);
    // Every level is drawn from vector tiles: no blob: is needed, and nothing is reported broken.
    expect(await cspViolations(atlas.page)).toEqual([]);
    expect(await atlas.page.locator('.atlas-map-status--error').count()).toBe(0);
    await closeAtlas(atlas);
  });

  it('a geometry file that cannot be loaded is said in French', async () => {
    const server = await serve();
    const atlas = await openAtlas(browser, server.url);
    await atlas.page.route(/tiles\/bv\//, (route) => route.fulfill({ status: 500, body: 'boom' }));
    await atlas.page.locator('input[name="atlas-level"][value="bv"]').check({ force: true });
    const alert = atlas.page.locator('.atlas-map-status--error');
    await alert.waitFor({ timeout: 60_000 });
    expect(await alert.textContent()).toMatch(/n’ont pas pu être chargés/);
    expect(await atlas.page.evaluate(() => window.__clsAtlas!.state.levelStatus.bv)).toBe('error');
    await closeAtlas(atlas);
  });
});
