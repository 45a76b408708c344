// The map side of the indicator layer: one fill layer per level in the
// `choropleth` band, over the level's territory source (already on the map:
// geometry is never re-uploaded). Values arrive as feature-state
// ({ value, cls }) and colours as a small expression on `cls`.
import type { Level } from '../lib/levels.ts';
import type { LayerContext, MapLayerModule } from '../map/layer-module.ts';
import {
  choroplethFillColor,
  choroplethLayer,
  choroplethLayerId,
  type TerritoryState,
} from './indicator-choropleth.ts';
import type { Classification } from '../lib/classify.ts';
import { featureTarget, territoryLayerSource } from '../layers/territories.ts';

type Paint = Pick<Classification, 'colors' | 'noDataColor'>;

export class ChoroplethModule implements MapLayerModule {
  readonly id = 'indicator-choropleth';
  private ctx: LayerContext | null = null;
  private readonly added = new Set<Level>();
  /** Codes holding a non-null feature-state per level (to clear them on change). */
  private readonly painted = new Map<Level, Set<string>>();
  private readonly waiters = new Set<() => void>();
  private shown: Level | null = null;

  install(ctx: LayerContext): void {
    this.ctx = ctx;
    if (ctx.map.getSource(ctx.territorySourceId(ctx.level))) this.ensureLayer(ctx.level);
    for (const w of this.waiters) w();
    this.waiters.clear();
  }

  onLevelChange(level: Level, ctx: LayerContext): void {
    this.ctx = ctx;
    this.ensureLayer(level);
    for (const w of this.waiters) w();
    this.waiters.clear();
  }

  get map() {
    return this.ctx?.map ?? null;
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
    ctx.addLayer('choropleth', { ...choroplethLayer(level, sourceId, null, this.shown === level), ...territoryLayerSource(level) });
    this.added.add(level);
  }

  /** Shows the choropleth of one level (or none) and hides the others. */
  show(level: Level | null): void {
    this.shown = level;
    const map = this.ctx?.map;
    if (!map) return;
    for (const l of this.added) {
      const id = choroplethLayerId(l);
      const visibility = l === level ? 'visible' : 'none';
      if (map.getLayer(id) && map.getLayoutProperty(id, 'visibility') !== visibility) map.setLayoutProperty(id, 'visibility', visibility);
    }
  }

  setPaint(level: Level, paint: Paint): void {
    const map = this.ctx?.map;
    if (!map || !this.added.has(level)) return;
    map.setPaintProperty(choroplethLayerId(level), 'fill-color', choroplethFillColor(paint));
  }

  /**
   * Writes { value, cls } on every territory in `states`, and null on those
   * painted before that `states` does not list.
   */
  setStates(level: Level, states: ReadonlyMap<string, TerritoryState>): void {
    const ctx = this.ctx;
    if (!ctx || !this.added.has(level)) return;
    const before = this.painted.get(level) ?? new Set<string>();
    const now = new Set<string>();
    for (const [code, state] of states) {
      if (state.value === null && !before.has(code)) continue;
      ctx.map.setFeatureState(featureTarget(level, code), state);
      if (state.value !== null) now.add(code);
    }
    for (const code of before) if (!states.has(code)) ctx.map.setFeatureState(featureTarget(level, code), { value: null, cls: null });
    this.painted.set(level, now);
  }
}

/** The single instance listed in src/layers/registry.ts. */
export const choroplethModule = new ChoroplethModule();
