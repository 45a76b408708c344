// What the perimeter builder loads, lazily and once: the commune topologies
// (for the dissolve and representative points), the historical passage table
// (for import), the indicator files with commune components, the zones and
// contracts overlays. Each loader returns null rather than throwing when a
// file is not built, so the builder works with whatever the build produced.
import { feature } from 'topojson-client';
import type { Manifest } from '../data/types.ts';
import { dataUrl } from '../data/data-url.ts';
import type { CommuneTopology } from '../lib/dissolve.ts';
import type { IndicatorCatalogueEntry, IndicatorCatalogueFile, IndicatorFile } from '../lib/indicator-format.ts';
import { loadCatalogue, loadIndicatorFile } from '../indicators/indicator-data.ts';
import type { ContractsOverlay, OverlaysManifest, ZonesOverlay } from '../lib/overlay-format.ts';
import { pointInside, type LngLat } from './perimeter.ts';
import { resolveContractsAt, type ResolvedContract } from '../lib/contracts.ts';
import type { CommuneZoneFacts } from '../lib/priority-zones.ts';
import { zoneFactsFromOverlay } from './perimeter-stats.ts';

/** Written by scripts/perimeter-passage.ts. */
export const PASSAGE_URL = 'index/passage.json';

async function fetchJson<T>(path: string): Promise<T | null> {
  try {
    const res = await fetch(dataUrl(path));
    if (!res.ok) return null;
    return (await res.json()) as T;
  } catch {
    return null;
  }
}

const once = <T>(load: () => Promise<T>): (() => Promise<T>) => {
  let p: Promise<T> | null = null;
  return () => (p ??= load());
};

export class PerimeterData {
  constructor(private readonly manifest: () => Promise<Manifest>) {}

  /** The commune topologies of every zone (the same files the map shows). */
  readonly topologies = once(async (): Promise<CommuneTopology[]> => {
    const manifest = await this.manifest();
    const files = manifest.geometry.commune ?? [];
    const all = await Promise.all(files.map((f) => fetchJson<CommuneTopology>(f.url)));
    return all.filter((t): t is CommuneTopology => t !== null);
  });

  readonly passage = once(async (): Promise<Map<string, string[]>> => {
    const file = await fetchJson<{ passage: Record<string, string[]> }>(PASSAGE_URL);
    return new Map(Object.entries(file?.passage ?? {}));
  });

  /** The indicator catalogue, through the indicators module's loader (one shared cache). */
  readonly catalogue = once(async (): Promise<IndicatorCatalogueFile | null> => loadCatalogue().catch(() => null));

  /** An indicator with its commune values and the components a perimeter is aggregated from. */
  indicator(entry: IndicatorCatalogueEntry): Promise<IndicatorFile | null> {
    return loadIndicatorFile(entry, { components: true }).catch(() => null);
  }

  private readonly overlays = once(async (): Promise<OverlaysManifest | null> => fetchJson<OverlaysManifest>('overlays/manifest.json'));

  readonly zoneFacts = once(async (): Promise<Map<string, CommuneZoneFacts> | null> => {
    const manifest = await this.overlays();
    const overlay = await fetchJson<ZonesOverlay>(manifest?.layers.zones.url ?? 'overlays/zones.json');
    return overlay ? zoneFactsFromOverlay(overlay) : null;
  });

  readonly contracts = once(async (): Promise<ResolvedContract[] | null> => {
    const manifest = await this.overlays();
    const overlay = await fetchJson<ContractsOverlay>(manifest?.layers.contracts.url ?? 'overlays/contracts.json');
    return overlay ? resolveContractsAt(overlay.contracts, new Date().toISOString().slice(0, 10)) : null;
  });

  readonly contractNames = once(async (): Promise<Map<string, string>> => {
    const manifest = await this.overlays();
    const overlay = await fetchJson<ContractsOverlay>(manifest?.layers.contracts.url ?? 'overlays/contracts.json');
    return new Map((overlay?.contracts ?? []).map((c) => [c.id, c.name]));
  });
}

/**
 * Representative points (a point inside each commune, see `pointInside`:
 * the centroid when it falls inside, else a point on the surface), computed
 * on demand from the topology and cached: a lasso only needs the communes
 * near it.
 */
export function representativePoints(topologies: readonly CommuneTopology[]): (code: string) => LngLat | null {
  const geometries = new Map<string, { topology: CommuneTopology; index: number }>();
  topologies.forEach((topology) =>
    topology.objects.territories.geometries.forEach((g, index) => {
      const code = (g.properties as { code?: string } | undefined)?.code;
      if (code) geometries.set(code, { topology, index });
    }),
  );
  const cache = new Map<string, LngLat | null>();
  return (code) => {
    if (cache.has(code)) return cache.get(code)!;
    const entry = geometries.get(code);
    let point: LngLat | null = null;
    if (entry) {
      const g = entry.topology.objects.territories.geometries[entry.index]!;
      const f = feature(entry.topology as never, g as never) as unknown as GeoJSON.Feature;
      if (f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon') point = pointInside(f.geometry);
    }
    cache.set(code, point);
    return point;
  };
}
