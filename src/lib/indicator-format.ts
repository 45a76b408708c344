// Types of the indicator files the build writes and the viewer loads lazily:
// `data/indicators/catalogue.json` (what exists, where, and why not),
// `data/indicators/{id}.json` (values at the levels above the commune, France)
// and, for commune-native indicators, `data/indicators/{id}.commune.json`
// (commune values + the commune components of perimeter aggregation), loaded
// only when the commune level, a perimeter or a commune portrait needs it.
// See docs/indicators.md and docs/data-format.md.
import type { AggregateLevel, Level } from './levels.ts';
import type { AggregationKind } from './aggregate.ts';
import type { Polarity } from './classify.ts';

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
  /** Relative to `data/`. */
  file: string;
  /** Commune values and components (commune-native indicators only), relative to `data/`. */
  communeFile?: string;
  /** A change between two vintages of other indicators: mapped on a diverging scale centred on no change. */
  change?: { from: string; to: string; mode: 'difference' | 'rate' };
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
}

export interface IndicatorFile {
  version: typeof INDICATOR_FORMAT_VERSION;
  id: string;
  nativeLevel: Level;
  aggregation: AggregationKind;
  scale?: number;
  france: { value: number | null; coverage: number } | null;
  levels: Partial<Record<Level, IndicatorLevelValues>>;
  /**
   * Commune-native aggregable indicators: per commune the components the
   * viewer feeds to `aggregatePerimeter` (count `[value]`, ratio
   * `[numerator, denominator]`, weightedMean `[value, weight]`); coverage is
   * weighted by the legal population of the territory index.
   */
  components?: Record<string, [number | null] | [number | null, number | null]>;
}

/** `indicators/{id}.json` as published: no commune values, no components (they live in `communeFile`). */
export type IndicatorBaseFile = Omit<IndicatorFile, 'components'> & {
  /** Relative to `data/`; absent when the indicator has no commune values. */
  communeFile?: string;
};

/** `indicators/{id}.commune.json`: what only the commune level and perimeter aggregation need. */
export interface IndicatorCommuneFile {
  version: typeof INDICATOR_FORMAT_VERSION;
  id: string;
  commune?: IndicatorLevelValues;
  components?: IndicatorFile['components'];
}

/** Splits an indicator into its published parts; `communeUrl` names the commune part (relative to `data/`). */
export function splitIndicatorFile(file: IndicatorFile, communeUrl: string): { base: IndicatorBaseFile; commune: IndicatorCommuneFile | null } {
  const { components, levels, ...rest } = file;
  const { commune, ...supra } = levels;
  if (!commune && !components) return { base: { ...rest, levels: supra }, commune: null };
  return {
    base: { ...rest, levels: supra, communeFile: communeUrl },
    commune: {
      version: INDICATOR_FORMAT_VERSION,
      id: file.id,
      ...(commune ? { commune } : {}),
      ...(components ? { components } : {}),
    },
  };
}

/** The in-memory indicator: the base part, plus the commune part when it was loaded. */
export function mergeIndicatorFile(base: IndicatorBaseFile, commune: IndicatorCommuneFile | null): IndicatorFile {
  const { communeFile: _communeFile, ...rest } = base;
  void _communeFile;
  if (!commune) return { ...rest, levels: { ...rest.levels } };
  return {
    ...rest,
    levels: commune.commune ? { ...rest.levels, commune: commune.commune } : { ...rest.levels },
    ...(commune.components ? { components: commune.components } : {}),
  };
}
