// On the built data (public/data, `npm run build:data`): a custom perimeter made
// of exactly the communes of an EPCI aggregates to the EPCI's published value,
// for every commune-level aggregable indicator. Skipped when the data is not built.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeIndicatorFile, type IndicatorCatalogueFile, type IndicatorFile } from '../../src/lib/indicator-format.ts';
import type { TerritoryIndexFile } from '../../src/data/types.ts';
import { aggregateIndicator } from '../../src/perimeter/perimeter-stats.ts';

const DATA = path.resolve(import.meta.dirname, '../../public/data');
const built = existsSync(path.join(DATA, 'indicators/catalogue.json')) && existsSync(path.join(DATA, 'index/commune.json'));
const read = <T>(rel: string): T => JSON.parse(readFileSync(path.join(DATA, rel), 'utf8')) as T;

describe.skipIf(!built)('perimeter = EPCI on the real data', () => {
  it('gives the EPCI value for every commune-level aggregable indicator', () => {
    const catalogue = read<IndicatorCatalogueFile>('indicators/catalogue.json');
    const communes = read<TerritoryIndexFile>('index/commune.json').territories;
    const population = new Map(communes.map((c) => [c.code, c.population]));
    // Coulommiers' EPCI, a big métropole, a rural EPCI in Corsica, one in La Réunion.
    const sirens = [...new Set(['77131', '69123', '2A004', '97411'].map((code) => communes.find((c) => c.code === code)!.parents.epci!))];
    const entries = catalogue.indicators.filter((e) => e.perimeterAggregable);
    expect(entries.length).toBeGreaterThan(3);
    let compared = 0;
    for (const entry of entries) {
      const file: IndicatorFile = mergeIndicatorFile(read(entry.file), entry.communeFile ? read(entry.communeFile) : null, entry.componentsFile ? read(entry.componentsFile) : null);
      for (const siren of sirens) {
        const expected = file.levels.epci?.values[siren];
        if (expected === undefined) continue;
        const codes = communes.filter((c) => c.parents.epci === siren).map((c) => c.code);
        const result = aggregateIndicator(file, codes, (code) => population.get(code) ?? null);
        if (expected === null) expect(result.value, `${entry.id} ${siren}`).toBeNull();
        else {
          // Published values are rounded, and areas (density denominators) are rounded per
          // territory: compare at the file's precision, or within 0.01 %.
          const tolerance = Math.max(0.5 * 10 ** -(entry.decimals + 1), 1e-4 * Math.abs(expected));
          expect(Math.abs(result.value! - expected), `${entry.id} ${siren}: ${result.value} vs ${expected}`).toBeLessThanOrEqual(tolerance);
        }
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(10);
  });
});
