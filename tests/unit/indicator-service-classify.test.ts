import { describe, expect, it } from 'vitest';
import { classifiedStates, classifyIndicator, effectiveScheme, inlineUnit } from '../../src/indicators/indicator-service.ts';
import { levelTerritories } from '../../src/indicators/indicator-choropleth.ts';
import { DEFAULT_CLASSIFICATION } from '../../src/indicators/classification-settings.ts';
import type { IndicatorCatalogueEntry } from '../../src/lib/indicator-format.ts';

const entry = (patch: Partial<IndicatorCatalogueEntry>) =>
  ({ id: 'x', label: 'X', unit: '%', decimals: 1, polarity: 'higher-worse', ...patch }) as IndicatorCatalogueEntry;

describe('classifyIndicator', () => {
  it('gives a categorical indicator one class per category, labelled by the category', () => {
    const categories = [1, 2, 3, 4, 5].map((value) => ({ value, label: `Catégorie ${value}` }));
    const c = classifyIndicator([1, 2, 2, 3, 4, 5, 5, null], entry({ categories, polarity: 'neutral', unit: '' }), DEFAULT_CLASSIFICATION, null);
    expect(c.labels).toEqual(categories.map((k) => k.label));
    expect(c.counts).toEqual([1, 2, 1, 1, 2]);
    expect(c.noDataCount).toBe(1);
  });

  it('centres a diverging palette on France and reverses colours when higher is better', () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const div = classifyIndicator(values, entry({ polarity: 'higher-better' }), { ...DEFAULT_CLASSIFICATION, diverging: true }, 4);
    expect(div.scheme).toBe('rdbu');
    expect(div.reference).toBe(4);
    expect(div.reversed).toBe(true);
    const seq = classifyIndicator(values, entry({ polarity: 'higher-better' }), DEFAULT_CLASSIFICATION, 4);
    expect(seq.reference).toBeNull();
    expect(seq.colors).toHaveLength(5);
  });

  it('keeps manual breaks', () => {
    const c = classifyIndicator([1, 5, 9], entry({}), { ...DEFAULT_CLASSIFICATION, method: 'manual', breaks: [2, 6] }, null);
    expect(c.breaks).toEqual([1, 2, 6, 9]);
  });
});

describe('effectiveScheme and inlineUnit', () => {
  it('never mixes a sequential palette with a diverging request, nor the reverse', () => {
    expect(effectiveScheme({ ...DEFAULT_CLASSIFICATION, diverging: true, scheme: 'blues' })).toBe('rdbu');
    expect(effectiveScheme({ ...DEFAULT_CLASSIFICATION, diverging: true, scheme: 'puor' })).toBe('puor');
    expect(effectiveScheme({ ...DEFAULT_CLASSIFICATION, scheme: 'puor' })).toBeUndefined();
    expect(effectiveScheme({ ...DEFAULT_CLASSIFICATION, scheme: 'blues' })).toBe('blues');
  });
  it('repeats short units only', () => {
    expect(inlineUnit('%')).toBe('%');
    expect(inlineUnit('pour 10 000 hab.')).toBeUndefined();
  });
});

describe('classifiedStates', () => {
  const values = new Map<string, number | null>(Array.from({ length: 50 }, (_, i) => [`c${i}`, i % 7 === 0 ? null : i] as const));

  it('classifies once per territories, entry and settings; any change classifies again', () => {
    const territories = levelTerritories(values);
    const first = classifiedStates(territories, entry({}), DEFAULT_CLASSIFICATION, null);
    // Back to the same map: the very same classification and states, nothing sorted again.
    const again = classifiedStates(territories, entry({}), { ...DEFAULT_CLASSIFICATION }, null);
    expect(again.classification).toBe(first.classification);
    expect(again.states).toBe(first.states);
    // Another number of classes, another polarity, another France, other territories: classified anew.
    const seven = classifiedStates(territories, entry({}), { ...DEFAULT_CLASSIFICATION, classes: 7 }, null);
    expect(seven.classification).not.toBe(first.classification);
    expect(seven.classification.colors).toHaveLength(7);
    expect(classifiedStates(territories, entry({ polarity: 'higher-better' }), DEFAULT_CLASSIFICATION, null).classification.reversed).toBe(true);
    expect(classifiedStates(territories, entry({}), { ...DEFAULT_CLASSIFICATION, diverging: true }, 20).classification.reference).toBe(20);
    expect(classifiedStates(levelTerritories(values), entry({}), DEFAULT_CLASSIFICATION, null).classification).not.toBe(first.classification);
  });

  it('gives each territory the colour of its class, and no colour without a value', () => {
    const territories = levelTerritories(values);
    const { classification, states } = classifiedStates(territories, entry({}), DEFAULT_CLASSIFICATION, null);
    expect(states.size).toBe(50);
    expect(states.get('c0')).toEqual({ cls: null, color: null });
    const s = states.get('c48')!;
    expect(s.cls).not.toBeNull();
    expect(s.color).toBe(classification.colors[s.cls!]);
  });
});
