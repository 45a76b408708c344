import { describe, expect, it } from 'vitest';
import {
  aggregate,
  aggregateByParent,
  aggregatePerimeter,
  franceUnavailableReason,
  levelUnavailableReason,
  valueOfComponents,
  type Components,
} from '../../src/lib/aggregate.ts';

const m = (components: Components | undefined, coverageWeight = 1) => ({ components, coverageWeight });

describe('aggregate', () => {
  it('count: sums', () => {
    expect(aggregate('count', [m([10]), m([20]), m([5])]).value).toBe(35);
  });

  it('ratio: sum of numerators over sum of denominators, which differs from the mean of ratios', () => {
    // 10/100 = 10 % and 90/300 = 30 %: mean of ratios 20 %, true ratio 100/400 = 25 %.
    const r = aggregate('ratio', [m([10, 100]), m([90, 300])], { scale: 100 });
    expect(r.value).toBe(25);
    const meanOfRatios = ((valueOfComponents('ratio', [10, 100], 100)! + valueOfComponents('ratio', [90, 300], 100)!) / 2);
    expect(meanOfRatios).toBe(20);
    expect(r.value).not.toBe(meanOfRatios);
  });

  it('ratio: a density per 10,000', () => {
    expect(aggregate('ratio', [m([3, 5000]), m([7, 15000])], { scale: 10_000 }).value).toBe(5);
  });

  it('weightedMean: weighted by the given weight', () => {
    // APL 2 for 1,000 people and 5 for 3,000: (2000 + 15000) / 4000 = 4.25
    expect(aggregate('weightedMean', [m([2, 1000]), m([5, 3000])]).value).toBe(4.25);
  });

  it('none: never aggregates', () => {
    expect(aggregate('none', [m([20000]), m([22000])]).value).toBeNull();
  });

  it('computes on covered members and reports coverage; null below the threshold', () => {
    const partial = aggregate('ratio', [m([10, 100], 95), m([null, null], 5)], { scale: 100 });
    expect(partial.value).toBe(10);
    expect(partial.coverage).toBeCloseTo(0.95);
    const tooPartial = aggregate('ratio', [m([10, 100], 50), m(undefined, 50)], { scale: 100 });
    expect(tooPartial.value).toBeNull();
    expect(tooPartial.coverage).toBe(0.5);
    // A sum with a missing member is an undercount: counts need ≥ 98 %.
    expect(aggregate('count', [m([10], 97), m([null], 3)]).value).toBeNull();
  });

  it('missing stays missing (never 0)', () => {
    expect(valueOfComponents('count', [null])).toBeNull();
    expect(valueOfComponents('ratio', [5, 0])).toBeNull();
  });
});

describe('aggregateByParent / aggregatePerimeter', () => {
  it('aggregates communes into parents, counting absent communes as uncovered', () => {
    const components = new Map<string, Components>([
      ['a', [10, 100]],
      ['b', [30, 100]],
      ['c', [5, 50]],
    ]);
    const parentOf = new Map([
      ['a', 'X'],
      ['b', 'X'],
      ['c', 'Y'],
      ['d', 'Y'],
    ]);
    const out = aggregateByParent('ratio', components, parentOf, () => 1, { scale: 100 });
    expect(out.get('X')).toEqual({ value: 20, coverage: 1, members: 2 });
    expect(out.get('Y')!.value).toBeNull();
    expect(out.get('Y')!.coverage).toBe(0.5);
  });

  it('aggregates a custom perimeter from a plain object (the viewer file format)', () => {
    const components: Record<string, Components> = { '01001': [2, 1000], '01002': [5, 3000] };
    expect(aggregatePerimeter('weightedMean', ['01001', '01002', '01001'], components).value).toBe(4.25);
  });
});

describe('levelUnavailableReason (one order of checks for the build and a dropped CSV)', () => {
  it('is available at the native level, even when not aggregable', () => {
    expect(levelUnavailableReason('epci', 'epci', 'none', 'x')).toBeNull();
  });
  it('is available at a coarser level the native one nests in', () => {
    expect(levelUnavailableReason('commune', 'departement', 'count', 'x')).toBeNull();
    expect(levelUnavailableReason('departement', 'region', 'ratio', 'x')).toBeNull();
  });
  it('refuses a finer level first, whatever the aggregation', () => {
    expect(levelUnavailableReason('epci', 'commune', 'none', 'x')).toMatch(/publiée qu'à l'échelle des epci/i);
    expect(levelUnavailableReason('departement', 'commune', 'count', 'x')).toMatch(/pas de valeur plus fine/);
  });
  it('then a level the native one does not nest in, even when not aggregable', () => {
    expect(levelUnavailableReason('epci', 'departement', 'none', 'x')).toMatch(/ne s'emboîtent pas/);
    expect(levelUnavailableReason('epci', 'bv', 'count', 'x')).toMatch(/ne s'emboîtent pas/);
  });
  it('then a quantity that does not add up, named in the reason', () => {
    expect(levelUnavailableReason('commune', 'epci', 'none', 'la médiane')).toMatch(/^Non agrégeable : la médiane/);
  });
});

describe('franceUnavailableReason', () => {
  it('says why there is no France value', () => {
    expect(franceUnavailableReason('none', null, 'la médiane')).toMatch(/^Non agrégeable : la médiane/);
    expect(franceUnavailableReason('count', { value: null, coverage: 0.42, members: 10 }, 'x')).toMatch(/42 %/);
    expect(franceUnavailableReason('count', { value: 12, coverage: 1, members: 10 }, 'x')).toBeNull();
  });
});
