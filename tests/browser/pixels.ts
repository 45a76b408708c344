// Counts pixels of a PNG that differ from a background colour, decoding the
// PNG in the page itself (no image library needed in node).
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
