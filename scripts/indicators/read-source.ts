// One CSV source in, matched territories and a build report out.
// I/O at the edge (resolveSource + readFileSync); the rest is pure.
import { readFileSync } from 'node:fs';
import type { BuildContext } from '../lib/context.ts';
import { resolveSource } from '../lib/sources.ts';
import { readCsv, type CsvTable } from '../../src/lib/csv.ts';
import { parseNumber, type ParsedNumber } from '../../src/lib/number-parse.ts';
import { matchRows, type FieldMerge, type MatchReference, type MatchResult, type SourceRow } from '../../src/lib/code-matching.ts';
import type { IndicatorSourceSpec } from '../../data/indicators.ts';
import type { RefusedValue } from './checks.ts';

export interface SourceReport extends Omit<MatchResult['report'], 'rows'> {
  sourceId: string;
  file: string;
  /** Data rows in the file (header and metadata lines excluded). */
  rowsRead: number;
  /** Rows set aside by the source's declared filter (e.g. other years). */
  filtered: number;
  filterNote?: string;
  /** Rows considered for matching: rowsRead − filtered = sum of outcomes. */
  rows: number;
  minMatchShare: number;
  /** Impossible values set aside by the catalogue's checks (like unmatched codes). */
  refused?: RefusedValue[];
  csv?: { delimiter: string; encoding: string; headerRow: number; hadBom: boolean; warnings: string[] };
}

export class MatchThresholdError extends Error {
  constructor(
    readonly sourceId: string,
    share: number,
    min: number,
    reportFile: string,
  ) {
    super(
      `Source "${sourceId}": only ${(share * 100).toFixed(1)} % of its rows match a COG 2025 territory (minimum declared: ${(min * 100).toFixed(1)} %). See ${reportFile}.`,
    );
    this.name = 'MatchThresholdError';
  }
}

function parseCell(spec: IndicatorSourceSpec, column: string, raw: string | undefined): ParsedNumber {
  const map = spec.valueMaps?.[column];
  if (map) {
    const cell = (raw ?? '').trim();
    if (cell in map) return { kind: 'value', value: map[cell]! };
    const parsed = parseNumber(cell);
    return parsed.kind === 'value' ? { kind: 'unparsable', raw: cell } : parsed;
  }
  return parseNumber(raw);
}

function keep(spec: IndicatorSourceSpec, row: Record<string, string>): boolean {
  if (!spec.filter) return true;
  return Object.entries(spec.filter).every(([column, allowed]) => allowed.split('|').includes((row[column] ?? '').trim()));
}

/** Turns CSV records into SourceRows for the declared fields (pure). */
export function toSourceRows(spec: IndicatorSourceSpec, table: CsvTable, fields: readonly string[]): { rows: SourceRow[]; filtered: number } {
  for (const column of [spec.codeColumn, ...fields.filter((f) => !spec.differences?.[f])]) {
    if (!table.headers.includes(column)) throw new Error(`Source "${spec.id}": column "${column}" not found (columns: ${table.headers.join(' | ')})`);
  }
  const rows: SourceRow[] = [];
  let filtered = 0;
  for (const record of table.rows) {
    if (!keep(spec, record)) {
      filtered++;
      continue;
    }
    const values: Record<string, ParsedNumber> = {};
    for (const field of fields) {
      const difference = spec.differences?.[field];
      if (difference) {
        const a = parseCell(spec, difference[0], record[difference[0]]);
        const b = parseCell(spec, difference[1], record[difference[1]]);
        values[field] =
          a.kind === 'value' && b.kind === 'value' ? { kind: 'value', value: a.value - b.value } : a.kind !== 'value' ? a : b;
      } else values[field] = parseCell(spec, field, record[field]);
    }
    rows.push({ code: record[spec.codeColumn] ?? '', values });
  }
  return { rows, filtered };
}

export function matchSource(
  spec: IndicatorSourceSpec,
  table: CsvTable,
  fields: Record<string, FieldMerge>,
  reference: MatchReference,
  file: string,
): { result: MatchResult; report: SourceReport } {
  const { rows, filtered } = toSourceRows(spec, table, Object.keys(fields));
  const result = matchRows(rows, reference, fields);
  const report: SourceReport = {
    sourceId: spec.id,
    file,
    rowsRead: table.rows.length,
    filtered,
    ...(spec.filterNote ? { filterNote: spec.filterNote } : {}),
    ...result.report,
    rows: result.report.rows,
    minMatchShare: spec.minMatchShare,
    csv: { delimiter: table.delimiter, encoding: table.encoding, headerRow: table.headerRow, hadBom: table.hadBom, warnings: table.warnings },
  };
  return { result, report };
}

export async function readSourceTable(ctx: BuildContext, spec: IndicatorSourceSpec): Promise<{ table: CsvTable; file: string }> {
  const file = await resolveSource(ctx, spec.id);
  const table = readCsv(readFileSync(file), spec.headerRow ? { headerRow: spec.headerRow } : {});
  return { table, file };
}
