// Trend series read from the real mirror's time-series files (every period,
// matched to COG 2025): the values are the producer's, periods in order,
// EPCI of 2021 that no longer exist left out, no invented national value.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultContext } from '../../scripts/lib/context.ts';
import { sourceSeries } from '../../scripts/trends/index.ts';
import { SERIES, type SourceSeries } from '../../data/series.ts';

const ctx = { ...defaultContext([]), log: () => {} };
const mirrorAvailable = existsSync(path.join(ctx.mirrorDir, 'indicators', 'mortalite'));
const def = (id: string) => SERIES.find((s): s is SourceSeries => s.kind === 'source' && s.id === id)!;

describe.skipIf(!mirrorAvailable)('trend series on the mirror', () => {
  it('crude mortality: 7 successive intercensal periods for départements and EPCI', async () => {
    const { file, unmatched } = await sourceSeries(ctx, def('mortalite_brute'));
    expect(file.vintages).toEqual(['1968-1975', '1975-1982', '1982-1990', '1990-1999', '1999-2008', '2008-2013', '2013-2018']);
    // Ain, as published (ot_taux_mortalite_brut_dep_1968_2018.csv).
    expect(file.levels.departement?.['01']).toEqual([11.2, 9.7, 8.8, 8.1, 7.5, 7.3, 7.5]);
    expect(Object.keys(file.levels.departement ?? {})).toHaveLength(101);
    // 1,254 EPCI of 2021 in the file; those whose SIREN is gone in COG 2025 are unmatched, never re-attributed.
    const epci = Object.keys(file.levels.epci ?? {}).length;
    expect(epci).toBeGreaterThan(1200);
    expect(epci + unmatched / 7).toBe(1254);
    expect(file.france).toBeNull();
  });

  it('standardised mortality: 2010–2023, both sexes, every département', async () => {
    const { file } = await sourceSeries(ctx, def('mortalite_standardisee'));
    expect(file.vintages).toEqual(Array.from({ length: 14 }, (_, i) => String(2010 + i)));
    const ain = file.levels.departement?.['01'];
    expect(ain?.[0]).toBe(1076.1);
    expect(Object.keys(file.levels.departement ?? {})).toHaveLength(101);
  });
});
