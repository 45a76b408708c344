// Composes the exported map image on a 2D canvas: the WebGL map (read while
// its frame is still in the drawing buffer, as for the portrait snapshot),
// the title, the legend of the very classification the map uses, the
// credits, the date and the atlas's address. The printable size re-renders
// the map at a higher pixel ratio, then restores it.
import type { Map as MapLibreMap } from 'maplibre-gl';
import { coverCrop, INSET_BOX, insetBoxes, pngLayout, PRINT_SIZE, type PngLayout, type Rect } from './png-layout.ts';
import { INSET_FRAME } from '../inset-model.ts';

export interface LegendInput {
  readonly caption: string;
  readonly rows: readonly { readonly color: string; readonly label: string; readonly hatched?: boolean }[];
}

/** A DROM inset: its name and its territories' SVG paths (in INSET_FRAME units) with their fills. */
export interface InsetInput {
  readonly name: string;
  readonly shapes: readonly { readonly d: string; readonly fill: string }[];
}

export interface PngContent {
  readonly title: string;
  readonly legend: LegendInput | null;
  /** The DROM insets as on screen (none when their shapes are not loaded). */
  readonly insets?: readonly InsetInput[];
  /** Credit lines (sources), then the date and the address lines. */
  readonly footer: readonly string[];
}

export interface PngResult {
  readonly blob: Blob;
  readonly layout: PngLayout;
  /** Where each inset was drawn, in `content.insets` order. */
  readonly insets: readonly Rect[];
}

const FONT = 'Marianne, arial, sans-serif';

/** The map's current frame as a canvas copy (drawn inside a render event). */
function grabFrame(map: MapLibreMap, timeoutMs = 5000): Promise<HTMLCanvasElement> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('map frame timeout')), timeoutMs);
    map.once('render', () => {
      clearTimeout(timer);
      const source = map.getCanvas();
      const copy = document.createElement('canvas');
      copy.width = source.width;
      copy.height = source.height;
      copy.getContext('2d')!.drawImage(source, 0, 0);
      resolve(copy);
    });
    map.triggerRepaint();
  });
}

const idle = (map: MapLibreMap) => new Promise<void>((resolve) => {
  map.once('idle', () => resolve());
  map.triggerRepaint();
});

/** The map rendered at `ratio` device pixels per CSS pixel (clamped by MapLibre's canvas limit). */
async function frameAt(map: MapLibreMap, ratio: number): Promise<HTMLCanvasElement> {
  const before = map.getPixelRatio();
  if (Math.abs(ratio - before) < 0.01) return grabFrame(map);
  map.setPixelRatio(ratio);
  try {
    await idle(map);
    return await grabFrame(map);
  } finally {
    map.setPixelRatio(before);
  }
}

function fitText(ctx: CanvasRenderingContext2D, text: string, maxWidth: number): string {
  if (ctx.measureText(text).width <= maxWidth) return text;
  let cut = text;
  while (cut.length > 1 && ctx.measureText(`${cut}…`).width > maxWidth) cut = cut.slice(0, -1);
  return `${cut}…`;
}

function wrap(ctx: CanvasRenderingContext2D, text: string, maxWidth: number, maxLines: number): string[] {
  const words = text.split(' ');
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    const next = current ? `${current} ${word}` : word;
    if (ctx.measureText(next).width <= maxWidth || !current) current = next;
    else {
      lines.push(current);
      current = word;
    }
  }
  if (current) lines.push(current);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = fitText(ctx, `${kept[maxLines - 1]} ${lines.slice(maxLines).join(' ')}`, maxWidth);
    return kept;
  }
  return lines;
}

function drawLegend(ctx: CanvasRenderingContext2D, legend: LegendInput, layout: PngLayout): void {
  const { legend: box, scale, legendRow } = layout;
  const pad = Math.round(12 * scale);
  ctx.fillStyle = 'rgba(255, 255, 255, 0.95)';
  ctx.fillRect(box.x, box.y, box.w, box.h);
  ctx.strokeStyle = '#666666';
  ctx.lineWidth = Math.max(1, scale);
  ctx.strokeRect(box.x + 0.5, box.y + 0.5, box.w - 1, box.h - 1);
  ctx.fillStyle = '#161616';
  ctx.textBaseline = 'top';
  ctx.font = `700 ${Math.round(12 * scale)}px ${FONT}`;
  const line = Math.round(16 * scale);
  wrap(ctx, legend.caption, box.w - 2 * pad, 2).forEach((text, i) => ctx.fillText(text, box.x + pad, box.y + pad + i * line));
  ctx.font = `400 ${Math.round(12 * scale)}px ${FONT}`;
  const swatchW = Math.round(24 * scale);
  const swatchH = Math.round(14 * scale);
  legend.rows.forEach((row, i) => {
    const y = box.y + pad + 2 * line + i * legendRow;
    ctx.fillStyle = row.color;
    ctx.fillRect(box.x + pad, y, swatchW, swatchH);
    if (row.hatched) {
      ctx.save();
      ctx.beginPath();
      ctx.rect(box.x + pad, y, swatchW, swatchH);
      ctx.clip();
      ctx.strokeStyle = 'rgba(0, 0, 0, 0.35)';
      const step = Math.max(3, Math.round(4 * scale));
      for (let x = -swatchH; x < swatchW; x += step) {
        ctx.beginPath();
        ctx.moveTo(box.x + pad + x, y + swatchH);
        ctx.lineTo(box.x + pad + x + swatchH, y);
        ctx.stroke();
      }
      ctx.restore();
    }
    ctx.strokeStyle = '#666666';
    ctx.strokeRect(box.x + pad + 0.5, y + 0.5, swatchW - 1, swatchH - 1);
    ctx.fillStyle = '#161616';
    ctx.fillText(fitText(ctx, row.label, box.w - 3 * pad - swatchW), box.x + 2 * pad + swatchW, y);
  });
}

function drawInsets(ctx: CanvasRenderingContext2D, insets: readonly InsetInput[], boxes: readonly Rect[], scale: number): void {
  const mapH = Math.round(INSET_BOX.map * scale);
  insets.forEach((inset, i) => {
    const box = boxes[i]!;
    ctx.fillStyle = 'rgba(255, 255, 255, 0.95)';
    ctx.fillRect(box.x, box.y, box.w, box.h);
    ctx.fillStyle = '#e6edf3';
    ctx.fillRect(box.x, box.y, box.w, mapH);
    ctx.save();
    ctx.translate(box.x, box.y);
    const k = Math.min(box.w / INSET_FRAME.width, mapH / INSET_FRAME.height);
    ctx.translate((box.w - INSET_FRAME.width * k) / 2, (mapH - INSET_FRAME.height * k) / 2);
    ctx.scale(k, k);
    ctx.lineWidth = 0.5 / k;
    ctx.lineJoin = 'round';
    ctx.strokeStyle = 'rgba(30, 30, 30, 0.45)';
    for (const shape of inset.shapes) {
      const path = new Path2D(shape.d);
      ctx.fillStyle = shape.fill;
      ctx.fill(path, 'evenodd');
      ctx.stroke(path);
    }
    ctx.restore();
    ctx.strokeStyle = '#666666';
    ctx.lineWidth = Math.max(1, scale);
    ctx.strokeRect(box.x + 0.5, box.y + 0.5, box.w - 1, box.h - 1);
    ctx.fillStyle = '#000091';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.font = `400 ${Math.round(11 * scale)}px ${FONT}`;
    ctx.fillText(fitText(ctx, inset.name, box.w - 4 * scale), box.x + box.w / 2, box.y + mapH + (box.h - mapH) / 2);
    ctx.textAlign = 'start';
  });
}

/** Renders the export; `size` 'screen' = the map's size on screen (device pixels), 'print' = A4 landscape at 300 dpi. */
export async function exportMapPng(map: MapLibreMap, content: PngContent, size: 'screen' | 'print'): Promise<PngResult> {
  const canvas = map.getCanvas();
  const cssW = canvas.clientWidth;
  const cssH = canvas.clientHeight;
  const dpr = map.getPixelRatio();
  const legendRows = content.legend?.rows.length ?? 0;
  let layout: PngLayout;
  let frame: HTMLCanvasElement;
  if (size === 'screen') {
    const probe = pngLayout(Math.round(cssW * dpr), 0, dpr, legendRows, content.footer.length);
    const width = Math.round(cssW * dpr);
    layout = pngLayout(width, Math.round(cssH * dpr) + probe.title.h + probe.footer.h, dpr, legendRows, content.footer.length);
    frame = await grabFrame(map);
  } else {
    const scale = PRINT_SIZE.width / 1400;
    layout = pngLayout(PRINT_SIZE.width, PRINT_SIZE.height, scale, legendRows, content.footer.length);
    // enough device pixels to cover the map area, within MapLibre's 4096 px canvas limit
    const wanted = Math.max(layout.map.w / cssW, layout.map.h / cssH);
    const ratio = Math.min(wanted, 4096 / cssW, 4096 / cssH);
    frame = await frameAt(map, ratio);
  }
  const out = document.createElement('canvas');
  out.width = layout.width;
  out.height = layout.height;
  const ctx = out.getContext('2d')!;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, out.width, out.height);
  const crop = coverCrop(frame.width, frame.height, layout.map);
  ctx.drawImage(frame, crop.x, crop.y, crop.w, crop.h, layout.map.x, layout.map.y, layout.map.w, layout.map.h);
  const pad = Math.round(12 * layout.scale);
  ctx.textBaseline = 'middle';
  ctx.fillStyle = '#161616';
  ctx.font = `700 ${Math.round(18 * layout.scale)}px ${FONT}`;
  ctx.fillText(fitText(ctx, content.title, layout.width - 2 * pad), pad, layout.title.h / 2);
  ctx.fillStyle = '#000091';
  ctx.fillRect(0, layout.title.h - Math.max(1, Math.round(2 * layout.scale)), layout.width, Math.max(1, Math.round(2 * layout.scale)));
  if (content.legend) drawLegend(ctx, content.legend, layout);
  const insets = content.insets ?? [];
  const boxes = insetBoxes(layout.map, layout.scale, insets.length);
  drawInsets(ctx, insets, boxes, layout.scale);
  ctx.textBaseline = 'top';
  ctx.fillStyle = '#3a3a3a';
  ctx.font = `400 ${Math.round(11 * layout.scale)}px ${FONT}`;
  const line = Math.round(16 * layout.scale);
  content.footer.forEach((text, i) => ctx.fillText(fitText(ctx, text, layout.width - 2 * pad), pad, layout.footer.y + pad + i * line));
  const blob = await new Promise<Blob>((resolve, reject) => out.toBlob((b) => (b ? resolve(b) : reject(new Error('toBlob failed'))), 'image/png'));
  return { blob, layout, insets: boxes };
}
