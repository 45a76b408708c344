// "Bring your own CSV": a file read in the browser (src/lib/csv.ts) becomes a
// custom indicator with the same shape as the catalogue's, matched to COG 2025
// (src/lib/code-matching.ts) and aggregated to the coarser levels with the
// same arithmetic as the build (src/lib/aggregate.ts). Pure: tables and
// territory indexes in, entry + file + matching report out.
import type { CsvTable } from '../lib/csv.ts';
import { parseNumber } from '../lib/number-parse.ts';
import { normaliseCommuneCode, normaliseDepartementCode, normaliseSiren } from '../lib/codes.ts';
import { matchRows, type FieldMerge, type MatchReport, type RowValues, type SourceRow } from '../lib/code-matching.ts';
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
  /** Codes given more than once with different values: what was kept (the first row) and what was set aside. */
  conflictingDuplicates: DuplicateConflict[];
  /** Codes repeated with the same values (harmless, listed for completeness). */
  identicalDuplicates: string[];
}

export interface DuplicateConflict {
  code: string;
  /** The values of the row kept, as text ("12,5", or "3 / 120" for a ratio's numerator / denominator). */
  kept: string;
  ignored: string[];
}

const nfDuplicate = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 10 });

/** The values of one row as text, in field order; a missing cell reads « vide ». */
export function rowValuesText(values: RowValues | undefined, fields: readonly string[]): string {
  return fields.map((f) => (values?.[f] === null || values?.[f] === undefined ? 'vide' : nfDuplicate.format(values[f]!))).join(' / ');
}

/** The duplicates of a matching report, named: conflicting codes with the value kept and those ignored. */
export function describeDuplicates(report: MatchReport, fields: readonly string[]): { conflicting: DuplicateConflict[]; identical: string[] } {
  const conflicting: DuplicateConflict[] = [];
  const identical: string[] = [];
  for (const d of report.duplicates) {
    if (d.supersededBy) continue;
    if (d.conflicting) conflicting.push({ code: d.code, kept: rowValuesText(d.kept, fields), ignored: (d.ignored ?? []).map((v) => rowValuesText(v, fields)) });
    else identical.push(d.code);
  }
  return { conflicting, identical };
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

/** Codes of the reference geography, per level the code column may hold (for the match rates). */
export type ByoCodeSets = Partial<Record<ByoCodeLevel, ReadonlySet<string>>>;

// A column named as a quantity is a value column, whatever its cells look like
// (small integers in "valeur" look like département codes).
const VALUE_HEADER = /(^|[^a-z])(valeur|value|val|taux|nb|nombre|effectif|montant|total|somme|part|pct|pourcentage|ratio|indice|score|population|pop|densite|moyenne|mediane|annee|an)([^a-z]|$)/i;

const ID_HEADER = /(^|[^a-z])(id|identifiant|num|numero|rang|ordre)([^a-z]|$)/i;

const NORMALISERS: Record<ByoCodeLevel, (raw: string) => string | null> = {
  commune: normaliseCommuneCode,
  epci: normaliseSiren,
  departement: normaliseDepartementCode,
};

/** Share of a column's (first 500 filled) cells that are codes of each level's reference. */
export function columnMatchRates(table: CsvTable, column: string, sets: ByoCodeSets): Partial<Record<ByoCodeLevel, number>> {
  const cells = cellsOf(table, column, 500).filter((c) => c !== '');
  const rates: Partial<Record<ByoCodeLevel, number>> = {};
  if (cells.length === 0) return rates;
  for (const level of BYO_CODE_LEVELS) {
    const set = sets[level];
    if (!set) continue;
    let hits = 0;
    for (const c of cells) {
      const code = NORMALISERS[level](c);
      if (code !== null && set.has(code)) hits++;
    }
    rates[level] = hits / cells.length;
  }
  return rates;
}

/**
 * A first guess the user then corrects. The code column: among the columns
 * named like codes (code, codgeo, insee, siren, dep…) if any, else among all
 * but those named like quantities, the one whose cells match the most
 * territories (then the finer level, then the leftmost); with no match at all,
 * the first code-named column, then the first whose cells look like codes.
 * Its level is the one its cells match best (their shape when nothing
 * matches). The value: the first other numeric column that is not an identifier.
 */
export function guessMapping(table: CsvTable, fileName: string, sets: ByoCodeSets = {}): ByoMapping {
  const headers = table.headers;
  const named = headers.filter((h) => CODE_HEADER.test(h) && !VALUE_HEADER.test(h));
  const candidates = named.length > 0 ? named : headers.filter((h) => !VALUE_HEADER.test(h));
  let best: { column: string; level: ByoCodeLevel; rate: number } | null = null;
  for (const column of candidates) {
    const rates = columnMatchRates(table, column, sets);
    // On a tie the finer level wins (an EPCI column beside its département), then the leftmost column.
    for (const level of BYO_CODE_LEVELS) {
      const rate = rates[level] ?? 0;
      const finer = best !== null && BYO_CODE_LEVELS.indexOf(level) < BYO_CODE_LEVELS.indexOf(best.level);
      if (rate > 0 && (!best || rate > best.rate + 1e-9 || (Math.abs(rate - best.rate) <= 1e-9 && finer))) best = { column, level, rate };
    }
  }
  const codeColumn =
    best?.column ??
    named.find((h) => looksLikeCodes(table, h)) ??
    named[0] ??
    candidates.find((h) => looksLikeCodes(table, h)) ??
    headers.find((h) => !isNumericColumn(table, h)) ??
    headers[0] ??
    '';
  const numeric = headers.filter((h) => h !== codeColumn && isNumericColumn(table, h));
  // An identifier is numeric too: last.
  numeric.sort((a, b) => Number(ID_HEADER.test(a)) - Number(ID_HEADER.test(b)));
  return {
    codeColumn,
    codeLevel: best?.level ?? guessCodeLevel(cellsOf(table, codeColumn)),
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
  const duplicates = describeDuplicates(report, Object.keys(fields));
  return {
    entry,
    file,
    report,
    matchedRows: report.outcomes.matched + report.outcomes.remapped,
    unknownCodes,
    withValue: present.length,
    conflictingDuplicates: duplicates.conflicting,
    identicalDuplicates: duplicates.identical,
  };
}
