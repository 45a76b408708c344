// The DROM territories of a level for the inset maps: the small
// geo/<level>-<zone>.topo.json files of the manifest, fetched once per level.
import type { Geometry } from 'geojson';
import type { Level, Zone } from '../lib/levels.ts';
import type { BBox } from '../data/types.ts';
import { loadManifest } from '../data/manifest.ts';
import { dataUrl } from '../data/data-url.ts';
import { decodeTopologies, fetchTopology } from '../data/geometry-decode.ts';
import { ZONE_BBOX } from '../map/zones-view.ts';

export interface InsetZoneData {
  readonly zone: Zone;
  readonly bbox: BBox;
  readonly features: readonly { code: string; geometry: Geometry | null }[];
}

const cache = new Map<Level, Promise<readonly InsetZoneData[]>>();

export function loadInsetData(level: Level): Promise<readonly InsetZoneData[]> {
  let p = cache.get(level);
  if (!p) {
    p = loadLevel(level);
    p.catch(() => cache.delete(level));
    cache.set(level, p);
  }
  return p;
}

async function loadLevel(level: Level): Promise<readonly InsetZoneData[]> {
  const manifest = await loadManifest();
  const files = (manifest.geometry[level] ?? []).filter((f) => f.zone !== 'metro');
  return Promise.all(
    files.map(async (file) => {
      const topology = await fetchTopology(dataUrl(file.url));
      const zone = file.zone;
      const bbox = (topology.bbox?.length === 4 ? topology.bbox : ZONE_BBOX[zone]) as unknown as BBox;
      const features = decodeTopologies([topology]).features.map((f) => ({ code: f.properties.code, geometry: f.geometry }));
      return { zone, bbox, features };
    }),
  );
}
