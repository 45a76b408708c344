// A dropped CSV, read and matched off the main thread: the page keeps
// answering while a 50 MB file is decoded, checked, parsed and matched. The
// table stays here between "open" and "map"; only its shape, the guessed
// mapping and the (bounded) result cross to the page. Cancelling = the page
// terminates this worker.
import { readCsv, type CsvTable } from '../lib/csv.ts';
import { checkCsvStructure, decodeInput } from '../lib/text-input.ts';
import { frInput } from '../i18n/fr.ts';
import { buildCustomIndicator, guessMapping, type ByoCodeLevel, type ByoMapping, type ByoReference, type ByoResult } from './byo-import.ts';

/** Largest file read (the page says so before reading anything bigger). */
export const BYO_MAX_BYTES = 200 * 1024 * 1024;
/** Longest list of each kind sent back to the page (counts stay exact in `outcomes`). */
export const BYO_REPORT_LIST_LIMIT = 5000;

export type ByoPhase = 'read' | 'decode' | 'parse' | 'check' | 'match';

export type ByoRequest =
  | { readonly type: 'open'; readonly file: Blob; readonly name: string; readonly codes: Partial<Record<ByoCodeLevel, readonly string[]>> }
  | { readonly type: 'map'; readonly mapping: ByoMapping; readonly reference: ByoReference; readonly id: string; readonly name: string };

export type ByoResponse =
  | { readonly type: 'progress'; readonly phase: ByoPhase; readonly fraction: number | null }
  | { readonly type: 'refused'; readonly message: string }
  | {
      readonly type: 'opened';
      readonly headers: readonly string[];
      readonly rows: number;
      readonly mapping: ByoMapping;
      readonly encoding: string;
      readonly warnings: number;
    }
  | { readonly type: 'mapped'; readonly result: ByoResult }
  | { readonly type: 'failed'; readonly message: string };

let table: CsvTable | null = null;

const post = (message: ByoResponse) => self.postMessage(message);
const progress = (phase: ByoPhase, fraction: number | null) => post({ type: 'progress', phase, fraction });

/** Long report lists cut for the trip to the page; `outcomes` keeps the counts, `unknownCodes` stays whole (the page counts it). */
function bounded(result: ByoResult): ByoResult {
  const cut = <T>(list: readonly T[]): T[] => (list.length > BYO_REPORT_LIST_LIMIT ? list.slice(0, BYO_REPORT_LIST_LIMIT) : [...list]);
  const r = result.report;
  return {
    ...result,
    report: {
      ...r,
      unmatched: cut(r.unmatched),
      remapped: cut(r.remapped),
      // Conflicting duplicates first: they are the ones a reader must see.
      duplicates: cut([...r.duplicates.filter((d) => d.conflicting), ...r.duplicates.filter((d) => !d.conflicting)]),
      unparsableCells: cut(r.unparsableCells),
      merged: cut(r.merged),
      mergeFlags: cut(r.mergeFlags),
    },
  };
}

async function open(request: Extract<ByoRequest, { type: 'open' }>): Promise<void> {
  table = null;
  if (request.file.size > BYO_MAX_BYTES) {
    post({ type: 'refused', message: frInput.problem({ kind: 'tooLarge', bytes: request.file.size, limit: BYO_MAX_BYTES }) });
    return;
  }
  progress('read', null);
  const bytes = new Uint8Array(await request.file.arrayBuffer());
  progress('decode', null);
  const decoded = decodeInput(bytes);
  if (!decoded.ok) {
    post({ type: 'refused', message: frInput.problem(decoded.problem) });
    return;
  }
  const read = readCsv(decoded.text, { onProgress: (f) => progress('parse', f) });
  progress('check', null);
  const headerOffset = read.metadataLines.reduce((n, l) => n + l.length + 1, 0);
  const problem = checkCsvStructure({ text: decoded.text, delimiter: read.delimiter, headers: read.headers, rows: read.rows.length, headerOffset });
  if (problem) {
    post({ type: 'refused', message: frInput.csvProblem(problem) });
    return;
  }
  table = read;
  const sets = Object.fromEntries(Object.entries(request.codes).map(([level, codes]) => [level, new Set(codes)]));
  post({
    type: 'opened',
    headers: read.headers,
    rows: read.rows.length,
    mapping: guessMapping(read, request.name, sets),
    encoding: frInput.encoding(decoded.encoding),
    warnings: read.warnings.length,
  });
}

function map(request: Extract<ByoRequest, { type: 'map' }>): void {
  if (!table) {
    post({ type: 'failed', message: 'no table' });
    return;
  }
  progress('match', null);
  const result = buildCustomIndicator(table, request.mapping, request.reference, request.id, request.name);
  post({ type: 'mapped', result: bounded(result) });
}

self.onmessage = (event: MessageEvent<ByoRequest>) => {
  const request = event.data;
  Promise.resolve(request.type === 'open' ? open(request) : map(request)).catch((error: unknown) => {
    post({ type: 'failed', message: String(error) });
  });
};
