// The data table behind the choropleth: one row per territory of the level,
// with the value and class the map paints (same values, same class rule).
// Sorting and filtering are pure.
import { valueToClass } from '../../lib/classify.ts';
import { normaliseText } from '../../search/normalise.ts';

export interface TableRow {
  readonly code: string;
  readonly name: string;
  readonly value: number | null;
  /** 0-based class index, null without a value. */
  readonly cls: number | null;
}

export type SortKey = 'name' | 'code' | 'value';
export interface Sort {
  readonly key: SortKey;
  readonly descending: boolean;
}

export function tableRows(
  codes: Iterable<string>,
  nameOf: (code: string) => string | undefined,
  valueOf: (code: string) => number | null | undefined,
  breaks: readonly number[] | null,
): TableRow[] {
  const rows: TableRow[] = [];
  for (const code of codes) {
    const value = valueOf(code) ?? null;
    rows.push({ code, name: nameOf(code) ?? code, value, cls: breaks ? valueToClass(value, breaks) : null });
  }
  return rows;
}

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/** Sorted copy; missing values always last, whatever the direction. */
export function sortRows(rows: readonly TableRow[], sort: Sort): TableRow[] {
  const dir = sort.descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    if (sort.key === 'value') {
      if (a.value === null || b.value === null) return a.value === b.value ? collator.compare(a.name, b.name) : a.value === null ? 1 : -1;
      return (a.value - b.value) * dir || collator.compare(a.name, b.name);
    }
    return collator.compare(a[sort.key], b[sort.key]) * dir;
  });
}

/** Rows whose name or code contains every word of the query (accents and case ignored). */
export function filterRows(rows: readonly TableRow[], query: string): readonly TableRow[] {
  const words = normaliseText(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return rows;
  return rows.filter((r) => {
    const text = `${normaliseText(r.name)} ${r.code.toLowerCase()}`;
    return words.every((w) => text.includes(w));
  });
}
