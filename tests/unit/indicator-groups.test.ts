import { describe, expect, it } from 'vitest';
import { indicatorGroups } from '../../src/indicators/IndicatorOptions.tsx';
import type { IndicatorCatalogueEntry } from '../../src/lib/indicator-format.ts';

const entry = (id: string, theme: string, source = 'drees') => ({ id, label: id, theme, source: { id: source } }) as unknown as IndicatorCatalogueEntry;

describe('indicator option groups', () => {
  it('groups by theme in the themes order, imported files last, empty groups left out', () => {
    const themes = [
      { id: 'offre', label: 'Offre de soins' },
      { id: 'population', label: 'Population' },
      { id: 'sante', label: 'Santé' },
    ];
    const groups = indicatorGroups([entry('pop1', 'population'), entry('mine', 'offre', 'byo'), entry('apl', 'offre'), entry('unknown', 'autre')], themes);
    expect(groups.map((g) => [g.id, g.label, g.entries.map((e) => e.id)])).toEqual([
      ['offre', 'Offre de soins', ['apl']],
      ['population', 'Population', ['pop1']],
      ['custom', 'Mes données (fichier importé)', ['mine']],
    ]);
  });
});
