// Indicator files are published in parts (supra levels / commune values /
// commune components) and merged back by the viewer with the parts it needs.
import { describe, expect, it } from 'vitest';
import { mergeIndicatorFile, splitIndicatorFile, type IndicatorFile } from '../../src/lib/indicator-format.ts';

const full: IndicatorFile = {
  version: 1,
  id: 'apl',
  nativeLevel: 'commune',
  aggregation: 'weightedMean',
  france: { value: 3.3, coverage: 1 },
  levels: {
    commune: { values: { '01001': 2, '01002': null } },
    epci: { values: { '200000000': 2.5 }, coverage: { '200000000': 0.9 } },
    departement: { values: { '01': 2.4 } },
  },
  components: { '01001': [2, 100], '01002': [null, 50] },
};

const roundTrip = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

describe('indicator file parts', () => {
  it('moves the commune values and the components into two parts of their own', () => {
    const { base, commune, components } = splitIndicatorFile(full);
    expect(Object.keys(base.levels).sort()).toEqual(['departement', 'epci']);
    expect('components' in base).toBe(false);
    expect(base.communeFile).toBe('indicators/apl.commune.json');
    expect(base.componentsFile).toBe('indicators/apl.components.json');
    expect(commune).toEqual({ version: 1, id: 'apl', commune: full.levels.commune });
    expect(components).toEqual({ version: 1, id: 'apl', components: full.components });
  });

  it('merges back to the same file, to the commune values without components, or to the supra levels only', () => {
    const { base, commune, components } = roundTrip(splitIndicatorFile(full));
    expect(mergeIndicatorFile(base, commune, components)).toEqual(full);
    const map = mergeIndicatorFile(base, commune);
    expect(map.levels.commune).toEqual(full.levels.commune);
    expect(map.components).toBeUndefined();
    const supra = mergeIndicatorFile(base, null);
    expect(supra.levels.commune).toBeUndefined();
    expect(supra.components).toBeUndefined();
    expect(supra.levels.epci).toEqual(full.levels.epci);
    expect('communeFile' in supra || 'componentsFile' in supra).toBe(false);
  });

  it('names only the parts an indicator has', () => {
    const { components: _components, ...noComponents } = full;
    void _components;
    const parts = splitIndicatorFile({ ...noComponents, aggregation: 'none' }, { commune: 'c.json', components: 'k.json' });
    expect(parts.base.communeFile).toBe('c.json');
    expect(parts.base.componentsFile).toBeUndefined();
    expect(parts.components).toBeNull();
  });

  it('writes no commune part for an indicator without commune values', () => {
    const dep: IndicatorFile = { version: 1, id: 'dep', nativeLevel: 'departement', aggregation: 'none', france: null, levels: { departement: { values: { '01': 1 } } } };
    const { base, commune, components } = splitIndicatorFile(dep);
    expect(commune).toBeNull();
    expect(components).toBeNull();
    expect(base).toEqual(dep);
    expect(mergeIndicatorFile(base, null)).toEqual(dep);
  });
});
