// Indicators step: every source of the catalogue in, per-indicator value
// files and the catalogue out, plus one build report per source.
//   sources (data/sources.json) → readCsv → matchRows (COG 2025) → computeIndicator → write
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BuildContext } from '../lib/context.ts';
import { PROJECT_ROOT } from '../lib/context.ts';
import { loadCogTables, type CogTables } from '../lib/cog.ts';
import { getSource, resolveSource, sourceCredit } from '../lib/sources.ts';
import { writeJson } from '../lib/json-file.ts';
import { toCommuneShapes } from '../boundaries/communes.ts';
import { matchRows, summariseReport, type MatchReference, type MatchResult } from '../../src/lib/code-matching.ts';
import { parseNumber, type ParsedNumber } from '../../src/lib/number-parse.ts';
import { FRANCE, type AggregateLevel } from '../../src/lib/levels.ts';
import {
  INDICATOR_FORMAT_VERSION,
  splitIndicatorFile,
  THEMES,
  type IndicatorCatalogueEntry,
  type IndicatorCatalogueFile,
  type SourceCredit,
} from '../../src/lib/indicator-format.ts';
import { DERIVED_INPUTS, INDICATOR_SOURCES, INDICATORS, NOT_AVAILABLE, POPULATION_SOURCE_ID, type IndicatorSourceSpec } from '../../data/indicators.ts';
import { buildTerritoryFrame, type TerritoryFrame } from './territories.ts';
import { computeIndicator, mergeFieldRules } from './compute.ts';
import { matchSource, MatchThresholdError, readSourceTable, type SourceReport } from './read-source.ts';
import { mergeChecks, refuseImpossibleValues, summariseRefused } from './checks.ts';
import { unitCheckSummary } from './unit-check.ts';
import { computeDerived } from './derived.ts';

function referenceFor(level: IndicatorSourceSpec['level'], cog: CogTables, frame: TerritoryFrame): MatchReference {
  if (level === 'commune') return { level, codes: new Set(frame.codes.commune), passage: cog.historicalPassage };
  // EPCI sources match real SIREN only (the 4 pseudo-EPCI are commune codes).
  if (level === 'epci') return { level, codes: new Set(cog.epci.map((e) => e.code)) };
  return { level, codes: new Set(frame.codes[level]) };
}

/** Legal population (decoupage-administratif) and area (COG 2025 geometry) per commune, matched like any source. */
async function loadPopulationSource(ctx: BuildContext, cog: CogTables): Promise<{ result: MatchResult; report: SourceReport }> {
  const declaration = getSource(POPULATION_SOURCE_ID) as ReturnType<typeof getSource> & { localPath?: string };
  const localPath = declaration.localPath ? path.join(PROJECT_ROOT, declaration.localPath) : await resolveSource(ctx, POPULATION_SOURCE_ID);
  const entries = JSON.parse(readFileSync(localPath, 'utf8')) as Array<{ code: string; type: string; population?: number }>;
  const geometry = JSON.parse(readFileSync(await resolveSource(ctx, 'cog2025-communes-geometry'), 'utf8')) as {
    features: Parameters<typeof toCommuneShapes>[0];
  };
  const areaKm2 = new Map(toCommuneShapes(geometry.features).map((s) => [s.code, s.areaM2 / 1e6]));
  const kept = entries.filter((e) => e.type === 'commune-actuelle');
  const rows = kept.map((e) => {
    const population: ParsedNumber = typeof e.population === 'number' ? { kind: 'value', value: e.population } : parseNumber('');
    const area = areaKm2.get(e.code);
    const values: Record<string, ParsedNumber> = { population, areaKm2: area !== undefined ? { kind: 'value', value: area } : parseNumber('') };
    return { code: e.code, values };
  });
  const reference: MatchReference = { level: 'commune', codes: new Set(cog.communes.map((c) => c.code)) };
  const result = matchRows(rows, reference, { population: { kind: 'sum' }, areaKm2: { kind: 'sum' } });
  const report: SourceReport = {
    sourceId: POPULATION_SOURCE_ID,
    file: localPath,
    rowsRead: entries.length,
    filtered: entries.length - kept.length,
    filterNote: 'Seules les entrées « commune-actuelle » sont lues (communes déléguées, associées et arrondissements écartés). Superficie : géométrie COG 2025.',
    ...result.report,
    minMatchShare: 0.99,
  };
  return { result, report };
}

function checkThreshold(report: SourceReport, reportFile: string): void {
  if (report.codeMatchShare < report.minMatchShare) {
    throw new MatchThresholdError(report.sourceId, report.codeMatchShare, report.minMatchShare, reportFile);
  }
}

export async function buildIndicators(ctx: BuildContext): Promise<void> {
  const cog = await loadCogTables(ctx);
  const population = await loadPopulationSource(ctx, cog);
  const communePopulation = new Map([...population.result.territories].map(([code, t]) => [code, t.values.population ?? null]));
  const frame = buildTerritoryFrame(cog, communePopulation);

  const reportDir = path.join(ctx.reportDir, 'indicators');
  const outDir = path.join(ctx.outDir, 'indicators');
  const matched = new Map<string, MatchResult>();
  const reports: SourceReport[] = [];
  const record = (report: SourceReport, result: MatchResult) => {
    const reportFile = path.join(reportDir, `${report.sourceId}.json`);
    writeJson(reportFile, report, { sortKeys: true });
    reports.push(report);
    matched.set(report.sourceId, result);
    ctx.log(
      `  ${report.sourceId}: ${summariseReport(result.report)}${report.filtered ? ` · ${report.filtered} écartées par filtre` : ''}${summariseRefused(report.refused ?? [])}`,
    );
    checkThreshold(report, reportFile);
  };
  record(population.report, population.result);

  for (const spec of INDICATOR_SOURCES) {
    const defs = INDICATORS.filter((d) => d.sourceId === spec.id);
    if (defs.length === 0) continue;
    const { table, file } = await readSourceTable(ctx, spec);
    const { result, report } = matchSource(spec, table, { ...(DERIVED_INPUTS[spec.id] ?? {}), ...mergeFieldRules(defs) }, referenceFor(spec.level, cog, frame), file);
    const population = frame.population[spec.level];
    report.refused = refuseImpossibleValues(result.territories, mergeChecks(defs), (code) => population.get(code) ?? null);
    record(report, result);
  }

  const entries: IndicatorCatalogueEntry[] = [];
  const credits = new Map<string, SourceCredit>();
  for (const def of INDICATORS) {
    const result = matched.get(def.sourceId);
    if (!result) throw new Error(`Indicator "${def.id}": source "${def.sourceId}" has no reader in INDICATOR_SOURCES`);
    const computed = def.derived ? computeDerived(def, matched, frame) : computeIndicator(def, result.territories, frame);
    if (computed.report) writeJson(path.join(ctx.reportDir, "indicators-derived", `${def.id}.json`), computed.report);
    const fileName = `indicators/${def.id}.json`;
    // Commune values and components each in their own file: the supra levels load neither, the commune map no components.
    const { base, commune, components } = splitIndicatorFile(computed.file);
    writeJson(path.join(ctx.outDir, fileName), base, { sortKeys: true });
    if (commune) writeJson(path.join(ctx.outDir, base.communeFile!), commune, { sortKeys: true });
    if (components) writeJson(path.join(ctx.outDir, base.componentsFile!), components, { sortKeys: true });
    const source = sourceCredit(getSource(def.sourceId));
    credits.set(source.id, source);
    entries.push({
      id: def.id,
      label: def.label,
      definition: def.definition,
      theme: def.theme,
      unit: def.unit,
      decimals: def.decimals,
      polarity: def.polarity,
      aggregation: def.aggregation,
      ...(def.aggregationNote ? { aggregationNote: def.aggregationNote } : {}),
      ...(def.reading.kind === 'ratio' ? { scale: def.reading.scale } : {}),
      nativeLevel: def.nativeLevel,
      vintage: def.vintage,
      producer: source.producer,
      licence: source.licence,
      ...(def.licenceToVerify ? { licenceToVerify: true } : {}),
      source,
      ...(def.categories ? { categories: def.categories } : {}),
      perimeterAggregable: def.nativeLevel === 'commune' && def.aggregation !== 'none',
      levels: computed.levels,
      france: computed.france,
      ...(computed.file.france?.method === 'bvWeightedMean'
        ? { franceNote: 'moyenne des bassins de vie pondérée par leur population légale (les bassins de vie couvrent toute la France)' }
        : {}),
      ...(computed.catalogue ?? {}),
      ...(def.unitCheck
        ? { sourceUnit: def.unitCheck.sourceUnit, unitCheck: unitCheckSummary(def.unitCheck, computed.france, frame.population.bv) }
        : {}),
      file: fileName,
      ...(base.communeFile ? { communeFile: base.communeFile } : {}),
      ...(base.componentsFile ? { componentsFile: base.componentsFile } : {}),
    });
    const available = (Object.keys(computed.levels) as AggregateLevel[]).filter((l) => computed.levels[l].available && l !== FRANCE);
    const c = computed.nativeCoverage;
    ctx.log(
      `  ${def.id}: ${c.withValue}/${c.territories} ${def.nativeLevel} avec valeur (${((c.withValue / c.territories) * 100).toFixed(1)} %) · niveaux : ${available.join(', ')} · France : ${computed.france ?? 'n.d.'}`,
    );
  }
  const catalogue: IndicatorCatalogueFile = {
    version: INDICATOR_FORMAT_VERSION,
    themes: THEMES,
    indicators: entries,
    credits: [...credits.values()].sort((a, b) => (a.id < b.id ? -1 : 1)),
    notAvailable: NOT_AVAILABLE,
  };
  writeJson(path.join(outDir, 'catalogue.json'), catalogue, { sortKeys: true });
  ctx.log(`  ${entries.length} indicateurs, ${reports.length} sources → ${path.relative(PROJECT_ROOT, outDir)}`);
}
