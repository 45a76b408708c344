import { describe, expect, it } from 'vitest';
import { levelValues } from '../../src/indicators/indicator-data.ts';
import type { IndicatorFile } from '../../src/lib/indicator-format.ts';

const file = (values: Record<string, number | null>) =>
  ({ levels: { departement: { values } } }) as unknown as IndicatorFile;

describe('levelValues', () => {
  it('reads a level as a map, with missing and non-finite values as null', () => {
    const map = levelValues(file({ '77': 3.2, '75': null, '2A': Number.NaN }), 'departement')!;
    expect(Object.fromEntries(map)).toEqual({ '77': 3.2, '75': null, '2A': null });
  });

  it('is null for a level the file has no values for', () => {
    expect(levelValues(file({ '77': 1 }), 'commune')).toBeNull();
  });

  it('builds each file’s map once: going back to an indicator already read rebuilds nothing', () => {
    const f = file({ '77': 1 });
    expect(levelValues(f, 'departement')).toBe(levelValues(f, 'departement'));
    expect(levelValues(file({ '77': 1 }), 'departement')).not.toBe(levelValues(f, 'departement'));
  });
});
