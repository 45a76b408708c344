// The one CSV writer of every export (indicator map, perimeter, portrait):
// UTF-8 with a BOM (French Excel reads it as Latin-1 otherwise), ';'
// separators, CRLF, decimal comma, missing values left empty (never 0).
// Text cells that a spreadsheet would run as a formula (= + - @, tab, CR at
// the start, OWASP "CSV injection") get a leading apostrophe: a territory or
// perimeter name may come from a forged link. Numbers are written as numbers.
// Pure: values in, a string out. Also used to refuse formula cells on import.

export type CsvValue = string | number | null | undefined;

export const CSV_BOM = '\uFEFF';

// A cell starting with one of these is a formula for Excel, LibreOffice or Google Sheets.
const FORMULA_START = /^[=+\-@\t\r]/;

/** Whether a text cell would be read as a formula by a spreadsheet. */
export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/** Prefixes a would-be formula with an apostrophe, so it is shown as text. */
export function neutraliseFormula(text: string): string {
  return looksLikeFormula(text) ? `'${text}` : text;
}

/** A number as French Excel parses it: "1234,5", full precision (15 significant digits), no thousands separator. */
export function excelNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  // 15 significant digits: every digit a double holds reliably, without binary noise (0.1 + 0.2).
  const exact = Number(value.toPrecision(15));
  return String(Object.is(exact, -0) ? 0 : exact).replace('.', ',');
}

/** One cell: numbers with a decimal comma, text neutralised then quoted when it holds ; " CR or LF. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return excelNumber(value);
  const text = neutraliseFormula(value);
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: readonly CsvValue[]): string {
  return values.map(csvCell).join(';');
}

/** A whole file: BOM, header, rows, CRLF after every line. */
export function toCsv(header: readonly string[], rows: Iterable<readonly CsvValue[]>): string {
  const lines = [csvRow(header)];
  for (const row of rows) lines.push(csvRow(row));
  return `${CSV_BOM}${lines.join('\r\n')}\r\n`;
}
