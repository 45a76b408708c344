// Keeps the map's camera padding equal to what the bottom sheets cover (on
// a phone the sheets lie over the map; on a laptop panels sit beside it and
// the padding stays 0), so framing a territory centres it in the part of
// the map that is seen. Resizes the map when the side columns change width.
import { useEffect } from 'react';
import type { Atlas } from '../app/atlas.ts';

/** Height of the map hidden by sheets lying over its bottom edge. */
export function coveredBottom(map: DOMRect, sheets: readonly DOMRect[]): number {
  let covered = 0;
  for (const r of sheets) {
    if (r.height === 0 || r.width === 0) continue;
    const overlapsX = r.left < map.right && r.right > map.left;
    if (!overlapsX || r.top >= map.bottom || r.bottom < map.bottom - 1) continue;
    covered = Math.max(covered, map.bottom - Math.max(r.top, map.top));
  }
  return Math.round(covered);
}

export function useMapPadding(atlas: Atlas): void {
  useEffect(() => {
    let frame = 0;
    const update = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const map = atlas.controller?.map;
        if (!map) return;
        const container = map.getContainer();
        const rect = container.getBoundingClientRect();
        if (rect.width !== map.getCanvas().clientWidth || rect.height !== map.getCanvas().clientHeight) map.resize();
        const sheets = [...document.querySelectorAll<HTMLElement>('[data-sheet]')].filter((el) => getComputedStyle(el).position === 'absolute').map((el) => el.getBoundingClientRect());
        const bottom = Math.min(coveredBottom(rect, sheets), rect.height * 0.7);
        const current = map.getPadding();
        if (current.bottom !== bottom) map.setPadding({ top: 0, left: 0, right: 0, bottom });
      });
    };
    const observer = new ResizeObserver(update);
    const mutations = new MutationObserver((records) => {
      if (!records.some((r) => r.type === 'attributes' || r.target === document.querySelector('.atlas-body'))) return;
      observer.disconnect();
      observe();
      update();
    });
    const observe = () => {
      const body = document.querySelector('.atlas-body');
      if (body) observer.observe(body);
      for (const el of document.querySelectorAll('[data-sheet], .atlas-map')) observer.observe(el);
    };
    observe();
    const body = document.querySelector('.atlas-body');
    if (body) mutations.observe(body, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-sheet'] });
    window.addEventListener('resize', update);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
      mutations.disconnect();
      window.removeEventListener('resize', update);
    };
  }, [atlas]);
}
