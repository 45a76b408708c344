import { describe, expect, it } from 'vitest';
import type { LayerSpecification, Map as MapLibreMap } from 'maplibre-gl';
import type { Level } from '../../src/lib/levels.ts';
import type { LayerContext } from '../../src/map/layer-module.ts';
import { FeatureStateLayers } from '../../src/map/feature-state-layers.ts';

/** A map with just what the layers use: sources by id, layers with a visibility, feature-states written. */
function fakeMap(sources: string[]) {
  const layers = new Map<string, { band: string; visibility: string }>();
  const states: string[] = [];
  const map = {
    getSource: (id: string) => (sources.includes(id) ? {} : undefined),
    getLayer: (id: string) => layers.get(id),
    getLayoutProperty: (id: string) => layers.get(id)?.visibility,
    setLayoutProperty: (id: string, _k: string, v: string) => void (layers.get(id)!.visibility = v),
    setFeatureState: (target: { id: string }, state: Record<string, unknown>) => void states.push(`${target.id}=${JSON.stringify(state)}`),
  };
  let release: () => void = () => undefined;
  const levelReady = new Promise<void>((resolve) => (release = resolve));
  const ctx: LayerContext = {
    map: map as unknown as MapLibreMap,
    addLayer: (band, layer) => void layers.set(layer.id, { band, visibility: (layer.layout as { visibility?: string } | undefined)?.visibility ?? 'visible' }),
    level: 'epci',
    territorySourceId: (level: Level) => `territories-${level}`,
    whenLevelReady: () => levelReady,
  };
  return { ctx, layers, states, sources, release };
}

class Marks extends FeatureStateLayers<string[]> {
  readonly id = 'marks';
  protected layers(level: Level, visible: boolean) {
    return [{ band: 'overlays' as const, layer: { id: `marks-${level}`, type: 'fill', source: `territories-${level}`, layout: { visibility: visible ? 'visible' : 'none' } } as LayerSpecification }];
  }
  protected write(map: MapLibreMap, _level: Level, codes: string[], before: ReadonlySet<string>): Set<string> {
    for (const code of before) if (!codes.includes(code)) map.setFeatureState({ source: 's', id: code }, { mark: null });
    for (const code of codes) map.setFeatureState({ source: 's', id: code }, { mark: 1 });
    return new Set(codes);
  }
  show(level: Level, codes: string[]) {
    this.paint(level, codes);
  }
  hide() {
    this.hideLayers();
  }
}

describe('feature-state layers', () => {
  it('keeps a payload until the map, then the level, is there; shows only the painted level', async () => {
    const marks = new Marks();
    const { ctx, layers, states, sources, release } = fakeMap(['territories-epci']);
    marks.show('commune', ['01001']);
    marks.install(ctx);
    expect(states).toEqual([]);
    sources.push('territories-commune');
    release();
    await Promise.resolve();
    await Promise.resolve();
    expect(states).toEqual(['01001={"mark":1}']);
    expect(layers.get('marks-commune')).toEqual({ band: 'overlays', visibility: 'visible' });

    marks.show('epci', ['200069193']);
    expect(layers.get('marks-epci')?.visibility).toBe('visible');
    expect(layers.get('marks-commune')?.visibility).toBe('none');
    marks.show('epci', ['243800984']);
    expect(states.slice(-2)).toEqual(['200069193={"mark":null}', '243800984={"mark":1}']);
    marks.hide();
    expect([...layers.values()].map((l) => l.visibility)).toEqual(['none', 'none']);
  });
});
