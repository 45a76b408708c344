// The map side of the indicator layer: one fill layer per level in the
// `choropleth` band, over the level's territory source (already on the map:
// geometry is never re-uploaded). Each territory's class and colour arrive as
// feature-state ({ cls, color }); a restyle writes only the territories whose
// colour changed, once each, and the layer's paint never changes.
import type { Level } from '../lib/levels.ts';
import type { LayerContext, MapLayerModule } from '../map/layer-module.ts';
import { choroplethLayer, choroplethLayerId, type TerritoryState } from './indicator-choropleth.ts';
import { featureTarget, setLandCovered, territoryLayerSource } from '../layers/territories.ts';
import { whileLoading } from '../data/pending-loads.ts';

const CLEARED: TerritoryState = { cls: null, color: null };

export class ChoroplethModule implements MapLayerModule {
  readonly id = 'indicator-choropleth';
  private ctx: LayerContext | null = null;
  private readonly added = new Set<Level>();
  /** The state written on each territory holding a colour, per level (to write only what changes). */
  private readonly painted = new Map<Level, Map<string, TerritoryState>>();
  private readonly waiters = new Set<() => void>();
  private shown: Level | null = null;
  private current: Level | null = null;

  install(ctx: LayerContext): void {
    this.ctx = ctx;
    this.current = ctx.level;
    if (ctx.map.getSource(ctx.territorySourceId(ctx.level))) this.ensureLayer(ctx.level);
    for (const w of this.waiters) w();
    this.waiters.clear();
  }

  onLevelChange(level: Level, ctx: LayerContext): void {
    this.ctx = ctx;
    this.current = level;
    this.ensureLayer(level);
    // Only the level shown keeps its layer laid out (a hidden level's source then loads no tiles).
    for (const l of this.added) this.setLayout(l, l === level ? 'visible' : 'none');
    for (const w of this.waiters) w();
    this.waiters.clear();
  }

  get map() {
    return this.ctx?.map ?? null;
  }

  /** Whether `level`'s source and choropleth layer exist (then `whenReady` has nothing to wait for). */
  isReady(level: Level): boolean {
    return this.added.has(level) && !!this.ctx?.map.getSource(this.ctx.territorySourceId(level));
  }

  /** Resolves when `level`'s source and choropleth layer exist. */
  async whenReady(level: Level): Promise<void> {
    while (!this.ctx) await new Promise<void>((resolve) => this.waiters.add(resolve));
    await this.ctx.whenLevelReady(level);
    this.ensureLayer(level);
  }

  private ensureLayer(level: Level): void {
    const ctx = this.ctx;
    if (!ctx || this.added.has(level)) return;
    const sourceId = ctx.territorySourceId(level);
    if (!ctx.map.getSource(sourceId)) return;
    ctx.addLayer('choropleth', { ...choroplethLayer(level, sourceId, level === this.current, this.shown === level), ...territoryLayerSource(level) });
    this.added.add(level);
    setLandCovered(ctx.map, level, this.shown === level);
  }

  private setLayout(level: Level, visibility: 'visible' | 'none'): void {
    const map = this.ctx?.map;
    const id = choroplethLayerId(level);
    if (map?.getLayer(id) && map.getLayoutProperty(id, 'visibility') !== visibility) map.setLayoutProperty(id, 'visibility', visibility);
  }

  /** Shows the choropleth of one level (or none) and hides the others (opacity: no new layout). */
  show(level: Level | null): void {
    this.shown = level;
    const map = this.ctx?.map;
    if (!map) return;
    for (const l of this.added) {
      const id = choroplethLayerId(l);
      const opacity = l === level ? 1 : 0;
      if (map.getLayer(id) && map.getPaintProperty(id, 'fill-opacity') !== opacity) map.setPaintProperty(id, 'fill-opacity', opacity);
      // The choropleth is opaque (no value = its own grey): the land below need not be drawn.
      setLandCovered(map, l, l === level);
    }
  }

  /**
   * Makes `states` the feature-state of the level's territories: writes each
   * territory whose colour differs from what it holds, and clears those that
   * held a colour and that `states` leaves without one. Returns how many
   * territories were written.
   */
  setStates(level: Level, states: ReadonlyMap<string, TerritoryState>): number {
    const ctx = this.ctx;
    if (!ctx || !this.added.has(level)) return 0;
    let painted = this.painted.get(level);
    if (!painted) this.painted.set(level, (painted = new Map()));
    const paintedBefore = painted.size;
    let stillListed = 0;
    let written = 0;
    // One target object for all the writes: MapLibre reads it and keeps only the id's string.
    const target: { source: string; sourceLayer?: string; id: string } = { ...featureTarget(level), id: '' };
    const write = (code: string, state: TerritoryState) => {
      target.id = code;
      ctx.map.setFeatureState(target, state);
      written++;
    };
    for (const [code, state] of states) {
      const old = painted.get(code);
      if (old) stillListed++;
      if (old ? old.color === state.color && old.cls === state.cls : state.color === null) continue;
      write(code, state);
      if (state.color === null) painted.delete(code);
      else painted.set(code, state);
    }
    // Territories painted before and not listed now (rare: each map lists all its level's territories).
    if (stillListed < paintedBefore) {
      for (const code of painted.keys()) {
        if (states.has(code)) continue;
        write(code, CLEARED);
        painted.delete(code);
      }
    }
    // Until the frame that draws them, the quiet map's deferred work waits (src/map/quiet.ts):
    // started in between, it would come before the answer.
    if (written > 0) void whileLoading(new Promise<void>((resolve) => ctx.map.once('render', () => resolve())));
    return written;
  }
}

/** The single instance listed in src/features.ts. */
export const choroplethModule = new ChoroplethModule();
