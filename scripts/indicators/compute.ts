// From one indicator's matched native territories to its values at every
// level it can honestly be shown at, with the reason where it cannot. Pure.
import {
  aggregate,
  aggregateByParent,
  franceUnavailableReason,
  levelUnavailableReason,
  valueOfComponents,
  type AggregateValue,
  type Components,
} from '../../src/lib/aggregate.ts';
import type { MatchedTerritory } from '../../src/lib/code-matching.ts';
import type { FieldMerge } from '../../src/lib/code-matching.ts';
import { roundTo } from '../../src/lib/number-parse.ts';
import { storedValue } from '../../src/lib/precision.ts';
import { aggregateAbsence, encodeAbsence, type AbsenceKind } from '../../src/lib/absence.ts';
import { FRANCE, LEVELS, type AggregateLevel, type Level } from '../../src/lib/levels.ts';
import type { IndicatorCatalogueEntry, IndicatorFile, IndicatorLevelValues, LevelAvailability } from '../../src/lib/indicator-format.ts';
import { INDICATOR_FORMAT_VERSION } from '../../src/lib/indicator-format.ts';
import type { IndicatorDefinition } from '../../data/indicators.ts';
import type { TerritoryFrame } from './territories.ts';

/** The fields an indicator reads from its source, and how rows landing on one territory merge them. */
export function fieldsOf(def: IndicatorDefinition): Record<string, FieldMerge> {
  const r = def.reading;
  switch (r.kind) {
    case 'value':
      return { [r.column]: def.aggregation === 'count' ? { kind: 'sum' } : { kind: 'none' } };
    case 'ratio':
      return { [r.numerator]: { kind: 'sum' }, [r.denominator]: { kind: 'sum' } };
    case 'weightedMean':
      return typeof r.weight === 'string'
        ? { [r.column]: { kind: 'weightedMean', weightField: r.weight }, [r.weight]: { kind: 'sum' } }
        : { [r.column]: { kind: 'none' } };
  }
}

/** Merges the field requirements of several indicators of one source; conflicting rules are a catalogue bug. */
export function mergeFieldRules(defs: readonly IndicatorDefinition[]): Record<string, FieldMerge> {
  const out: Record<string, FieldMerge> = {};
  for (const def of defs) {
    for (const [field, merge] of Object.entries(fieldsOf(def))) {
      const known = out[field];
      if (known && JSON.stringify(known) !== JSON.stringify(merge)) {
        // A column summed by one indicator and not merged by another: the stricter rule wins.
        if (merge.kind === 'none') out[field] = merge;
        continue;
      }
      out[field] = merge;
    }
  }
  return out;
}

/** The components of one native territory. */
export function componentsOf(def: IndicatorDefinition, territory: MatchedTerritory | undefined, weightOf: () => number): Components | undefined {
  if (!territory) return undefined;
  const v = territory.values;
  const r = def.reading;
  switch (r.kind) {
    case 'value':
      return [v[r.column] ?? null];
    case 'ratio':
      return [v[r.numerator] ?? null, v[r.denominator] ?? null];
    case 'weightedMean':
      return [v[r.column] ?? null, typeof r.weight === 'string' ? (v[r.weight] ?? null) : weightOf()];
  }
}

/** The source columns an indicator reads (its weight too when it is a column). */
export function columnsOf(def: IndicatorDefinition): string[] {
  const r = def.reading;
  switch (r.kind) {
    case 'value':
      return [r.column];
    case 'ratio':
      return [r.numerator, r.denominator];
    case 'weightedMean':
      return typeof r.weight === 'string' ? [r.column, r.weight] : [r.column];
  }
}

/**
 * Why a native territory has no value: not in the source, a secret cell, an
 * impossible value refused (the source does not really cover it), rows that
 * do not merge or a zero denominator (not computable).
 */
export function nativeAbsence(def: IndicatorDefinition, territory: MatchedTerritory | undefined): AbsenceKind {
  if (!territory) return 'uncovered';
  for (const column of columnsOf(def)) {
    if (territory.values[column] !== null && territory.values[column] !== undefined) continue;
    const why = territory.absent?.[column];
    if (why === 'secret') return 'secret';
    if (why === 'not-mergeable') return 'notComputable';
    return 'uncovered';
  }
  return 'notComputable';
}

export function levelBlock(
  codes: readonly string[],
  results: ReadonlyMap<string, { value: number | null; coverage?: number }>,
  decimals: number,
  absenceOf: (code: string) => AbsenceKind,
): IndicatorLevelValues {
  const values: Record<string, number | null> = {};
  const coverage: Record<string, number> = {};
  const kinds = new Map<string, AbsenceKind>();
  for (const code of codes) {
    const r = results.get(code);
    values[code] = storedValue(r?.value ?? null, decimals);
    if (values[code] === null) kinds.set(code, absenceOf(code));
    if (r && r.coverage !== undefined && r.coverage < 0.9995 && r.value !== null) coverage[code] = roundTo(r.coverage, 3)!;
  }
  const absence = encodeAbsence(kinds);
  return { values, ...(Object.keys(coverage).length > 0 ? { coverage } : {}), ...(absence ? { absence } : {}) };
}

function roundComponent(x: number | null): number | null {
  if (x === null) return null;
  return Number.isInteger(x) ? x : roundTo(x, Math.abs(x) >= 100 ? 1 : 4);
}

export interface ComputedIndicator {
  file: IndicatorFile;
  levels: Record<AggregateLevel, LevelAvailability>;
  france: number | null;
  /** Native territories with a value / all native territories of the reference. */
  nativeCoverage: { withValue: number; territories: number };
  /** Fields the catalogue entry takes from the computation (estimate methods, quintiles…). */
  catalogue?: Partial<IndicatorCatalogueEntry>;
  /** Written to build-report/indicators/{id}.json (derived indicators: their method's figures). */
  report?: unknown;
}

export function computeIndicator(def: IndicatorDefinition, native: ReadonlyMap<string, MatchedTerritory>, frame: TerritoryFrame): ComputedIndicator {
  const nativeLevel = def.nativeLevel;
  const scale = def.reading.kind === 'ratio' ? def.reading.scale : undefined;
  const options = scale !== undefined ? { scale } : {};
  const decimals = def.decimals;
  const popOf = (level: Level) => (code: string) => frame.population[level].get(code) ?? 0;

  const components = new Map<string, Components>();
  for (const code of frame.codes[nativeLevel]) {
    const c = componentsOf(def, native.get(code), () => popOf(nativeLevel)(code));
    if (c) components.set(code, c);
  }
  const nativeValues = new Map<string, { value: number | null }>();
  for (const code of frame.codes[nativeLevel]) nativeValues.set(code, { value: valueOfComponents(def.aggregation, components.get(code), scale) });
  const nativeKind = (code: string): AbsenceKind | null =>
    nativeValues.get(code)?.value === null || nativeValues.get(code) === undefined ? nativeAbsence(def, native.get(code)) : null;
  const membersOf = (parentOf: ReadonlyMap<string, string>) => {
    const out = new Map<string, string[]>();
    for (const [child, parent] of parentOf) {
      const list = out.get(parent);
      if (list) list.push(child);
      else out.set(parent, [child]);
    }
    return out;
  };

  const file: IndicatorFile = {
    version: INDICATOR_FORMAT_VERSION,
    id: def.id,
    nativeLevel,
    aggregation: def.aggregation,
    ...(scale !== undefined ? { scale } : {}),
    france: null,
    levels: {},
  };
  const levels = {} as Record<AggregateLevel, LevelAvailability>;
  const countWithValue = (block: IndicatorLevelValues) => Object.values(block.values).filter((v) => v !== null).length;
  const what = def.aggregationNote ?? 'cet indicateur';

  for (const level of LEVELS) {
    const reason = levelUnavailableReason(nativeLevel, level, def.aggregation, what);
    if (reason !== null) {
      levels[level] = { available: false, reason };
      continue;
    }
    let block: IndicatorLevelValues;
    if (level === nativeLevel) block = levelBlock(frame.codes[level], nativeValues, decimals, (code) => nativeAbsence(def, native.get(code)));
    else {
      const parentOf =
        nativeLevel === 'commune'
          ? frame.parentOfCommune[level as 'epci' | 'bv' | 'departement' | 'region']
          : frame.regionOfDepartement; // département → région is the only other nesting
      const results = aggregateByParent(def.aggregation, components, parentOf, popOf(nativeLevel), options);
      const members = membersOf(parentOf);
      block = levelBlock(frame.codes[level], results, decimals, (code) =>
        aggregateAbsence(results.get(code)?.coverage ?? 0, (members.get(code) ?? []).map(nativeKind)),
      );
    }
    file.levels[level] = block;
    levels[level] = { available: true, territories: frame.codes[level].length, withValue: countWithValue(block) };
  }

  if (def.aggregation === 'none' && nativeLevel === 'bv') {
    // Bassins de vie partition France: their population-weighted mean is an honest national figure.
    const france = aggregate(
      'weightedMean',
      frame.codes.bv.map((code) => ({ components: [nativeValues.get(code)?.value ?? null, popOf('bv')(code)] as const, coverageWeight: popOf('bv')(code) })),
    );
    const franceReason = franceUnavailableReason('weightedMean', france, what);
    levels[FRANCE] = franceReason === null ? { available: true, territories: 1, withValue: 1 } : { available: false, reason: franceReason };
    file.france = {
      value: storedValue(france.value, decimals),
      coverage: roundTo(france.coverage, 4)!,
      method: 'bvWeightedMean',
      ...(france.value === null ? { absence: 'notComputable' as const } : {}),
    };
  } else {
    const france: AggregateValue | null =
      def.aggregation === 'none'
        ? null
        : aggregate(
            def.aggregation,
            frame.codes[nativeLevel].map((code) => ({ components: components.get(code), coverageWeight: popOf(nativeLevel)(code) })),
            options,
          );
    const franceReason = franceUnavailableReason(def.aggregation, france, what);
    levels[FRANCE] = franceReason === null ? { available: true, territories: 1, withValue: 1 } : { available: false, reason: franceReason };
    if (france) {
      file.france = {
        value: storedValue(france.value, decimals),
        coverage: roundTo(france.coverage, 4)!,
        ...(france.value === null ? { absence: aggregateAbsence(france.coverage, frame.codes[nativeLevel].map(nativeKind)) } : {}),
      };
    }
  }

  if (nativeLevel === 'commune' && def.aggregation !== 'none') {
    const out: NonNullable<IndicatorFile['components']> = {};
    for (const code of frame.codes.commune) {
      const c = components.get(code);
      if (!c) continue;
      out[code] = def.aggregation === 'count' ? [roundComponent(c[0])] : [roundComponent(c[0]), roundComponent(c[1] ?? null)];
    }
    file.components = out;
  }
  const nativeBlock = file.levels[nativeLevel]!;
  return {
    file,
    levels,
    france: file.france?.value ?? null,
    nativeCoverage: { withValue: countWithValue(nativeBlock), territories: frame.codes[nativeLevel].length },
  };
}
