// TopoJSON → GeoJSON for one level: decode each zone file and concatenate.
// Pure; shared by the worker and the main-thread fallback.
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, FeatureCollection, Geometry } from 'geojson';

export const TOPO_OBJECT = 'territories';

export function decodeTopologies(topologies: readonly Topology[]): FeatureCollection<Geometry, { code: string }> {
  const features: Feature<Geometry, { code: string }>[] = [];
  for (const topo of topologies) {
    const object = topo.objects[TOPO_OBJECT] as GeometryCollection<{ code: string }> | undefined;
    if (!object) throw new Error(`TopoJSON without a "${TOPO_OBJECT}" object`);
    const fc = feature(topo, object) as FeatureCollection<Geometry, { code: string }>;
    for (const f of fc.features) features.push(f);
  }
  return { type: 'FeatureCollection', features };
}

export async function fetchTopology(url: string): Promise<Topology> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return (await res.json()) as Topology;
}
