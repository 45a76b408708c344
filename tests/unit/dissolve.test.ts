import { describe, expect, it } from 'vitest';
import { topology } from 'topojson-server';
import { dissolveCommunes, outlineBBox, type CommuneTopology } from '../../src/lib/dissolve.ts';

function square(code: string, x: number, y: number): GeoJSON.Feature<GeoJSON.Polygon, { code: string }> {
  return {
    type: 'Feature',
    properties: { code },
    geometry: { type: 'Polygon', coordinates: [[[x, y], [x + 1, y], [x + 1, y + 1], [x, y + 1], [x, y]]] },
  };
}

/** Planar area of a ring (shoelace), absolute. */
function ringArea(ring: GeoJSON.Position[]): number {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++) sum += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
  return Math.abs(sum) / 2;
}

function fixture(): CommuneTopology {
  // Three squares in an L (A B on the bottom row, C above A) and one apart (D).
  const features = [square('00001', 0, 0), square('00002', 1, 0), square('00003', 0, 1), square('00004', 5, 5)];
  return topology({ territories: { type: 'FeatureCollection', features } as GeoJSON.FeatureCollection }) as unknown as CommuneTopology;
}

describe('dissolveCommunes', () => {
  it('merges 3 adjacent squares into one polygon of area 3 with no inner ring', () => {
    const { geometry, missing } = dissolveCommunes([fixture()], ['00001', '00002', '00003']);
    expect(missing).toEqual([]);
    expect(geometry.coordinates).toHaveLength(1);
    const polygon = geometry.coordinates[0]!;
    expect(polygon).toHaveLength(1);
    expect(ringArea(polygon[0]!)).toBeCloseTo(3, 9);
    expect(outlineBBox(geometry)).toEqual([0, 0, 2, 2]);
  });

  it('keeps separate parts apart and reports codes missing from the topology', () => {
    const { geometry, missing } = dissolveCommunes([fixture()], ['00001', '00004', '99999']);
    expect(geometry.coordinates).toHaveLength(2);
    expect(missing).toEqual(['99999']);
  });

  it('looks codes up across zone topologies', () => {
    const other = topology({ territories: { type: 'FeatureCollection', features: [square('97411', 55, -21)] } as GeoJSON.FeatureCollection }) as unknown as CommuneTopology;
    const { geometry } = dissolveCommunes([fixture(), other], ['00001', '97411']);
    expect(geometry.coordinates).toHaveLength(2);
  });

  it('gives an empty outline for an empty perimeter', () => {
    const { geometry } = dissolveCommunes([fixture()], []);
    expect(geometry.coordinates).toEqual([]);
    expect(outlineBBox(geometry)).toBeNull();
  });
});
