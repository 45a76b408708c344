import { describe, expect, it } from 'vitest';
import { classifyIndicator, effectiveScheme, inlineUnit } from '../../src/indicators/indicator-service.ts';
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
