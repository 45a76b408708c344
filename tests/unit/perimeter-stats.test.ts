import { describe, expect, it } from 'vitest';
import { aggregateByParent, type AggregationKind, type Components } from '../../src/lib/aggregate.ts';
import type { IndicatorFile } from '../../src/lib/indicator-format.ts';
import { aggregateIndicator, criticalMass, homogeneity, perimeterStats } from '../../src/perimeter/perimeter-stats.ts';
import type { ResolvedContract } from '../../src/lib/contracts.ts';
import type { CommuneZoneFacts } from '../../src/lib/priority-zones.ts';

// Six communes in two EPCI; one commune has a secret value, one no population.
const COMMUNES: Record<string, { epci: string; population: number | null; areaKm2: number }> = {
  '77001': { epci: '200000001', population: 1000, areaKm2: 10 },
  '77002': { epci: '200000001', population: 3000, areaKm2: 20 },
  '77003': { epci: '200000001', population: 500, areaKm2: 5 },
  '2A004': { epci: '200000002', population: 70000, areaKm2: 80 },
  '2A005': { epci: '200000002', population: 200, areaKm2: 8 },
  '2A006': { epci: '200000002', population: null, areaKm2: 3 },
};
const populationOf = (code: string) => COMMUNES[code]?.population ?? null;
const communeOf = (code: string) => {
  const c = COMMUNES[code];
  return c ? { name: code, population: c.population, areaKm2: c.areaKm2 } : undefined;
};
const parentOf = new Map(Object.entries(COMMUNES).map(([code, c]) => [code, c.epci]));
const epciCommunes = (siren: string) => Object.keys(COMMUNES).filter((c) => COMMUNES[c]!.epci === siren);

function indicatorFile(id: string, aggregation: AggregationKind, components: Record<string, Components>, scale?: number): IndicatorFile {
  // The EPCI level as the build computes it: aggregateByParent over every commune, weighted by population.
  const epci = aggregateByParent(aggregation, new Map(Object.entries(components)), parentOf, (c) => populationOf(c) ?? 0, { scale });
  return {
    version: 1,
    id,
    nativeLevel: 'commune',
    aggregation,
    ...(scale ? { scale } : {}),
    france: null,
    levels: {
      epci: {
        values: Object.fromEntries([...epci].map(([k, v]) => [k, v.value])),
        coverage: Object.fromEntries([...epci].map(([k, v]) => [k, v.coverage])),
      },
    },
    components: components as IndicatorFile['components'],
  };
}

const FILES = [
  indicatorFile('medecins', 'count', { '77001': [1], '77002': [4], '77003': [0], '2A004': [80], '2A005': [1], '2A006': [0] }),
  indicatorFile(
    'pauvrete',
    'ratio',
    { '77001': [100, 1000], '77002': [450, 3000], '77003': [null, null], '2A004': [12000, 69000], '2A005': [20, 200], '2A006': [3, 40] },
    100,
  ),
  indicatorFile('apl', 'weightedMean', { '77001': [2.1, 1000], '77002': [3.4, 3000], '77003': [1.2, 500], '2A004': [4.0, 70000], '2A005': [1.5, 200], '2A006': [null, null] }),
];

describe('perimeter aggregation equals level aggregation', () => {
  for (const file of FILES) {
    for (const siren of ['200000001', '200000002']) {
      it(`${file.id} (${file.aggregation}) over the communes of EPCI ${siren}`, () => {
        const result = aggregateIndicator(file, epciCommunes(siren), populationOf);
        expect(result.value).toBe(file.levels.epci!.values[siren]);
        expect(result.coverage).toBeCloseTo(file.levels.epci!.coverage![siren]!, 12);
      });
    }
  }

  it('says a median is not aggregable instead of inventing a value, but still shows its spread', () => {
    const file: IndicatorFile = {
      version: 1,
      id: 'revenu_median',
      nativeLevel: 'commune',
      aggregation: 'none',
      france: null,
      levels: { commune: { values: { '77001': 21000, '77002': 23000, '77003': 19000 } } },
    };
    const result = aggregateIndicator(file, ['77001', '77002', '77003'], populationOf);
    expect(result.value).toBeNull();
    expect(result.reason).toBe('notAggregable');
    expect(result.homogeneity).toMatchObject({ n: 3, min: 19000, max: 23000, minCode: '77003', maxCode: '77002', median: 21000 });
  });

  it('reports an indicator without commune components as not computable for a perimeter', () => {
    const file: IndicatorFile = { version: 1, id: 'bv_only', nativeLevel: 'bv', aggregation: 'ratio', france: null, levels: {} };
    expect(aggregateIndicator(file, ['77001'], populationOf).reason).toBe('notCommuneLevel');
  });
});

describe('critical mass and homogeneity', () => {
  it('sums known populations and counts the unknown ones apart', () => {
    expect(criticalMass(['2A004', '2A005', '2A006'], communeOf)).toEqual({
      communes: 3,
      population: 70200,
      communesWithoutPopulation: 1,
      areaKm2: 91,
      density: 70200 / 91,
    });
  });

  it('computes quartiles, interquartile range and coefficient of variation', () => {
    const h = homogeneity(new Map([['a', 1], ['b', 2], ['c', 3], ['d', 4], ['e', 5]]))!;
    expect(h).toMatchObject({ n: 5, min: 1, max: 5, q1: 2, median: 3, q3: 4, iqr: 2 });
    expect(h.cv).toBeCloseTo(Math.sqrt(2) / 3, 12);
    expect(homogeneity(new Map([['a', 1]]))).toBeNull();
  });
});

describe('perimeterStats', () => {
  it('adds priority zones and overlap with contracts', () => {
    const zoneFacts = new Map<string, CommuneZoneFacts>([
      ['77001', { code: '77001', dens7: 6, aavCategory: '30', frr: 4, qpv: [] }],
      ['77002', { code: '77002', dens7: 2, aavCategory: '11', frr: 0, qpv: ['QN07701M'] }],
    ]);
    const contracts: ResolvedContract[] = [
      { id: 'cls-a', status: 'signe', communes: ['77001'] },
      { id: 'cls-b', status: 'en_preparation', communes: ['77002', '77099'] },
    ];
    const stats = perimeterStats({ codes: ['77001', '77002'], communeOf, indicators: FILES, zoneFacts, contracts });
    expect(stats.mass.population).toBe(4000);
    expect(stats.zones!.zones.rural_isole).toEqual({ communes: 1, population: 1000 });
    expect(stats.zones!.zones.qpv.communes).toBe(1);
    expect(stats.contracts!.active.coverage).toBe('partial');
    expect(stats.contracts!.ongoing.coverage).toBe('covered');
    expect(stats.indicators.get('medecins')!.value).toBe(5);
  });
});
