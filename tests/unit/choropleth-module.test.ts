import { describe, expect, it } from 'vitest';
import type { LayerContext } from '../../src/map/layer-module.ts';
import { ChoroplethModule } from '../../src/indicators/choropleth-module.ts';
import type { TerritoryState } from '../../src/indicators/indicator-choropleth.ts';
import { loadsPending } from '../../src/data/pending-loads.ts';

/** A map that records feature-state writes and paint / layout changes. */
function fakeContext() {
  const writes: Array<[string, TerritoryState]> = [];
  const layers = new Map<string, { layout: Record<string, unknown>; paint: Record<string, unknown> }>();
  const changes: string[] = [];
  const renderListeners: Array<() => void> = [];
  const map = {
    once: (event: string, listener: () => void) => {
      if (event === 'render') renderListeners.push(listener);
    },
    getSource: () => ({}),
    getLayer: (id: string) => layers.get(id),
    setFeatureState: (target: { id: string }, state: TerritoryState) => writes.push([target.id, state]),
    getPaintProperty: (id: string, name: string) => layers.get(id)!.paint[name],
    setPaintProperty: (id: string, name: string, value: unknown) => {
      layers.get(id)!.paint[name] = value;
      changes.push(`paint ${name}`);
    },
    getLayoutProperty: (id: string, name: string) => layers.get(id)!.layout[name],
    setLayoutProperty: (id: string, name: string, value: unknown) => {
      layers.get(id)!.layout[name] = value;
      changes.push(`layout ${name}`);
    },
  };
  const ctx = {
    map,
    level: 'departement',
    territorySourceId: (level: string) => `territories-${level}`,
    addLayer: (_band: string, spec: { id: string; layout?: Record<string, unknown>; paint?: Record<string, unknown> }) =>
      layers.set(spec.id, { layout: { ...spec.layout }, paint: { ...spec.paint } }),
    whenLevelReady: async () => undefined,
  } as unknown as LayerContext;
  /** Draws a frame: fires the `render` listeners. */
  const render = () => renderListeners.splice(0).forEach((listener) => listener());
  return { ctx, writes, changes, render };
}

const states = (entries: Array<[string, number | null, string | null]>) => new Map(entries.map(([code, cls, color]) => [code, { cls, color }]));

describe('ChoroplethModule', () => {
  it('writes each territory once, then only those whose colour changes, and clears those left without one', () => {
    const { ctx, writes, render } = fakeContext();
    const module = new ChoroplethModule();
    module.install(ctx);
    const first = states([['01', 0, '#a'], ['02', 1, '#b'], ['03', null, null]]);
    expect(module.setStates('departement', first)).toBe(2);
    expect(writes.map(([code]) => code)).toEqual(['01', '02']);

    writes.length = 0;
    expect(module.setStates('departement', first)).toBe(0);

    const second = states([['01', 0, '#a'], ['02', 0, '#a'], ['03', 1, '#b']]);
    expect(module.setStates('departement', second)).toBe(2);
    expect(writes).toEqual([['02', { cls: 0, color: '#a' }], ['03', { cls: 1, color: '#b' }]]);

    writes.length = 0;
    expect(module.setStates('departement', states([['01', 0, '#a']]))).toBe(2);
    expect(writes).toEqual([['02', { cls: null, color: null }], ['03', { cls: null, color: null }]]);
    render();
  });

  it('keeps the quiet map waiting from the writes until the frame that draws them', async () => {
    const { ctx, render } = fakeContext();
    const module = new ChoroplethModule();
    module.install(ctx);
    const first = states([['01', 0, '#a'], ['02', 1, '#b']]);
    module.setStates('departement', first);
    expect(loadsPending()).toBe(true);
    render();
    await Promise.resolve();
    await Promise.resolve();
    expect(loadsPending()).toBe(false);
    // Nothing to write: no frame to wait for.
    module.setStates('departement', first);
    expect(loadsPending()).toBe(false);
  });

  it('is ready for a level once its source and layer are on the map, not before', () => {
    const { ctx } = fakeContext();
    const module = new ChoroplethModule();
    expect(module.isReady('departement')).toBe(false);
    module.install(ctx);
    expect(module.isReady('departement')).toBe(true);
    // A level never shown has no layer yet: the service then waits for it.
    expect(module.isReady('commune')).toBe(false);
  });

  it('shows and hides through the paint opacity, never through visibility nor a new colour expression', () => {
    const { ctx, changes } = fakeContext();
    const module = new ChoroplethModule();
    module.install(ctx);
    module.show('departement');
    module.show(null);
    module.show('departement');
    expect(changes).toEqual(['paint fill-opacity', 'paint fill-opacity', 'paint fill-opacity']);
  });
});
