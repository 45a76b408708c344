// The finder on the map: territories that do not match are dimmed (a white
// veil over whatever is drawn below), undetermined ones half-dimmed, matches
// outlined. One feature-state key per territory (`finder`: 0 out,
// 1 undetermined, 2 match); two layers per level in the overlays band.
import type { ExpressionSpecification, FillLayerSpecification, LineLayerSpecification, Map as MapLibreMap } from 'maplibre-gl';
import type { Level } from '../lib/levels.ts';
import { FeatureStateLayers } from '../map/feature-state-layers.ts';
import { featureTarget, territoryLayerSource } from '../layers/territories.ts';
import type { FinderResult } from './model.ts';

export const FINDER_STATE = 'finder';
export const FINDER_OUT = 0;
export const FINDER_UNDETERMINED = 1;
export const FINDER_MATCH = 2;

export const finderLayerIds = (level: Level) => ({ veil: `finder-${level}-veil`, outline: `finder-${level}-outline` });

const state: ExpressionSpecification = ['coalesce', ['feature-state', FINDER_STATE], -1];

export function finderLayers(level: Level, visible: boolean): [FillLayerSpecification, LineLayerSpecification] {
  const ids = finderLayerIds(level);
  const source = territoryLayerSource(level);
  const visibility = visible ? 'visible' : 'none';
  return [
    {
      id: ids.veil,
      type: 'fill',
      ...source,
      layout: { visibility },
      paint: {
        'fill-color': '#ffffff',
        'fill-opacity': ['match', state, FINDER_OUT, 0.72, FINDER_UNDETERMINED, 0.45, 0],
        'fill-antialias': false,
      },
    },
    {
      id: ids.outline,
      type: 'line',
      ...source,
      layout: { visibility, 'line-join': 'round' },
      paint: {
        'line-color': '#000091',
        'line-opacity': ['case', ['==', state, FINDER_MATCH], 1, 0],
        'line-width': ['interpolate', ['linear'], ['zoom'], 4, 1.2, 9, 2.5],
      },
    },
  ];
}

/** The state of each territory of a level under a result (every code of the level gets one). */
export function finderStates(codes: Iterable<string>, result: FinderResult): Map<string, number> {
  const match = new Set(result.matches);
  const undetermined = new Set(result.undetermined.map((u) => u.code));
  const out = new Map<string, number>();
  for (const code of codes) out.set(code, match.has(code) ? FINDER_MATCH : undetermined.has(code) ? FINDER_UNDETERMINED : FINDER_OUT);
  return out;
}

export class FinderLayer extends FeatureStateLayers<{ codes: readonly string[]; result: FinderResult }> {
  readonly id = 'finder';

  protected layers(level: Level, visible: boolean) {
    return finderLayers(level, visible).map((layer) => ({ band: 'overlays' as const, layer }));
  }

  protected write(map: MapLibreMap, level: Level, { codes, result }: { codes: readonly string[]; result: FinderResult }): Set<string> {
    const states = finderStates(codes, result);
    for (const [code, s] of states) map.setFeatureState(featureTarget(level, code), { [FINDER_STATE]: s });
    return new Set(states.keys());
  }

  /** Paints a result on every territory (`codes`) of a level, once its source exists, and shows it. */
  show(level: Level, codes: readonly string[], result: FinderResult): void {
    this.paint(level, { codes, result });
  }

  clear(): void {
    const map = this.ctx?.map;
    if (map) {
      for (const [level, codes] of this.painted) {
        for (const code of codes) map.setFeatureState(featureTarget(level, code), { [FINDER_STATE]: null });
      }
      this.painted.clear();
    }
    this.hideLayers();
  }
}

export const finderLayer = new FinderLayer();
