// Types of the indicator files the build writes and the viewer loads lazily:
// `data/indicators/catalogue.json` (what exists, where, and why not),
// `data/indicators/{id}.json` (values at the levels above the commune, France)
// and, for commune-native indicators, `data/indicators/{id}.commune.json`
// (commune values: the commune map, a commune's portrait) and
// `data/indicators/{id}.components.json` (the commune components of perimeter
// aggregation: a perimeter's figures only), each loaded when needed.
// See docs/indicators.md and docs/data-format.md.
import type { AggregateLevel, Level } from './levels.ts';
import type { AggregationKind } from './aggregate.ts';
import type { Polarity } from './classify.ts';
import type { AbsenceBlock, AbsenceKind } from './absence.ts';

export const INDICATOR_FORMAT_VERSION = 1;

export type IndicatorTheme = 'offre' | 'population' | 'precarite' | 'sante';
export const THEMES: ReadonlyArray<{ id: IndicatorTheme; label: string }> = [
  { id: 'offre', label: 'Offre de soins de premier recours' },
  { id: 'population', label: 'Population' },
  { id: 'precarite', label: 'Précarité' },
  { id: 'sante', label: 'État de santé' },
];

/** How an indicator's value is read from its source's fields. */
export type IndicatorReading =
  /** One column holds the value (a count, a median, a class…). */
  | { kind: 'value'; column: string }
  /** numerator / denominator × scale (a rate, a share, a density). */
  | { kind: 'ratio'; numerator: string; denominator: string; scale: number }
  /** An index averaged with a weight: a column of the source, or the legal population of the territory. */
  | { kind: 'weightedMean'; column: string; weight: string | { population: true } };

export interface SourceCredit {
  id: string;
  producer: string;
  title: string;
  licence: string;
  vintage: string;
  url: string | null;
}

export type LevelAvailability =
  | { available: true; territories: number; withValue: number }
  | { available: false; reason: string };

/** An ordinal indicator's classes (e.g. nurses' zoning 1–5). */
export interface IndicatorCategory {
  value: number;
  label: string;
}

export interface IndicatorCatalogueEntry {
  id: string;
  label: string;
  definition: string;
  theme: IndicatorTheme;
  /** Display unit ("%", "‰", "hab./km²", "pour 10 000 hab.", "consultations/an/hab.", "€"…). */
  unit: string;
  decimals: number;
  polarity: Polarity;
  aggregation: AggregationKind;
  /** Why a non-aggregable indicator cannot be aggregated (French, for the UI). */
  aggregationNote?: string;
  /** Ratios: the multiplier of numerator/denominator. */
  scale?: number;
  nativeLevel: Level;
  vintage: string;
  producer: string;
  licence: string;
  /** The licence / reuse terms could not be confirmed: show a warning. */
  licenceToVerify?: boolean;
  source: SourceCredit;
  categories?: IndicatorCategory[];
  /** Whether the viewer can aggregate a custom perimeter of communes (commune-level components in the file). */
  perimeterAggregable: boolean;
  levels: Record<AggregateLevel, LevelAvailability>;
  /** France's value (the reference of diverging scales), null when it cannot be computed. */
  france: number | null;
  /** How France's value was obtained when it is not an aggregate of the native values (French). */
  franceNote?: string;
  /**
   * The unit as the producer's file states it, or null when the file states
   * none (the UI then says « unité non précisée par la source »).
   */
  sourceUnit?: string | null;
  /** The order of magnitude the values were checked against (densities, rates). */
  unitCheck?: UnitCheckSummary;
  /** Estimates: French label of each method a value may come from. */
  methods?: Record<string, string>;
  /** Quintile bounds (4 values, population-weighted) of a composite index, for the portrait. */
  quintileBreaks?: number[];
  /** Estimates: how the estimate is made (French, shown beside the value). */
  estimateNote?: string;
  /** Relative to `data/`. */
  file: string;
  /** Commune values (commune-native indicators only), relative to `data/`. */
  communeFile?: string;
  /** Commune components of perimeter aggregation (aggregable commune-native indicators only), relative to `data/`. */
  componentsFile?: string;
  /** A change between two vintages of other indicators: mapped on a diverging scale centred on no change. */
  change?: { from: string; to: string; mode: 'difference' | 'rate' };
}

/** A density's implied national total against a published one. */
export interface UnitCheckSummary {
  /** The unit the values are consistent with (French), e.g. "pour 100 000 habitants". */
  impliedUnit: string;
  /** Implied national total: France's value × population / scale. */
  impliedTotal: number;
  /** The published figure it was checked against, and its source. */
  expected: { total: number; what: string; source: string; url: string };
}

export interface IndicatorCatalogueFile {
  version: typeof INDICATOR_FORMAT_VERSION;
  themes: ReadonlyArray<{ id: IndicatorTheme; label: string }>;
  indicators: IndicatorCatalogueEntry[];
  credits: SourceCredit[];
  /** Sources MANIFEST.md says are not available, for the UI to say so rather than fake them. */
  notAvailable: string[];
}

export interface IndicatorLevelValues {
  /** Every territory of the level, sorted by code; null = missing. */
  values: Record<string, number | null>;
  /** Aggregates computed on less than all of their population: share covered (0–1). Absent = 1. */
  coverage?: Record<string, number>;
  /** Why each null value is missing (secret, not covered, not computable); absent when no value is null. */
  absence?: AbsenceBlock;
  /**
   * Estimates: the method that gave each value (keys of
   * `IndicatorCatalogueEntry.methods`), compact: `default` unless the code is
   * listed under another method in `others`.
   */
  method?: MethodBlock;
}

export interface MethodBlock {
  default: string;
  others?: Record<string, string[]>;
}

/** Builds the compact method block of a level; undefined when no value has a method. */
export function encodeMethods(methods: ReadonlyMap<string, string>): MethodBlock | undefined {
  if (methods.size === 0) return undefined;
  const byMethod = new Map<string, string[]>();
  for (const [code, m] of methods) {
    const list = byMethod.get(m);
    if (list) list.push(code);
    else byMethod.set(m, [code]);
  }
  const sorted = [...byMethod].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));
  const [first, ...rest] = sorted;
  const block: MethodBlock = { default: first![0] };
  if (rest.length > 0) block.others = Object.fromEntries(rest.map(([m, codes]) => [m, [...codes].sort()]));
  return block;
}

/** The method of one territory's value, or null when the level has none (or the value is missing). */
export function methodOf(level: IndicatorLevelValues | undefined, code: string): string | null {
  const block = level?.method;
  const v = level?.values[code];
  if (!block || v === null || v === undefined) return null;
  for (const [m, codes] of Object.entries(block.others ?? {})) if (codes.includes(code)) return m;
  return block.default;
}

export interface IndicatorFile {
  version: typeof INDICATOR_FORMAT_VERSION;
  id: string;
  nativeLevel: Level;
  aggregation: AggregationKind;
  scale?: number;
  france: {
    value: number | null;
    coverage: number;
    /** Why France has no value. */
    absence?: AbsenceKind;
    /** The method of an estimate (key of `IndicatorCatalogueEntry.methods`). */
    method?: string;
  } | null;
  levels: Partial<Record<Level, IndicatorLevelValues>>;
  /**
   * Commune-native aggregable indicators: per commune the components the
   * viewer feeds to `aggregatePerimeter` (count `[value]`, ratio
   * `[numerator, denominator]`, weightedMean `[value, weight]`); coverage is
   * weighted by the legal population of the territory index.
   */
  components?: Record<string, [number | null] | [number | null, number | null] | [number | null, number | null, number | null]>;
}

/** `indicators/{id}.json` as published: no commune values, no components (they live in their own files). */
export type IndicatorBaseFile = Omit<IndicatorFile, 'components'> & {
  /** Relative to `data/`; absent when the indicator has no commune values. */
  communeFile?: string;
  /** Relative to `data/`; absent when the indicator has no components. */
  componentsFile?: string;
};

/** `indicators/{id}.commune.json`: the commune level's values (the commune map, a commune's portrait). */
export interface IndicatorCommuneFile {
  version: typeof INDICATOR_FORMAT_VERSION;
  id: string;
  commune: IndicatorLevelValues;
}

/** `indicators/{id}.components.json`: the commune components only a perimeter's aggregation needs. */
export interface IndicatorComponentsFile {
  version: typeof INDICATOR_FORMAT_VERSION;
  id: string;
  components: NonNullable<IndicatorFile['components']>;
}

export interface IndicatorParts {
  base: IndicatorBaseFile;
  commune: IndicatorCommuneFile | null;
  components: IndicatorComponentsFile | null;
}

/** Where an indicator's commune parts are published, relative to `data/`. */
export const indicatorPartUrls = (id: string) => ({ commune: `indicators/${id}.commune.json`, components: `indicators/${id}.components.json` });

/**
 * Splits an indicator into its published parts: the supra levels, the commune
 * values (read by the commune map: a third of the bytes when the components,
 * twice as large, are apart) and the components.
 */
export function splitIndicatorFile(file: IndicatorFile, urls: { commune: string; components: string } = indicatorPartUrls(file.id)): IndicatorParts {
  const { components, levels, ...rest } = file;
  const { commune, ...supra } = levels;
  const head = { version: INDICATOR_FORMAT_VERSION, id: file.id } as const;
  return {
    base: { ...rest, levels: supra, ...(commune ? { communeFile: urls.commune } : {}), ...(components ? { componentsFile: urls.components } : {}) },
    commune: commune ? { ...head, commune } : null,
    components: components ? { ...head, components } : null,
  };
}

/** The in-memory indicator: the base part, plus the commune values and the components when they were loaded. */
export function mergeIndicatorFile(base: IndicatorBaseFile, commune: IndicatorCommuneFile | null, components: IndicatorComponentsFile | null = null): IndicatorFile {
  const { communeFile: _communeFile, componentsFile: _componentsFile, ...rest } = base;
  void _communeFile;
  void _componentsFile;
  return {
    ...rest,
    levels: commune ? { ...rest.levels, commune: commune.commune } : { ...rest.levels },
    ...(components ? { components: components.components } : {}),
  };
}
