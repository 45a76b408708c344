// What the first view waits for, asked for by the entry before the application's
// code has arrived: the manifest, the catalogue and the linked indicator's values
// at the linked level. The loaders keep their promises, so the application later
// gets these very requests. The link is only glanced at here (the entry must stay
// small): a link the application reads otherwise costs a request it does not use.
import { loadManifest } from './data/manifest.ts';
import { findEntry, loadCatalogue, loadIndicatorFile } from './indicators/indicator-data.ts';
import { DEFAULT_INDICATOR, DEFAULT_LEVEL, NO_INDICATOR } from './link-defaults.ts';
import { isLevel } from './lib/levels.ts';

/** The indicator and level a link names (the defaults where it names none); null: no indicator. */
export function linkedIndicator(hash: string): { id: string; level: string } | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const id = params.get('ind') ?? DEFAULT_INDICATOR;
  return id === NO_INDICATOR ? null : { id, level: params.get('level') ?? DEFAULT_LEVEL };
}

export function prefetchLinkedData(hash: string): void {
  void loadManifest().catch(() => undefined);
  const linked = linkedIndicator(hash);
  void loadCatalogue()
    .then((catalogue) => {
      const entry = linked ? findEntry(catalogue, linked.id) : undefined;
      if (!entry || !linked || !isLevel(linked.level) || !entry.levels[linked.level]?.available) return;
      return loadIndicatorFile(entry, { commune: linked.level === 'commune' });
    })
    .catch(() => undefined);
}
