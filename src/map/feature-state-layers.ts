// The machinery shared by the map layers that paint one level's territories
// from feature-state (the finder's veil, the bivariate fill): layers added per
// level once its source exists, one payload waiting for the map or the level,
// the level shown visible and the others hidden, and what was painted kept so
// that the next write can clear it.
import type { LayerSpecification, Map as MapLibreMap } from 'maplibre-gl';
import type { Level } from '../lib/levels.ts';
import type { Band } from './bands.ts';
import type { LayerContext, MapLayerModule } from './layer-module.ts';

export abstract class FeatureStateLayers<Payload> implements MapLayerModule {
  abstract readonly id: string;
  protected ctx: LayerContext | null = null;
  private readonly added = new Set<Level>();
  /** Codes holding a state, per level. */
  protected readonly painted = new Map<Level, Set<string>>();
  private pending: { level: Level; payload: Payload } | null = null;
  private shown: Level | null = null;

  /** The layers of a level, each with its band. */
  protected abstract layers(level: Level, visible: boolean): readonly { band: Band; layer: LayerSpecification }[];

  /** Writes a payload's states on a level's territories; returns the codes now holding one. */
  protected abstract write(map: MapLibreMap, level: Level, payload: Payload, before: ReadonlySet<string>): Set<string>;

  install(ctx: LayerContext): void {
    this.ctx = ctx;
    this.flush();
  }

  onLevelChange(level: Level, ctx: LayerContext): void {
    this.ctx = ctx;
    this.ensure(level);
    this.applyVisibility();
    this.flush();
  }

  /** Paints `payload` on a level once its source exists, and shows that level's layers only. */
  protected paint(level: Level, payload: Payload): void {
    this.pending = { level, payload };
    this.shown = level;
    this.flush();
  }

  /** Hides every level's layers (the states stay until the next write). */
  protected hideLayers(): void {
    this.pending = null;
    this.shown = null;
    this.applyVisibility();
  }

  private ensure(level: Level): boolean {
    const ctx = this.ctx;
    if (!ctx) return false;
    if (this.added.has(level)) return true;
    if (!ctx.map.getSource(ctx.territorySourceId(level))) return false;
    for (const { band, layer } of this.layers(level, this.shown === level)) ctx.addLayer(band, layer);
    this.added.add(level);
    return true;
  }

  private flush(): void {
    const ctx = this.ctx;
    const p = this.pending;
    if (!ctx || !p) return;
    if (!this.ensure(p.level)) {
      void ctx.whenLevelReady(p.level).then(() => this.flush(), () => undefined);
      return;
    }
    this.pending = null;
    this.painted.set(p.level, this.write(ctx.map, p.level, p.payload, this.painted.get(p.level) ?? new Set()));
    this.applyVisibility();
  }

  private applyVisibility(): void {
    const map = this.ctx?.map;
    if (!map) return;
    for (const level of this.added) {
      const visibility = level === this.shown ? 'visible' : 'none';
      for (const { layer } of this.layers(level, false)) {
        if (map.getLayer(layer.id) && map.getLayoutProperty(layer.id, 'visibility') !== visibility) map.setLayoutProperty(layer.id, 'visibility', visibility);
      }
    }
  }
}
