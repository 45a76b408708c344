// What the first view waits for, asked for by the entry before the application's
// code has arrived: the manifest, the catalogue and the linked indicator's values
// at the linked level (the link read as the application reads it). The loaders
// keep their promises, so the application later gets these very requests.
import { loadManifest } from './data/manifest.ts';
import { findEntry, loadCatalogue, loadIndicatorFile } from './indicators/indicator-data.ts';
import { parseUrlState } from './features-url.ts';

export function prefetchLinkedData(hash: string): void {
  void loadManifest().catch(() => undefined);
  const { indicator, level } = parseUrlState(hash);
  void loadCatalogue()
    .then((catalogue) => {
      const entry = indicator === null ? undefined : findEntry(catalogue, indicator);
      if (entry?.levels[level]?.available) return loadIndicatorFile(entry, { commune: level === 'commune' });
    })
    .catch(() => undefined);
}
