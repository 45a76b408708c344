// Territory index per level (names, parents, population, bbox), loaded lazily
// and kept in memory: the panel, the tooltip and the search read it by code.
import type { Level } from '../lib/levels.ts';
import type { Manifest, TerritoryRecord } from './types.ts';
import { ColumnarRecords, isRecordColumns } from '../lib/record-columns.ts';
import { dataUrl } from './data-url.ts';

export type TerritoryLookup = ReadonlyMap<string, TerritoryRecord>;

const loaded = new Map<Level, TerritoryLookup>();
const pending = new Map<Level, Promise<TerritoryLookup>>();
const listeners = new Set<(level: Level, lookup: TerritoryLookup) => void>();

export function loadTerritoryIndex(manifest: Manifest, level: Level): Promise<TerritoryLookup> {
  const done = loaded.get(level);
  if (done) return Promise.resolve(done);
  let p = pending.get(level);
  if (!p) {
    p = fetch(dataUrl(manifest.index[level]))
      .then(async (res) => {
        if (!res.ok) throw new Error(`index ${level}: HTTP ${res.status}`);
        const file: unknown = await res.json();
        if (!isRecordColumns(file)) throw new Error(`index ${level}: not a columns file`);
        // Records are built when read: the commune index (35,000) costs one JSON.parse of arrays.
        const lookup = new ColumnarRecords<TerritoryRecord>(file, 'code');
        loaded.set(level, lookup);
        for (const l of listeners) l(level, lookup);
        return lookup as TerritoryLookup;
      })
      .finally(() => pending.delete(level));
    pending.set(level, p);
  }
  return p;
}

/** Synchronous read; undefined while the level's index is not loaded. */
export function getTerritory(level: Level, code: string): TerritoryRecord | undefined {
  return loaded.get(level)?.get(code);
}

export function isIndexLoaded(level: Level): boolean {
  return loaded.has(level);
}

export function getLoadedIndex(level: Level): TerritoryLookup | undefined {
  return loaded.get(level);
}

/** Called each time a level's index arrives (search, panel and tooltip refresh). */
export function onIndexLoaded(listener: (level: Level, lookup: TerritoryLookup) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
