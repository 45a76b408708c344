// Keyboard selection on the map: Entrée selects the territory at the
// centre of the map; Alt + an arrow moves the selection to the nearest
// territory in that direction (plain arrows keep panning the map).
import { markMapKeyboardMove } from '../app/map-keyboard-intent.ts';
import { useEffect } from 'react';
import type { Atlas } from '../app/atlas.ts';
import { getLoadedIndex } from '../data/territory-index.ts';
import type { TerritoryRecord } from '../data/types.ts';
import { territoryLayerIds } from '../layers/territories.ts';

export type Direction = 'up' | 'down' | 'left' | 'right';

export interface Candidate {
  readonly code: string;
  /** [lng, lat] */
  readonly point: readonly [number, number];
}

const VECTORS: Record<Direction, [number, number]> = { up: [0, 1], down: [0, -1], left: [-1, 0], right: [1, 0] };

/**
 * The candidate nearest to `from` within 60° of `direction`, distances on
 * a local equirectangular plane; a candidate straight ahead beats a closer
 * one off to the side. Null when there is none.
 */
export function neighbourInDirection(from: readonly [number, number], candidates: readonly Candidate[], direction: Direction, exclude?: string): Candidate | null {
  const [dx0, dy0] = VECTORS[direction];
  const k = Math.cos((from[1] * Math.PI) / 180);
  let best: Candidate | null = null;
  let bestScore = Infinity;
  for (const c of candidates) {
    if (c.code === exclude) continue;
    const dx = (c.point[0] - from[0]) * k;
    const dy = c.point[1] - from[1];
    const d = Math.hypot(dx, dy);
    if (d === 0) continue;
    const cos = (dx * dx0 + dy * dy0) / d;
    if (cos < 0.5) continue;
    const score = d * (2 - cos);
    if (score < bestScore) {
      bestScore = score;
      best = c;
    }
  }
  return best;
}

export const centreOf = (r: Pick<TerritoryRecord, 'bbox'>): [number, number] => [(r.bbox[0] + r.bbox[2]) / 2, (r.bbox[1] + r.bbox[3]) / 2];

const KEYS: Record<string, Direction> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };


export function useMapKeyboard(atlas: Atlas): void {
  useEffect(() => {
    let container: HTMLElement | null = null;
    let timer = 0;
    const onKey = (e: KeyboardEvent) => {
      const controller = atlas.controller;
      if (!controller || e.target !== controller.map.getCanvas()) return;
      const { level, selection } = atlas.store.getState();
      if (e.key === 'Enter' && !e.altKey) {
        const map = controller.map;
        const canvas = map.getCanvas();
        const [feature] = map.queryRenderedFeatures([canvas.clientWidth / 2, canvas.clientHeight / 2], { layers: [territoryLayerIds(level).fill] });
        const code = feature?.id ?? feature?.properties?.code;
        if (code !== undefined && code !== null) {
          e.preventDefault();
          atlas.selectTerritory({ level, code: String(code) }, { fly: false });
        }
        return;
      }
      const direction = KEYS[e.key];
      if (!direction || !e.altKey) return;
      e.preventDefault();
      e.stopPropagation();
      const index = getLoadedIndex(level);
      if (!index) return;
      const current = selection?.level === level ? index.get(selection.code) : undefined;
      const from: [number, number] = current ? centreOf(current) : (() => {
        const c = controller.map.getCenter();
        return [c.lng, c.lat];
      })();
      const zone = current ? zoneOf(current) : null;
      const candidates: Candidate[] = [];
      for (const r of index.values()) if (!zone || zoneOf(r) === zone) candidates.push({ code: r.code, point: centreOf(r) });
      const next = neighbourInDirection(from, candidates, direction, current?.code);
      if (next) {
        markMapKeyboardMove();
        atlas.selectTerritory({ level, code: next.code }, { fly: false });
      }
    };
    // the map's canvas exists once the controller does
    const attach = () => {
      container = atlas.controller?.map.getCanvasContainer() ?? null;
      if (!container) {
        timer = window.setTimeout(attach, 100);
        return;
      }
      container.addEventListener('keydown', onKey, true);
    };
    attach();
    return () => {
      clearTimeout(timer);
      container?.removeEventListener('keydown', onKey, true);
    };
  }, [atlas]);
}

function zoneOf(r: TerritoryRecord): string {
  return (r as TerritoryRecord & { zone?: string }).zone ?? 'metro';
}
