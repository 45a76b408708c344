// The indicators step on the real mirror (../shared/data): runs once into a
// temporary folder, then checks the promises the catalogue makes.
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultContext } from '../../scripts/lib/context.ts';
import { buildIndicators } from '../../scripts/indicators/index.ts';
import type { SourceReport } from '../../scripts/indicators/read-source.ts';
import { INDICATORS } from '../../data/indicators.ts';
import { ROW_OUTCOMES } from '../../src/lib/code-matching.ts';
import { mergeIndicatorFile, type IndicatorBaseFile, type IndicatorCatalogueFile, type IndicatorCommuneFile, type IndicatorFile } from '../../src/lib/indicator-format.ts';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'cls-indicators-'));
const ctx = { ...defaultContext([]), outDir: path.join(tmp, 'out'), reportDir: path.join(tmp, 'report'), log: () => {} };
const mirrorAvailable = existsSync(path.join(ctx.mirrorDir, 'indicators'));

let catalogue: IndicatorCatalogueFile;
const reports = new Map<string, SourceReport>();
const readJson = <T>(url: string): T => JSON.parse(readFileSync(path.join(ctx.outDir, url), 'utf8')) as T;
/** Both published parts, merged as the viewer does with `{ commune: true }`. */
const load = (id: string): IndicatorFile => {
  const base = readJson<IndicatorBaseFile>(`indicators/${id}.json`);
  return mergeIndicatorFile(base, base.communeFile ? readJson<IndicatorCommuneFile>(base.communeFile) : null);
};

/** Floor of the share of native territories with a value, from what each source covers (MANIFEST.md). */
const MIN_NATIVE_SHARE: Record<string, number> = {
  population: 1,
  densite_population: 1,
  apl_mg_2022: 0.998, // no Mayotte (17 communes) + merged communes
  apl_mg_2023: 0.998,
  apl_mg_moins65_2022: 0.998,
  apl_mg_moins65_2023: 0.998,
  revenu_median_2021: 0.89, // MED21: 31,316 of 34,909 rows
  taux_pauvrete_2021_communes: 0.12, // TP6021: 4,409 rows only
  zonage_infirmiers: 0.999,
  part_ald_bv: 0.9, // 157 secret cells
};

describe.skipIf(!mirrorAvailable)('indicators on the real mirror', () => {
  beforeAll(async () => {
    await buildIndicators(ctx);
    catalogue = JSON.parse(readFileSync(path.join(ctx.outDir, 'indicators', 'catalogue.json'), 'utf8')) as IndicatorCatalogueFile;
    for (const file of readdirSync(path.join(ctx.reportDir, 'indicators'))) {
      const report = JSON.parse(readFileSync(path.join(ctx.reportDir, 'indicators', file), 'utf8')) as SourceReport;
      reports.set(report.sourceId, report);
    }
  });

  it('ships every catalogue indicator with its file, producer, vintage and licence', () => {
    expect(catalogue.indicators.map((e) => e.id)).toEqual(INDICATORS.map((d) => d.id));
    for (const entry of catalogue.indicators) {
      expect(existsSync(path.join(ctx.outDir, entry.file)), entry.id).toBe(true);
      expect(entry.producer && entry.vintage && entry.licence, entry.id).toBeTruthy();
    }
  });

  it('keeps commune values and components out of the file the supra levels load', () => {
    for (const entry of catalogue.indicators) {
      const base = readJson<IndicatorBaseFile & { components?: unknown }>(entry.file);
      expect(base.levels.commune, entry.id).toBeUndefined();
      expect(base.components, entry.id).toBeUndefined();
      expect(base.communeFile, entry.id).toBe(entry.communeFile);
      if (entry.nativeLevel !== 'commune') {
        expect(entry.communeFile, entry.id).toBeUndefined();
        continue;
      }
      const commune = readJson<IndicatorCommuneFile>(entry.communeFile!);
      expect(Object.keys(commune.commune!.values).length, entry.id).toBe(34_875);
      expect(commune.components !== undefined, entry.id).toBe(entry.perimeterAggregable);
      // The supra-level part of a commune-native indicator is a few tens of KB.
      expect(statSync(path.join(ctx.outDir, entry.file)).size, entry.id).toBeLessThan(150_000);
    }
  });

  it("each build report's counts add up to the source's row count", () => {
    expect(reports.size).toBeGreaterThanOrEqual(13);
    for (const report of reports.values()) {
      const outcomes = ROW_OUTCOMES.reduce((s, o) => s + report.outcomes[o], 0);
      expect(outcomes, report.sourceId).toBe(report.rows);
      expect(report.rows + report.filtered, report.sourceId).toBe(report.rowsRead);
      expect(report.unmatched.length, report.sourceId).toBe(report.outcomes.unmatched);
    }
    // The comparateur file: 36,208 rows, one per postal code; 793 delegated communes set aside.
    expect(reports.get('insee-comparateur-2021')!.rowsRead).toBe(36208);
    expect(reports.get('drees-apl-mg-2022')!.rowsRead).toBe(34964);
    expect(reports.get('ot-mortalite-brute-epci')!.unmatched.every((u) => /^\d{9}$/.test(u.code))).toBe(true);
  });

  it('every indicator has a value for at least the share of territories its source covers', () => {
    for (const entry of catalogue.indicators) {
      const file = load(entry.id);
      const values = Object.values(file.levels[entry.nativeLevel]!.values);
      const share = values.filter((v) => v !== null).length / values.length;
      const floor = MIN_NATIVE_SHARE[entry.id] ?? 0.985;
      expect(share, entry.id).toBeGreaterThanOrEqual(floor);
      // Never a 0 standing in for a secret: the commune poverty rate has no zero.
      if (entry.id === 'taux_pauvrete_2021_communes') expect(values.filter((v) => v === 0)).toHaveLength(0);
    }
  });

  it("France's aggregate of a count equals the sum over communes", () => {
    for (const id of ['population', 'population_2021', 'deces_2022', 'naissances_2022']) {
      const file = load(id);
      const sum = Object.values(file.levels.commune!.values).reduce<number>((s, v) => s + (v ?? 0), 0);
      expect(file.france!.value, id).toBe(sum);
      const regions = Object.values(file.levels.region!.values).reduce<number>((s, v) => s + (v ?? 0), 0);
      if (file.france!.coverage === 1) expect(regions, id).toBe(sum);
    }
    // Populations légales 2022: 68.35 million with the DROM.
    expect(load('population').france!.value).toBeGreaterThan(68_000_000);
  });

  it("APL: France's population-weighted mean of apl_mg_moins65 is DREES's published figure", () => {
    expect(load('apl_mg_moins65_2022').france!.value).toBeCloseTo(3.34, 2);
    expect(load('apl_mg_moins65_2023').france!.value).toBeCloseTo(3.29, 2);
    // Paris is rebuilt from its 20 arrondissements.
    expect(load('apl_mg_2023').levels.commune!.values['75056']).not.toBeNull();
  });

  it('ratios aggregate as sum/sum and non-aggregable indicators say why', () => {
    const chomage = catalogue.indicators.find((e) => e.id === 'taux_chomage_2021')!;
    expect(chomage.levels.epci.available).toBe(true);
    expect(chomage.france).toBeGreaterThan(5);
    const median = catalogue.indicators.find((e) => e.id === 'revenu_median_2021')!;
    expect(median.levels.epci).toMatchObject({ available: false, reason: expect.stringMatching(/médiane/) });
    const bv = catalogue.indicators.find((e) => e.id === 'part_75_ans_plus')!;
    expect(bv.levels.departement.available).toBe(false);
    expect(catalogue.indicators.find((e) => e.id === 'mortalite_standardisee_cepidc_2023')!.licenceToVerify).toBe(true);
  });
});
