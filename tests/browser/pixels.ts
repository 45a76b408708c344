// Pixel checks on PNG screenshots, decoded in the page itself (no image
// library needed in node): pixels off a background colour, pixels that
// differ between two screenshots.
import type { Page } from 'playwright-core';

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
  return page.evaluate(
    async ({ base64, bg, tol }) => {
      const img = new Image();
      img.src = `data:image/png;base64,${base64}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const data = ctx.getImageData(0, 0, img.width, img.height).data;
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
  return page.evaluate(
    async ({ a64, b64, tol }) => {
      const decode = async (base64: string) => {
        const img = new Image();
        img.src = `data:image/png;base64,${base64}`;
        await img.decode();
        const canvas = document.createElement('canvas');
        canvas.width = img.width;
        canvas.height = img.height;
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(img, 0, 0);
        return ctx.getImageData(0, 0, img.width, img.height).data;
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
  const result = await page.evaluate(
    async ({ base64, boxes }) => {
      const img = new Image();
      img.src = `data:image/png;base64,${base64}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const colours = boxes.map(([x, y, w, h]) => {
        const data = ctx.getImageData(x!, y!, w!, h!).data;
        const seen = new Set<string>();
        for (let i = 0; i < data.length; i += 4) seen.add(`#${[data[i]!, data[i + 1]!, data[i + 2]!].map((v) => v.toString(16).padStart(2, '0')).join('')}`);
        return [...seen];
      });
      return { width: img.width, height: img.height, colours };
    },
    { base64: png.toString('base64'), boxes },
  );
  return { ...result, colours: result.colours.map((c) => new Set(c)) };
}
