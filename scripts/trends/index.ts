// Trends step (after the indicators step): the series of several vintages
// (indicators/series/{id}.json + index.json) and the changes between two
// vintages, appended to the catalogue as indicators ({id}.json, with commune
// values in {id}.commune.json). Reads the files the indicators step wrote and,
// for time-series sources, the CSV itself (every period, matched to COG 2025).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { BuildContext } from '../lib/context.ts';
import { loadCogTables } from '../lib/cog.ts';
import { getSource, sourceCredit } from '../lib/sources.ts';
import type { MatchReference } from '../../src/lib/code-matching.ts';
import { matchRows } from '../../src/lib/code-matching.ts';
import { roundTo } from '../../src/lib/number-parse.ts';
import type { Level } from '../../src/lib/levels.ts';
import {
  INDICATOR_FORMAT_VERSION,
  mergeIndicatorFile,
  splitIndicatorFile,
  type IndicatorBaseFile,
  type IndicatorCatalogueEntry,
  type IndicatorCatalogueFile,
  type IndicatorCommuneFile,
  type IndicatorFile,
  type LevelAvailability,
} from '../../src/lib/indicator-format.ts';
import { changeOf, changeValues, SERIES_DIR, SERIES_INDEX, type SeriesFile, type SeriesIndexFile } from '../../src/lib/series-format.ts';
import { INDICATOR_SOURCES } from '../../data/indicators.ts';
import { CHANGE_INDICATORS, SERIES, type CatalogueSeries, type SourceSeries } from '../../data/series.ts';
import { writeJson as writeJsonFile } from '../lib/json-file.ts';
import { readSourceTable, toSourceRows } from '../indicators/read-source.ts';

/** Levels a series file holds (commune series stay out: too heavy for a portrait chart). */
const SERIES_LEVELS: readonly Level[] = ['epci', 'bv', 'departement', 'region'];

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

function writeJson(file: string, value: unknown): void {
  writeJsonFile(file, value, { sortKeys: true });
}

function loadIndicator(ctx: BuildContext, entry: IndicatorCatalogueEntry): IndicatorFile {
  const base = readJson<IndicatorBaseFile>(path.join(ctx.outDir, entry.file));
  const communeFile = entry.communeFile ?? base.communeFile;
  const commune = communeFile && existsSync(path.join(ctx.outDir, communeFile)) ? readJson<IndicatorCommuneFile>(path.join(ctx.outDir, communeFile)) : null;
  return mergeIndicatorFile(base, commune);
}

function catalogueSeries(ctx: BuildContext, def: CatalogueSeries, catalogue: IndicatorCatalogueFile): SeriesFile {
  const entries = def.members.map(([, id]) => {
    const e = catalogue.indicators.find((x) => x.id === id);
    if (!e) throw new Error(`Series "${def.id}": indicator "${id}" is not in the catalogue`);
    return e;
  });
  const files = entries.map((e) => loadIndicator(ctx, e));
  const levels: SeriesFile['levels'] = {};
  for (const level of SERIES_LEVELS) {
    if (!entries.every((e) => e.levels[level]?.available)) continue;
    const codes = new Set(files.flatMap((f) => Object.keys(f.levels[level]?.values ?? {})));
    const byCode: Record<string, (number | null)[]> = {};
    for (const code of [...codes].sort()) byCode[code] = files.map((f) => f.levels[level]?.values[code] ?? null);
    levels[level] = byCode;
  }
  const last = entries[entries.length - 1]!;
  return {
    version: 1,
    id: def.id,
    label: def.label,
    unit: last.unit,
    decimals: last.decimals,
    polarity: last.polarity,
    source: `${last.producer}, ${entries.map((e) => e.vintage).join(' et ')} (${last.licence})`,
    vintages: def.members.map(([v]) => v),
    levels,
    france: files.map((f) => f.france?.value ?? null),
  };
}

export async function sourceSeries(ctx: BuildContext, def: SourceSeries): Promise<{ file: SeriesFile; unmatched: number }> {
  const cog = await loadCogTables(ctx);
  const levels: SeriesFile['levels'] = {};
  let vintages: string[] = [];
  let unmatched = 0;
  let credit = '';
  for (const sourceId of def.sources) {
    const spec = INDICATOR_SOURCES.find((s) => s.id === sourceId);
    if (!spec) throw new Error(`Series "${def.id}": source "${sourceId}" has no reader in INDICATOR_SOURCES`);
    const { table } = await readSourceTable(ctx, spec);
    if (vintages.length === 0) vintages = [...(def.periods ?? new Set(table.rows.map((r) => (r[def.periodColumn] ?? '').trim()).filter(Boolean)))].sort();
    const periods = vintages;
    const level = spec.level as Level;
    const reference: MatchReference =
      spec.level === 'epci'
        ? { level: 'epci', codes: new Set(cog.epci.map((e) => e.code)) }
        : { level: 'departement', codes: new Set(cog.communes.map((c) => c.departement)) };
    const byCode: Record<string, (number | null)[]> = {};
    periods.forEach((period, i) => {
      const periodSpec = { ...spec, filter: { ...(def.keep ?? {}), [def.periodColumn]: period } };
      const { rows } = toSourceRows(periodSpec, table, [def.valueColumn]);
      const result = matchRows(rows, reference, { [def.valueColumn]: { kind: 'none' } });
      unmatched += result.report.outcomes.unmatched;
      for (const [code, t] of result.territories) {
        byCode[code] ??= periods.map(() => null);
        byCode[code]![i] = roundTo(t.values[def.valueColumn] ?? null, def.decimals + 1);
      }
    });
    levels[level] = Object.fromEntries(Object.entries(byCode).sort(([a], [b]) => (a < b ? -1 : 1)));
    const s = sourceCredit(getSource(sourceId));
    credit = `${s.producer}, ${s.title} (${s.licence})`;
  }
  return {
    file: { version: 1, id: def.id, label: def.label, unit: def.unit, decimals: def.decimals, polarity: def.polarity, source: credit, vintages, levels, france: null, note: def.note },
    unmatched,
  };
}

function changeIndicator(ctx: BuildContext, def: (typeof CHANGE_INDICATORS)[number], catalogue: IndicatorCatalogueFile): IndicatorCatalogueEntry {
  const from = catalogue.indicators.find((e) => e.id === def.from);
  const to = catalogue.indicators.find((e) => e.id === def.to);
  if (!from || !to) throw new Error(`Change "${def.id}": ${def.from} or ${def.to} is not in the catalogue`);
  const a = loadIndicator(ctx, from);
  const b = loadIndicator(ctx, to);
  const file: IndicatorFile = { version: INDICATOR_FORMAT_VERSION, id: def.id, nativeLevel: to.nativeLevel, aggregation: 'none', france: null, levels: {} };
  const levels = {} as Record<keyof IndicatorCatalogueEntry['levels'], LevelAvailability>;
  for (const level of Object.keys(to.levels) as (keyof IndicatorCatalogueEntry['levels'])[]) {
    const fa = from.levels[level];
    const ta = to.levels[level];
    if (level === 'france') {
      const v = roundTo(changeOf(a.france?.value, b.france?.value, def.mode), def.decimals + 1);
      file.france = { value: v, coverage: 1 };
      levels.france = v === null ? { available: false, reason: 'Valeur nationale non disponible pour l’une des deux années.' } : { available: true, territories: 1, withValue: 1 };
      continue;
    }
    if (!fa?.available || !ta?.available) {
      levels[level] = !ta?.available ? ta! : fa!;
      continue;
    }
    const values = changeValues(a.levels[level]?.values ?? {}, b.levels[level]?.values ?? {}, def.mode);
    for (const code of Object.keys(values)) values[code] = roundTo(values[code] ?? null, def.decimals + 1);
    file.levels[level] = { values };
    const all = Object.values(values);
    levels[level] = { available: true, territories: all.length, withValue: all.filter((v) => v !== null).length };
  }
  const fileName = `indicators/${def.id}.json`;
  // A change has no components (aggregation 'none'): base and commune values only.
  const { base, commune } = splitIndicatorFile(file);
  writeJson(path.join(ctx.outDir, fileName), base);
  if (commune) writeJson(path.join(ctx.outDir, base.communeFile!), commune);
  return {
    ...to,
    id: def.id,
    label: def.label,
    definition: def.definition,
    unit: def.unit,
    decimals: def.decimals,
    aggregation: 'none',
    aggregationNote: 'une évolution se calcule à partir des valeurs de chaque année à l’échelon, pas en additionnant des évolutions',
    scale: undefined,
    vintage: `${from.vintage} → ${to.vintage}`,
    perimeterAggregable: false,
    levels,
    france: file.france?.value ?? null,
    file: fileName,
    communeFile: base.communeFile,
    // Not the `to` indicator's: a change has none.
    componentsFile: base.componentsFile,
    change: { from: def.from, to: def.to, mode: def.mode },
  };
}

export async function buildTrends(ctx: BuildContext): Promise<void> {
  const cataloguePath = path.join(ctx.outDir, 'indicators', 'catalogue.json');
  const catalogue = readJson<IndicatorCatalogueFile>(cataloguePath);
  const index: SeriesIndexFile = { version: 1, series: [] };
  for (const def of SERIES) {
    let file: SeriesFile;
    if (def.kind === 'catalogue') file = catalogueSeries(ctx, def, catalogue);
    else {
      const r = await sourceSeries(ctx, def);
      file = r.file;
      ctx.log(`  ${def.id}: ${r.unmatched} lignes non rattachées au COG 2025 (toutes périodes)`);
    }
    const name = `${SERIES_DIR}/${def.id}.json`;
    writeJson(path.join(ctx.outDir, name), file);
    const levels = (Object.keys(file.levels) as Level[]).filter((l) => Object.keys(file.levels[l] ?? {}).length > 0);
    index.series.push({ id: def.id, label: def.label, file: name, levels, vintages: file.vintages });
    ctx.log(`  série ${def.id}: ${file.vintages.join(', ')} · niveaux ${levels.join(', ')}`);
  }
  writeJson(path.join(ctx.outDir, SERIES_INDEX), index);
  const changes = CHANGE_INDICATORS.map((def) => changeIndicator(ctx, def, catalogue));
  for (const c of changes) ctx.log(`  ${c.id}: France ${c.france ?? 'n.d.'}`);
  const kept = catalogue.indicators.filter((e) => !changes.some((c) => c.id === e.id));
  writeJson(cataloguePath, { ...catalogue, indicators: [...kept, ...changes] });
}
