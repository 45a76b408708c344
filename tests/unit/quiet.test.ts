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

  it('resolves after quietMs without a frame', async () => {
    const map = new FakeMap();
    const state = track(whenQuiet(map, 400, 4000));
    await vi.advanceTimersByTimeAsync(399);
    expect(state.done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(state.done).toBe(true);
    expect(map.listeners.size).toBe(0);
  });

  it('waits again after every frame (a user request being drawn)', async () => {
    const map = new FakeMap();
    const state = track(whenQuiet(map, 400, 4000));
    await frames(map, 5, 300);
    expect(state.done).toBe(false);
    await vi.advanceTimersByTimeAsync(399);
    expect(state.done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(state.done).toBe(true);
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

  it('waits again after each sign of activity (another indicator asked for, its values on the way: no frame yet)', async () => {
    const map = new FakeMap();
    const listeners = new Set<() => void>();
    const activity = (listener: () => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    };
    const state = track(whenQuiet(map, 400, 4000, activity));
    await vi.advanceTimersByTimeAsync(350);
    for (const l of listeners) l();
    await vi.advanceTimersByTimeAsync(399);
    expect(state.done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(state.done).toBe(true);
    // Nothing left listening once quiet.
    expect(listeners.size).toBe(0);
    expect(map.listeners.size).toBe(0);
  });
});
