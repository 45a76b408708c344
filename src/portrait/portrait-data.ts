// Loads what a portrait needs (indexes, indicator catalogue and files,
// overlays) and hands it to the pure assembly. Each piece that fails to load
// becomes null — the portrait then says "non disponible" for that block.
import type { Level } from '../lib/levels.ts';
import type { Manifest } from '../data/types.ts';
import { loadTerritoryIndex } from '../data/territory-index.ts';
import type { IndicatorFile } from '../lib/indicator-format.ts';
import { loadCatalogue, loadIndicatorFile } from '../indicators/indicator-data.ts';
import { overlayData } from '../overlays/service.ts';
import { assemblePortrait, type AssembledPortrait, type IndexLookup, type PortraitData } from './portrait-assemble.ts';
import type { PortraitSubject } from './subject.ts';

const settle = <T>(p: Promise<T>): Promise<T | null> => p.catch(() => null);

export async function loadPortrait(manifest: Manifest, subject: PortraitSubject): Promise<AssembledPortrait | null> {
  const overlays = overlayData;
  const levels: Level[] = ['commune', 'epci', 'bv', 'departement', 'region'];
  const indexEntries = await Promise.all(
    levels.map(async (level) => [level, await settle(loadTerritoryIndex(manifest, level))] as const),
  );
  const indexes: Partial<Record<Level, IndexLookup>> = {};
  for (const [level, lookup] of indexEntries) if (lookup) indexes[level] = lookup;

  const catalogue = await settle(loadCatalogue());
  const files = new Map<string, IndicatorFile>();
  if (catalogue) {
    // Commune values only for a commune or a perimeter; the components (twice their size) only for a perimeter.
    const perimeter = subject.kind === 'perimeter';
    const commune = perimeter || subject.level === 'commune';
    const loaded = await Promise.all(
      catalogue.indicators.map(async (e) => [e.id, await settle(loadIndicatorFile(e, { commune, components: perimeter }))] as const),
    );
    for (const [id, file] of loaded) if (file) files.set(id, file);
  }
  const [contracts, neighbours, zones, hospitals, overlayManifest] = await Promise.all([
    settle(overlays.contracts()),
    settle(overlays.neighbours()),
    settle(overlays.zones()),
    settle(overlays.hospitals()),
    settle(overlays.manifest()),
  ]);
  const sources: string[] = [];
  if (overlayManifest) {
    for (const layer of Object.values(overlayManifest.layers)) {
      for (const s of layer.sources) sources.push(`${s.producer}, ${s.title} (${s.vintage}), ${s.licence}`);
    }
  }
  for (const s of manifest.sources ?? []) if (/commune|COG/i.test(s.title)) sources.push(`${s.producer}, ${s.title} (${s.vintage}), ${s.licence}`);
  const data: PortraitData = {
    subject,
    indexes,
    catalogue: catalogue?.indicators ?? null,
    indicatorFiles: files,
    contracts,
    neighbours,
    zoneFacts: zones?.facts ?? null,
    hospitals,
    sources: [...new Set(sources)],
  };
  return assemblePortrait(data);
}
