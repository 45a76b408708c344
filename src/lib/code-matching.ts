// Matching a source's rows to the territories of COG 2025: zero-padding,
// Corsica, Paris/Lyon/Marseille arrondissements rolled up into their commune,
// older codes moved forward with INSEE's historical passage table. Several
// rows landing on one territory are merged field by field according to what
// the field is (a count adds up, a median does not). Every row gets exactly one
// outcome, so a report's counts add up to the source's row count. Pure.
import {
  byCode,
  compareCodes,
  normaliseCommuneCode,
  normaliseDepartementCode,
  normaliseSiren,
  plmCommuneOf,
} from './codes.ts';
import { isSecretMarker, type ParsedNumber } from './number-parse.ts';

export type MatchLevel = 'commune' | 'epci' | 'bv' | 'departement';

export interface MatchReference {
  level: MatchLevel;
  /** Codes of the reference geography (COG 2025 communes, EPCI SIREN 2025, BV 2022, départements). */
  codes: ReadonlySet<string>;
  /** Communes only: old code (any vintage) → COG 2025 code(s), from the historical passage table. */
  passage?: ReadonlyMap<string, readonly string[]>;
}

/**
 * How rows landing on the same territory combine, per field:
 * `sum` for counts, numerators, denominators, weights; `weightedMean` for an
 * index weighted by another field (APL by standardised population); `none`
 * for values that cannot be merged (medians, rates without their denominator,
 * classes): the merged value is missing and flagged.
 */
export type FieldMerge = { kind: 'sum' } | { kind: 'weightedMean'; weightField: string } | { kind: 'none' };

export interface SourceRow {
  /** The code as read (any padding/case). */
  code: string;
  /** Parsed cells, one per declared field. */
  values: Record<string, ParsedNumber>;
}

export type RowOutcome = 'matched' | 'remapped' | 'unmatched' | 'duplicate' | 'unparsable' | 'missing';
export const ROW_OUTCOMES: readonly RowOutcome[] = ['matched', 'remapped', 'unmatched', 'duplicate', 'unparsable', 'missing'];

export type UnmatchedReason = 'invalid' | 'unknown' | 'split';

export interface MatchedTerritory {
  code: string;
  /** Merged value per field; null = missing (secret, absent, or not mergeable). */
  values: Record<string, number | null>;
  /** Source codes merged into this territory (more than one for PLM and merged communes). */
  sourceCodes: string[];
  /**
   * Why a field is missing, when the source says more than "empty": `secret`
   * (statistical secret marker), `not-mergeable` (rows that cannot be
   * combined), `refused` (an impossible value set aside by the build checks).
   */
  absent?: Record<string, 'secret' | 'not-mergeable' | 'refused'>;
}

/** The values of one source row, as read (null = missing or unreadable). */
export type RowValues = Record<string, number | null>;

export interface MatchReport {
  level: MatchLevel;
  rows: number;
  outcomes: Record<RowOutcome, number>;
  /** Share of non-duplicate rows whose code was recognised (matched, remapped, or with a missing / unparsable value). */
  codeMatchShare: number;
  /** Territories of the reference that received at least one row. */
  territoriesMatched: number;
  referenceSize: number;
  unmatched: Array<{ code: string; reason: UnmatchedReason; targets?: string[] }>;
  remapped: Array<{ from: string; to: string; why: 'arrondissement' | 'passage' }>;
  /**
   * Codes seen twice (ignored after the first; `conflicting` when values
   * differ), or superseded by their commune's own row. Conflicting ones carry
   * the values kept (the first row) and those of the rows set aside.
   */
  duplicates: Array<{ code: string; conflicting: boolean; supersededBy?: string; kept?: RowValues; ignored?: RowValues[] }>;
  unparsableCells: Array<{ code: string; field: string; raw: string }>;
  /** Territories built from several source rows. */
  merged: Array<{ code: string; from: string[] }>;
  /** Fields set to missing because their rows could not be merged, or a merged row lacked them. */
  mergeFlags: Array<{ code: string; field: string; reason: 'not-mergeable' | 'partial' }>;
  /** Per field, among attached rows: values, missing markers, unparsable cells. */
  fields: Record<string, { values: number; missing: number; unparsable: number }>;
}

export interface MatchResult {
  territories: Map<string, MatchedTerritory>;
  report: MatchReport;
}

function normalise(level: MatchLevel, raw: string): string | null {
  switch (level) {
    case 'commune':
    case 'bv':
      return normaliseCommuneCode(raw);
    case 'epci':
      return normaliseSiren(raw);
    case 'departement':
      return normaliseDepartementCode(raw);
  }
}

type Resolution =
  | { ok: true; code: string; remappedFrom?: { why: 'arrondissement' | 'passage' } }
  | { ok: false; reason: UnmatchedReason; targets?: string[] };

/** Where one source code lands in the reference geography. */
export function resolveCode(raw: string, reference: MatchReference): Resolution & { normalised: string | null } {
  const code = normalise(reference.level, raw);
  if (code === null) return { ok: false, reason: 'invalid', normalised: null };
  if (reference.codes.has(code)) return { ok: true, code, normalised: code };
  if (reference.level === 'commune') {
    const plm = plmCommuneOf(code);
    if (plm && reference.codes.has(plm)) return { ok: true, code: plm, remappedFrom: { why: 'arrondissement' }, normalised: code };
    const targets = (reference.passage?.get(code) ?? []).filter((t) => reference.codes.has(t));
    if (targets.length === 1) return { ok: true, code: targets[0]!, remappedFrom: { why: 'passage' }, normalised: code };
    if (targets.length > 1) return { ok: false, reason: 'split', targets: [...targets].sort(), normalised: code };
  }
  return { ok: false, reason: 'unknown', normalised: code };
}

function sameValues(a: Record<string, ParsedNumber>, b: Record<string, ParsedNumber>): boolean {
  for (const key of Object.keys(a)) {
    const x = a[key]!;
    const y = b[key];
    if (!y || x.kind !== y.kind) return false;
    if (x.kind === 'value' && y.kind === 'value' && x.value !== y.value) return false;
  }
  return true;
}

function rowValues(row: SourceRow, fields: Record<string, FieldMerge>): RowValues {
  const out: RowValues = {};
  for (const f of Object.keys(fields)) {
    const p = row.values[f];
    out[f] = p && p.kind === 'value' ? p.value : null;
  }
  return out;
}

/** Combines the rows attached to one territory, field by field. */
function mergeRows(
  code: string,
  rows: SourceRow[],
  fields: Record<string, FieldMerge>,
  flags: MatchReport['mergeFlags'],
  absent: NonNullable<MatchedTerritory['absent']>,
): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  const valueOf = (row: SourceRow, field: string) => {
    const p = row.values[field];
    return p && p.kind === 'value' ? p.value : null;
  };
  const secret = (row: SourceRow, field: string) => {
    const p = row.values[field];
    return p !== undefined && p.kind === 'missing' && isSecretMarker(p.marker);
  };
  for (const [field, merge] of Object.entries(fields)) {
    if (rows.length === 1) {
      out[field] = valueOf(rows[0]!, field);
      if (out[field] === null && secret(rows[0]!, field)) absent[field] = 'secret';
      continue;
    }
    if (rows.some((r) => secret(r, field))) absent[field] = 'secret';
    const present = rows.map((r) => valueOf(r, field));
    if (merge.kind === 'none') {
      // Identical values merge to themselves (two medians m combine to a median m; a shared class stays).
      const first = present[0];
      if (first !== null && first !== undefined && present.every((v) => v === first)) {
        out[field] = first;
        continue;
      }
      out[field] = null;
      if (present.some((v) => v !== null)) {
        flags.push({ code, field, reason: 'not-mergeable' });
        if (!absent[field]) absent[field] = 'not-mergeable';
      }
      continue;
    }
    if (present.some((v) => v === null)) {
      out[field] = null;
      if (present.some((v) => v !== null)) flags.push({ code, field, reason: 'partial' });
      continue;
    }
    if (merge.kind === 'sum') {
      out[field] = (present as number[]).reduce((s, v) => s + v, 0);
    } else {
      let num = 0;
      let den = 0;
      let ok = true;
      rows.forEach((r, i) => {
        const w = valueOf(r, merge.weightField);
        if (w === null) ok = false;
        else {
          num += present[i]! * w;
          den += w;
        }
      });
      out[field] = ok && den > 0 ? num / den : null;
      if (!ok) flags.push({ code, field, reason: 'partial' });
    }
  }
  return out;
}

/**
 * Matches rows to the reference geography. Outcome precedence: a code that
 * cannot be placed is `unmatched`; a code seen before is `duplicate` (ignored;
 * flagged `conflicting` when its values differ); then a row whose declared
 * fields are all missing is `missing`, one with an unreadable cell is
 * `unparsable`; otherwise `matched` or `remapped`.
 */
export function matchRows(rows: readonly SourceRow[], reference: MatchReference, fields: Record<string, FieldMerge>): MatchResult {
  const outcomes = Object.fromEntries(ROW_OUTCOMES.map((o) => [o, 0])) as Record<RowOutcome, number>;
  const report: MatchReport = {
    level: reference.level,
    rows: rows.length,
    outcomes,
    codeMatchShare: 0,
    territoriesMatched: 0,
    referenceSize: reference.codes.size,
    unmatched: [],
    remapped: [],
    duplicates: [],
    unparsableCells: [],
    merged: [],
    mergeFlags: [],
    fields: Object.fromEntries(Object.keys(fields).map((f) => [f, { values: 0, missing: 0, unparsable: 0 }])),
  };
  // A commune published both whole and by arrondissement (Filosofi: 75056 and
  // 75101…75120) keeps its own row; the arrondissement rows are duplicates of it.
  const directTargets = new Set<string>();
  for (const row of rows) {
    const r = resolveCode(row.code, reference);
    if (r.ok && !r.remappedFrom) directTargets.add(r.code);
  }
  const firstSeen = new Map<string, SourceRow>();
  const duplicateIndex = new Map<string, MatchReport['duplicates'][number]>();
  const attached = new Map<string, { rows: SourceRow[]; sourceCodes: string[] }>();
  for (const row of rows) {
    const resolved = resolveCode(row.code, reference);
    if (!resolved.ok) {
      outcomes.unmatched++;
      report.unmatched.push({ code: resolved.normalised ?? row.code.trim(), reason: resolved.reason, ...(resolved.targets ? { targets: resolved.targets } : {}) });
      continue;
    }
    const sourceCode = resolved.normalised!;
    if (resolved.remappedFrom?.why === 'arrondissement' && directTargets.has(resolved.code)) {
      outcomes.duplicate++;
      duplicateIndex.set(sourceCode, { code: sourceCode, conflicting: false, supersededBy: resolved.code });
      continue;
    }
    const first = firstSeen.get(sourceCode);
    if (first) {
      outcomes.duplicate++;
      const entry = duplicateIndex.get(sourceCode) ?? { code: sourceCode, conflicting: false };
      if (!sameValues(first.values, row.values)) {
        entry.conflicting = true;
        entry.kept = rowValues(first, fields);
        entry.ignored = [...(entry.ignored ?? []), rowValues(row, fields)];
      }
      duplicateIndex.set(sourceCode, entry);
      continue;
    }
    firstSeen.set(sourceCode, row);
    const kinds = Object.keys(fields).map((f) => row.values[f]?.kind ?? 'missing');
    for (const f of Object.keys(fields)) {
      const p = row.values[f];
      const stats = report.fields[f]!;
      if (!p || p.kind === 'missing') stats.missing++;
      else if (p.kind === 'unparsable') {
        stats.unparsable++;
        report.unparsableCells.push({ code: sourceCode, field: f, raw: p.raw });
      } else stats.values++;
    }
    if (kinds.every((k) => k === 'missing')) outcomes.missing++;
    else if (kinds.some((k) => k === 'unparsable')) outcomes.unparsable++;
    else if (resolved.remappedFrom) outcomes.remapped++;
    else outcomes.matched++;
    if (resolved.remappedFrom) report.remapped.push({ from: sourceCode, to: resolved.code, why: resolved.remappedFrom.why });
    const bucket = attached.get(resolved.code) ?? { rows: [], sourceCodes: [] };
    bucket.rows.push(row);
    bucket.sourceCodes.push(sourceCode);
    attached.set(resolved.code, bucket);
  }
  report.duplicates = [...duplicateIndex.values()].sort(byCode);
  const territories = new Map<string, MatchedTerritory>();
  for (const code of [...attached.keys()].sort()) {
    const bucket = attached.get(code)!;
    if (bucket.rows.length > 1) report.merged.push({ code, from: [...bucket.sourceCodes].sort() });
    const absent: NonNullable<MatchedTerritory['absent']> = {};
    const values = mergeRows(code, bucket.rows, fields, report.mergeFlags, absent);
    territories.set(code, { code, values, sourceCodes: [...bucket.sourceCodes].sort(), ...(Object.keys(absent).length > 0 ? { absent } : {}) });
  }
  report.territoriesMatched = territories.size;
  const considered = rows.length - outcomes.duplicate;
  report.codeMatchShare = considered > 0 ? (considered - outcomes.unmatched) / considered : 0;
  report.unmatched.sort(byCode);
  report.remapped.sort((a, b) => compareCodes(a.from, b.from));
  return { territories, report };
}

/** The one-line French summary the build prints and the viewer shows for a dropped file. */
export function summariseReport(report: MatchReport): string {
  const o = report.outcomes;
  const nf = new Intl.NumberFormat('fr-FR');
  const parts = [
    `${nf.format(report.rows)} lignes`,
    `${nf.format(o.matched)} reconnues`,
    `${nf.format(o.remapped)} recodées`,
    `${nf.format(o.unmatched)} codes inconnus`,
    `${nf.format(o.duplicate)} doublons`,
    `${nf.format(o.missing)} sans valeur`,
    `${nf.format(o.unparsable)} illisibles`,
  ];
  const sample = report.unmatched.slice(0, 5).map((u) => u.code).join(', ');
  return `${parts.join(' · ')}${sample ? ` (inconnus : ${sample}${report.unmatched.length > 5 ? '…' : ''})` : ''}`;
}
