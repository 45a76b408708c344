// What a file handed to us (a dropped CSV, an imported perimeter, a regional
// list of contracts) really is, before anyone parses it: empty, binary (an
// image, a PDF, a spreadsheet workbook…), UTF-16 with or without a BOM,
// UTF-8, or Windows-1252. Then the CSV-level checks a parser does not make:
// header only, a single column, an unbalanced quote, a header that would
// pollute an object prototype. Pure: bytes or text in, a verdict out; the
// callers turn a problem into a French message (src/i18n/fr.ts, frInput).

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** Known binary formats, by their first bytes. */
export type BinaryFormat = 'png' | 'jpeg' | 'gif' | 'webp' | 'pdf' | 'zip' | 'gzip' | 'ole' | 'unknown';

export type InputProblem =
  | { readonly kind: 'empty' }
  | { readonly kind: 'binary'; readonly format: BinaryFormat }
  | { readonly kind: 'tooLarge'; readonly bytes: number; readonly limit: number };

export type DecodedInput =
  | { readonly ok: true; readonly text: string; readonly encoding: TextEncoding; readonly hadBom: boolean }
  | { readonly ok: false; readonly problem: InputProblem };

const SIGNATURES: readonly { format: BinaryFormat; bytes: readonly number[] }[] = [
  { format: 'png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { format: 'jpeg', bytes: [0xff, 0xd8, 0xff] },
  { format: 'gif', bytes: [0x47, 0x49, 0x46, 0x38] },
  { format: 'pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  // .xlsx, .ods, .docx are zip archives.
  { format: 'zip', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { format: 'gzip', bytes: [0x1f, 0x8b] },
  // Old .xls / .doc (OLE compound file).
  { format: 'ole', bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
];

function startsWith(view: Uint8Array, bytes: readonly number[]): boolean {
  return view.length >= bytes.length && bytes.every((b, i) => view[i] === b);
}

/** The binary format of a file from its signature, or null. */
export function binarySignature(view: Uint8Array): BinaryFormat | null {
  for (const s of SIGNATURES) if (startsWith(view, s.bytes)) return s.format;
  // RIFF....WEBP
  if (startsWith(view, [0x52, 0x49, 0x46, 0x46]) && view.length >= 12 && String.fromCharCode(...view.subarray(8, 12)) === 'WEBP') return 'webp';
  return null;
}

/** Bytes looked at by the heuristics: the head of the file is enough. */
const SNIFF_BYTES = 64 * 1024;

/**
 * UTF-16 without a BOM: text in Latin script has a NUL byte beside almost
 * every character, at odd offsets (LE) or even ones (BE).
 */
export function guessUtf16(view: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(view.length, SNIFF_BYTES) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (view[i] === 0) evenNul++;
    if (view[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul / pairs > 0.6 && evenNul / pairs < 0.1) return 'utf-16le';
  if (evenNul / pairs > 0.6 && oddNul / pairs < 0.1) return 'utf-16be';
  return null;
}

/** Share of control characters (other than tab, CR, LF, FF) in the head of a decoded text. */
function controlShare(text: string): number {
  const n = Math.min(text.length, SNIFF_BYTES);
  if (n === 0) return 0;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f || c === 0xfffd) control++;
  }
  return control / n;
}

export interface DecodeOptions {
  /** Refuse files larger than this many bytes. */
  readonly maxBytes?: number;
}

/**
 * Decodes a file's bytes as text, or says why it is not text: empty,
 * a known binary format, or bytes full of NULs and control characters.
 * UTF-16 (BOM, or the NUL pattern without one) is decoded; then strict
 * UTF-8, then Windows-1252 (what French Excel writes).
 */
export function decodeInput(bytes: ArrayBuffer | Uint8Array, options: DecodeOptions = {}): DecodedInput {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  if (options.maxBytes !== undefined && view.length > options.maxBytes) {
    return { ok: false, problem: { kind: 'tooLarge', bytes: view.length, limit: options.maxBytes } };
  }
  const signature = binarySignature(view);
  if (signature) return { ok: false, problem: { kind: 'binary', format: signature } };

  const bom: TextEncoding | null = startsWith(view, [0xff, 0xfe])
    ? 'utf-16le'
    : startsWith(view, [0xfe, 0xff])
      ? 'utf-16be'
      : startsWith(view, [0xef, 0xbb, 0xbf])
        ? 'utf-8'
        : null;
  const hadBom = bom !== null;
  let encoding: TextEncoding | null = bom === 'utf-8' ? null : (bom ?? guessUtf16(view));

  let text: string;
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    text = new TextDecoder(encoding).decode(view);
  } else {
    const head = view.subarray(0, SNIFF_BYTES);
    if (head.includes(0)) return { ok: false, problem: { kind: 'binary', format: 'unknown' } };
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(view);
      encoding = 'utf-8';
    } catch {
      text = new TextDecoder('windows-1252').decode(view);
      encoding = 'windows-1252';
    }
  }
  text = text.replace(/^\uFEFF/, '');
  if (text.trim() === '') return { ok: false, problem: { kind: 'empty' } };
  if (controlShare(text) > 0.02) return { ok: false, problem: { kind: 'binary', format: 'unknown' } };
  return { ok: true, text, encoding, hadBom };
}

// --- CSV structure ------------------------------------------------------------

/** Header names that would reach an object's prototype if used as keys. */
const RESERVED_HEADERS = new Set(['__proto__', 'constructor', 'prototype', '__definegetter__', '__definesetter__', '__lookupgetter__', '__lookupsetter__', 'hasownproperty', 'tostring', 'valueof']);

export function isReservedHeader(name: string): boolean {
  return RESERVED_HEADERS.has(name.trim().toLowerCase());
}

export type CsvProblem =
  | { readonly kind: 'headerOnly' }
  | { readonly kind: 'oneColumn'; readonly header: string }
  | { readonly kind: 'reservedHeader'; readonly header: string; readonly column: number }
  | { readonly kind: 'unclosedQuote'; readonly line: number }
  | { readonly kind: 'quoteSpansLines'; readonly line: number; readonly lines: number };

export interface QuoteScan {
  /** 1-based line where a quoted field opens and never closes. */
  readonly unclosedAt: number | null;
  /** Records with a line break inside quotes that swallowed another line (its field count is not the header's, or a delimiter follows the break): 1-based start line, lines spanned. */
  readonly brokenRecords: readonly { readonly line: number; readonly lines: number }[];
  /** Number of records (header included). */
  readonly records: number;
}

/**
 * One pass over the text with RFC 4180 quoting. A quote left open swallows
 * the following lines into one field: that shows as a record spanning lines
 * whose field count is not the header's, or as a quote still open at the end.
 * `from` skips the metadata lines above the header.
 */
export function scanQuotes(text: string, delimiter: string, from = 0, maxReports = 20): QuoteScan {
  const broken: { line: number; lines: number }[] = [];
  let line = 1;
  for (let i = 0; i < from; i++) if (text.charCodeAt(i) === 10) line++;
  let recordStart = line;
  let fields = 1;
  let headerFields = -1;
  let records = 0;
  let quoted = false;
  let quoteOpenedAt = 0;
  let atFieldStart = true;
  let spansLines = false;
  // A delimiter after a line break inside quotes: the "cell" holds what looks like another record.
  let swallowed = false;
  let emptyRecord = true;
  const d = delimiter.charCodeAt(0);
  const endRecord = () => {
    if (!emptyRecord) {
      records++;
      if (headerFields < 0) headerFields = fields;
      else if (spansLines && (swallowed || fields !== headerFields) && broken.length < maxReports) broken.push({ line: recordStart, lines: line - recordStart + 1 });
    }
    fields = 1;
    spansLines = false;
    swallowed = false;
    emptyRecord = true;
    atFieldStart = true;
  };
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quoted) {
      if (c === 34) {
        if (text.charCodeAt(i + 1) === 34) i++;
        else quoted = false;
      } else if (c === 10) {
        line++;
        spansLines = true;
      } else if (c === d && spansLines) swallowed = true;
      continue;
    }
    if (c === 34 && atFieldStart) {
      quoted = true;
      quoteOpenedAt = line;
      atFieldStart = false;
      emptyRecord = false;
    } else if (c === d) {
      fields++;
      atFieldStart = true;
      emptyRecord = false;
    } else if (c === 10) {
      endRecord();
      line++;
      recordStart = line;
    } else if (c !== 13) {
      if (c !== 32 && c !== 9) emptyRecord = false;
      atFieldStart = false;
    }
  }
  if (!quoted) endRecord();
  return { unclosedAt: quoted ? quoteOpenedAt : null, brokenRecords: broken, records };
}

/**
 * The first structural problem of a CSV whose header is `headers` (as read)
 * and which has `rows` data rows, or null. `text` and `delimiter` let the
 * quote scan run; `headerOffset` is where the header line starts.
 */
export function checkCsvStructure(input: {
  readonly text: string;
  readonly delimiter: string;
  readonly headers: readonly string[];
  readonly rows: number;
  readonly headerOffset?: number;
}): CsvProblem | null {
  const scan = scanQuotes(input.text, input.delimiter, input.headerOffset ?? 0);
  if (scan.unclosedAt !== null) return { kind: 'unclosedQuote', line: scan.unclosedAt };
  const first = scan.brokenRecords[0];
  if (first) return { kind: 'quoteSpansLines', line: first.line, lines: first.lines };
  const reserved = input.headers.findIndex(isReservedHeader);
  if (reserved >= 0) return { kind: 'reservedHeader', header: input.headers[reserved]!, column: reserved + 1 };
  if (input.headers.filter((h) => h.trim() !== '').length < 2) return { kind: 'oneColumn', header: input.headers[0] ?? '' };
  if (input.rows === 0) return { kind: 'headerOnly' };
  return null;
}

// --- French messages (the viewer's frInput and the contract import command) ------

const nf = new Intl.NumberFormat('fr-FR');

const BINARY_LABELS: Record<BinaryFormat, string> = {
  png: 'une image PNG',
  jpeg: 'une image JPEG',
  gif: 'une image GIF',
  webp: 'une image WebP',
  pdf: 'un document PDF',
  zip: 'une archive ZIP ou un classeur Excel/LibreOffice (.xlsx, .ods)',
  gzip: 'une archive compressée (gzip)',
  ole: 'un ancien classeur Excel (.xls) ou un document Word',
  unknown: 'un fichier binaire (octets nuls ou caractères de contrôle)',
};

export function describeInputProblem(p: InputProblem): string {
  switch (p.kind) {
    case 'empty':
      return 'Le fichier est vide : il ne contient aucun texte.';
    case 'binary':
      return `Ce fichier n’est pas un texte mais ${BINARY_LABELS[p.format]}. ${p.format === 'zip' || p.format === 'ole' ? 'Enregistrez la feuille au format CSV (UTF-8) depuis votre tableur, puis importez ce CSV.' : 'Importez un fichier CSV ou texte.'}`;
    case 'tooLarge':
      return `Le fichier est trop gros (${nf.format(Math.round(p.bytes / 1e6))} Mo ; au plus ${nf.format(Math.round(p.limit / 1e6))} Mo).`;
  }
}

export function describeCsvProblem(p: CsvProblem): string {
  switch (p.kind) {
    case 'headerOnly':
      return 'Le fichier ne contient qu’une ligne d’en-tête : aucune ligne de données.';
    case 'oneColumn':
      return `Une seule colonne lue (« ${p.header.slice(0, 60)} ») : le fichier doit avoir au moins deux colonnes (codes et valeurs) séparées par « ; », « , » ou une tabulation.`;
    case 'reservedHeader':
      return `La colonne ${p.column} porte un nom réservé (« ${p.header.slice(0, 60)} ») : renommez-la puis importez à nouveau le fichier.`;
    case 'unclosedQuote':
      return `Guillemet ouvert ligne ${nf.format(p.line)} et jamais fermé : le reste du fichier serait lu comme une seule cellule. Corrigez les guillemets de cette ligne.`;
    case 'quoteSpansLines':
      return `Guillemets mal appariés ligne ${nf.format(p.line)} : une cellule entre guillemets s’étend sur ${nf.format(p.lines)} lignes et avale les suivantes. Corrigez les guillemets de cette ligne.`;
  }
}

export function encodingLabel(e: TextEncoding): string {
  return { 'utf-8': 'UTF-8', 'utf-16le': 'UTF-16 (petit-boutiste)', 'utf-16be': 'UTF-16 (gros-boutiste)', 'windows-1252': 'Windows-1252 (Latin-1)' }[e];
}
