// Loads the indicator catalogue and, lazily, one indicator file at a time
// (values never live in the geometry nor in React state). A dropped CSV is
// registered here as a custom indicator with the very same shape.
import type { Level } from '../lib/levels.ts';
import type { IndicatorCatalogueEntry, IndicatorCatalogueFile, IndicatorFile } from '../lib/indicator-format.ts';
import { dataUrl } from '../data/data-url.ts';
import { loadManifest } from '../data/manifest.ts';

export const DEFAULT_CATALOGUE_URL = 'indicators/catalogue.json';

let cataloguePromise: Promise<IndicatorCatalogueFile> | null = null;
const files = new Map<string, Promise<IndicatorFile>>();
const custom = new Map<string, { entry: IndicatorCatalogueEntry; file: IndicatorFile }>();

async function fetchJson<T>(path: string): Promise<T> {
  const res = await fetch(dataUrl(path));
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

/** The catalogue (fetched once; a failed fetch may be retried). */
export function loadCatalogue(): Promise<IndicatorCatalogueFile> {
  cataloguePromise ??= loadManifest()
    .then((m) => m.indicators ?? DEFAULT_CATALOGUE_URL)
    .catch(() => DEFAULT_CATALOGUE_URL)
    .then((path) => fetchJson<IndicatorCatalogueFile>(path));
  cataloguePromise.catch(() => {
    cataloguePromise = null;
  });
  return cataloguePromise;
}

export function loadIndicatorFile(entry: IndicatorCatalogueEntry): Promise<IndicatorFile> {
  const own = custom.get(entry.id);
  if (own) return Promise.resolve(own.file);
  let p = files.get(entry.id);
  if (!p) {
    p = fetchJson<IndicatorFile>(entry.file);
    p.catch(() => files.delete(entry.id));
    files.set(entry.id, p);
  }
  return p;
}

/** Catalogue entry or custom (dropped CSV) entry by id. */
export function findEntry(catalogue: IndicatorCatalogueFile | null, id: string): IndicatorCatalogueEntry | undefined {
  return custom.get(id)?.entry ?? catalogue?.indicators.find((e) => e.id === id);
}

export function registerCustomIndicator(entry: IndicatorCatalogueEntry, file: IndicatorFile): void {
  custom.set(entry.id, { entry, file });
}

export function customIndicators(): IndicatorCatalogueEntry[] {
  return [...custom.values()].map((c) => c.entry);
}

/** A level's values as a Map (null = missing), or null when the file has no values there. */
export function levelValues(file: IndicatorFile, level: Level): Map<string, number | null> | null {
  const record = file.levels[level]?.values;
  if (!record) return null;
  const out = new Map<string, number | null>();
  for (const code of Object.keys(record)) {
    const v = record[code];
    out.set(code, v === null || v === undefined || !Number.isFinite(v) ? null : v);
  }
  return out;
}
