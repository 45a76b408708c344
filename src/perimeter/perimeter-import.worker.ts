// A list of communes to import (a dropped file or a pasted text), decoded,
// checked and matched off the main thread: a file of 100,000 codes does not
// freeze the page. Refuses what is not text (empty, binary) with the shared
// French message; UTF-16 is decoded.
import { decodeInput, describeInputProblem } from '../lib/text-input.ts';
import { parseCodeList, summariseImport, type ImportSummary } from './perimeter-io.ts';

/** Largest file read. */
export const PERIMETER_MAX_BYTES = 50 * 1024 * 1024;

export interface PerimeterImportRequest {
  readonly input: Blob | string;
  readonly communes: readonly string[];
  readonly passage: ReadonlyArray<readonly [string, readonly string[]]>;
}

export type PerimeterImportResponse = { readonly ok: true; readonly summary: ImportSummary } | { readonly ok: false; readonly message: string };

export async function runPerimeterImport(request: PerimeterImportRequest): Promise<PerimeterImportResponse> {
  let text: string;
  if (typeof request.input === 'string') text = request.input;
  else {
    const decoded = decodeInput(new Uint8Array(await request.input.arrayBuffer()), { maxBytes: PERIMETER_MAX_BYTES });
    if (!decoded.ok) return { ok: false, message: describeInputProblem(decoded.problem) };
    text = decoded.text;
  }
  const report = parseCodeList(text, { communes: new Set(request.communes), passage: new Map(request.passage) });
  return { ok: true, summary: summariseImport(report) };
}

// In a worker (not when imported by the page's fallback or by tests).
if (typeof WorkerGlobalScope !== 'undefined' && self instanceof WorkerGlobalScope) {
  self.onmessage = (event: MessageEvent<PerimeterImportRequest>) => {
    runPerimeterImport(event.data).then(
      (response) => self.postMessage(response),
      (error: unknown) => self.postMessage({ ok: false, message: String(error) } satisfies PerimeterImportResponse),
    );
  };
}
