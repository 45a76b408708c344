import { afterEach, describe, expect, it, vi } from 'vitest';
import { levelValues, loadIndicatorFile, peekIndicatorFile } from '../../src/indicators/indicator-data.ts';
import type { IndicatorCatalogueEntry, IndicatorFile } from '../../src/lib/indicator-format.ts';

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

describe('loadIndicatorFile', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('gives the very same file for an indicator already loaded, at once through peekIndicatorFile', async () => {
    vi.stubGlobal('document', { baseURI: 'http://atlas.test/' });
    const requests: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      requests.push(url);
      const body = url.endsWith('.commune.json') ? { commune: { values: { '77001': 2 } } } : { levels: { departement: { values: { '77': 1 } } } };
      return new Response(JSON.stringify(body), { status: 200 });
    });
    const entry = { id: 'memo_test', file: 'indicators/memo_test.json', communeFile: 'indicators/memo_test.commune.json' } as IndicatorCatalogueEntry;
    expect(peekIndicatorFile(entry)).toBeUndefined();
    const first = await loadIndicatorFile(entry);
    const again = await loadIndicatorFile(entry);
    expect(again).toBe(first);
    expect(peekIndicatorFile(entry)).toBe(first);
    // So what is derived from it is built once: the commune values map of a second visit is the first one.
    expect(levelValues(again, 'commune')).toBe(levelValues(first, 'commune'));
    expect(Object.fromEntries(levelValues(first, 'commune')!)).toEqual({ '77001': 2 });
    expect(requests).toHaveLength(2);
    // Without the commune part: a file of its own, from the base already fetched.
    expect(peekIndicatorFile(entry, { commune: false })).toBeUndefined();
    const supra = await loadIndicatorFile(entry, { commune: false });
    expect(supra).not.toBe(first);
    expect(supra.levels.commune).toBeUndefined();
    expect(requests).toHaveLength(2);
  });

  it('fetches the components only when asked (a perimeter), and the commune map then reuses that file', async () => {
    vi.stubGlobal('document', { baseURI: 'http://atlas.test/' });
    const requests: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      requests.push(url.replace('http://atlas.test/data/', ''));
      const body = url.endsWith('.commune.json')
        ? { commune: { values: { '77001': 2 } } }
        : url.endsWith('.components.json')
          ? { components: { '77001': [2, 100] } }
          : { levels: { departement: { values: { '77': 1 } } } };
      return new Response(JSON.stringify(body), { status: 200 });
    });
    const entry = {
      id: 'parts_test',
      file: 'indicators/parts_test.json',
      communeFile: 'indicators/parts_test.commune.json',
      componentsFile: 'indicators/parts_test.components.json',
    } as IndicatorCatalogueEntry;
    const map = await loadIndicatorFile(entry);
    expect(map.components).toBeUndefined();
    expect(requests.sort()).toEqual(['indicators/parts_test.commune.json', 'indicators/parts_test.json']);
    expect(peekIndicatorFile(entry, { components: true })).toBeUndefined();
    const perimeter = await loadIndicatorFile(entry, { components: true });
    expect(perimeter.components).toEqual({ '77001': [2, 100] });
    expect(perimeter.levels.commune?.values).toEqual({ '77001': 2 });
    // One more request: the components; the base and the commune values are not fetched again.
    expect(requests.sort()).toEqual(['indicators/parts_test.commune.json', 'indicators/parts_test.components.json', 'indicators/parts_test.json']);
    expect(peekIndicatorFile(entry)).toBe(map);
    expect(peekIndicatorFile(entry, { components: true })).toBe(perimeter);
    // Loaded for a perimeter first, the file with its components serves the commune map at once.
    const other = { ...entry, id: 'parts_test_2' };
    const first = await loadIndicatorFile(other, { components: true });
    expect(peekIndicatorFile(other)).toBe(first);
    expect(peekIndicatorFile(other, { commune: false })).toBeUndefined();
  });
});
