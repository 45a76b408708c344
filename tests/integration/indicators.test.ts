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
import { absenceCounts, absenceOf } from '../../src/lib/absence.ts';
import { estimatePovertyRate, MIN_COMMUNE_SHARE, type PovertyComponents } from '../../src/lib/poverty-estimate.ts';
import { formatValue } from '../../src/indicators/format.ts';
import { impliedNationalTotal, withinOrderOfMagnitude } from '../../scripts/indicators/unit-check.ts';
import { loadCogTables } from '../../scripts/lib/cog.ts';
import { PROJECT_ROOT } from '../../scripts/lib/context.ts';
import { methodOf, mergeIndicatorFile, type IndicatorBaseFile, type IndicatorCatalogueFile, type IndicatorCommuneFile, type IndicatorComponentsFile, type IndicatorFile } from '../../src/lib/indicator-format.ts';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'cls-indicators-'));
const ctx = { ...defaultContext([]), outDir: path.join(tmp, 'out'), reportDir: path.join(tmp, 'report'), log: () => {} };
/** INSEE's published national poverty rate 2021 (metropolitan France, provisional): insee.fr/fr/statistiques/5759045. */
const INSEE_NATIONAL_POVERTY_RATE_2021 = 14.5;
const mirrorAvailable = existsSync(path.join(ctx.mirrorDir, 'indicators'));

let catalogue: IndicatorCatalogueFile;
const reports = new Map<string, SourceReport>();
const readJson = <T>(url: string): T => JSON.parse(readFileSync(path.join(ctx.outDir, url), 'utf8')) as T;
/** All published parts, merged as the viewer does with `{ commune: true, components: true }`. */
const load = (id: string): IndicatorFile => {
  const base = readJson<IndicatorBaseFile>(`indicators/${id}.json`);
  return mergeIndicatorFile(
    base,
    base.communeFile ? readJson<IndicatorCommuneFile>(base.communeFile) : null,
    base.componentsFile ? readJson<IndicatorComponentsFile>(base.componentsFile) : null,
  );
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
      expect(base.componentsFile, entry.id).toBe(entry.componentsFile);
      if (entry.nativeLevel !== 'commune') {
        expect(entry.communeFile, entry.id).toBeUndefined();
        expect(entry.componentsFile, entry.id).toBeUndefined();
        continue;
      }
      // The commune map reads the values alone; a perimeter's figures read the components too.
      const commune = readJson<IndicatorCommuneFile & { components?: unknown }>(entry.communeFile!);
      expect(Object.keys(commune.commune.values).length, entry.id).toBe(34_875);
      expect(commune.components, entry.id).toBeUndefined();
      expect(entry.componentsFile !== undefined, entry.id).toBe(entry.perimeterAggregable);
      if (entry.componentsFile) {
        const components = readJson<IndicatorComponentsFile>(entry.componentsFile);
        expect(components.id, entry.id).toBe(entry.id);
        expect(Object.keys(components.components).length, entry.id).toBeGreaterThan(34_000);
      }
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

  // ── Trustworthy figures ─────────────────────────────────────────────────
  it('no commune has 0 inhabitants in RP 2021 unless its legal population is 0; Mayotte has none, not 0', () => {
    const rp = load('population_2021');
    const legal = load('population').levels.commune!.values;
    const zeros = Object.entries(rp.levels.commune!.values).filter(([, v]) => v === 0).map(([c]) => c);
    expect(zeros.length).toBeGreaterThan(0);
    for (const code of zeros) expect(legal[code], code).toBe(0);
    // The six « villages morts pour la France » of the Meuse.
    expect(zeros.sort()).toEqual(['55039', '55050', '55139', '55189', '55239', '55307']);
    const mayotte = Object.keys(rp.levels.commune!.values).filter((c) => c.startsWith('976'));
    expect(mayotte).toHaveLength(17);
    for (const code of mayotte) {
      expect(rp.levels.commune!.values[code], code).toBeNull();
      expect(absenceOf(rp.levels.commune, code), code).toBe('uncovered');
    }
    // Aggregates are withheld, not 0: Mayotte's département and région.
    expect(rp.levels.departement!.values['976']).toBeNull();
    expect(absenceOf(rp.levels.departement, '976')).toBe('uncovered');
    expect(rp.france!.coverage).toBeLessThan(1);
    const refused = reports.get('insee-comparateur-2021')!.refused!;
    expect(refused.filter((r) => r.field === 'population_2021').map((r) => r.code)).toEqual(mayotte.sort());
  });

  it("France's APL to GPs under 65 (2023) is DREES's 3,29 on screen, rounded once", () => {
    const france = load('apl_mg_moins65_2023').france!.value!;
    expect(formatValue(france, 2)).toBe('3,29');
  });

  it('each CartoSanté density implies a national total within its declared order of magnitude', () => {
    const checked = INDICATORS.filter((d) => d.unitCheck);
    expect(checked.map((d) => d.id).sort()).toEqual(
      ['densite_generalistes_bv', 'densite_infirmiers_bv', 'densite_orthophonistes_bv', 'densite_pharmacies_bv', 'densite_sages_femmes_bv'].sort(),
    );
    const population = load('population').france!.value!;
    for (const def of checked) {
      const entry = catalogue.indicators.find((e) => e.id === def.id)!;
      const implied = impliedNationalTotal(def.unitCheck!, entry.france!, population);
      expect(withinOrderOfMagnitude(def.unitCheck!, implied), `${def.id}: ${Math.round(implied)} vs ${def.unitCheck!.expected.total}`).toBe(true);
      expect(entry.unitCheck!.impliedTotal).toBe(Math.round(implied));
      // The producer's unit, or « unité non précisée par la source ».
      expect(entry.unit).toBe(def.unitCheck!.sourceUnit ?? 'unité non précisée par la source');
    }
    // Per 10,000 inhabitants, the speech therapists would be ten times too many.
    const ortho = checked.find((d) => d.id === 'densite_orthophonistes_bv')!;
    const orthoFrance = catalogue.indicators.find((e) => e.id === ortho.id)!.france!;
    expect(withinOrderOfMagnitude(ortho.unitCheck!, impliedNationalTotal({ ...ortho.unitCheck!, scale: 10_000 }, orthoFrance, population))).toBe(false);
  });

  it('the ALD share: 157 bassins de vie under statistical secret, told apart', () => {
    const ald = load('part_ald_bv');
    const counts = absenceCounts(ald.levels.bv);
    expect(counts.secret).toBe(157);
    expect(Object.values(ald.levels.bv!.values).filter((v) => v === null)).toHaveLength(157);
  });

  it('poverty: sum/sum for every EPCI whose published communes hold ≥ 80 % of the persons, the bassin-de-vie estimate for the others', async () => {
    const file = load('taux_pauvrete_2021');
    const cog = await loadCogTables(ctx);
    const legal = load('population').levels.commune!.values;
    const members = new Map<string, string[]>();
    for (const c of cog.communes) {
      const epci = c.epci ?? c.code;
      members.set(epci, [...(members.get(epci) ?? []), c.code]);
    }
    let communesMethod = 0;
    let bvMethod = 0;
    for (const [epci, codes] of members) {
      const e = estimatePovertyRate(codes.map((c) => ({ components: file.components![c] as PovertyComponents | undefined, legalPopulation: legal[c] ?? 0 })));
      const method = methodOf(file.levels.epci, epci);
      if (e.communeShare >= MIN_COMMUNE_SHARE) {
        expect(method, epci).toBe('communes');
        communesMethod++;
      } else if (e.value !== null) {
        expect(method, epci).toBe('bv');
        bvMethod++;
      }
      if (e.value !== null) expect(file.levels.epci!.values[epci], epci).toBeCloseTo(e.value, 3);
    }
    expect(communesMethod).toBeGreaterThan(100);
    expect(bvMethod).toBeGreaterThan(1000);
    // Départements: INSEE's own published rate (native), not an estimate.
    expect(file.levels.departement!.method).toEqual({ default: 'native' });
    expect(file.levels.departement!.values['93']).toBeGreaterThan(25);
    // France: an estimate near INSEE's published national rate; the gap is documented.
    const france = file.france!.value!;
    expect(file.france!.method).toBe('bv');
    expect(Math.abs(france - INSEE_NATIONAL_POVERTY_RATE_2021)).toBeLessThan(1.5);
    const docs = readFileSync(path.join(PROJECT_ROOT, 'docs', 'indicators.md'), 'utf8');
    expect(docs).toContain(formatValue(france, 1));
    expect(docs).toContain('14,5');
  });

  it('the deprivation index: one value per bassin de vie with all four inputs, variance explained reported', () => {
    const file = load('indice_defavorisation_bv');
    const report = JSON.parse(readFileSync(path.join(ctx.reportDir, 'indicators-derived', 'indice_defavorisation_bv.json'), 'utf8')) as {
      territories: number;
      withoutAllInputs: string[];
      varianceExplained: number;
      loadings: number[];
    };
    const values = Object.values(file.levels.bv!.values);
    expect(values).toHaveLength(1707);
    expect(values.filter((v) => v !== null)).toHaveLength(report.territories);
    expect(report.territories + report.withoutAllInputs.length).toBe(1707);
    expect(report.territories).toBeGreaterThan(1680);
    expect(report.varianceExplained).toBeGreaterThan(0.4);
    // Oriented: a lower median income, more low-educated adults and more unemployment mean more deprived.
    expect(report.loadings[0]).toBeLessThan(0);
    expect(report.loadings[2]).toBeGreaterThan(0);
    expect(report.loadings[3]).toBeGreaterThan(0);
    const entry = catalogue.indicators.find((e) => e.id === 'indice_defavorisation_bv')!;
    expect(entry.quintileBreaks).toHaveLength(4);
  });

  it('every bassin-de-vie indicator has a France value; none has a département or région value', () => {
    for (const entry of catalogue.indicators.filter((e) => e.nativeLevel === 'bv')) {
      // The ALD share's 157 secret bassins hold 24 % of the population: France is withheld, and says why.
      if (entry.id === 'part_ald_bv') {
        expect(load(entry.id).france).toMatchObject({ value: null, absence: 'notComputable' });
        continue;
      }
      expect(entry.france, entry.id).not.toBeNull();
      expect(entry.levels.departement.available, entry.id).toBe(false);
      expect(entry.levels.region.available, entry.id).toBe(false);
    }
  });
});
