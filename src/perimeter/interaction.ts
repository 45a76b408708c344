// Map gestures while the builder is open. A click on a commune toggles it
// (shift-click adds the range from the previous click) instead of selecting
// the territory; with the lasso tool, a drag draws a freehand polygon and
// adds the communes inside on release (Alt removes them). Clicks are taken in
// the capture phase on the map container, before MapLibre sees them, so the
// spine's click-to-select stays untouched outside the builder.
import type { Map as MapLibreMap } from 'maplibre-gl';
import { territoryLayerIds } from '../layers/territories.ts';
import type { LngLat } from './perimeter.ts';
import type { PerimeterSession } from './session.ts';
import type { PerimeterLayerModule } from './layer.ts';

/** Pixels a pointer may move between down and up and still make a click. */
const CLICK_TOLERANCE = 4;
/** Minimum distance between two lasso vertices, in pixels. */
const LASSO_STEP = 4;

export function attachPerimeterInteraction(map: MapLibreMap, session: PerimeterSession, layer: PerimeterLayerModule): () => void {
  const container = map.getCanvasContainer();
  let down: { x: number; y: number } | null = null;
  let lasso: { points: LngLat[]; last: { x: number; y: number }; remove: boolean } | null = null;

  const local = (e: MouseEvent) => {
    const rect = container.getBoundingClientRect();
    return { x: e.clientX - rect.left, y: e.clientY - rect.top };
  };
  const active = () => session.getState().active;
  const lassoTool = () => active() && session.getState().tool === 'lasso';

  const onPointerDown = (e: PointerEvent) => {
    down = local(e);
    if (!lassoTool() || e.button !== 0) return;
    const p = local(e);
    const ll = map.unproject([p.x, p.y]);
    lasso = { points: [[ll.lng, ll.lat]], last: p, remove: e.altKey };
    container.setPointerCapture?.(e.pointerId);
    e.preventDefault();
  };
  const onPointerMove = (e: PointerEvent) => {
    if (!lasso) return;
    const p = local(e);
    if (Math.hypot(p.x - lasso.last.x, p.y - lasso.last.y) < LASSO_STEP) return;
    const ll = map.unproject([p.x, p.y]);
    lasso.points.push([ll.lng, ll.lat]);
    lasso.last = p;
    layer.setLasso(lasso.points);
  };
  const onPointerUp = (e: PointerEvent) => {
    if (!lasso) return;
    const { points, remove } = lasso;
    lasso = null;
    layer.setLasso([]);
    container.releasePointerCapture?.(e.pointerId);
    if (points.length >= 3) {
      session.dispatch({ type: 'lasso', ring: points, remove: remove || e.altKey });
      // The click that follows the drag must not toggle a commune.
      down = null;
    }
  };
  const onClick = (e: MouseEvent) => {
    if (!active()) return;
    const p = local(e);
    e.stopPropagation();
    if (!down || Math.hypot(p.x - down.x, p.y - down.y) > CLICK_TOLERANCE) return;
    const fill = territoryLayerIds('commune').fill;
    if (!map.getLayer(fill)) return;
    const [feature] = map.queryRenderedFeatures([p.x, p.y], { layers: [fill] });
    const code = feature?.id ?? feature?.properties?.code;
    if (code === undefined || code === null) return;
    session.dispatch({ type: 'click', code: String(code), shift: e.shiftKey });
  };

  // The lasso needs the drag for itself: no panning, no box zoom while it is on.
  const syncGestures = () => {
    if (lassoTool()) map.dragPan.disable();
    else map.dragPan.enable();
    if (active()) map.boxZoom.disable();
    else map.boxZoom.enable();
    map.getCanvas().style.cursor = lassoTool() ? 'crosshair' : '';
  };
  const unsubscribe = session.store.subscribe((s, prev) => {
    if (s.active !== prev.active || s.tool !== prev.tool) syncGestures();
  });
  syncGestures();

  container.addEventListener('pointerdown', onPointerDown, true);
  container.addEventListener('pointermove', onPointerMove, true);
  container.addEventListener('pointerup', onPointerUp, true);
  container.addEventListener('click', onClick, true);
  return () => {
    unsubscribe();
    container.removeEventListener('pointerdown', onPointerDown, true);
    container.removeEventListener('pointermove', onPointerMove, true);
    container.removeEventListener('pointerup', onPointerUp, true);
    container.removeEventListener('click', onClick, true);
  };
}

/** Ctrl+Z / Ctrl+Shift+Z (and Ctrl+Y) while the builder is open, outside text fields. */
export function attachUndoShortcuts(session: PerimeterSession): () => void {
  const onKey = (e: KeyboardEvent) => {
    if (!session.getState().active || !(e.ctrlKey || e.metaKey)) return;
    const target = e.target as HTMLElement | null;
    if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.isContentEditable)) return;
    const key = e.key.toLowerCase();
    if (key === 'z' && !e.shiftKey) session.undo();
    else if ((key === 'z' && e.shiftKey) || key === 'y') session.redo();
    else return;
    e.preventDefault();
  };
  document.addEventListener('keydown', onKey);
  return () => document.removeEventListener('keydown', onKey);
}
