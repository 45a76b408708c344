import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { whenQuiet, type FrameSource } from '../../src/map/quiet.ts';

class FakeMap implements FrameSource {
  readonly listeners = new Set<() => void>();
  on(_event: 'render', listener: () => void): void {
    this.listeners.add(listener);
  }
  off(_event: 'render', listener: () => void): void {
    this.listeners.delete(listener);
  }
  frame(): void {
    for (const l of [...this.listeners]) l();
  }
}

describe('whenQuiet', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  /** `count` frames, one every `everyMs`. */
  const frames = async (map: FakeMap, count: number, everyMs: number) => {
    for (let i = 0; i < count; i++) {
      await vi.advanceTimersByTimeAsync(everyMs);
      map.frame();
    }
  };

  const track = (p: Promise<void>) => {
    const state = { done: false };
    void p.then(() => (state.done = true));
    return state;
  };

  /** Still waiting `ms` - 1 from now, done at `ms`. */
  const doneIn = async (state: { done: boolean }, ms: number) => {
    await vi.advanceTimersByTimeAsync(ms - 1);
    expect(state.done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(state.done).toBe(true);
  };

  it('resolves after quietMs without a frame', async () => {
    const map = new FakeMap();
    const state = track(whenQuiet(map, 400, 4000));
    await doneIn(state, 400);
    expect(map.listeners.size).toBe(0);
  });

  it('waits again after every frame (a user request being drawn)', async () => {
    const map = new FakeMap();
    const state = track(whenQuiet(map, 400, 4000));
    await frames(map, 5, 300);
    expect(state.done).toBe(false);
    await doneIn(state, 400);
  });

  it('gives up waiting after maxMs on a map that keeps drawing', async () => {
    const map = new FakeMap();
    const state = track(whenQuiet(map, 400, 1000));
    await frames(map, 9, 100);
    expect(state.done).toBe(false);
    await vi.advanceTimersByTimeAsync(100);
    expect(state.done).toBe(true);
    expect(map.listeners.size).toBe(0);
  });

  it('waits while data the user asked for is on its way (no frame until it comes)', async () => {
    const map = new FakeMap();
    let loading = true;
    const state = track(whenQuiet(map, 400, 4000, () => loading));
    await vi.advanceTimersByTimeAsync(1000);
    expect(state.done).toBe(false);
    // The values arrive and are drawn: quiet 400 ms after that frame.
    loading = false;
    map.frame();
    await doneIn(state, 400);
    expect(map.listeners.size).toBe(0);
  });

  it('a load that never ends does not hold the deferred work past maxMs', async () => {
    const map = new FakeMap();
    const state = track(whenQuiet(map, 400, 1000, () => true));
    await doneIn(state, 1000);
  });
});
