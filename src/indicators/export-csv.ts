// The current indicator at the current level as a CSV for French Excel, by
// the shared CSV writer (src/lib/csv-write.ts). Codes stay text (a leading
// zero or "2A" survives). Pure.
import { valueToClass, type Classification } from '../lib/classify.ts';
import { byCode } from '../lib/codes.ts';
import { toCsv, type CsvValue } from '../lib/csv-write.ts';

export { excelNumber } from '../lib/csv-write.ts';

export interface ExportRow {
  code: string;
  name: string;
  value: number | null;
  /** Why the value is missing: « secret statistique », « non couvert par la source », « non calculable à cet échelon ». */
  absence?: string | null;
  /** An estimate's method, in French. */
  method?: string | null;
}

export const EXPORT_HEADER = ['code', 'nom', 'valeur', 'classe', 'intervalle', 'absence', 'methode'] as const;

/**
 * Rows sorted by code; `classe` is 1-based (empty when the value is missing),
 * `intervalle` its legend label.
 */
export function indicatorCsv(rows: readonly ExportRow[], classification: Pick<Classification, 'breaks' | 'labels'>): string {
  const sorted = [...rows].sort(byCode);
  const out = sorted.map((row): CsvValue[] => {
    const cls = valueToClass(row.value, classification.breaks);
    return [
      row.code,
      row.name,
      row.value,
      cls === null ? null : cls + 1,
      cls === null ? null : (classification.labels[cls] ?? ''),
      row.value === null ? (row.absence ?? null) : null,
      row.method ?? null,
    ];
  });
  return toCsv(EXPORT_HEADER, out);
}

/** A file name without spaces or accents: "indicateur_apl-mg-2023_epci.csv". */
export function exportFileName(indicatorId: string, level: string): string {
  const safe = (s: string) =>
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .toLowerCase();
  return `cls-atlas_${safe(indicatorId)}_${safe(level)}.csv`;
}
