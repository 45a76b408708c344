import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LoadFailed, loadedWithin, type FailureSignal } from '../../src/app/load-within.ts';

/** A failure signal a test fires by hand, counting its subscribers. */
function signal(known: string | null = null) {
  const reporters = new Set<(reason: string) => void>();
  const failures: FailureSignal = (report) => {
    if (known) report(known);
    reporters.add(report);
    return () => reporters.delete(report);
  };
  return { failures, fire: (reason: string) => reporters.forEach((r) => r(reason)), subscribers: () => reporters.size };
}

describe('loadedWithin', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('resolves when the load ends in time, and lets go of the signal', async () => {
    const s = signal();
    let done!: () => void;
    const p = loadedWithin(new Promise<void>((r) => (done = r)), 1000, s.failures);
    expect(s.subscribers()).toBe(1);
    done();
    await expect(p).resolves.toBeUndefined();
    expect(s.subscribers()).toBe(0);
  });

  it('rejects as soon as a failure is reported, without waiting for the delay', async () => {
    const s = signal();
    const p = loadedWithin(new Promise<void>(() => undefined), 60_000, s.failures);
    s.fire('Failed to fetch dynamically imported module: /assets/dsfr.module.js');
    await expect(p).rejects.toThrow(LoadFailed);
    await expect(p).rejects.toThrow(/dsfr\.module/);
    expect(s.subscribers()).toBe(0);
  });

  it('rejects at once when the failure was known before the call', async () => {
    const s = signal('already failed');
    await expect(loadedWithin(new Promise<void>(() => undefined), 60_000, s.failures)).rejects.toThrow('already failed');
    expect(s.subscribers()).toBe(0);
  });

  it('rejects after the delay when the load never ends', async () => {
    const s = signal();
    const p = loadedWithin(new Promise<void>(() => undefined), 15_000, s.failures);
    const outcome = p.then(() => 'loaded', (e: unknown) => (e instanceof LoadFailed ? e.message : 'other'));
    await vi.advanceTimersByTimeAsync(14_999);
    expect(s.subscribers()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(await outcome).toBe('not loaded after 15000 ms');
    expect(s.subscribers()).toBe(0);
  });

  it('a load that rejects is a failure too', async () => {
    await expect(loadedWithin(Promise.reject(new Error('refused')), 1000, signal().failures)).rejects.toThrow(/refused/);
  });
});
