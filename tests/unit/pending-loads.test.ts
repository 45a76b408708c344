import { describe, expect, it } from 'vitest';
import { loadsPending, whileLoading } from '../../src/data/pending-loads.ts';

describe('whileLoading', () => {
  it('counts a load until it settles, fulfilled or not, and passes its outcome on', async () => {
    expect(loadsPending()).toBe(false);
    let finish!: (v: number) => void;
    let fail!: (e: Error) => void;
    const a = whileLoading(new Promise<number>((resolve) => (finish = resolve)));
    const b = whileLoading(new Promise<number>((_, reject) => (fail = reject)));
    expect(loadsPending()).toBe(true);
    finish(3);
    expect(await a).toBe(3);
    expect(loadsPending()).toBe(true);
    fail(new Error('HTTP 404'));
    await expect(b).rejects.toThrow('HTTP 404');
    expect(loadsPending()).toBe(false);
  });
});
