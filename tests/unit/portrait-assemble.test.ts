import { describe, expect, it } from 'vitest';
import { assemblePortrait, majorityParent, subjectCommunes, type PortraitData } from '../../src/portrait/portrait-assemble.ts';
import type { TerritoryRecord } from '../../src/data/types.ts';
import type { IndicatorCatalogueEntry, IndicatorFile } from '../../src/lib/indicator-format.ts';
import type { Level } from '../../src/lib/levels.ts';

const rec = (level: Level, code: string, name: string, population: number | null, parents: TerritoryRecord['parents'] = {}, communes?: number): TerritoryRecord => ({
  level, code, name, population, areaKm2: 10, bbox: [0, 0, 1, 1], parents, ...(communes ? { communes } : {}),
});
const communes = new Map([
  ['01001', rec('commune', '01001', 'A', 100, { epci: '200000001', departement: '01', region: '84' })],
  ['01002', rec('commune', '01002', 'B', 300, { epci: '200000001', departement: '01', region: '84' })],
  ['2A004', rec('commune', '2A004', 'Ajaccio', 1000, { epci: '200000002', departement: '2A', region: '94' })],
]);
const indexes = {
  commune: communes,
  epci: new Map([
    ['200000001', rec('epci', '200000001', 'CC Test', 400, { departement: '01', region: '84' }, 2)],
    ['200000002', rec('epci', '200000002', 'CA Ajaccio', 1000, { departement: '2A', region: '94' }, 1)],
  ]),
  departement: new Map([['01', rec('departement', '01', 'Ain', 400, { region: '84' })], ['2A', rec('departement', '2A', 'Corse-du-Sud', 1000, { region: '94' })]]),
  region: new Map([['84', rec('region', '84', 'ARA', 400)], ['94', rec('region', '94', 'Corse', 1000)]]),
};
const entry = {
  id: 'apl', label: 'APL', definition: '', theme: 'offre', unit: '', decimals: 1, polarity: 'higher-better', aggregation: 'weightedMean',
  nativeLevel: 'commune', vintage: '2023', producer: 'DREES', licence: 'LO', source: { id: 's', producer: 'DREES', title: '', licence: '', vintage: '', url: null },
  perimeterAggregable: true, levels: { commune: { available: true, territories: 3, withValue: 2 } }, france: 3, file: 'x',
} as unknown as IndicatorCatalogueEntry;
const file: IndicatorFile = {
  version: 1, id: 'apl', nativeLevel: 'commune', aggregation: 'weightedMean', france: { value: 3, coverage: 1 },
  levels: {
    commune: { values: { '01001': 2, '01002': 4, '2A004': null } },
    epci: { values: { '200000001': 3.5, '200000002': null } },
    departement: { values: { '01': 3.5 } },
    region: { values: { '84': 3.2 } },
  },
  components: { '01001': [2, 100], '01002': [4, 300], '2A004': [null, 1000] },
};
const base = (subject: PortraitData['subject']): PortraitData => ({
  subject, indexes, catalogue: [entry], indicatorFiles: new Map([['apl', file]]), contracts: null, neighbours: null, zoneFacts: null, hospitals: null, sources: [],
});

describe('portrait assembly', () => {
  it('finds the communes of a supra territory and of a perimeter', () => {
    expect(subjectCommunes({ kind: 'territory', level: 'epci', code: '200000001' }, communes)).toEqual(['01001', '01002']);
    expect(subjectCommunes({ kind: 'perimeter', id: 'p', name: 'P', communes: ['01002', '01001', '01002'] }, communes)).toEqual(['01001', '01002']);
    expect(majorityParent(['01001', '01002', '2A004'], communes, 'departement')).toBe('2A');
  });

  it('compares a commune with its EPCI, département, région and France, ranked among communes', () => {
    const r = assemblePortrait(base({ kind: 'territory', level: 'commune', code: '01001' }))!;
    const f = r.model.indicators[0]!;
    expect(f.value).toBe(2);
    expect(f.rank).toEqual({ rank: 2, count: 2, percentile: 0 });
    expect(f.comparisons.map((c) => [c.scope, c.name, c.value, c.verdict])).toEqual([
      ['epci', 'CC Test', 3.5, 'worse'],
      ['departement', 'Ain', 3.5, 'worse'],
      ['region', 'ARA', 3.2, 'worse'],
      ['france', 'France', 3, 'worse'],
    ]);
    expect(r.checklistInput.epci).toEqual({ code: '200000001', name: 'CC Test', population: 400 });
  });

  it('keeps a missing value missing (Corsica, no value) and says unavailable overlays', () => {
    const r = assemblePortrait(base({ kind: 'territory', level: 'commune', code: '2A004' }))!;
    expect(r.model.identity.code).toBe('2A004');
    expect(r.model.indicators[0]!.value).toBeNull();
    expect(r.model.indicators[0]!.rank).toBeNull();
    expect(r.model.contracts.available).toBe(false);
    expect(r.model.zones.available).toBe(false);
    expect(r.model.careOffer.hospitals).toBeNull();
  });

  it('aggregates a perimeter with the aggregation rules (population-weighted APL) and sums its identity', () => {
    const r = assemblePortrait(base({ kind: 'perimeter', id: 'p', name: 'Mon territoire', communes: ['01001', '01002'] }))!;
    expect(r.model.identity).toMatchObject({ kind: 'perimeter', level: null, population: 400, areaKm2: 20, communes: 2 });
    expect(r.model.indicators[0]!.value).toBeCloseTo((2 * 100 + 4 * 300) / 400);
    expect(r.model.indicators[0]!.rank).toBeNull();
    expect(r.checklistInput.perimeterEpcis).toEqual({ count: 1, matchesEpci: true });
  });

  it('returns null for an unknown territory', () => {
    expect(assemblePortrait(base({ kind: 'territory', level: 'commune', code: '99999' }))).toBeNull();
  });
  it('puts the priority indicators first within a theme (latest APL before older vintages)', () => {
    const older = { ...entry, id: 'apl_mg_2022', label: 'APL 2022' } as IndicatorCatalogueEntry;
    const latest = { ...entry, id: 'apl_mg_moins65_2023', label: 'APL < 65 ans 2023' } as IndicatorCatalogueEntry;
    const data = { ...base({ kind: 'territory', level: 'commune', code: '01001' }), catalogue: [older, latest] };
    const r = assemblePortrait(data)!;
    expect(r.model.indicators.map((i) => i.def.id)).toEqual(['apl_mg_moins65_2023', 'apl_mg_2022']);
  });
});
