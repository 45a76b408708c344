// The current indicator at the current level as a CSV for French Excel:
// UTF-8 with BOM (or Excel reads it as Windows-1252), ';' separator, decimal
// comma, CRLF. Codes stay text (a leading zero or "2A" survives). Pure.
import { valueToClass, type Classification } from '../lib/classify.ts';
import { byCode } from '../lib/codes.ts';

export interface ExportRow {
  code: string;
  name: string;
  value: number | null;
}

export const EXPORT_HEADER = ['code', 'nom', 'valeur', 'classe', 'intervalle'] as const;

function cell(text: string): string {
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** "1234.5" → "1234,5": full precision, no thousands separator (Excel parses it as a number). */
export function excelNumber(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '';
  const rounded = Math.round(value * 1e6) / 1e6;
  return String(rounded).replace('.', ',');
}

/**
 * Rows sorted by code; `classe` is 1-based (empty when the value is missing),
 * `intervalle` its legend label.
 */
export function indicatorCsv(rows: readonly ExportRow[], classification: Pick<Classification, 'breaks' | 'labels'>): string {
  const lines = [EXPORT_HEADER.join(';')];
  const sorted = [...rows].sort(byCode);
  for (const row of sorted) {
    const cls = valueToClass(row.value, classification.breaks);
    lines.push(
      [
        cell(row.code),
        cell(row.name),
        excelNumber(row.value),
        cls === null ? '' : String(cls + 1),
        cls === null ? '' : cell(classification.labels[cls] ?? ''),
      ].join(';'),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
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
