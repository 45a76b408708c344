// "Bring your own CSV": a file read in the browser (src/lib/csv.ts) becomes a
// custom indicator with the same shape as the catalogue's, matched to COG 2025
// (src/lib/code-matching.ts) and aggregated to the coarser levels with the
// same arithmetic as the build (src/lib/aggregate.ts). Pure: tables and
// territory indexes in, entry + file + matching report out.
import type { CsvTable } from '../lib/csv.ts';
import { parseNumber } from '../lib/number-parse.ts';
import { matchRows, type FieldMerge, type MatchReport, type SourceRow } from '../lib/code-matching.ts';
import { aggregate, aggregateByParent, franceUnavailableReason, levelUnavailableReason, type Components } from '../lib/aggregate.ts';
import { FRANCE, LEVELS, type AggregateLevel, type Level } from '../lib/levels.ts';
import {
  INDICATOR_FORMAT_VERSION,
  type IndicatorCatalogueEntry,
  type IndicatorFile,
  type IndicatorLevelValues,
  type LevelAvailability,
} from '../lib/indicator-format.ts';

export type ByoCodeLevel = 'commune' | 'epci' | 'departement';
export const BYO_CODE_LEVELS: readonly ByoCodeLevel[] = ['commune', 'epci', 'departement'];
export type ByoAggregation = 'count' | 'weightedMean' | 'none';

export interface ByoMapping {
  codeColumn: string;
  codeLevel: ByoCodeLevel;
  mode: 'value' | 'ratio';
  valueColumn: string;
  numeratorColumn: string;
  denominatorColumn: string;
  /** Ratio multiplier (100 for a %, 10,000 for a rate per 10,000). */
  scale: number;
  /** Value mode: how territories add up into coarser ones. */
  aggregation: ByoAggregation;
  label: string;
}

/** The territories the matching and the aggregation need (from the territory indexes). */
export interface ByoTerritory {
  readonly parents: Readonly<Partial<Record<Exclude<Level, 'commune'>, string>>>;
  readonly population: number | null;
}
export interface ByoReference {
  readonly indexes: Readonly<Partial<Record<Level, ReadonlyMap<string, ByoTerritory>>>>;
  /** Old commune code → COG 2025 code(s) (only the codes that changed). */
  readonly passage?: ReadonlyMap<string, readonly string[]>;
}

export interface ByoResult {
  entry: IndicatorCatalogueEntry;
  file: IndicatorFile;
  report: MatchReport;
  /** Rows attached to a territory (matched + remapped). */
  matchedRows: number;
  /** Distinct codes that could not be placed, in file order of appearance (sorted). */
  unknownCodes: string[];
  /** Territories of the native level with a value. */
  withValue: number;
}

/** The quantity named in the "not aggregable" reason. */
const WHAT = 'cette valeur';

const CODE_HEADER = /(^|[^a-z])(code|codgeo|cog|insee|depcom|com|siren|epci|dep|departement)([^a-z]|$)/i;

function cellsOf(table: CsvTable, column: string, limit = 200): string[] {
  return table.rows.slice(0, limit).map((r) => (r[column] ?? '').trim());
}

/** Level of a column of codes, from their shapes (9 digits: SIREN; 1–3 chars: département; else commune). */
export function guessCodeLevel(codes: readonly string[]): ByoCodeLevel {
  const filled = codes.filter((c) => c !== '');
  if (filled.length === 0) return 'commune';
  const share = (re: RegExp) => filled.filter((c) => re.test(c)).length / filled.length;
  if (share(/^\d{9}$/) > 0.8) return 'epci';
  if (share(/^(\d{1,3}|2[AB])$/i) > 0.8) return 'departement';
  return 'commune';
}

function isNumericColumn(table: CsvTable, column: string): boolean {
  const cells = cellsOf(table, column);
  let values = 0;
  let bad = 0;
  for (const c of cells) {
    const p = parseNumber(c);
    if (p.kind === 'value') values++;
    else if (p.kind === 'unparsable') bad++;
  }
  return values > 0 && bad <= values * 0.1;
}

function looksLikeCodes(table: CsvTable, column: string): boolean {
  const cells = cellsOf(table, column).filter((c) => c !== '');
  return cells.length > 0 && cells.filter((c) => /^(\d{1,9}|2[AB]\d{0,3})$/i.test(c)).length / cells.length > 0.9;
}

/** A first guess the user then corrects: the code column by name then by shape, the first other numeric column as value. */
export function guessMapping(table: CsvTable, fileName: string): ByoMapping {
  const headers = table.headers;
  const codeColumn =
    headers.find((h) => CODE_HEADER.test(h) && looksLikeCodes(table, h)) ?? headers.find((h) => looksLikeCodes(table, h)) ?? headers[0] ?? '';
  const numeric = headers.filter((h) => h !== codeColumn && isNumericColumn(table, h));
  return {
    codeColumn,
    codeLevel: guessCodeLevel(cellsOf(table, codeColumn)),
    mode: 'value',
    valueColumn: numeric[0] ?? headers.find((h) => h !== codeColumn) ?? '',
    numeratorColumn: numeric[0] ?? '',
    denominatorColumn: numeric[1] ?? numeric[0] ?? '',
    scale: 100,
    aggregation: 'count',
    label: fileName.replace(/\.(csv|txt|tsv)$/i, ''),
  };
}

function decimalsFor(values: readonly number[]): number {
  if (values.length === 0) return 1;
  const sorted = [...values].sort((a, b) => a - b);
  const spread = sorted[sorted.length - 1]! - sorted[0]!;
  if (values.every((v) => Number.isInteger(v))) return 0;
  return spread >= 100 ? 0 : spread >= 10 ? 1 : 2;
}

/** Parents of every territory of `native` at level `coarse` (all members, so absent ones lower the coverage). */
function parentMap(native: ReadonlyMap<string, ByoTerritory>, coarse: Exclude<Level, 'commune'>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [code, t] of native) {
    const p = t.parents[coarse];
    if (p) out.set(code, p);
  }
  return out;
}

/**
 * Builds the custom indicator: match the rows, compute the native level's
 * values and components, aggregate to every coarser level that nests in it
 * (and France), and say why the others are not available.
 */
export function buildCustomIndicator(table: CsvTable, mapping: ByoMapping, reference: ByoReference, id: string, fileName: string): ByoResult {
  const native = reference.indexes[mapping.codeLevel];
  if (!native) throw new Error(`index ${mapping.codeLevel} not loaded`);
  const kind = mapping.mode === 'ratio' ? 'ratio' : mapping.aggregation;
  const fields: Record<string, FieldMerge> =
    mapping.mode === 'ratio'
      ? { num: { kind: 'sum' }, den: { kind: 'sum' } }
      : { value: mapping.aggregation === 'count' ? { kind: 'sum' } : { kind: 'none' } };
  const rows: SourceRow[] = table.rows.map((r): SourceRow => ({
    code: r[mapping.codeColumn] ?? '',
    values:
      mapping.mode === 'ratio'
        ? { num: parseNumber(r[mapping.numeratorColumn]), den: parseNumber(r[mapping.denominatorColumn]) }
        : { value: parseNumber(r[mapping.valueColumn]) },
  }));
  const { territories, report } = matchRows(
    rows,
    { level: mapping.codeLevel, codes: new Set(native.keys()), passage: mapping.codeLevel === 'commune' ? reference.passage : undefined },
    fields,
  );
  const scale = mapping.mode === 'ratio' ? mapping.scale : 1;
  const components = new Map<string, Components>();
  const nativeValues: Record<string, number | null> = {};
  for (const code of [...native.keys()].sort()) {
    const t = territories.get(code);
    let c: Components | undefined;
    if (t) {
      if (kind === 'ratio') c = [t.values.num ?? null, t.values.den ?? null];
      else if (kind === 'weightedMean') c = [t.values.value ?? null, native.get(code)?.population ?? null];
      else c = [t.values.value ?? null];
      components.set(code, c);
    }
    let v: number | null = null;
    if (c && c[0] !== null) {
      if (kind === 'ratio') v = c[1] !== null && c[1] !== undefined && c[1] > 0 ? (c[0] / c[1]) * scale : null;
      else v = c[0];
    }
    nativeValues[code] = v;
  }
  const present = Object.values(nativeValues).filter((v): v is number => v !== null);
  const weight = (code: string) => native.get(code)?.population ?? 1;

  const levels: Partial<Record<Level, IndicatorLevelValues>> = { [mapping.codeLevel]: { values: nativeValues } };
  const availability = {} as Record<AggregateLevel, LevelAvailability>;
  for (const level of LEVELS) {
    const coarseIndex = reference.indexes[level];
    const reason = levelUnavailableReason(mapping.codeLevel, level, kind, WHAT);
    if (reason !== null) {
      availability[level] = { available: false, reason };
    } else if (level === mapping.codeLevel) {
      availability[level] = { available: true, territories: native.size, withValue: present.length };
    } else {
      const aggregated = aggregateByParent(kind, components, parentMap(native, level as Exclude<Level, 'commune'>), weight, { scale });
      const values: Record<string, number | null> = {};
      const codes = new Set<string>(aggregated.keys());
      if (coarseIndex) for (const c of coarseIndex.keys()) codes.add(c);
      for (const c of [...codes].sort()) values[c] = aggregated.get(c)?.value ?? null;
      levels[level] = { values };
      const withValue = Object.values(values).filter((v) => v !== null).length;
      availability[level] = { available: true, territories: codes.size, withValue };
    }
  }
  const franceAggregate =
    kind === 'none'
      ? null
      : aggregate(
          kind,
          [...native.keys()].map((code) => ({ components: components.get(code), coverageWeight: weight(code) })),
          { scale },
        );
  const franceReason = franceUnavailableReason(kind, franceAggregate, WHAT);
  availability[FRANCE] = franceReason === null ? { available: true, territories: 1, withValue: 1 } : { available: false, reason: franceReason };
  const france = franceAggregate?.value ?? null;
  const label = mapping.label.trim() || fileName;
  const entry: IndicatorCatalogueEntry = {
    id,
    label,
    definition:
      mapping.mode === 'ratio'
        ? `Fichier importé « ${fileName} » : ${mapping.numeratorColumn} / ${mapping.denominatorColumn} × ${mapping.scale}.`
        : `Fichier importé « ${fileName} » : colonne ${mapping.valueColumn}.`,
    theme: 'population',
    unit: '',
    decimals: decimalsFor(present),
    polarity: 'neutral',
    aggregation: kind,
    scale: mapping.mode === 'ratio' ? mapping.scale : undefined,
    nativeLevel: mapping.codeLevel,
    vintage: '—',
    producer: 'Fichier importé (lu localement, non transmis)',
    licence: '—',
    source: { id: 'byo', producer: 'Fichier importé', title: fileName, licence: '—', vintage: '—', url: null },
    perimeterAggregable: false,
    levels: availability,
    france,
    file: '',
  };
  const file: IndicatorFile = {
    version: INDICATOR_FORMAT_VERSION,
    id,
    nativeLevel: mapping.codeLevel,
    aggregation: kind,
    scale: entry.scale,
    france: france === null ? null : { value: france, coverage: franceAggregate?.coverage ?? 0 },
    levels,
  };
  const unknownCodes = [...new Set(report.unmatched.map((u) => u.code))];
  return {
    entry,
    file,
    report,
    matchedRows: report.outcomes.matched + report.outcomes.remapped,
    unknownCodes,
    withValue: present.length,
  };
}
