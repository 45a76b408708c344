// The bivariate map: one fill layer per level in the choropleth band (above
// the single-indicator choropleth, which it hides while shown), coloured by
// the `bi` feature-state (cell 0–8, null = a value missing).
import type { ExpressionSpecification, FillLayerSpecification } from 'maplibre-gl';
import type { Level } from '../lib/levels.ts';
import type { LayerContext, MapLayerModule } from '../map/layer-module.ts';
import { featureTarget, territoryLayerSource } from '../layers/territories.ts';
import { BIVARIATE_COLORS, BIVARIATE_NO_DATA } from './model.ts';

export const BIVARIATE_STATE = 'bi';
export const bivariateLayerId = (level: Level) => `bivariate-${level}-fill`;

export function bivariateFillColor(): ExpressionSpecification {
  const stops: (number | string)[] = [];
  BIVARIATE_COLORS.flat().forEach((color, i) => stops.push(i, color));
  return ['match', ['coalesce', ['feature-state', BIVARIATE_STATE], -1], ...stops, BIVARIATE_NO_DATA] as unknown as ExpressionSpecification;
}

export function bivariateLayer(level: Level, visible: boolean): FillLayerSpecification {
  return {
    id: bivariateLayerId(level),
    type: 'fill',
    ...territoryLayerSource(level),
    layout: { visibility: visible ? 'visible' : 'none' },
    paint: { 'fill-color': bivariateFillColor(), 'fill-antialias': false },
  };
}

export class BivariateLayer implements MapLayerModule {
  readonly id = 'bivariate';
  private ctx: LayerContext | null = null;
  private readonly added = new Set<Level>();
  private readonly painted = new Map<Level, Set<string>>();
  private pending: { level: Level; codes: readonly string[]; cells: ReadonlyMap<string, number> } | null = null;
  private shown: Level | null = null;

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

  /** Writes the cell of every code of a level (null for the others) and shows that level's layer. */
  show(level: Level, codes: readonly string[], cells: ReadonlyMap<string, number>): void {
    this.pending = { level, codes, cells };
    this.shown = level;
    this.flush();
  }

  hide(): void {
    this.pending = null;
    this.shown = null;
    this.applyVisibility();
  }

  private ensure(level: Level): boolean {
    const ctx = this.ctx;
    if (!ctx) return false;
    if (this.added.has(level)) return true;
    if (!ctx.map.getSource(ctx.territorySourceId(level))) return false;
    ctx.addLayer('choropleth', bivariateLayer(level, this.shown === level));
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
    const before = this.painted.get(p.level) ?? new Set<string>();
    const now = new Set<string>();
    for (const code of p.codes) {
      const cell = p.cells.get(code);
      if (cell === undefined && !before.has(code)) continue;
      ctx.map.setFeatureState(featureTarget(p.level, code), { [BIVARIATE_STATE]: cell ?? null });
      if (cell !== undefined) now.add(code);
    }
    this.painted.set(p.level, now);
    this.applyVisibility();
  }

  private applyVisibility(): void {
    const map = this.ctx?.map;
    if (!map) return;
    for (const level of this.added) {
      const id = bivariateLayerId(level);
      const visibility = level === this.shown ? 'visible' : 'none';
      if (map.getLayer(id) && map.getLayoutProperty(id, 'visibility') !== visibility) map.setLayoutProperty(id, 'visibility', visibility);
    }
  }
}

export const bivariateLayerModule = new BivariateLayer();
