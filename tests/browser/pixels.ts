// Pixel checks on PNG screenshots, decoded in the page itself (no image
// library needed in node): pixels off a background colour, pixels that
// differ between two screenshots.
import type { Page } from 'playwright-core';

declare global {
  interface Window {
    /** A PNG (base64) drawn on a 2D canvas of its size: defined in the page by `withDecoder`. */
    __decodePng?: (base64: string) => Promise<CanvasRenderingContext2D>;
  }
}

/** Defines `window.__decodePng` in the page (once), for the helpers below that read pixels there. */
async function withDecoder(page: Page): Promise<Page> {
  await page.evaluate(() => {
    window.__decodePng ??= async (base64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${base64}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      return ctx;
    };
  });
  return page;
}

export interface PixelCount {
  readonly total: number;
  /** Pixels farther than `tolerance` (per channel) from the background colour. */
  readonly nonBackground: number;
  /** Number of distinct colours (coarsely quantised). */
  readonly colours: number;
}

export async function countNonBackgroundPixels(
  page: Page,
  png: Buffer,
  background: readonly [number, number, number],
  tolerance = 6,
): Promise<PixelCount> {
  return (await withDecoder(page)).evaluate(
    async ({ base64, bg, tol }) => {
      const ctx = await window.__decodePng!(base64);
      const data = ctx.getImageData(0, 0, ctx.canvas.width, ctx.canvas.height).data;
      let nonBackground = 0;
      const colours = new Set<number>();
      for (let i = 0; i < data.length; i += 4) {
        const r = data[i]!;
        const g = data[i + 1]!;
        const b = data[i + 2]!;
        if (Math.abs(r - bg[0]) > tol || Math.abs(g - bg[1]) > tol || Math.abs(b - bg[2]) > tol) nonBackground++;
        colours.add(((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4));
      }
      return { total: data.length / 4, nonBackground, colours: colours.size };
    },
    { base64: png.toString('base64'), bg: background, tol: tolerance },
  );
}

/**
 * Pixels that differ (any channel by more than `tolerance`) between two PNGs;
 * when the sizes differ, every pixel of the larger one counts as differing.
 */
export async function differingPixels(page: Page, a: Buffer, b: Buffer, tolerance = 12): Promise<{ differing: number; total: number }> {
  return (await withDecoder(page)).evaluate(
    async ({ a64, b64, tol }) => {
      const decode = async (base64: string) => {
        const ctx = await window.__decodePng!(base64);
        return ctx.getImageData(0, 0, ctx.canvas.width, ctx.canvas.height).data;
      };
      const [x, y] = await Promise.all([decode(a64), decode(b64)]);
      const total = Math.max(x.length, y.length) / 4;
      if (x.length !== y.length) return { differing: total, total };
      let differing = 0;
      for (let i = 0; i < x.length; i += 4) {
        if (Math.abs(x[i]! - y[i]!) > tol || Math.abs(x[i + 1]! - y[i + 1]!) > tol || Math.abs(x[i + 2]! - y[i + 2]!) > tol) differing++;
      }
      return { differing, total };
    },
    { a64: a.toString('base64'), b64: b.toString('base64'), tol: tolerance },
  );
}

/** Share of pixels (0–1) that differ between two PNGs (see differingPixels). */
export async function pixelDifference(page: Page, a: Buffer, b: Buffer, tolerance = 12): Promise<number> {
  const { differing, total } = await differingPixels(page, a, b, tolerance);
  return total === 0 ? 0 : differing / total;
}

/** The distinct colours (`#rrggbb`) inside each box `[x, y, width, height]` (image pixels) of a PNG. */
export async function pngColoursIn(page: Page, png: Buffer, boxes: readonly (readonly number[])[]): Promise<{ width: number; height: number; colours: Set<string>[] }> {
  const result = await (await withDecoder(page)).evaluate(
    async ({ base64, boxes }) => {
      const ctx = await window.__decodePng!(base64);
      const colours = boxes.map(([x, y, w, h]) => {
        const data = ctx.getImageData(x!, y!, w!, h!).data;
        const seen = new Set<string>();
        for (let i = 0; i < data.length; i += 4) seen.add(`#${[data[i]!, data[i + 1]!, data[i + 2]!].map((v) => v.toString(16).padStart(2, '0')).join('')}`);
        return [...seen];
      });
      return { width: ctx.canvas.width, height: ctx.canvas.height, colours };
    },
    { base64: png.toString('base64'), boxes },
  );
  return { ...result, colours: result.colours.map((c) => new Set(c)) };
}

/** Of points given in CSS pixels, how many show pure white (nothing painted) and how many coarse colours they show. */
export async function whiteAt(page: Page, png: Buffer, points: readonly (readonly [number, number])[]): Promise<{ white: number; colours: number }> {
  return (await withDecoder(page)).evaluate(
    async ({ base64, points }) => {
      const ctx = await window.__decodePng!(base64);
      const scale = ctx.canvas.width / innerWidth;
      let white = 0;
      const colours = new Set<string>();
      for (const [x, y] of points) {
        const [r, g, b] = ctx.getImageData(Math.floor(x * scale), Math.floor(y * scale), 1, 1).data;
        if (r! >= 253 && g! >= 253 && b! >= 253) white++;
        colours.add(`${r! >> 4},${g! >> 4},${b! >> 4}`);
      }
      return { white, colours: colours.size };
    },
    { base64: png.toString('base64'), points },
  );
}
