// The page's side of the CSV worker (byo.worker.ts): one request at a time,
// progress reported through a callback, and cancel = terminate the worker
// (a parse in progress cannot be interrupted otherwise); the next request
// starts a fresh one.
import type { ByoCodeLevel, ByoMapping, ByoReference, ByoResult } from './byo-import.ts';
import type { ByoPhase, ByoRequest, ByoResponse } from './byo.worker.ts';

export type ByoOpened = Extract<ByoResponse, { type: 'opened' }>;

export class ByoCancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

/** The file was refused before the column dialog: `message` says why, in French. */
export class ByoRefused extends Error {}

export class ByoWorkerClient {
  private worker: Worker | null = null;
  private pending: { resolve: (r: ByoResponse) => void; reject: (e: unknown) => void } | null = null;

  constructor(private readonly onProgress: (phase: ByoPhase, fraction: number | null) => void) {}

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./byo.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<ByoResponse>) => {
      const message = event.data;
      if (message.type === 'progress') {
        this.onProgress(message.phase, message.fraction);
        return;
      }
      const pending = this.pending;
      this.pending = null;
      pending?.resolve(message);
    };
    worker.onerror = (event) => {
      const pending = this.pending;
      this.pending = null;
      pending?.reject(new Error(event.message || 'worker error'));
    };
    this.worker = worker;
    return worker;
  }

  private request(message: ByoRequest): Promise<ByoResponse> {
    this.cancel();
    const worker = this.ensure();
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      worker.postMessage(message);
    });
  }

  async open(file: Blob, name: string, codes: Partial<Record<ByoCodeLevel, readonly string[]>>): Promise<ByoOpened> {
    const response = await this.request({ type: 'open', file, name, codes });
    if (response.type === 'opened') return response;
    if (response.type === 'refused') throw new ByoRefused(response.message);
    throw new Error(response.type === 'failed' ? response.message : 'unexpected answer');
  }

  /** Matches the table the worker kept from the last `open`. */
  async map(mapping: ByoMapping, reference: ByoReference, id: string, name: string): Promise<ByoResult> {
    // `request` cancels a pending one, never the table: only a running request is interrupted.
    const response = await this.request({ type: 'map', mapping, reference, id, name });
    if (response.type === 'mapped') return response.result;
    throw new Error(response.type === 'failed' ? response.message : 'unexpected answer');
  }

  /** Stops the running request (the worker and its table go); no-op when idle. */
  cancel(): void {
    if (!this.pending) return;
    const pending = this.pending;
    this.pending = null;
    this.worker?.terminate();
    this.worker = null;
    pending.reject(new ByoCancelled());
  }

  get busy(): boolean {
    return this.pending !== null;
  }
}
