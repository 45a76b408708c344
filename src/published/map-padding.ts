// Tells the map controller how much of it the bottom sheets cover (on
// a phone the sheets lie over the map; on a laptop panels sit beside it and
// it stays 0), so framing a territory centres it in the part of
// the map that is seen. Resizes the map when the side columns change width.
import { useEffect } from 'react';
import type { Atlas } from '../app/atlas.ts';
import { uiStore } from '../components/ui-state.ts';

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
        atlas.controller?.setOccludedBottom(bottom);
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

/**
 * After a territory is selected, or a panel / sheet changes size, pans the
 * map so the selection's centre is in the part of the map that is seen.
 */
export function useKeepSelectionInView(atlas: Atlas): void {
  useEffect(() => {
    let frame = 0;
    const check = () => {
      cancelAnimationFrame(frame);
      // two frames: the panel has laid out and the map has resized
      frame = requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          const record = atlas.territory(atlas.store.getState().selection);
          const controller = atlas.controller;
          if (!record || !controller || controller.map.isMoving()) return;
          controller.keepInView(record.bbox);
        }),
      );
    };
    const offStore = atlas.store.subscribe((state, previous) => {
      if (state.selection !== previous.selection || state.portrait !== previous.portrait || state.indexVersion !== previous.indexVersion) check();
    });
    const offUi = uiStore.subscribe((state, previous) => {
      if (state.sheets !== previous.sheets || state.sidebarFolded !== previous.sidebarFolded || state.tableOpen !== previous.tableOpen) check();
    });
    return () => {
      cancelAnimationFrame(frame);
      offStore();
      offUi();
    };
  }, [atlas]);
}
