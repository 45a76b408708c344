// After a dissolve, most arc endpoints of a coarse level are no longer
// junctions (a département border is made of hundreds of commune edges).
// Joining the arcs that meet at such degree-2 nodes removes one absolute
// point and one arc reference per node: the coordinates stay the same, so
// levels still nest exactly.
import { arcIndex, polygonsOf, type PolygonArcs, type TopoPolygon, type ZoneTopology } from './topology.ts';

type Point = [number, number];

const decode = (arc: readonly number[][]): Point[] => {
  let x = 0, y = 0;
  return arc.map((p): Point => [(x += p[0]!), (y += p[1]!)]);
};

const encode = (points: readonly Point[]): number[][] => {
  let x = 0, y = 0;
  return points.map(([px, py]) => {
    const delta = [px - x, py - y];
    x = px;
    y = py;
    return delta;
  });
};

/** Returns a topology whose arcs are maximal chains of the input's arcs. */
export function chainArcs(topology: ZoneTopology): ZoneTopology {
  if (!topology.transform) throw new Error('chainArcs expects a quantised topology');
  const points = topology.arcs.map(decode);
  const nodeKey = (p: Point) => `${p[0]},${p[1]}`;
  // Node → arc ends touching it (an arc ref pointing away from the node: arc = leaves by its start, ~arc = by its end).
  const leaving = new Map<string, number[]>();
  points.forEach((arc, i) => {
    for (const [key, ref] of [[nodeKey(arc[0]!), i], [nodeKey(arc[arc.length - 1]!), ~i]] as const) {
      const list = leaving.get(key);
      if (list) list.push(ref);
      else leaving.set(key, [ref]);
    }
  });
  const startOf = (ref: number) => (ref >= 0 ? points[ref]![0]! : points[~ref]!.at(-1)!);
  const endOf = (ref: number) => startOf(~ref);
  /** The ref that continues `ref` through its end node, if that node joins exactly two arc ends. */
  const next = (ref: number): number | null => {
    const refs = leaving.get(nodeKey(endOf(ref)))!;
    if (refs.length !== 2) return null;
    return refs[0] === ~ref ? refs[1]! : refs[0]!;
  };

  const chainOf = new Int32Array(points.length).fill(-1);
  const reversedIn = new Uint8Array(points.length);
  const chains: number[][] = [];
  for (let i = 0; i < points.length; i++) {
    if (chainOf[i] !== -1) continue;
    // Walk back to the chain's first arc (or around a closed chain back to i).
    let first = i;
    for (let prev = next(~first); prev !== null && ~prev !== i; prev = next(~first)) first = ~prev;
    const chain: number[] = [];
    for (let ref: number | null = first; ref !== null && chainOf[arcIndex(ref)] === -1; ref = next(ref)) {
      chainOf[arcIndex(ref)] = chains.length;
      reversedIn[arcIndex(ref)] = ref < 0 ? 1 : 0;
      chain.push(ref);
    }
    chains.push(chain);
  }

  const arcs = chains.map((chain) => {
    const joined: Point[] = [];
    for (const ref of chain) {
      const p = ref >= 0 ? points[ref]! : [...points[~ref]!].reverse();
      joined.push(...(joined.length > 0 ? p.slice(1) : p));
    }
    return encode(joined);
  });

  const mapRing = (ring: number[]): number[] => {
    const mapped = ring.map((ref) => {
      const i = arcIndex(ref);
      const forward = (ref < 0) === (reversedIn[i] === 1);
      return forward ? chainOf[i]! : ~chainOf[i]!;
    });
    // The ring may start in the middle of a chain: rotate to a chain boundary.
    const start = mapped.findIndex((ref, k) => ref !== mapped[(k + mapped.length - 1) % mapped.length]);
    if (start === -1) return [mapped[0]!];
    const rotated = [...mapped.slice(start), ...mapped.slice(0, start)];
    return rotated.filter((ref, k) => k === 0 || ref !== rotated[k - 1]);
  };
  const mapPolygon = (polygon: PolygonArcs): PolygonArcs => polygon.map(mapRing);

  return {
    ...topology,
    objects: {
      territories: {
        type: 'GeometryCollection',
        geometries: topology.objects.territories.geometries.map((g): TopoPolygon =>
          g.type === 'Polygon'
            ? { type: 'Polygon', arcs: mapPolygon(polygonsOf(g)[0]!), properties: g.properties }
            : { type: 'MultiPolygon', arcs: polygonsOf(g).map(mapPolygon), properties: g.properties },
        ),
      },
    },
    arcs,
  };
}
