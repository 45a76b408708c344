import { describe, expect, it } from 'vitest';
import {
  buildIndicatorFigure,
  compareWithReference,
  comparisonScaleMax,
  coverageOf,
  hospitalsByType,
  rankAmongPeers,
  summariseZones,
  type PortraitIndicatorDef,
  type ReferenceValue,
} from '../../src/portrait/portrait-model.ts';

const apl: PortraitIndicatorDef = { id: 'apl', label: 'APL', theme: 'offre', polarity: 'higher-better', unit: 'c/hab', decimals: 1 };
const poverty: PortraitIndicatorDef = { id: 'pov', label: 'Pauvreté', theme: 'precarite', polarity: 'higher-worse', unit: '%' };
const dep = (value: number | null): ReferenceValue => ({ scope: 'departement', code: '77', name: 'Seine-et-Marne', value });

describe('rankAmongPeers', () => {
  it('ranks by decreasing value and gives the share of peers below', () => {
    const peers = [10, 20, 30, 40, 50];
    expect(rankAmongPeers(50, peers)).toEqual({ rank: 1, count: 5, percentile: 100 });
    expect(rankAmongPeers(10, peers)).toEqual({ rank: 5, count: 5, percentile: 0 });
    expect(rankAmongPeers(30, peers)).toEqual({ rank: 3, count: 5, percentile: 50 });
  });

  it('leaves missing peers out and never ranks a missing value', () => {
    expect(rankAmongPeers(20, [10, null, 20, Number.NaN, 30])).toEqual({ rank: 2, count: 3, percentile: 50 });
    expect(rankAmongPeers(null, [1, 2, 3])).toBeNull();
    expect(rankAmongPeers(5, [null, null])).toBeNull();
  });

  it('counts ties half and shares the best rank', () => {
    const r = rankAmongPeers(20, [10, 20, 20, 30]);
    expect(r?.rank).toBe(2);
    expect(r?.percentile).toBe(50);
  });

  it('adds the territory when it is not in the peer set', () => {
    expect(rankAmongPeers(25, [10, 20, 30])).toEqual({ rank: 2, count: 4, percentile: 66.7 });
  });
});

describe('compareWithReference', () => {
  it('is polarity-aware', () => {
    expect(compareWithReference(2, dep(3), 'higher-better').verdict).toBe('worse');
    expect(compareWithReference(4, dep(3), 'higher-better').verdict).toBe('better');
    expect(compareWithReference(20, dep(15), 'higher-worse').verdict).toBe('worse');
    expect(compareWithReference(10, dep(15), 'higher-worse').verdict).toBe('better');
    expect(compareWithReference(10, dep(15), 'neutral').verdict).toBe('neutral');
  });

  it('computes the difference and the relative gap', () => {
    const c = compareWithReference(2.7, dep(3), 'higher-better');
    expect(c.difference).toBeCloseTo(-0.3);
    expect(c.relativeDifferencePct).toBeCloseTo(-10);
    expect(c.name).toBe('Seine-et-Marne');
  });

  it('calls a gap under the tolerance similar', () => {
    expect(compareWithReference(2.95, dep(3), 'higher-better', 5).verdict).toBe('similar');
    expect(compareWithReference(2.7, dep(3), 'higher-better', 5).verdict).toBe('worse');
  });

  it('says unknown when either value is missing, never zero', () => {
    const c = compareWithReference(null, dep(3), 'higher-better');
    expect(c).toMatchObject({ verdict: 'unknown', difference: null, relativeDifferencePct: null });
    expect(compareWithReference(3, dep(null), 'higher-better').verdict).toBe('unknown');
  });
});

describe('buildIndicatorFigure', () => {
  it('ranks among peers of the level and compares with département, région and France', () => {
    const peers = new Map<string, number | null>([['a', 1], ['b', 2], ['77131', 3], ['c', null]]);
    const f = buildIndicatorFigure({
      def: poverty,
      value: 3,
      peers,
      references: [dep(2), { scope: 'region', code: '11', name: 'Île-de-France', value: 4 }, { scope: 'france', code: 'france', name: 'France', value: 3 }],
    });
    expect(f.rank).toEqual({ rank: 1, count: 3, percentile: 100 });
    expect(f.comparisons.map((c) => c.verdict)).toEqual(['worse', 'better', 'similar']);
    expect(comparisonScaleMax(f)).toBe(4);
  });

  it('has no rank for a perimeter (no peer set)', () => {
    const f = buildIndicatorFigure({ def: apl, value: 3, peers: null, references: [] });
    expect(f.rank).toBeNull();
    expect(comparisonScaleMax(buildIndicatorFigure({ def: apl, value: null, peers: null, references: [] }))).toBeNull();
  });
});

describe('zones, coverage, hospitals', () => {
  it('counts communes and population per priority zone, unknown kept apart', () => {
    const z = summariseZones([
      { code: '01001', population: 100, isolatedRural: true, qpvCount: 0, frr: true },
      { code: '01002', population: 200, isolatedRural: false, qpvCount: 2, frr: false },
      { code: '2A004', population: 300, isolatedRural: false, qpvCount: 0, frr: null },
    ]);
    expect(z.isolatedRural).toEqual({ communes: 1, population: 100, unknown: 0 });
    expect(z.qpv).toEqual({ communes: 1, population: 200, unknown: 0, quartiers: 2 });
    expect(z.frr).toEqual({ communes: 1, population: 100, unknown: 1 });
    expect(z.any.communes).toBe(2);
    expect(z.any.unknown).toBe(1);
  });

  it('says unavailable rather than zero when zones are missing', () => {
    expect(summariseZones(null).available).toBe(false);
    const z = summariseZones([{ code: '01001', population: 1, isolatedRural: null, qpvCount: null, frr: null }]);
    expect(z.isolatedRural.communes).toBeNull();
    expect(z.qpv.quartiers).toBeNull();
  });

  it('rolls coverage up to covered / partial / none', () => {
    const active = new Set(['77131', '77001']);
    expect(coverageOf(['77131'], active)).toBe('covered');
    expect(coverageOf(['77131', '77002'], active)).toBe('partial');
    expect(coverageOf(['77002'], active)).toBe('none');
    expect(coverageOf([], active)).toBe('none');
  });

  it('groups hospitals by type, most frequent first', () => {
    const h = (type: string) => ({ id: type, name: type, type, commune: null });
    expect(hospitalsByType([h('CH'), h('SSR'), h('CH')])).toEqual([{ type: 'CH', count: 2 }, { type: 'SSR', count: 1 }]);
  });
});
