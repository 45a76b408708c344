import { describe, expect, it } from 'vitest';
import {
  prepareFlagCondition,
  prepareIndicatorCondition,
  populationOf,
  quantileCut,
  quantileEnd,
  runQuery,
  sortRows,
  type TableRow,
} from '../../src/finder/model.ts';
import { finderUrlCodec, parseFinderQuery, serializeFinderQuery, type FinderQuery } from '../../src/finder/query.ts';
import { noContractFlags, unplacedContracts, zoneFlags } from '../../src/finder/flags.ts';
import { zoneAggregateToRow, emptyZoneAggregate, type CommuneZoneFacts } from '../../src/lib/priority-zones.ts';

// Six territories: APL (higher is better), unemployment (higher is worse), a flag.
const codes = ['A', 'B', 'C', 'D', 'E', 'F'];
const apl = new Map<string, number | null>([
  ['A', 1.5],
  ['B', 2.0],
  ['C', 2.4],
  ['D', 3.1],
  ['E', null],
  ['F', 4.0],
]);
const unemployment = new Map<string, number | null>([
  ['A', 14],
  ['B', 8],
  ['C', 12],
  ['D', 16],
  ['E', 15],
  ['F', null],
]);
const noCls = new Map<string, boolean | null>([
  ['A', true],
  ['B', true],
  ['C', false],
  ['D', true],
  ['E', true],
  ['F', true],
]);

describe('finder: filter and missing values', () => {
  it('ANDs a threshold and a flag, listing territories without a value apart', () => {
    const criteria = [
      prepareIndicatorCondition({ kind: 'threshold', indicator: 'apl', op: 'lt', value: 2.5 }, apl, codes, 'higher-better'),
      prepareFlagCondition({ kind: 'flag', flag: 'no_cls' }, noCls),
    ];
    const r = runQuery(codes, criteria);
    // A (1.5, no CLS) and B (2.0, no CLS) match; C has a CLS; D and F are above 2.5; E has no APL.
    expect(r.matches).toEqual(['A', 'B']);
    expect(r.undetermined).toEqual([{ code: 'E', missing: [0] }]);
    expect(r.missingByCriterion).toEqual([1, 0]);
    expect(r.total).toBe(6);
  });

  it('does not list as undetermined a territory that fails another criterion', () => {
    const criteria = [
      prepareIndicatorCondition({ kind: 'threshold', indicator: 'apl', op: 'ge', value: 3 }, apl, codes, 'higher-better'),
      prepareIndicatorCondition({ kind: 'threshold', indicator: 'u', op: 'gt', value: 15 }, unemployment, codes, 'higher-worse'),
    ];
    const r = runQuery(codes, criteria);
    // D: 3.1 and 16 → match. E: no APL but 15 is not > 15 → out. F: 4.0 but no unemployment → undetermined.
    expect(r.matches).toEqual(['D']);
    expect(r.undetermined).toEqual([{ code: 'F', missing: [1] }]);
    expect(r.missingByCriterion).toEqual([1, 1]);
  });

  it('with no condition every territory matches', () => {
    expect(runQuery(codes, []).matches).toEqual(codes);
  });

  it('sums populations, counting unknown ones apart', () => {
    const pop = new Map([
      ['A', 1000],
      ['B', 250],
    ]);
    expect(populationOf(['A', 'B', 'C'], (c) => pop.get(c))).toEqual({ population: 1250, unknown: 1 });
  });
});

describe('finder: quantile conditions', () => {
  it('the worst end follows the polarity', () => {
    expect(quantileEnd('worst', 'higher-better')).toBe('low');
    expect(quantileEnd('worst', 'higher-worse')).toBe('high');
    expect(quantileEnd('best', 'higher-worse')).toBe('low');
    expect(quantileEnd('worst', 'neutral')).toBe('high');
    expect(quantileEnd('low', 'higher-worse')).toBe('low');
  });

  it('cuts with linear interpolation, ignoring missing values', () => {
    // 1..10: the top quintile starts at the 0.8 quantile = 8.2, the bottom ends at 0.2 = 2.8.
    const values = [10, 1, 2, 3, 4, null, 5, 6, 7, 8, 9];
    expect(quantileCut(values, 5, 'high')).toBeCloseTo(8.2, 10);
    expect(quantileCut(values, 5, 'low')).toBeCloseTo(2.8, 10);
    expect(quantileCut([null], 5, 'high')).toBeNull();
  });

  it('keeps the most deprived quintile: lowest APL, highest unemployment', () => {
    const values = new Map<string, number | null>(Array.from({ length: 10 }, (_, i) => [`T${i + 1}`, i + 1] as const));
    const all = [...values.keys()];
    const low = prepareIndicatorCondition({ kind: 'quantile', indicator: 'apl', parts: 5, side: 'worst' }, values, all, 'higher-better');
    expect(runQuery(all, [low]).matches).toEqual(['T1', 'T2']);
    const high = prepareIndicatorCondition({ kind: 'quantile', indicator: 'u', parts: 5, side: 'worst' }, values, all, 'higher-worse');
    expect(runQuery(all, [high]).matches).toEqual(['T9', 'T10']);
    expect(high.cut).toBeCloseTo(8.2, 10);
  });

  it('keeps every territory tied at the cut', () => {
    const values = new Map<string, number | null>([
      ['a', 1],
      ['b', 5],
      ['c', 5],
      ['d', 5],
      ['e', 5],
    ]);
    const q = prepareIndicatorCondition({ kind: 'quantile', indicator: 'x', parts: 5, side: 'high' }, values, [...values.keys()], 'neutral');
    expect(runQuery([...values.keys()], [q]).matches).toEqual(['b', 'c', 'd', 'e']);
  });
});

describe('finder: query in the URL', () => {
  const query: FinderQuery = {
    level: 'epci',
    conditions: [
      { kind: 'threshold', indicator: 'apl_mg_2023', op: 'lt', value: 2.5 },
      { kind: 'quantile', indicator: 'taux_chomage_2021', parts: 5, side: 'worst' },
      { kind: 'flag', flag: 'no_cls' },
      { kind: 'threshold', indicator: 'byo:1', op: 'ge', value: -0.25 },
    ],
  };

  it('round-trips', () => {
    const raw = serializeFinderQuery(query);
    expect(raw).toBe('epci,v~apl_mg_2023~lt~2.5,q~taux_chomage_2021~5~worst,f~no_cls,v~byo:1~ge~-0.25');
    expect(parseFinderQuery(raw)).toEqual(query);
  });

  it('drops malformed conditions and refuses an unknown level', () => {
    expect(parseFinderQuery('epci,v~x~lt~abc,q~y~7~worst,f~nope,f~qpv')).toEqual({ level: 'epci', conditions: [{ kind: 'flag', flag: 'qpv' }] });
    expect(parseFinderQuery('region,f~qpv')).toBeUndefined();
    expect(finderUrlCodec.serialize(null)).toBeUndefined();
    expect(finderUrlCodec.parse('bv')).toEqual({ level: 'bv', conditions: [] });
  });
});

describe('finder: flags', () => {
  const facts = (code: string, dens7: number | null, aav: string | null, frr: number | null, qpv: string[] = []): CommuneZoneFacts => ({
    code,
    dens7,
    aavCategory: aav,
    frr,
    qpv,
  });
  const communeFacts = new Map([
    ['c1', facts('c1', 6, '30', 4)],
    ['c2', facts('c2', 1, '11', 0, ['QN1'])],
    ['c3', facts('c3', null, '30', null)],
  ]);

  it('reads a commune flag from its facts, unknown stays null', () => {
    const zones = { facts: communeFacts, aggregates: {} };
    expect([...zoneFlags('rural_isole', 'commune', ['c1', 'c2', 'c3', 'c4'], zones)]).toEqual([
      ['c1', true],
      ['c2', false],
      ['c3', null],
      ['c4', null],
    ]);
    expect(zoneFlags('qpv', 'commune', ['c2'], zones).get('c2')).toBe(true);
    expect(zoneFlags('frr', 'commune', ['c1', 'c3'], zones).get('c3')).toBeNull();
  });

  it('a supra territory is isolated rural when most of its population is', () => {
    const agg = emptyZoneAggregate();
    agg.population = 1000;
    agg.communes = 3;
    agg.zones.rural_isole = { communes: 2, population: 500 };
    agg.zones.frr = { communes: 1, population: 499 };
    const zones = { facts: communeFacts, aggregates: { epci: { E1: zoneAggregateToRow(agg) } } };
    expect(zoneFlags('rural_isole', 'epci', ['E1'], zones).get('E1')).toBe(true);
    expect(zoneFlags('frr', 'epci', ['E1'], zones).get('E1')).toBe(false);
    expect(zoneFlags('qpv', 'epci', ['E1', 'E2'], zones).get('E2')).toBeNull();
  });

  it('no CLS: territories touched by an existing or planned contract are out, ended ones do not count', () => {
    const parents: Record<string, string> = { c1: 'E1', c2: 'E1', c3: 'E2', c4: 'E3' };
    const input = {
      contracts: [
        { status: 'signe' as const, communes: ['c2'], mapped: true },
        { status: 'termine' as const, communes: ['c3'], mapped: true },
        { status: 'en_preparation' as const, communes: [], mapped: false },
      ],
      parentOf: (c: string) => parents[c],
    };
    expect([...noContractFlags('epci', ['E1', 'E2', 'E3'], input)]).toEqual([
      ['E1', false],
      ['E2', true],
      ['E3', true],
    ]);
    expect(unplacedContracts(input)).toBe(1);
  });
});

describe('finder: table sort', () => {
  const rows: TableRow[] = [
    { code: '2', name: 'Éclaron', departement: '52', population: 300, values: [2.1, true] },
    { code: '1', name: 'Abbeville', departement: '80', population: null, values: [null, false] },
    { code: '3', name: 'Bar', departement: '55', population: 100, values: [1.2, true] },
  ];
  it('sorts by a criterion, missing values last in both directions', () => {
    expect(sortRows(rows, { column: 'criterion', index: 0 }, false).map((r) => r.code)).toEqual(['3', '2', '1']);
    expect(sortRows(rows, { column: 'criterion', index: 0 }, true).map((r) => r.code)).toEqual(['2', '3', '1']);
    expect(sortRows(rows, { column: 'population' }, true).map((r) => r.code)).toEqual(['2', '3', '1']);
  });
  it('sorts names the French way (accents)', () => {
    expect(sortRows(rows, { column: 'name' }, false).map((r) => r.name)).toEqual(['Abbeville', 'Bar', 'Éclaron']);
  });
});

describe('finder: map states and CSV', () => {
  it('every territory of the level gets a state: match, undetermined or out', async () => {
    const { finderStates, FINDER_MATCH, FINDER_OUT, FINDER_UNDETERMINED } = await import('../../src/finder/layer.ts');
    const states = finderStates(['A', 'B', 'C'], { total: 3, matches: ['B'], undetermined: [{ code: 'C', missing: [0] }], missingByCriterion: [1] });
    expect([...states]).toEqual([
      ['A', FINDER_OUT],
      ['B', FINDER_MATCH],
      ['C', FINDER_UNDETERMINED],
    ]);
  });

  it('exports retained then undetermined territories for French Excel, missing values empty', async () => {
    const { finderCsv } = await import('../../src/finder/csv.ts');
    const csv = finderCsv(
      ['APL', 'Sans CLS'],
      [{ code: '200000172', name: 'CC Faucigny-Glières', departement: 'Haute-Savoie (74)', population: 27000, values: [2.15, true] }],
      [{ code: '01', name: 'Ain; nord', departement: null, population: null, values: [null, false] }],
      { header: { code: 'code', name: 'nom', departement: 'departement', population: 'population', status: 'statut' }, status: { match: 'retenu', undetermined: 'donnee_manquante' }, flagValue: (v) => (v ? 'oui' : 'non') },
    );
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.split('\r\n')).toEqual([
      '\uFEFFcode;nom;departement;population;APL;Sans CLS;statut',
      '200000172;CC Faucigny-Glières;Haute-Savoie (74);27000;2,15;oui;retenu',
      '01;"Ain; nord";;;;non;donnee_manquante',
      '',
    ]);
  });
});
