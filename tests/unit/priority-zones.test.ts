import { describe, expect, it } from 'vitest';
import {
  aggregateZones,
  isIsolatedRural,
  zoneAggregateFromRow,
  zoneAggregateToRow,
  zoneFactsFromRow,
  zoneTypesOf,
  ZONE_AGGREGATE_COLUMNS,
  type CommuneZoneFacts,
} from '../../src/lib/priority-zones.ts';

// Rows in the layout of communes_ruralite_zonages_cog2025.csv (only the columns read).
const rows = [
  { codgeo: '01002', dens7: '6', cateaav2020: '30', codefrr: '0', qpv2024_codes: '' }, // rural, outside attraction
  { codgeo: '01001', dens7: '6', cateaav2020: '20', codefrr: '4', qpv2024_codes: '' }, // rural, in a couronne, FRR
  { codgeo: '2A004', dens7: '2', cateaav2020: '11', codefrr: '0', qpv2024_codes: 'QN02A01M,QN02A02M' }, // urban, 2 QPV
  { codgeo: '15014', dens7: '7', cateaav2020: '30', codefrr: '5', qpv2024_codes: '' }, // FRR+, isolated rural
  { codgeo: '97611', dens7: '4', cateaav2020: '30', codefrr: '', qpv2024_codes: 'QN97651C' }, // small town: not rural
];
const facts = new Map(rows.map((r) => [r.codgeo, zoneFactsFromRow(r)]));

describe('zone rules', () => {
  it('reads a row, codes as strings, QPV sorted, unknown FRR as null', () => {
    expect(facts.get('2A004')).toEqual({ code: '2A004', dens7: 2, aavCategory: '11', frr: 0, qpv: ['QN02A01M', 'QN02A02M'] });
    expect(facts.get('97611')!.frr).toBeNull();
  });

  it('isolated rural = density level 5–7 AND outside the attraction of cities (AAV 30)', () => {
    expect(isIsolatedRural(facts.get('01002')!)).toBe(true);
    expect(isIsolatedRural(facts.get('01001')!)).toBe(false); // rural but in an AAV couronne
    expect(isIsolatedRural(facts.get('97611')!)).toBe(false); // outside attraction but a small town (level 4)
    expect(isIsolatedRural({ dens7: null, aavCategory: '30' })).toBe(false);
    expect(isIsolatedRural({ dens7: 5, aavCategory: '30' })).toBe(true);
  });

  it('FRR = classes 4 and 5, FRR+ = class 5 only', () => {
    expect(zoneTypesOf(facts.get('01001')!)).toEqual(['frr']);
    expect(zoneTypesOf(facts.get('15014')!)).toEqual(['rural_isole', 'frr', 'frr_plus']);
    const formerZrr: CommuneZoneFacts = { code: 'x', dens7: 6, aavCategory: '20', frr: 1, qpv: [] };
    expect(zoneTypesOf(formerZrr)).toEqual([]);
  });

  it('QPV = communes holding at least one QPV', () => {
    expect(zoneTypesOf(facts.get('2A004')!)).toEqual(['qpv']);
    expect(zoneTypesOf(facts.get('97611')!)).toEqual(['qpv']);
  });
});

describe('aggregateZones', () => {
  const population: Record<string, number | null> = { '01002': 100, '01001': 860, '2A004': 70000, '15014': 50, '97611': null };
  const populationOf = (code: string) => population[code] ?? null;

  it('counts communes and population per zone type; unknown population is left out, not zero', () => {
    const agg = aggregateZones(['01001', '01002', '2A004', '15014', '97611', '97611'], facts, populationOf);
    expect(agg.communes).toBe(5);
    expect(agg.population).toBe(71010);
    expect(agg.communesWithoutPopulation).toBe(1);
    expect(agg.zones.qpv).toEqual({ communes: 2, population: 70000 });
    expect(agg.zones.rural_isole).toEqual({ communes: 2, population: 150 });
    expect(agg.zones.frr).toEqual({ communes: 2, population: 910 });
    expect(agg.zones.frr_plus).toEqual({ communes: 1, population: 50 });
    expect(agg.qpvCount).toBe(3);
    expect(agg.density).toEqual([0, 1, 0, 1, 0, 2, 1]);
  });

  it('a territory total equals the sum over its parts', () => {
    const a = aggregateZones(['01001', '01002'], facts, populationOf);
    const b = aggregateZones(['2A004', '15014'], facts, populationOf);
    const all = aggregateZones(['01001', '01002', '2A004', '15014'], facts, populationOf);
    const sum = zoneAggregateToRow(a).map((v, i) => v + zoneAggregateToRow(b)[i]!);
    expect(zoneAggregateToRow(all)).toEqual(sum);
  });

  it('round-trips through the compact row', () => {
    const agg = aggregateZones(['01001', '2A004', '15014'], facts, populationOf);
    const row = zoneAggregateToRow(agg);
    expect(row).toHaveLength(ZONE_AGGREGATE_COLUMNS.length);
    expect(zoneAggregateFromRow(row)).toEqual(agg);
  });
});
