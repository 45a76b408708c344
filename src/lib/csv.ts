// Reading CSV files as French open data publishes them: `;`, `,` or tab
// delimiters, UTF-8 with or without BOM or Latin-1 (Windows-1252), metadata
// lines above the header (INSEE / CartoSanté exports), quoted fields holding
// separators, trailing blank lines. Pure: bytes or text in, rows out, so the
// viewer parses a dropped file with the very same code as the build.
// Cells stay strings (no dynamic typing): codes keep their leading zeros.
import Papa from 'papaparse';

export type Delimiter = ';' | ',' | '\t';
export type TextEncodingName = 'utf-8' | 'windows-1252';

export interface CsvReadOptions {
  /** Throw on the first malformed line instead of listing it in `warnings` (build inputs). */
  strict?: boolean;
  /** Force the delimiter; detected from the first lines otherwise. */
  delimiter?: Delimiter;
  /** 1-based line number of the header row; detected (skipping metadata lines) otherwise. */
  headerRow?: number;
  /** Force the encoding of byte input; UTF-8 strictly, then Windows-1252, otherwise. */
  encoding?: TextEncodingName;
  /** Parse in 1 MB chunks and report the share of the text read (a big file in a worker). */
  onProgress?: (fraction: number) => void;
}

export interface CsvTable {
  /** Header cells, trimmed; duplicates get a " (2)" suffix. */
  headers: string[];
  /** One record per data row, header → cell (raw string, untrimmed). */
  rows: Record<string, string>[];
  delimiter: Delimiter;
  encoding: TextEncodingName | 'text';
  hadBom: boolean;
  /** 1-based line number of the header row. */
  headerRow: number;
  /** Lines above the header (titles, "Référentiel géographique : …"). */
  metadataLines: string[];
  /** Problems papaparse reported (e.g. a row with too many fields), with their data-row index. */
  warnings: string[];
}

const DELIMITERS: readonly Delimiter[] = [';', ',', '\t'];

/**
 * Decodes bytes: strict UTF-8 first (a Latin-1 "é" is an invalid UTF-8
 * sequence, so the fallback is safe), then Windows-1252, the superset of
 * Latin-1 that Excel writes on French Windows.
 */
export function decodeBytes(
  bytes: ArrayBuffer | Uint8Array,
  encoding?: TextEncodingName,
): { text: string; encoding: TextEncodingName; hadBom: boolean } {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const hadBom = view.length >= 3 && view[0] === 0xef && view[1] === 0xbb && view[2] === 0xbf;
  if (encoding !== 'windows-1252') {
    try {
      // ignoreBOM: false → the decoder strips a UTF-8 BOM itself.
      const text = new TextDecoder('utf-8', { fatal: true }).decode(view);
      return { text, encoding: 'utf-8', hadBom };
    } catch (error) {
      if (encoding === 'utf-8') throw error;
    }
  }
  return { text: new TextDecoder('windows-1252').decode(view), encoding: 'windows-1252', hadBom: false };
}

/** Splits a line on a delimiter, honouring double quotes (enough for detection). */
function splitLine(line: string, delimiter: string): string[] {
  const cells: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === '"') {
      if (quoted && line[i + 1] === '"') {
        current += '"';
        i++;
      } else quoted = !quoted;
    } else if (ch === delimiter && !quoted) {
      cells.push(current);
      current = '';
    } else current += ch;
  }
  cells.push(current);
  return cells;
}

const MAX_DETECTION_LINE = 64 * 1024;

function firstLines(text: string, n: number): string[] {
  const lines: string[] = [];
  let start = 0;
  while (lines.length < n && start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    // Detection only needs the shape of a line: a 5 MB cell is cut (splitLine is per character).
    lines.push(text.slice(start, Math.min(end, start + MAX_DETECTION_LINE)).replace(/\r$/, ''));
    start = end + 1;
  }
  return lines;
}

function mode(values: number[]): { value: number; share: number } {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = 0;
  let bestCount = 0;
  for (const [v, c] of counts) if (c > bestCount || (c === bestCount && v > best)) [best, bestCount] = [v, c];
  return { value: best, share: values.length ? bestCount / values.length : 0 };
}

/**
 * The delimiter that splits the first lines into the most consistent number
 * of fields (a decimal comma in a `;` file gives a varying comma count).
 */
export function detectDelimiter(text: string): Delimiter {
  const lines = firstLines(text, 30).filter((l) => l.trim() !== '');
  let best: Delimiter = ',';
  let bestScore = -1;
  for (const delimiter of DELIMITERS) {
    const counts = lines.map((l) => splitLine(l, delimiter).length - 1);
    const m = mode(counts);
    if (m.value === 0) continue;
    // Consistency first, then the number of fields.
    const score = m.share * 1000 + Math.min(m.value, 999);
    if (score > bestScore) [best, bestScore] = [delimiter, score];
  }
  return best;
}

/**
 * 1-based line of the header: the first line whose non-empty cells reach the
 * width of the data, and which is not mostly numbers. Metadata lines above it
 * ("CartoSanté; ; ;") have a single non-empty cell.
 */
export function detectHeaderRow(text: string, delimiter: Delimiter): number {
  const lines = firstLines(text, 40);
  const filled = lines.map((l) => splitLine(l, delimiter).filter((c) => c.trim() !== '').length);
  const width = Math.max(0, ...filled);
  for (let i = 0; i < lines.length; i++) {
    if (filled[i]! < Math.max(2, Math.ceil(width * 0.6))) continue;
    const cells = splitLine(lines[i]!, delimiter).filter((c) => c.trim() !== '');
    const numeric = cells.filter((c) => /^[\s\d.,+-]+$/.test(c)).length;
    if (numeric <= cells.length / 2) return i + 1;
  }
  return 1;
}

/** Reads a CSV from bytes (encoding detected) or from already-decoded text. */
export function readCsv(input: string | ArrayBuffer | Uint8Array, options: CsvReadOptions = {}): CsvTable {
  const decoded =
    typeof input === 'string'
      ? { text: input, encoding: 'text' as const, hadBom: input.startsWith('\uFEFF') }
      : decodeBytes(input, options.encoding);
  let text = decoded.text;
  const { encoding, hadBom } = decoded;
  text = text.replace(/^\uFEFF/, '');
  const delimiter = options.delimiter ?? detectDelimiter(text);
  const headerRow = options.headerRow ?? detectHeaderRow(text, delimiter);
  // Cut the metadata lines off by position (they may hold quotes or odd widths).
  let offset = 0;
  const metadataLines: string[] = [];
  for (let i = 1; i < headerRow; i++) {
    const end = text.indexOf('\n', offset);
    if (end < 0) break;
    metadataLines.push(text.slice(offset, end).replace(/\r$/, ''));
    offset = end + 1;
  }
  const body = text.slice(offset);
  const config = { delimiter, header: false, dynamicTyping: false, skipEmptyLines: 'greedy' } as const;
  let parsed: { data: string[][]; errors: Papa.ParseError[] };
  const onProgress = options.onProgress;
  if (onProgress) {
    parsed = { data: [], errors: [] };
    const into = parsed;
    // papaparse streams a string in chunks too; its types only declare that for files.
    const parseChunked = Papa.parse as unknown as (input: string, config: object) => void;
    parseChunked(body, {
      ...config,
      chunkSize: 1 << 20,
      chunk: (r: Papa.ParseResult<string[]>) => {
        for (const row of r.data) into.data.push(row);
        for (const e of r.errors) into.errors.push(e);
        onProgress(Math.min(1, r.meta.cursor / Math.max(1, body.length)));
      },
    });
  } else {
    parsed = Papa.parse<string[]>(body, config);
  }
  const [rawHeaders = [], ...records] = parsed.data;
  const seen = new Map<string, number>();
  const headers = rawHeaders.map((h) => {
    const name = h.trim();
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return n === 1 ? name : `${name} (${n})`;
  });
  // Drop trailing empty header cells produced by "a;b;" lines, unless data uses them.
  const warnings = parsed.errors.map((e) => `ligne de données ${e.row ?? '?'} : ${e.message}`);
  if (options.strict && parsed.errors.length > 0) {
    const first = parsed.errors[0]!;
    throw new Error(`CSV parse error at row ${first.row}: ${first.message}`);
  }
  if (options.strict) {
    const bad = records.findIndex((cells) => cells.length !== rawHeaders.length);
    if (bad >= 0) throw new Error(`CSV parse error at row ${bad}: ${records[bad]!.length} fields, ${rawHeaders.length} expected`);
  }
  const rows = records.map((cells) => {
    // No prototype: a "__proto__" or "constructor" header stays a plain key.
    const row: Record<string, string> = Object.create(null) as Record<string, string>;
    headers.forEach((h, i) => {
      row[h] = cells[i] ?? '';
    });
    return row;
  });
  return { headers, rows, delimiter, encoding, hadBom, headerRow, metadataLines, warnings };
}
