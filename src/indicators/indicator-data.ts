// Loads the indicator catalogue and, lazily, one indicator file at a time
// (values never live in the geometry nor in React state). A dropped CSV is
// registered here as a custom indicator with the very same shape.
// Commune-native indicators come in parts: `{id}.json` (supra levels,
// France), `{id}.commune.json` (commune values, ~0.5 MB) fetched only when
// asked for (`{ commune: true }`, the default), and, for aggregable ones,
// `{id}.components.json` (the components of perimeter aggregation, ~0.8 MB)
// fetched only for a perimeter (`{ components: true }`).
import type { Level } from '../lib/levels.ts';
import {
  mergeIndicatorFile,
  type IndicatorBaseFile,
  type IndicatorCatalogueEntry,
  type IndicatorCatalogueFile,
  type IndicatorCommuneFile,
  type IndicatorComponentsFile,
  type IndicatorFile,
} from '../lib/indicator-format.ts';
import { dataUrl } from '../data/data-url.ts';
import { loadManifest } from '../data/manifest.ts';
import { whileLoading } from '../data/pending-loads.ts';

export const DEFAULT_CATALOGUE_URL = 'indicators/catalogue.json';

let cataloguePromise: Promise<IndicatorCatalogueFile> | null = null;
const bases = new Map<string, Promise<IndicatorBaseFile>>();
const communeParts = new Map<string, Promise<IndicatorCommuneFile>>();
const componentParts = new Map<string, Promise<IndicatorComponentsFile>>();
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

/** Fetched once per key; a failed fetch may be retried. */
function cached<T>(cache: Map<string, Promise<T>>, key: string, path: string): Promise<T> {
  let p = cache.get(key);
  if (!p) {
    p = fetchJson<T>(path);
    p.catch(() => cache.delete(key));
    cache.set(key, p);
  }
  return p;
}

export interface IndicatorLoadOptions {
  /**
   * Also load the commune values (the commune level, a commune's portrait, a
   * perimeter). Default true; the map at a supra level passes false.
   */
  readonly commune?: boolean;
  /** Also load the commune components of perimeter aggregation (a perimeter's figures). Default false. */
  readonly components?: boolean;
}

interface Parts {
  readonly commune: boolean;
  readonly components: boolean;
}

const partsOf = (options: IndicatorLoadOptions): Parts => ({ commune: options.commune ?? true, components: options.components ?? false });

/**
 * The files already loaded, merged once: the same indicator with the same
 * parts is always the same object, so what is derived from it (a level's
 * value map, its territories) is built once too.
 */
const merged = new Map<string, IndicatorFile>();
const mergedKey = (id: string, parts: Parts) => `${id}|${parts.commune ? 'commune' : 'supra'}${parts.components ? '+components' : ''}`;

export async function loadIndicatorFile(entry: IndicatorCatalogueEntry, options: IndicatorLoadOptions = {}): Promise<IndicatorFile> {
  const loaded = peekIndicatorFile(entry, options);
  if (loaded) return loaded;
  // A user waits for it (a quiet map's deferred work does not start meanwhile).
  return whileLoading(fetchIndicatorFile(entry, options));
}

async function fetchIndicatorFile(entry: IndicatorCatalogueEntry, options: IndicatorLoadOptions): Promise<IndicatorFile> {
  const parts = partsOf(options);
  const base = cached(bases, entry.id, entry.file);
  // The catalogue names the parts: they are fetched in parallel with the base.
  const early = parts.commune && entry.communeFile ? cached(communeParts, entry.id, entry.communeFile) : null;
  const earlyComponents = parts.components && entry.componentsFile ? cached(componentParts, entry.id, entry.componentsFile) : null;
  const b = await base;
  const communeUrl = entry.communeFile ?? b.communeFile;
  const componentsUrl = entry.componentsFile ?? b.componentsFile;
  const [commune, components] = await Promise.all([
    parts.commune && communeUrl ? (early ?? cached(communeParts, entry.id, communeUrl)) : null,
    parts.components && componentsUrl ? (earlyComponents ?? cached(componentParts, entry.id, componentsUrl)) : null,
  ]);
  const key = mergedKey(entry.id, parts);
  const file = merged.get(key) ?? mergeIndicatorFile(b, commune, components);
  merged.set(key, file);
  return file;
}

/**
 * The indicator's file if it is already loaded with at least the parts asked
 * for (no request, no wait); undefined otherwise.
 */
export function peekIndicatorFile(entry: IndicatorCatalogueEntry, options: IndicatorLoadOptions = {}): IndicatorFile | undefined {
  const parts = partsOf(options);
  return (
    custom.get(entry.id)?.file ??
    merged.get(mergedKey(entry.id, parts)) ??
    (parts.components ? undefined : merged.get(mergedKey(entry.id, { ...parts, components: true })))
  );
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

/** Each file's level maps, built once: going back to an indicator already seen rebuilds nothing. */
const levelValuesMemo = new WeakMap<IndicatorFile, Map<Level, ReadonlyMap<string, number | null> | null>>();

/** A level's values as a Map (null = missing), or null when the file has no values there. Shared: read only. */
export function levelValues(file: IndicatorFile, level: Level): ReadonlyMap<string, number | null> | null {
  let byLevel = levelValuesMemo.get(file);
  if (!byLevel) levelValuesMemo.set(file, (byLevel = new Map()));
  if (byLevel.has(level)) return byLevel.get(level)!;
  const record = file.levels[level]?.values;
  let out: Map<string, number | null> | null = null;
  if (record) {
    out = new Map();
    for (const code of Object.keys(record)) {
      const v = record[code];
      out.set(code, v === null || v === undefined || !Number.isFinite(v) ? null : v);
    }
  }
  byLevel.set(level, out);
  return out;
}
