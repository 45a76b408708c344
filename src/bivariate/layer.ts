// The bivariate map: one fill layer per level in the choropleth band (above
// the single-indicator choropleth, which it hides while shown), coloured by
// the `bi` feature-state (cell 0–8, null = a value missing).
import type { ExpressionSpecification, FillLayerSpecification, Map as MapLibreMap } from 'maplibre-gl';
import type { Level } from '../lib/levels.ts';
import { FeatureStateLayers } from '../map/feature-state-layers.ts';
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

export class BivariateLayer extends FeatureStateLayers<{ codes: readonly string[]; cells: ReadonlyMap<string, number> }> {
  readonly id = 'bivariate';

  protected layers(level: Level, visible: boolean) {
    return [{ band: 'choropleth' as const, layer: bivariateLayer(level, visible) }];
  }

  protected write(map: MapLibreMap, level: Level, { codes, cells }: { codes: readonly string[]; cells: ReadonlyMap<string, number> }, before: ReadonlySet<string>): Set<string> {
    const now = new Set<string>();
    for (const code of codes) {
      const cell = cells.get(code);
      if (cell === undefined && !before.has(code)) continue;
      map.setFeatureState(featureTarget(level, code), { [BIVARIATE_STATE]: cell ?? null });
      if (cell !== undefined) now.add(code);
    }
    return now;
  }

  /** Writes the cell of every code of a level (null for the others) and shows that level's layer. */
  show(level: Level, codes: readonly string[], cells: ReadonlyMap<string, number>): void {
    this.paint(level, { codes, cells });
  }

  hide(): void {
    this.hideLayers();
  }
}

export const bivariateLayerModule = new BivariateLayer();
