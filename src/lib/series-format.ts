// Several vintages of one measure (APL 2022 → 2023, population 2015 → 2021,
// crude mortality by intercensal period, standardised mortality by year):
// the files the build writes under data/indicators/series/ and the viewer
// draws as trends, and the change between two vintages. Pure; shared by the
// build (scripts/trends/) and the viewer (src/trends/).
import type { Level } from './levels.ts';
import type { Polarity } from './classify.ts';

export const SERIES_DIR = 'indicators/series';
export const SERIES_INDEX = `${SERIES_DIR}/index.json`;

export interface SeriesFile {
  version: 1;
  id: string;
  label: string;
  unit: string;
  decimals: number;
  polarity: Polarity;
  /** "Producer, title (licence)". */
  source: string;
  /** Vintage labels in time order ("2022", "1968-1975"…). */
  vintages: string[];
  /** Level → code → one value per vintage (null = missing), COG 2025 codes. */
  levels: Partial<Record<Level, Record<string, (number | null)[]>>>;
  /** France, one value per vintage; null when the source gives no national value. */
  france: (number | null)[] | null;
  /** What the reader must know (perimeters of an older vintage, no national value…). */
  note?: string;
}

export interface SeriesIndexEntry {
  id: string;
  label: string;
  file: string;
  levels: Level[];
  vintages: string[];
}

export interface SeriesIndexFile {
  version: 1;
  series: SeriesIndexEntry[];
}

/** How a change between two vintages is expressed: to − from, or (to − from) / from in %. */
export type ChangeMode = 'difference' | 'rate';

export interface ChangeDefinition {
  readonly from: string;
  readonly to: string;
  readonly mode: ChangeMode;
}

/** The change from one value to another; null when either is missing (or from = 0 for a rate). */
export function changeOf(from: number | null | undefined, to: number | null | undefined, mode: ChangeMode): number | null {
  if (typeof from !== 'number' || typeof to !== 'number' || !Number.isFinite(from) || !Number.isFinite(to)) return null;
  if (mode === 'difference') return to - from;
  return from === 0 ? null : ((to - from) / Math.abs(from)) * 100;
}

/**
 * The change of every territory between two vintages already expressed in
 * the same geography (COG 2025: the build moves older codes forward when
 * matching). Territories present in one vintage only get null.
 */
export function changeValues(
  from: Readonly<Record<string, number | null>>,
  to: Readonly<Record<string, number | null>>,
  mode: ChangeMode,
): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const code of [...new Set([...Object.keys(from), ...Object.keys(to)])].sort()) out[code] = changeOf(from[code], to[code], mode);
  return out;
}
