import { describe, expect, it } from 'vitest';
import { fillOutlineAt, LINE_MINZOOM, OUTLINE_MINZOOM, setLandCovered, territoryFillLayer } from '../../src/layers/territories.ts';

describe('territory fills', () => {
  it('draw commune hairlines only from zoom 6, other outlined levels at every zoom, never where lines take over', () => {
    expect(OUTLINE_MINZOOM.commune).toBe(6);
    expect([4, 5.9].map((z) => fillOutlineAt('commune', z))).toEqual([false, false]);
    expect([6, 7.5].map((z) => fillOutlineAt('commune', z))).toEqual([true, true]);
    expect(fillOutlineAt('epci', 4)).toBe(true);
    // Départements and régions draw their borders as lines only.
    expect(LINE_MINZOOM.departement).toBeUndefined();
    expect(fillOutlineAt('departement', 7)).toBe(false);
  });

  it('hide the land under a choropleth by opacity (not drawn, still queried), at once, and only when it changes', () => {
    const land = territoryFillLayer('commune', true, true);
    expect(land.paint).toMatchObject({ 'fill-opacity': 0, 'fill-opacity-transition': { duration: 0, delay: 0 } });
    const written: unknown[] = [];
    let opacity: unknown = 0;
    const map = {
      getLayer: (id: string) => (id === 'territories-commune-fill' ? {} : undefined),
      getPaintProperty: () => opacity,
      setPaintProperty: (_id: string, _p: string, v: unknown) => {
        written.push(v);
        opacity = v;
      },
    };
    setLandCovered(map as never, 'commune', true);
    setLandCovered(map as never, 'commune', false);
    setLandCovered(map as never, 'commune', false);
    setLandCovered(map as never, 'epci', true);
    expect(written).toEqual([1]);
  });
});
