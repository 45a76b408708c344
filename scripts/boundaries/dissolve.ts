// Coarser levels as unions of communes on the shared arcs (topojson mergeArcs),
// so they nest exactly; then each level keeps only the arcs it uses.
import { mergeArcs } from 'topojson-client';
import { compareCodes } from '../../src/lib/codes.ts';
import { arcIndex, polygonsOf, type PolygonArcs, type TopoPolygon, type ZoneTopology } from './topology.ts';

/**
 * Groups the commune geometries by `groupOf(communeCode)` and merges each
 * group into one (Multi)Polygon. Returns geometries sorted by code, using the
 * arcs of the commune topology.
 */
export function dissolve(communes: ZoneTopology, groupOf: (communeCode: string) => string): TopoPolygon[] {
  const groups = new Map<string, TopoPolygon[]>();
  for (const geometry of communes.objects.territories.geometries) {
    const key = groupOf(geometry.properties.code);
    const list = groups.get(key);
    if (list) list.push(geometry);
    else groups.set(key, [geometry]);
  }
  return [...groups.keys()].sort(compareCodes).map((code): TopoPolygon => {
    const merged = mergeArcs(communes as never, groups.get(code)! as never) as unknown as { arcs: PolygonArcs[] };
    const polygons = merged.arcs;
    return polygons.length === 1
      ? { type: 'Polygon', arcs: polygons[0]!, properties: { code } }
      : { type: 'MultiPolygon', arcs: polygons, properties: { code } };
  });
}

/**
 * A topology holding `geometries` and only the arcs they use, renumbered in
 * their original order (so the output is deterministic). Keeps the transform.
 */
export function pruneArcs(source: ZoneTopology, geometries: readonly TopoPolygon[]): ZoneTopology {
  const used = new Set<number>();
  for (const geometry of geometries) {
    for (const polygon of polygonsOf(geometry)) for (const ring of polygon) for (const arc of ring) used.add(arcIndex(arc));
  }
  const kept = [...used].sort((a, b) => a - b);
  const renumber = new Map(kept.map((oldIndex, newIndex) => [oldIndex, newIndex]));
  const mapArc = (arc: number): number => (arc < 0 ? ~renumber.get(~arc)! : renumber.get(arc)!);
  const mapPolygon = (polygon: PolygonArcs): PolygonArcs => polygon.map((ring) => ring.map(mapArc));
  return {
    type: 'Topology',
    ...(source.bbox ? { bbox: source.bbox } : {}),
    ...(source.transform ? { transform: source.transform } : {}),
    objects: {
      territories: {
        type: 'GeometryCollection',
        geometries: geometries.map((g): TopoPolygon =>
          g.type === 'Polygon'
            ? { type: 'Polygon', arcs: mapPolygon(g.arcs as PolygonArcs), properties: { code: g.properties.code } }
            : { type: 'MultiPolygon', arcs: (g.arcs as PolygonArcs[]).map(mapPolygon), properties: { code: g.properties.code } },
        ),
      },
    },
    arcs: kept.map((i) => source.arcs[i]!),
  };
}
