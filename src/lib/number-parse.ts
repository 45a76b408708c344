// Numbers as French open data writes them: decimal commas, spaces or
// non-breaking spaces as thousands separators, and a zoo of markers for
// statistical secret or missing values — which are missing, never 0.

export type ParsedNumber =
  | { kind: 'value'; value: number }
  | { kind: 'missing'; marker: string }
  | { kind: 'unparsable'; raw: string };

/** Lower-cased, trimmed markers meaning "no value" (secret, not available, not applicable). */
const MISSING_MARKERS = new Set([
  '',
  's',
  'secret',
  'secret statistique',
  'nd',
  'n.d.',
  'n.d',
  'nd.',
  'na',
  'n/a',
  'nan',
  'null',
  '-',
  '–',
  '—',
  '.',
  '..',
  '...',
  'x',
  'nc',
  'n.c.',
  'c',
]);

/** Whether a raw cell is a missing-value marker (`s`, `nd`, `N/A - secret statistique`, empty…). */
export function isMissingMarker(raw: string | null | undefined): boolean {
  if (raw === null || raw === undefined) return true;
  const cell = raw.replace(/[\u00a0\u202f]/g, ' ').trim().toLowerCase();
  if (MISSING_MARKERS.has(cell)) return true;
  // "N/A - résultat non disponible", "N/A - secret statistique", "NA (secret)"
  return /^(n\/a|na|nd|n\.d\.)(\s|[-–(:]|$)/.test(cell);
}

/** Whether a missing-value marker says the producer hides the value (statistical secret). */
export function isSecretMarker(raw: string | null | undefined): boolean {
  const cell = (raw ?? '').replace(/[\u00a0\u202f]/g, ' ').trim().toLowerCase();
  return cell === 's' || cell === 'c' || /secret/.test(cell);
}

/**
 * Parses one cell: "1 234,5" → 1234.5, "12,3" → 12.3, "1.5" → 1.5,
 * "-16,2" → -16.2, "1e3" → 1000; secret/missing markers → missing.
 * A cell with both "," and "." takes the last one as the decimal separator
 * ("1.234,5" and "1,234.5" are both 1234.5).
 */
export function parseNumber(raw: string | null | undefined): ParsedNumber {
  if (isMissingMarker(raw)) return { kind: 'missing', marker: (raw ?? '').trim() };
  const original = raw as string;
  let cell = original.trim().replace(/^"|"$/g, '');
  // Thousands separators written as spaces, nbsp (U+00A0) or narrow nbsp (U+202F).
  cell = cell.replace(/[\s\u00a0\u202f]+/g, '');
  // Trailing percent or per-mille signs are units, not part of the number.
  cell = cell.replace(/[%‰]$/, '');
  const lastComma = cell.lastIndexOf(',');
  const lastDot = cell.lastIndexOf('.');
  if (lastComma >= 0 && lastDot >= 0) {
    cell = lastComma > lastDot ? cell.replace(/\./g, '').replace(',', '.') : cell.replace(/,/g, '');
  } else if (lastComma >= 0) {
    if ((cell.match(/,/g) ?? []).length > 1) return { kind: 'unparsable', raw: original };
    cell = cell.replace(',', '.');
  }
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(cell)) return { kind: 'unparsable', raw: original };
  const value = Number(cell);
  return Number.isFinite(value) ? { kind: 'value', value } : { kind: 'unparsable', raw: original };
}

/** The value of a cell, or null when missing or unparsable. */
export function numberOrNull(raw: string | null | undefined): number | null {
  const parsed = parseNumber(raw);
  return parsed.kind === 'value' ? parsed.value : null;
}

/** Rounds to `decimals` places; keeps null. Avoids "-0". */
export function roundTo(value: number | null, decimals: number): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  const f = 10 ** decimals;
  const r = Math.round(value * f) / f;
  return Object.is(r, -0) ? 0 : r;
}
