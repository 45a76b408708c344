// Indicator files are published in two parts (supra levels / commune values
// + components) and merged back by the viewer.
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

describe('indicator file parts', () => {
  it('moves commune values and components into the commune part', () => {
    const { base, commune } = splitIndicatorFile(full, 'indicators/apl.commune.json');
    expect(Object.keys(base.levels).sort()).toEqual(['departement', 'epci']);
    expect('components' in base).toBe(false);
    expect(base.communeFile).toBe('indicators/apl.commune.json');
    expect(commune).toEqual({ version: 1, id: 'apl', commune: full.levels.commune, components: full.components });
  });

  it('merges back to the same file, or to the supra levels only', () => {
    const { base, commune } = splitIndicatorFile(full, 'indicators/apl.commune.json');
    expect(mergeIndicatorFile(JSON.parse(JSON.stringify(base)), JSON.parse(JSON.stringify(commune)))).toEqual(full);
    const supra = mergeIndicatorFile(base, null);
    expect(supra.levels.commune).toBeUndefined();
    expect(supra.components).toBeUndefined();
    expect(supra.levels.epci).toEqual(full.levels.epci);
  });

  it('writes no commune part for an indicator without commune values', () => {
    const dep: IndicatorFile = { version: 1, id: 'dep', nativeLevel: 'departement', aggregation: 'none', france: null, levels: { departement: { values: { '01': 1 } } } };
    const { base, commune } = splitIndicatorFile(dep, 'indicators/dep.commune.json');
    expect(commune).toBeNull();
    expect(base).toEqual(dep);
    expect(mergeIndicatorFile(base, null)).toEqual(dep);
  });
});
