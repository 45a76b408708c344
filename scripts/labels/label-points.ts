// Place-name points for the map's labels, from the published topologies and
// territory indexes: one point inside each région, département and commune
// (see `pointInside`), with the name and, for communes, the population that
// decides which names show first. Pure.
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import { pointInside } from '../../src/lib/point-inside.ts';

export type LabelKind = 'region' | 'departement' | 'commune';

/** [kind, code, name, lng, lat, population (0 = unknown)] — compact on the wire. */
export type LabelRow = [LabelKind, string, string, number, number, number];

export interface NamedTerritory {
  readonly code: string;
  readonly name: string;
  readonly population: number | null;
}

const round5 = (x: number) => Math.round(x * 1e5) / 1e5;

/** One row per territory of `topology` that the index names, in index order. */
export function labelRows(kind: LabelKind, topology: Topology, index: ReadonlyMap<string, NamedTerritory>): LabelRow[] {
  const collection = topology.objects.territories as GeometryCollection<{ code?: string }>;
  const rows: LabelRow[] = [];
  for (const geometry of collection.geometries) {
    const code = (geometry.properties as { code?: string } | undefined)?.code;
    const record = code ? index.get(code) : undefined;
    if (!code || !record) continue;
    const f = feature(topology, geometry) as GeoJSON.Feature;
    if (f.geometry?.type !== 'Polygon' && f.geometry?.type !== 'MultiPolygon') continue;
    const point = pointInside(f.geometry);
    if (!point) continue;
    rows.push([kind, code, record.name, round5(point[0]), round5(point[1]), record.population ?? 0]);
  }
  return rows;
}

/** Main places (régions, départements, towns of at least `townPopulation`) and the other communes. */
export function splitRows(rows: readonly LabelRow[], townPopulation: number): { places: LabelRow[]; communes: LabelRow[] } {
  const places: LabelRow[] = [];
  const communes: LabelRow[] = [];
  for (const row of rows) (row[0] !== 'commune' || row[5] >= townPopulation ? places : communes).push(row);
  return { places, communes };
}
