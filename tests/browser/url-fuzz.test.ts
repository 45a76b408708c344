// Forged and stale links on an open page: 200 generated hashes (fixed seed,
// tests/url-fuzz.ts), set one after the other on one page. None may raise a
// page error, leave the panel on « Chargement… », or end on an incoherent
// state; a few of them, opened fresh, land where the hash change did.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closeAtlas, atlasSite } from './harness.ts';
import { generatedHashes } from '../url-fuzz.ts';

const SEED = 11;
const COUNT = 200;

const site = atlasSite();

interface Snapshot {
  level: string;
  selection: string | null;
  portrait: string | null;
  perimeter: number | null;
  indicator: string | null;
}

/** Sets the hash (a unique `n` key makes every one a change) and waits for the page to settle on it. */
async function follow(page: Page, hash: string, n: number): Promise<void> {
  await page.evaluate(
    (h) =>
      new Promise<void>((resolve) => {
        window.addEventListener('hashchange', () => requestAnimationFrame(() => requestAnimationFrame(() => resolve())), { once: true });
        location.hash = h;
      }),
    `${hash}${hash.length > 1 ? '&' : ''}n=${n}`,
  );
  // No panel left on « Chargement… »: the selection is shown, or dropped.
  await page.waitForFunction(
    () => {
      const name = document.querySelector('[data-testid="panel-name"]');
      return !name || name.textContent !== 'Chargement…';
    },
    undefined,
    { timeout: 45_000, polling: 100 },
  );
}

const snapshot = (page: Page): Promise<Snapshot> =>
  page.evaluate(() => {
    const s = window.__clsAtlas!.state;
    return {
      level: s.level,
      selection: s.selection ? `${s.selection.level}:${s.selection.code}` : null,
      portrait: s.portrait,
      perimeter: s.perimeter ? s.perimeter.communes.length : null,
      indicator: s.indicator,
    };
  });

function expectCoherent(s: Snapshot, hash: string): void {
  if (s.portrait === 'territory') expect(s.selection, hash).not.toBeNull();
  if (s.portrait === 'perimeter') expect(s.perimeter, hash).toBeGreaterThan(0);
  if (s.perimeter !== null) expect([s.selection, s.level], hash).toEqual([null, 'commune']);
}

describe(`URL fuzz: ${COUNT} generated hashes, seed ${SEED}`, () => {
  const hashes = generatedHashes(COUNT, SEED);
  const finals = new Map<string, Snapshot>();

  it('no page error, no panel stuck loading, a coherent state after each', async () => {
    const atlas = await site.open();
    const { page } = atlas;
    let notices = 0;
    const start = Date.now();
    for (const [i, hash] of hashes.entries()) {
      await follow(page, hash, i);
      const s = await snapshot(page);
      expectCoherent(s, hash);
      if (i % 40 === 0) finals.set(hash, s);
      if (await page.getByTestId('link-notice').count()) notices++;
    }
    console.info(`URL fuzz: ${COUNT} hashes in ${Math.round((Date.now() - start) / 1000)} s, ${notices} with a « Lien corrigé » notice`);
    expect(notices).toBeGreaterThan(0);
    await closeAtlas(atlas);
  }, 900_000);

  it('a link opened fresh lands where the hash change did', async () => {
    expect(finals.size).toBeGreaterThan(3);
    for (const [hash, afterChange] of finals) {
      const atlas = await site.open(hash);
      await atlas.page.waitForFunction(
        () => {
          const name = document.querySelector('[data-testid="panel-name"]');
          return !name || name.textContent !== 'Chargement…';
        },
        undefined,
        { timeout: 45_000 },
      );
      // The perimeter's codes are checked once the commune index is in.
      if (afterChange.perimeter !== null) await atlas.page.waitForFunction((n) => window.__clsAtlas!.state.perimeter?.communes.length === n, afterChange.perimeter, { timeout: 60_000 });
      const fresh = await snapshot(atlas.page);
      expect(fresh, hash).toEqual(afterChange);
      await closeAtlas(atlas);
    }
  }, 600_000);
});
