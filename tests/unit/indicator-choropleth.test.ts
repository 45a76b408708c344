import { describe, expect, it } from 'vitest';
import { classify } from '../../src/lib/classify.ts';
import {
  choroplethFillColor,
  choroplethStates,
  formatRank,
  legendModel,
  legendText,
  rankValues,
} from '../../src/indicators/indicator-choropleth.ts';

describe('choroplethFillColor', () => {
  it('is a case on a null class, then a match over the class index', () => {
    const expr = choroplethFillColor({ colors: ['#aaa', '#bbb', '#ccc'], noDataColor: '#ddd' });
    expect(expr).toEqual([
      'case',
      ['==', ['feature-state', 'cls'], null],
      '#ddd',
      ['match', ['feature-state', 'cls'], 0, '#aaa', 1, '#bbb', 2, '#ccc', '#ddd'],
    ]);
  });

  it('stays small whatever the number of territories (one stop per class)', () => {
    const values = Array.from({ length: 35_000 }, (_, i) => i);
    const c = classify(values, { method: 'quantile', classes: 7 });
    const expr = choroplethFillColor(c);
    expect(JSON.stringify(expr).length).toBeLessThan(400);
  });

  it('paints everything as no data when there are no classes', () => {
    expect(choroplethFillColor({ colors: [], noDataColor: '#d4d4d4' })).toEqual(['literal', '#d4d4d4']);
  });
});

describe('choroplethStates', () => {
  it('gives each territory its class, and null for missing values and absent codes', () => {
    const values = new Map<string, number | null>([
      ['01001', 1],
      ['2A004', 5],
      ['97611', null],
    ]);
    const states = choroplethStates(['01001', '2A004', '97611', '75056'], values, [0, 2, 10]);
    expect(Object.fromEntries(states)).toEqual({
      '01001': { value: 1, cls: 0 },
      '2A004': { value: 5, cls: 1 },
      '97611': { value: null, cls: null },
      '75056': { value: null, cls: null },
    });
  });
});

describe('legendModel', () => {
  it('counts territories per class and the missing ones, from the classification the map uses', () => {
    const values = [1, 2, 3, 4, 5, 6, null, null, 7, 8];
    const c = classify(values, { method: 'equal', classes: 4, unit: '%' });
    const model = legendModel(c, 'Part des 75 ans ou plus', '%', 9.8);
    expect(model.classes.map((k) => k.count)).toEqual([2, 2, 2, 2]);
    expect(model.noData).toEqual({ color: c.noDataColor, count: 2, label: 'Données manquantes' });
    expect(model.total).toBe(10);
    expect(model.classes.map((k) => k.color)).toEqual(c.colors);
    expect(model.classes[0]!.label).toBe('1 – 2,75\u00a0%');
    expect(model.reference).toBe(9.8);
  });

  it('reads as text, one line per class plus the missing data', () => {
    const c = classify([1, 2, 3, 4, null], { method: 'equal', classes: 3, decimals: 0 });
    expect(legendText(legendModel(c, 'x', ''))).toEqual([
      'Classe 1 : 1 – 2 (2 territoires)',
      'Classe 2 : 2 – 3 (1 territoire)',
      'Classe 3 : 3 – 4 (1 territoire)',
      'Données manquantes (1 territoire)',
    ]);
  });
});

describe('rankValues', () => {
  it('ranks by decreasing value, ties share the best rank, missing values are not ranked', () => {
    const r = rankValues(
      new Map<string, number | null>([
        ['a', 10],
        ['b', 30],
        ['c', 20],
        ['d', 20],
        ['e', null],
        ['f', 5],
      ]),
    );
    expect(r.ranked).toBe(5);
    expect(Object.fromEntries(r.rank)).toEqual({ b: 1, c: 2, d: 2, a: 4, f: 5 });
  });

  it('formats a rank the French way', () => {
    expect(formatRank(1, 1255)).toBe('1er sur 1\u202f255');
    expect(formatRank(12, 1255)).toBe('12e sur 1\u202f255');
  });
});
