// A script the page needs later (the design system's) may never arrive: its
// file refused, the connection lost. What waits for it must not wait forever.

/** The awaited load failed, or did not end in time. */
export class LoadFailed extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'LoadFailed';
  }
}

/** Subscribes to failure reports; returns the unsubscribe. */
export type FailureSignal = (report: (reason: string) => void) => () => void;

/**
 * Resolves with `loaded`, or rejects with `LoadFailed` as soon as `failures`
 * reports one or after `waitMs`, whichever comes first.
 */
export function loadedWithin(loaded: Promise<void>, waitMs: number, failures: FailureSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let settled = false;
    let unsubscribe: () => void = () => undefined;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      unsubscribe();
      outcome();
    };
    const fail = (reason: string) => finish(() => reject(new LoadFailed(reason)));
    const timer = setTimeout(() => fail(`not loaded after ${waitMs} ms`), waitMs);
    // A failure already known is reported during the subscription itself.
    const stop = failures(fail);
    if (settled) stop();
    else unsubscribe = stop;
    loaded.then(
      () => finish(resolve),
      (error: unknown) => fail(String(error)),
    );
  });
}
