import { describe, expect, it } from 'vitest';
import { distance, log10OrNull, nearestPeers, standardise, summarise } from '../../src/peers/model.ts';

describe('peers: standardisation', () => {
  it('centres and divides by the population standard deviation, leaving incomplete territories out', () => {
    // Criterion 1: 1, 2, 3 → mean 2, sd √(2/3). Criterion 2: 10, 10, 40 → mean 20, sd √200.
    const s = standardise(
      new Map<string, (number | null)[]>([
        ['a', [1, 10]],
        ['b', [2, 10]],
        ['c', [3, 40]],
        ['d', [4, null]],
      ]),
    );
    expect(s.means).toEqual([2, 20]);
    expect(s.sds[0]).toBeCloseTo(Math.sqrt(2 / 3), 12);
    expect(s.sds[1]).toBeCloseTo(Math.sqrt(200), 12);
    expect(s.z.get('a')![0]).toBeCloseTo(-1 / Math.sqrt(2 / 3), 12);
    expect(s.z.get('c')![1]).toBeCloseTo(20 / Math.sqrt(200), 12);
    expect(s.incomplete).toEqual(['d']);
  });

  it('a criterion without spread weighs nothing', () => {
    const s = standardise(
      new Map([
        ['a', [5, 1]],
        ['b', [5, 3]],
      ]),
    );
    expect(s.z.get('a')).toEqual([0, -1]);
    expect(s.z.get('b')).toEqual([0, 1]);
  });
});

describe('peers: distance and nearest', () => {
  it('Euclidean distance', () => {
    expect(distance([0, 0], [3, 4])).toBe(5);
  });

  it('ranks by distance in standard deviations, ties broken by code, itself excluded', () => {
    // One criterion, values 0, 1, 2, 3, 4: mean 2, sd √2.
    const s = standardise(
      new Map([
        ['t2', [2]],
        ['t0', [0]],
        ['t1', [1]],
        ['t3', [3]],
        ['t4', [4]],
      ]),
    );
    const peers = nearestPeers('t2', s, 3);
    // t1 and t3 are both 1/√2 away: t1 first by code; then t0 (√2) before t4 (√2) by code.
    expect(peers.map((p) => p.code)).toEqual(['t1', 't3', 't0']);
    expect(peers[0]!.distance).toBeCloseTo(1 / Math.sqrt(2), 12);
    expect(peers[2]!.distance).toBeCloseTo(Math.sqrt(2), 12);
    expect(nearestPeers('nope', s)).toEqual([]);
  });

  it('a large population gap counts less than it would raw once logged and standardised', () => {
    // Population (log10) and unemployment: B has the same population as A but a far rate; C is 10× bigger with the same rate.
    const s = standardise(
      new Map([
        ['A', [log10OrNull(10_000)!, 10]],
        ['B', [log10OrNull(10_000)!, 20]],
        ['C', [log10OrNull(100_000)!, 10]],
        ['D', [log10OrNull(1_000)!, 15]],
      ]),
    );
    // means: log 4, rate 13.75; sds: √0.5, √(68.75/4)
    const [first] = nearestPeers('A', s, 1);
    const zA = s.z.get('A')!;
    expect(distance(zA, s.z.get('C')!)).toBeCloseTo(1 / Math.sqrt(0.5), 12);
    expect(distance(zA, s.z.get('B')!)).toBeCloseTo(10 / Math.sqrt(68.75 / 4), 12);
    expect(first!.code).toBe('C');
  });
});

describe('peers: group summary', () => {
  it('median and range of the values present', () => {
    expect(summarise([3, null, 1, 2])).toEqual({ median: 2, min: 1, max: 3, n: 3 });
    expect(summarise([4, 1, 3, 2])).toEqual({ median: 2.5, min: 1, max: 4, n: 4 });
    expect(summarise([null, undefined])).toEqual({ median: null, min: null, max: null, n: 0 });
  });

  it('log10 only of positive values', () => {
    expect(log10OrNull(1000)).toBe(3);
    expect(log10OrNull(0)).toBeNull();
    expect(log10OrNull(null)).toBeNull();
  });
});
