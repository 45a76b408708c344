// The published map on a real phone's terms (390 × 844 at 3 device pixels
// per CSS pixel, touch, mobile viewport) and a tablet (768 × 1024 at 2):
// with every bottom sheet open, at every size it takes, the part of the map
// not under the sheet is painted (not the page's white), and the map canvas
// is its container's size; a tap selects, a pinch zooms, a drag on a sheet's
// handle resizes it; no horizontal scroll; 44 px touch targets.
import { describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { atlasSite, closeAtlas, screenshot, waitForSettled } from './harness.ts';
import { whiteAt } from './pixels.ts';

const site = atlasSite();

async function waitForDefaultIndicator(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const v = window.__clsIndicators?.view.getState();
    return v?.status === 'ready' && v.entry?.id === 'apl_mg_moins65_2023' && v.level === 'epci';
  });
  await waitForSettled(page);
}

/** Waits until no sheet is running its height transition. */
async function waitForSheets(page: Page): Promise<void> {
  await page.waitForFunction(() => [...document.querySelectorAll('[data-sheet]')].every((el) => el.getAnimations().length === 0));
  await waitForSettled(page);
}

interface MapArea {
  /** Canvas CSS size, its container's, its drawing buffer and the device pixel ratio. */
  readonly canvas: { width: number; height: number; bufferWidth: number; bufferHeight: number; dpr: number };
  readonly container: { width: number; height: number };
  /** Sample points (CSS px) above every sheet where the map canvas is the topmost element. */
  readonly points: readonly (readonly [number, number])[];
  /** Height of the map above the topmost sheet. */
  readonly uncoveredHeight: number;
}

function mapArea(page: Page): Promise<MapArea> {
  return page.evaluate(() => {
    const map = window.__clsAtlas!.map!;
    const canvas = map.getCanvas();
    const box = canvas.getBoundingClientRect();
    const container = map.getContainer().getBoundingClientRect();
    const sheetTops = [...document.querySelectorAll<HTMLElement>('[data-sheet]')]
      .filter((el) => getComputedStyle(el).position === 'absolute' && el.getBoundingClientRect().height > 0)
      .map((el) => el.getBoundingClientRect().top);
    const bottom = Math.min(box.bottom, ...sheetTops);
    const points: [number, number][] = [];
    const n = 40;
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        const x = Math.floor(box.left + ((i + 0.5) * box.width) / n);
        const y = Math.floor(box.top + ((j + 0.5) * (bottom - box.top)) / n);
        if (y < bottom && document.elementFromPoint(x, y) === canvas) points.push([x, y]);
      }
    return {
      canvas: { width: canvas.clientWidth, height: canvas.clientHeight, bufferWidth: canvas.width, bufferHeight: canvas.height, dpr: devicePixelRatio },
      container: { width: container.width, height: container.height },
      points,
      uncoveredHeight: Math.max(0, bottom - box.top),
    };
  });
}

/** The map above the sheets is painted and the canvas fills its container; no horizontal scroll. */
async function expectMapPainted(page: Page, state: string, name: string): Promise<void> {
  await waitForSheets(page);
  const area = await mapArea(page);
  expect(Math.abs(area.canvas.width - area.container.width), `${state}: canvas width`).toBeLessThanOrEqual(1);
  expect(Math.abs(area.canvas.height - area.container.height), `${state}: canvas height`).toBeLessThanOrEqual(1);
  expect(Math.abs(area.canvas.bufferWidth - area.canvas.width * area.canvas.dpr), `${state}: drawing buffer width`).toBeLessThanOrEqual(area.canvas.dpr);
  expect(Math.abs(area.canvas.bufferHeight - area.canvas.height * area.canvas.dpr), `${state}: drawing buffer height`).toBeLessThanOrEqual(area.canvas.dpr);
  const png = await screenshot(page, `${name}-${state.replace(/\W+/g, '-')}`);
  if (area.uncoveredHeight >= 40) {
    const { white, colours } = await whiteAt(page, png, area.points);
    console.info(`${name} ${state}: map uncovered ${Math.round(area.uncoveredHeight)} px high, ${area.points.length} samples, ${white} white, ${colours} colours`);
    expect(area.points.length, `${state}: samples`).toBeGreaterThan(50);
    expect(white / area.points.length, `${state}: share of the seen map left white`).toBeLessThan(0.05);
    expect(colours, `${state}: colours`).toBeGreaterThan(3);
  } else console.info(`${name} ${state}: map uncovered ${Math.round(area.uncoveredHeight)} px high, not sampled`);
  expect(await page.evaluate(() => document.documentElement.scrollWidth), `${state}: horizontal scroll`).toBeLessThanOrEqual(await page.evaluate(() => innerWidth));
}

/** A one-finger drag on an element (a sheet's handle), in CSS px. */
async function touchDrag(cdp: CDPSession, from: { x: number; y: number }, dy: number): Promise<void> {
  const steps = 6;
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: from.x, y: from.y, id: 1 }] });
  for (let i = 1; i <= steps; i++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: from.x, y: from.y + (dy * i) / steps, id: 1 }] });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

/** Two fingers moving apart (spread > 0) or together around a point. */
async function pinch(cdp: CDPSession, centre: { x: number; y: number }, from: number, to: number): Promise<void> {
  const steps = 8;
  const points = (d: number) => [
    { x: centre.x - d / 2, y: centre.y, id: 1 },
    { x: centre.x + d / 2, y: centre.y, id: 2 },
  ];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: points(from) });
  for (let i = 1; i <= steps; i++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: points(from + ((to - from) * i) / steps) });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

/** Width × height of the visible controls matching `selector` smaller than 44 px. */
function smallControls(page: Page, selector: string): Promise<{ count: number; small: string[] }> {
  return page.evaluate((sel) => {
    const els = [...document.querySelectorAll<HTMLElement>(sel)].filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden');
    const small = els
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.width < 43.5 || r.height < 43.5)
      .map(({ el, r }) => `${el.tagName.toLowerCase()}.${el.className} ${Math.round(r.width)}×${Math.round(r.height)}`);
    return { count: els.length, small };
  }, selector);
}

const sheetSize = (page: Page, testId: string) => page.getByTestId(testId).getAttribute('data-sheet');

for (const device of [
  { name: 'phone', viewport: { width: 390, height: 844 }, deviceScaleFactor: 3 },
  { name: 'tablet', viewport: { width: 768, height: 1024 }, deviceScaleFactor: 2 },
]) {
  describe(`published map on a ${device.name} (${device.viewport.width} × ${device.viewport.height} @${device.deviceScaleFactor}x, touch)`, () => {
    it('every bottom sheet leaves the map above it painted; tap selects, pinch zooms, drag resizes; no horizontal scroll; 44 px targets', async () => {
      const atlas = await site.open('', { viewport: device.viewport, mobile: true, deviceScaleFactor: device.deviceScaleFactor });
      const { page } = atlas;
      const name = `phone-${device.viewport.width}`;
      const cdp = await page.context().newCDPSession(page);
      await waitForDefaultIndicator(page);
      await expectMapPainted(page, 'at rest', name);

      // Touch targets: sheet handles, header buttons, the level switch.
      for (const selector of ['.atlas-sheet__handle', '.atlas-header button', '.atlas-level-select select']) {
        const { count, small } = await smallControls(page, selector);
        expect(count, selector).toBeGreaterThan(0);
        expect(small, selector).toEqual([]);
      }

      // Pinch-zoom on the map: two fingers apart zoom in, together zoom out.
      const canvasBox = (await page.locator('[data-testid="map"] canvas').boundingBox())!;
      const centre = { x: canvasBox.x + canvasBox.width / 2, y: canvasBox.y + canvasBox.height / 3 };
      const zoom = () => page.evaluate(() => window.__clsAtlas!.map!.getZoom());
      const z0 = await zoom();
      await pinch(cdp, centre, 60, 240);
      await waitForSettled(page);
      const z1 = await zoom();
      await pinch(cdp, centre, 240, 60);
      await waitForSettled(page);
      const z2 = await zoom();
      console.info(`${name} pinch: zoom ${z0.toFixed(2)} → ${z1.toFixed(2)} → ${z2.toFixed(2)}`);
      expect(z1).toBeGreaterThan(z0 + 0.5);
      expect(z2).toBeLessThan(z1 - 0.5);
      await page.locator('[data-testid="drom-insets"] [data-zone="metro"]').tap();
      await waitForSettled(page);

      // The indicator and legend sheet: tap → half, drag up → full, tap → peek.
      const indicatorHandle = page.getByTestId('sheet-handle-indicator');
      await indicatorHandle.tap();
      await expect.poll(() => sheetSize(page, 'indicator-sidebar')).toBe('half');
      expect(await page.getByTestId('indicator-legend').isVisible()).toBe(true);
      await expectMapPainted(page, 'indicator sheet half', name);
      let handleBox = (await indicatorHandle.boundingBox())!;
      await touchDrag(cdp, { x: handleBox.x + handleBox.width / 2, y: handleBox.y + handleBox.height / 2 }, -60);
      await expect.poll(() => sheetSize(page, 'indicator-sidebar')).toBe('full');
      await expectMapPainted(page, 'indicator sheet full', name);
      await indicatorHandle.tap();
      await expect.poll(() => sheetSize(page, 'indicator-sidebar')).toBe('peek');
      await waitForSheets(page);

      // Tap a territory: the territory sheet opens (half); drag up → full, down → half.
      const target = await page.evaluate(() => window.__clsAtlas!.map!.project([2.35, 46.6]));
      await page.touchscreen.tap(canvasBox.x + target.x, canvasBox.y + target.y);
      await page.waitForFunction(() => window.__clsAtlas!.state.selection?.level === 'epci');
      await page.getByTestId('territory-panel').waitFor();
      await expect.poll(() => sheetSize(page, 'territory-panel')).toBe('half');
      await expectMapPainted(page, 'territory sheet half', name);
      const selectionSeen = await page.evaluate(() => {
        const sel = window.__clsAtlas!.state.selection!;
        return window.__clsAtlas!.map!.queryRenderedFeatures({ layers: ['territories-epci-fill'] }).some((f) => f.id === sel.code);
      });
      expect(selectionSeen).toBe(true);
      const territoryHandle = page.getByTestId('sheet-handle-territory');
      handleBox = (await territoryHandle.boundingBox())!;
      await touchDrag(cdp, { x: handleBox.x + handleBox.width / 2, y: handleBox.y + handleBox.height / 2 }, -60);
      await expect.poll(() => sheetSize(page, 'territory-panel')).toBe('full');
      await expectMapPainted(page, 'territory sheet full', name);
      handleBox = (await territoryHandle.boundingBox())!;
      await touchDrag(cdp, { x: handleBox.x + handleBox.width / 2, y: handleBox.y + handleBox.height / 2 }, 60);
      await expect.poll(() => sheetSize(page, 'territory-panel')).toBe('half');
      expect((await smallControls(page, '.atlas-sheet__handle, .atlas-panel__head button')).small).toEqual([]);

      // The portrait, in the territory sheet.
      await page.getByTestId('portrait-toggle').tap();
      await page.getByTestId('portrait').waitFor();
      await expectMapPainted(page, 'portrait half', name);
      await closeAtlas(atlas);
    });
  });
}
