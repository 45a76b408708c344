// Loads the series index and series files (indicators/series/), once each.
import { dataUrl } from '../data/data-url.ts';
import { SERIES_INDEX, type SeriesFile, type SeriesIndexFile } from '../lib/series-format.ts';

const cache = new Map<string, Promise<unknown>>();

function fetchOnce<T>(path: string): Promise<T> {
  let p = cache.get(path) as Promise<T> | undefined;
  if (!p) {
    p = fetch(dataUrl(path)).then(async (res) => {
      if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
      return (await res.json()) as T;
    });
    p.catch(() => cache.delete(path));
    cache.set(path, p);
  }
  return p;
}

export const loadSeriesIndex = (): Promise<SeriesIndexFile> => fetchOnce<SeriesIndexFile>(SERIES_INDEX);
export const loadSeries = (file: string): Promise<SeriesFile> => fetchOnce<SeriesFile>(file);
