// Loads the overlay files the build writes under data/overlays/ (formats in
// src/lib/overlay-format.ts), once each, and derives the lookups the map and
// the panel need. Fetching is here; everything after the fetch is pure
// (see overlay-model.ts).
import type { Manifest } from '../data/types.ts';
import { dataUrl } from '../data/data-url.ts';
import {
  decodeCommuneNeighbours,
  OVERLAYS_DIR,
  type CommuneNeighbours,
  type ContractPerimeters,
  type ContractsOverlay,
  type HospitalsOverlay,
  type OverlaysManifest,
  type ZonesOverlay,
} from '../lib/overlay-format.ts';
import { buildZoneIndex, type ZoneIndex } from './overlay-model.ts';

/** Where overlays/manifest.json is: the main manifest's `overlays` entry, or the default path. */
export function overlaysManifestPath(manifest: Pick<Manifest, 'overlays'>): string {
  const entry = manifest.overlays as unknown;
  if (typeof entry === 'string') return entry;
  if (entry && typeof entry === 'object') {
    const o = entry as { manifest?: unknown; url?: unknown };
    if (typeof o.manifest === 'string') return o.manifest;
    if (typeof o.url === 'string') return o.url;
  }
  return `${OVERLAYS_DIR}/manifest.json`;
}

async function fetchJson<T>(path: string): Promise<T> {
  const res = await fetch(dataUrl(path));
  if (!res.ok) throw new Error(`${path} : HTTP ${res.status}`);
  return (await res.json()) as T;
}

function once<T>(load: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | null = null;
  return () => {
    if (!p) {
      p = load();
      p.catch(() => {
        p = null;
      });
    }
    return p;
  };
}

/** Resolves a file path of the overlays manifest relative to data/ (it is written relative to data/). */
function filePath(entry: { url: string }): string {
  return entry.url;
}

export interface OverlayData {
  manifest(): Promise<OverlaysManifest>;
  contracts(): Promise<ContractsOverlay>;
  contractPerimeters(): Promise<ContractPerimeters>;
  zones(): Promise<ZoneIndex>;
  hospitals(): Promise<HospitalsOverlay>;
  neighbours(): Promise<ReadonlyMap<string, string[]>>;
}

/** The overlay files of one built site, each fetched once on first use. */
export function createOverlayData(mainManifest: () => Promise<Pick<Manifest, 'overlays'>>): OverlayData {
  const manifest = once(async () => fetchJson<OverlaysManifest>(overlaysManifestPath(await mainManifest())));
  return {
    manifest,
    contracts: once(async () => fetchJson<ContractsOverlay>(filePath((await manifest()).layers.contracts))),
    contractPerimeters: once(async () => fetchJson<ContractPerimeters>(filePath((await manifest()).layers.contracts.perimeters))),
    zones: once(async () => buildZoneIndex(await fetchJson<ZonesOverlay>(filePath((await manifest()).layers.zones)))),
    hospitals: once(async () => fetchJson<HospitalsOverlay>(filePath((await manifest()).layers.hospitals))),
    neighbours: once(async () =>
      decodeCommuneNeighbours(await fetchJson<CommuneNeighbours>(filePath((await manifest()).layers.communeNeighbours))),
    ),
  };
}
