import { describe, expect, it } from 'vitest';
import { classify, NO_DATA_COLOR } from '../../src/lib/classify.ts';
import {
  choroplethFillColor,
  choroplethLayer,
  choroplethStates,
  formatRank,
  legendModel,
  legendText,
  levelTerritories,
  rankValues,
} from '../../src/indicators/indicator-choropleth.ts';

describe('choroplethFillColor', () => {
  it('reads the colour from feature-state, no-data grey without one', () => {
    expect(choroplethFillColor()).toEqual(['to-color', ['coalesce', ['feature-state', 'color'], NO_DATA_COLOR]]);
  });
});

describe('choroplethLayer', () => {
  it('never changes its paint with the classification: shown and hidden through a constant opacity', () => {
    const shown = choroplethLayer('commune', 'territories-commune', true, true);
    const hidden = choroplethLayer('commune', 'territories-commune', true, false);
    expect(shown.paint?.['fill-color']).toEqual(hidden.paint?.['fill-color']);
    expect([shown.paint?.['fill-opacity'], hidden.paint?.['fill-opacity']]).toEqual([1, 0]);
    expect(JSON.stringify(shown).length).toBeLessThan(600);
  });
});

describe('choroplethStates', () => {
  it('gives each territory its class and that class colour, and null for missing values and absent codes', () => {
    const values = new Map<string, number | null>([
      ['01001', 1],
      ['2A004', 5],
      ['97611', null],
    ]);
    const codes = ['01001', '2A004', '97611', '75056'];
    const states = choroplethStates(codes, codes.map((code) => values.get(code)), { breaks: [0, 2, 10], colors: ['#aaa', '#bbb'] });
    expect(Object.fromEntries(states)).toEqual({
      '01001': { cls: 0, color: '#aaa' },
      '2A004': { cls: 1, color: '#bbb' },
      '97611': { cls: null, color: null },
      '75056': { cls: null, color: null },
    });
  });

  it('colours a territory with the legend colour of its class, for 35,000 territories', () => {
    const values = new Map(Array.from({ length: 35_000 }, (_, i) => [String(i), i % 997] as [string, number]));
    const c = classify([...values.values()], { method: 'quantile', classes: 7 });
    const states = choroplethStates([...values.keys()], [...values.values()], c);
    const counts = c.colors.map(() => 0);
    for (const s of states.values()) {
      expect(s.color).toBe(c.colors[s.cls!]);
      counts[s.cls!]!++;
    }
    expect(counts).toEqual(c.counts);
  });

  it('shares one frozen state per class (a handful of objects for 35,000 territories)', () => {
    const values = new Map(Array.from({ length: 35_000 }, (_, i) => [String(i), i % 2 ? i : null] as [string, number | null]));
    const c = classify([...values.values()], { method: 'quantile', classes: 5 });
    const states = choroplethStates([...values.keys()], [...values.values()], c);
    expect(new Set(states.values()).size).toBe(c.colors.length + 1);
    expect(Object.isFrozen(states.get('1'))).toBe(true);
    expect(states.get('0')).toEqual({ cls: null, color: null });
  });
});

describe('choroplethStates from a level\'s territories', () => {
  it('colours the file\'s territories by class, and those only the index knows (or without a finite value) not at all', () => {
    const values = new Map<string, number | null>([
      ['a', 1],
      ['b', null],
      ['c', 7],
      ['d', Number.NaN],
    ]);
    const c = classify([...values.values()], { method: 'equal', classes: 3 });
    const t = levelTerritories(values, ['e']);
    const states = choroplethStates(t.codes, t.values, c);
    expect(states.get('a')).toEqual({ cls: 0, color: c.colors[0] });
    expect(states.get('c')).toEqual({ cls: 2, color: c.colors[2] });
    for (const code of ['b', 'd', 'e']) expect(states.get(code)).toEqual({ cls: null, color: null });
  });
});

describe('levelTerritories', () => {
  it("lists the file's territories, then those only the index knows, each with its value, and the missing ones", () => {
    const values = new Map<string, number | null>([
      ['01001', 3],
      ['01002', null],
      ['01003', Number.NaN],
    ]);
    const t = levelTerritories(values, ['01003', '01004', '01001']);
    expect(t.codes).toEqual(['01001', '01002', '01003', '01004']);
    expect(t.values).toEqual([3, null, null, null]);
    expect(t.missingCount).toBe(3);
    expect(levelTerritories(values).codes).toEqual(['01001', '01002', '01003']);
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
