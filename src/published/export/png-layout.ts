// Where each part of an exported map image goes: title band on top, the map,
// the legend in a box over the map's lower-left corner, the credits band
// (sources, date, the atlas's address) at the bottom. Pure: sizes in
// pixels of the output image, from the output size and a scale for text.

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export interface PngLayout {
  readonly width: number;
  readonly height: number;
  /** 1 = screen text sizes; print sizes scale every font and margin. */
  readonly scale: number;
  readonly title: Rect;
  readonly map: Rect;
  readonly legend: Rect;
  readonly footer: Rect;
  /** One row of the legend (swatch + label), in pixels. */
  readonly legendRow: number;
}

export const PRINT_SIZE = { width: 3508, height: 2480 } as const; // A4 landscape at 300 dpi

export function pngLayout(width: number, height: number, scale: number, legendRows: number, footerLines: number): PngLayout {
  const pad = Math.round(12 * scale);
  const titleH = Math.round(40 * scale);
  const line = Math.round(16 * scale);
  const footerH = pad * 2 + line * footerLines;
  const map: Rect = { x: 0, y: titleH, w: width, h: Math.max(1, height - titleH - footerH) };
  const legendRow = Math.round(20 * scale);
  const legendW = Math.min(Math.round(280 * scale), Math.round(width * 0.6));
  // caption (2 lines) + rows + padding
  const legendH = Math.min(map.h - 2 * pad, pad * 2 + line * 2 + legendRow * legendRows);
  return {
    width,
    height,
    scale,
    title: { x: 0, y: 0, w: width, h: titleH },
    map,
    legend: { x: pad, y: map.y + map.h - pad - legendH, w: legendW, h: legendH },
    footer: { x: 0, y: map.y + map.h, w: width, h: footerH },
    legendRow,
  };
}

/** Cover-fit of a source image into a target rect: the source rect to draw. */
export function coverCrop(srcW: number, srcH: number, target: Pick<Rect, 'w' | 'h'>): Rect {
  const scale = Math.max(target.w / srcW, target.h / srcH);
  const w = target.w / scale;
  const h = target.h / scale;
  return { x: (srcW - w) / 2, y: (srcH - h) / 2, w, h };
}

/** Size of one DROM inset (map + name) at scale 1, in pixels. */
export const INSET_BOX = { w: 100, map: 60, name: 16, gap: 6 } as const;

/**
 * Boxes of the DROM insets over the map's right edge: a column from the top
 * where it fits in the map's height, else a row along the top, right-aligned.
 */
export function insetBoxes(map: Rect, scale: number, count: number): Rect[] {
  const pad = Math.round(12 * scale);
  const w = Math.round(INSET_BOX.w * scale);
  const h = Math.round(INSET_BOX.map * scale) + Math.round(INSET_BOX.name * scale);
  const gap = Math.round(INSET_BOX.gap * scale);
  const column = count * h + (count - 1) * gap + 2 * pad <= map.h;
  return Array.from({ length: count }, (_, i) =>
    column
      ? { x: map.x + map.w - pad - w, y: map.y + pad + i * (h + gap), w, h }
      : { x: map.x + map.w - pad - w - (count - 1 - i) * (w + gap), y: map.y + pad, w, h },
  );
}
