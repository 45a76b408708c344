// Territory search: a linear scan over a few tens of thousands of prepared
// entries (~5 ms), scored by how the query meets the name or a code.
import { LEVELS, type Level } from '../lib/levels.ts';
import type { TerritoryRecord } from '../data/types.ts';
import { asCodeQuery, compactText, normaliseText } from './normalise.ts';

export interface SearchEntry {
  readonly record: TerritoryRecord;
  readonly key: string;
  readonly compact: string;
  readonly tokens: readonly string[];
}

export interface SearchResult {
  readonly record: TerritoryRecord;
  readonly score: number;
  /** The postcode that matched, when the query was a postal code. */
  readonly postcode?: string;
  /** Name, disambiguated with the département code where needed. */
  readonly label: string;
}

export const SCORE = {
  exactCode: 1000,
  postcode: 900,
  exactName: 800,
  namePrefix: 700,
  compactPrefix: 650,
  allWordsPrefix: 500,
  codePrefix: 400,
  substring: 300,
} as const;

export function toSearchEntry(record: TerritoryRecord): SearchEntry {
  const key = normaliseText(record.name);
  return { record, key, compact: compactText(key), tokens: key.split(' ') };
}

const LEVEL_RANK: Record<Level, number> = Object.fromEntries(LEVELS.map((l, i) => [l, i])) as Record<Level, number>;

function scoreName(entry: SearchEntry, query: string, compactQuery: string, queryTokens: readonly string[]): number {
  if (entry.key === query) return SCORE.exactName;
  if (entry.key.startsWith(query)) return SCORE.namePrefix;
  if (entry.compact.startsWith(compactQuery)) return SCORE.compactPrefix;
  const remaining = [...entry.tokens];
  const allWords = queryTokens.every((qt) => {
    const i = remaining.findIndex((t) => t.startsWith(qt));
    if (i < 0) return false;
    remaining.splice(i, 1);
    return true;
  });
  if (allWords) return SCORE.allWordsPrefix;
  if (compactQuery.length >= 3 && entry.compact.includes(compactQuery)) return SCORE.substring;
  return 0;
}

function scoreCode(entry: SearchEntry, code: string): { score: number; postcode?: string } {
  const r = entry.record;
  if (r.code === code) return { score: SCORE.exactCode };
  const postcode = r.postcodes?.find((p) => p === code);
  if (postcode) return { score: SCORE.postcode, postcode };
  // "771" lists the communes of Seine-et-Marne whose code starts with it.
  if (r.level === 'commune' && code.length >= 3 && r.code.startsWith(code)) return { score: SCORE.codePrefix };
  return { score: 0 };
}

function compareResults(a: Omit<SearchResult, 'label'>, b: Omit<SearchResult, 'label'>): number {
  return (
    b.score - a.score ||
    LEVEL_RANK[a.record.level] - LEVEL_RANK[b.record.level] ||
    (b.record.population ?? -1) - (a.record.population ?? -1) ||
    a.record.name.localeCompare(b.record.name, 'fr') ||
    a.record.code.localeCompare(b.record.code)
  );
}

/** Communes always carry their département; other levels only when two results share a name. */
export function disambiguate(results: readonly Omit<SearchResult, 'label'>[]): SearchResult[] {
  const counts = new Map<string, number>();
  for (const r of results) {
    const k = `${r.record.level}|${r.record.name}`;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return results.map((r) => {
    const dep = r.record.parents.departement;
    const homonym = (counts.get(`${r.record.level}|${r.record.name}`) ?? 0) > 1;
    const withDep = dep !== undefined && (r.record.level === 'commune' || homonym);
    return { ...r, label: withDep ? `${r.record.name} (${dep})` : r.record.name };
  });
}

export function searchTerritories(entries: Iterable<SearchEntry>, rawQuery: string, limit = 10): SearchResult[] {
  const query = normaliseText(rawQuery);
  if (query === '') return [];
  const code = asCodeQuery(rawQuery);
  const compactQuery = compactText(query);
  const queryTokens = query.split(' ');
  const found: Omit<SearchResult, 'label'>[] = [];
  for (const entry of entries) {
    let best: { score: number; postcode?: string } = { score: 0 };
    if (code !== null) best = scoreCode(entry, code);
    if (best.score === 0 && code === null) best = { score: scoreName(entry, query, compactQuery, queryTokens) };
    if (best.score > 0) found.push({ record: entry.record, ...best });
  }
  found.sort(compareResults);
  return disambiguate(found.slice(0, limit));
}

/** Entries of every loaded level; levels arrive one by one as their index loads. */
export class SearchIndex {
  private readonly byLevel = new Map<Level, { records: Iterable<TerritoryRecord>; entries: readonly SearchEntry[] | null }>();

  /** The level's entries are normalised at the first search, not when its index arrives (35,000 communes). */
  setLevel(level: Level, records: Iterable<TerritoryRecord>): void {
    this.byLevel.set(level, { records, entries: null });
  }

  hasLevel(level: Level): boolean {
    return this.byLevel.has(level);
  }

  *entries(): Iterable<SearchEntry> {
    for (const slot of this.byLevel.values()) {
      slot.entries ??= Array.from(slot.records, toSearchEntry);
      yield* slot.entries;
    }
  }

  search(query: string, limit = 10): SearchResult[] {
    return searchTerritories(this.entries(), query, limit);
  }
}
