// Pure parts of the published map: title, zone of a view, data table rows,
// keyboard neighbour, exported image layout, sheet cover, embed and
// comparison URL fields, label rows.
import { describe, expect, it } from 'vitest';
import { mapTitle, zoneOfView } from '../../src/published/map-title.ts';
import { ZONE_BBOX } from '../../src/map/zones-view.ts';
import { filterRows, sortRows, tableRows } from '../../src/published/table/table-model.ts';
import { neighbourInDirection } from '../../src/published/map-keyboard.ts';
import { coverCrop, pngLayout, PRINT_SIZE } from '../../src/published/export/png-layout.ts';
import { coveredBottom } from '../../src/published/map-padding.ts';
import { stepSheet } from '../../src/components/ui-state.ts';
import { embedUrlCodec } from '../../src/published/url-fields.ts';
import { comparisonCsv, comparisonUrlCodec } from '../../src/perimeter/comparison-url.ts';
import { parseUrlState, serializeUrlState, DEFAULT_URL_STATE } from '../../src/features-url.ts';
import { labelFeatures, selectedLabelPoint } from '../../src/labels/label-data.ts';
import { splitRows, type LabelRow } from '../../scripts/labels/label-points.ts';

const APL = { id: 'apl_mg_moins65_2023', label: 'APL aux médecins généralistes de 65 ans ou moins 2023' };

describe('map title', () => {
  it('says what, at which level, where', () => {
    expect(mapTitle({ indicator: APL, level: 'epci', zone: 'metro', perimeter: null })).toBe('Accès aux médecins généralistes (APL 2023) par intercommunalité');
    expect(mapTitle({ indicator: APL, level: 'departement', zone: '974', perimeter: null })).toBe('Accès aux médecins généralistes (APL 2023) par département — La Réunion');
    expect(mapTitle({ indicator: { id: 'taux_pauvrete', label: 'Taux de pauvreté' }, level: 'commune', zone: 'metro', perimeter: 'Brie' })).toBe(
      'Taux de pauvreté par commune — périmètre « Brie »',
    );
    expect(mapTitle({ indicator: null, level: 'bv', zone: 'metro', perimeter: null })).toBe('Territoires par bassin de vie');
  });

  it('finds the zone from the view centre', () => {
    expect(zoneOfView(null, ZONE_BBOX)).toBe('metro');
    expect(zoneOfView({ lng: 2.3, lat: 46.5, zoom: 5 }, ZONE_BBOX)).toBe('metro');
    expect(zoneOfView({ lng: 55.5, lat: -21.1, zoom: 9 }, ZONE_BBOX)).toBe('974');
    expect(zoneOfView({ lng: -53, lat: 4, zoom: 7 }, ZONE_BBOX)).toBe('973');
  });
});

describe('data table model', () => {
  const values = new Map<string, number | null>([
    ['b', 3],
    ['a', 1],
    ['c', null],
    ['d', 2],
  ]);
  const names: Record<string, string> = { a: 'Évry', b: 'Amiens', c: 'Caen', d: 'Dole' };
  const rows = tableRows(['a', 'b', 'c', 'd'], (c) => names[c], (c) => values.get(c), [0, 1.5, 2.5, 3]);

  it('gives each row the class the map paints (same rule), none without a value', () => {
    expect(rows.map((r) => [r.code, r.cls])).toEqual([
      ['a', 0],
      ['b', 2],
      ['c', null],
      ['d', 1],
    ]);
  });

  it('sorts by value either way with missing values last, and by name in French order', () => {
    expect(sortRows(rows, { key: 'value', descending: false }).map((r) => r.code)).toEqual(['a', 'd', 'b', 'c']);
    expect(sortRows(rows, { key: 'value', descending: true }).map((r) => r.code)).toEqual(['b', 'd', 'a', 'c']);
    expect(sortRows(rows, { key: 'name', descending: false }).map((r) => r.name)).toEqual(['Amiens', 'Caen', 'Dole', 'Évry']);
  });

  it('filters on name or code, accents and case ignored', () => {
    expect(filterRows(rows, 'evry').map((r) => r.code)).toEqual(['a']);
    expect(filterRows(rows, '  ').length).toBe(4);
    expect(filterRows(rows, 'd').map((r) => r.code)).toEqual(['d']);
  });
});

describe('keyboard neighbour', () => {
  const candidates = [
    { code: 'east', point: [3, 48] as const },
    { code: 'far-east', point: [5, 48] as const },
    { code: 'north', point: [2, 49] as const },
    { code: 'north-east-ish', point: [3, 48.9] as const },
  ];
  it('takes the nearest one in the direction, never one behind or far to the side', () => {
    expect(neighbourInDirection([2, 48], candidates, 'right')?.code).toBe('east');
    expect(neighbourInDirection([2, 48], candidates, 'up')?.code).toBe('north');
    expect(neighbourInDirection([2, 48], candidates, 'left')).toBeNull();
    expect(neighbourInDirection([3, 48], candidates, 'right', 'east')?.code).toBe('far-east');
  });
});

describe('exported image layout', () => {
  it('stacks title, map and credits over the full size, the legend inside the map', () => {
    const l = pngLayout(PRINT_SIZE.width, PRINT_SIZE.height, PRINT_SIZE.width / 1400, 6, 3);
    expect(l.title.y).toBe(0);
    expect(l.map.y).toBe(l.title.h);
    expect(l.footer.y).toBe(l.map.y + l.map.h);
    expect(l.footer.y + l.footer.h).toBe(PRINT_SIZE.height);
    expect(l.legend.x).toBeGreaterThanOrEqual(0);
    expect(l.legend.y).toBeGreaterThan(l.map.y);
    expect(l.legend.y + l.legend.h).toBeLessThanOrEqual(l.map.y + l.map.h);
  });

  it('crops the map frame to cover the target without distortion', () => {
    const c = coverCrop(2000, 1000, { w: 1000, h: 1000 });
    expect(c).toEqual({ x: 500, y: 0, w: 1000, h: 1000 });
  });
});

describe('bottom sheets', () => {
  const map = { top: 100, bottom: 900, left: 0, right: 400, width: 400, height: 800 } as DOMRect;
  it('measures the part of the map under sheets lying on its bottom edge', () => {
    expect(coveredBottom(map, [{ top: 500, bottom: 900, left: 0, right: 400, width: 400, height: 400 } as DOMRect])).toBe(400);
    expect(coveredBottom(map, [{ top: 0, bottom: 50, left: 0, right: 400, width: 400, height: 50 } as DOMRect])).toBe(0);
    expect(coveredBottom(map, [])).toBe(0);
  });
  it('steps one size at a time', () => {
    expect(stepSheet('peek', -1)).toBe('half');
    expect(stepSheet('half', -1)).toBe('full');
    expect(stepSheet('full', -1)).toBe('full');
    expect(stepSheet('half', 1)).toBe('peek');
    expect(stepSheet('peek', 1)).toBe('peek');
  });
});

describe('URL fields: embed and comparison', () => {
  it('embed=1 only', () => {
    expect(embedUrlCodec.parse('1')).toBe(true);
    expect(embedUrlCodec.parse('yes')).toBeUndefined();
    expect(embedUrlCodec.serialize(false)).toBeUndefined();
    expect(parseUrlState('#v=1&embed=1').embed).toBe(true);
  });

  it('the comparison round-trips in the hash, names with any character', () => {
    const comparison = [
      { name: 'Nord * ~ & « x »', communes: ['77001', '77131'] },
      { name: 'Sud', communes: ['2A004'] },
    ];
    const state = { ...DEFAULT_URL_STATE, comparison };
    expect(parseUrlState(serializeUrlState(state)).comparison).toEqual(comparison);
    expect(comparisonUrlCodec.parse('garbage~x')).toBeUndefined();
    expect(comparisonUrlCodec.parse('77.1*77.2*77.3*77.4')).toBeUndefined();
    expect(serializeUrlState(DEFAULT_URL_STATE)).not.toContain('cmp=');
  });

  it('exports the comparison as a CSV for French Excel', () => {
    const csv = comparisonCsv(['Critère', 'A; B', 'C'], [{ label: 'Population', cells: ['1 200 hab.', '3 400 hab.'] }]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toBe('\uFEFFCritère;"A; B";C\r\nPopulation;1 200 hab.;3 400 hab.\r\n');
  });
});

describe('labels', () => {
  const rows: LabelRow[] = [
    ['region', '11', 'Île-de-France', 2.5, 48.7, 12000000],
    ['commune', '75056', 'Paris', 2.34, 48.86, 2100000],
    ['commune', '77131', 'Coulommiers', 3.08, 48.81, 15000],
    ['commune', '77001', 'Acheres-la-Foret', 2.57, 48.35, 1200],
  ];
  it('keeps régions, départements and towns from the threshold in the places file', () => {
    const { places, communes } = splitRows(rows, 10_000);
    expect(places.map((r) => r[1])).toEqual(['11', '75056', '77131']);
    expect(communes.map((r) => r[1])).toEqual(['77001']);
  });
  it('turns rows into GeoJSON points and places the selected label', () => {
    const fc = labelFeatures({ fields: [], rows });
    expect(fc.features[1]!.geometry.coordinates).toEqual([2.34, 48.86]);
    expect(fc.features[1]!.properties.name).toBe('Paris');
    expect(selectedLabelPoint('75056', [2.2, 48.8, 2.5, 48.9], new Map([['75056', [2.34, 48.86] as const]]))).toEqual([2.34, 48.86]);
    expect(selectedLabelPoint('X', [0, 0, 2, 4], new Map())).toEqual([1, 2]);
  });
});
