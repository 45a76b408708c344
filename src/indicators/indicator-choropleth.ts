// The indicator choropleth: pure builders only. One `Classification`
// (src/lib/classify.ts) drives both the map and the legend: each territory
// carries its class and that class's colour in feature-state (`cls`,
// `color`), and the layer's paint is one constant expression reading it —
// never a 35,000-stop `match` on codes, never a geometry re-upload. The paint
// never changes, so an indicator, classification or palette change only
// writes the states that differ (a new data-driven paint would make MapLibre
// lay out every tile of the source again).
import type { ExpressionSpecification, FillLayerSpecification } from 'maplibre-gl';
import type { AbsenceKind } from '../lib/absence.ts';
import type { Level } from '../lib/levels.ts';
import { NO_DATA_COLOR, valueToClass, type Classification } from '../lib/classify.ts';
import { compareCodes } from '../lib/codes.ts';
import { HAIRLINES, territoryFillOutline } from '../layers/territories.ts';

export const choroplethLayerId = (level: Level) => `indicator-${level}-fill`;

/** Feature-state keys written per territory. */
export const STATE_CLASS = 'cls';
export const STATE_COLOR = 'color';

/** `fill-color`: the colour in feature-state, no-data grey for a territory without one. */
export function choroplethFillColor(): ExpressionSpecification {
  return ['to-color', ['coalesce', ['feature-state', STATE_COLOR], NO_DATA_COLOR]];
}

/**
 * The choropleth fill layer of a level (in the `choropleth` band, above the
 * land fill). Shown and hidden through its opacity, a paint property: a
 * visibility change would lay the whole source out again.
 */
export function choroplethLayer(level: Level, sourceId: string, visible: boolean, shown: boolean): FillLayerSpecification {
  return {
    id: choroplethLayerId(level),
    type: 'fill',
    source: sourceId,
    layout: { visibility: visible ? 'visible' : 'none' },
    metadata: { [HAIRLINES]: true },
    paint: {
      'fill-color': choroplethFillColor(),
      'fill-opacity': shown ? 1 : 0,
      'fill-opacity-transition': { duration: 0, delay: 0 },
      ...territoryFillOutline(level),
    },
  };
}

export interface TerritoryState {
  readonly cls: number | null;
  readonly color: string | null;
}

const NO_CLASS: TerritoryState = Object.freeze({ cls: null, color: null });

/**
 * The feature-state of every territory of a level: `codes` lists all of them
 * (so a territory without a value gets an explicit null and loses any colour
 * of a previous indicator), `values` their values in the same order (as
 * `levelTerritories` gives them). Territories of one class share one (frozen)
 * state object: a commune map is 35,000 territories and a handful of classes.
 */
export function choroplethStates(
  codes: readonly string[],
  values: readonly (number | null | undefined)[],
  classification: Pick<Classification, 'breaks' | 'colors'>,
): Map<string, TerritoryState> {
  const out = new Map<string, TerritoryState>();
  const { breaks, colors } = classification;
  const byClass: TerritoryState[] = [];
  const stateOf = (cls: number | null): TerritoryState => {
    if (cls === null) return NO_CLASS;
    return (byClass[cls] ??= Object.freeze({ cls, color: colors[cls] ?? null }));
  };
  codes.forEach((code, i) => {
    const v = values[i];
    out.set(code, stateOf(valueToClass(v === undefined || v === null || !Number.isFinite(v) ? null : v, breaks)));
  });
  return out;
}

/** Every territory of a level with its value, in one pass (the classification, the states and the legend read it). */
export interface LevelTerritories {
  /** The codes of the values' file, then those only the level's index knows. */
  readonly codes: readonly string[];
  /** Their values, in the order of `codes` (null: none). */
  readonly values: readonly (number | null)[];
  /** How many of them have no value. */
  readonly missingCount: number;
}

export function levelTerritories(values: ReadonlyMap<string, number | null>, indexCodes: Iterable<string> = []): LevelTerritories {
  const codes: string[] = [];
  const aligned: (number | null)[] = [];
  let missingCount = 0;
  for (const [code, v] of values) {
    codes.push(code);
    const value = v === null || !Number.isFinite(v) ? null : v;
    aligned.push(value);
    if (value === null) missingCount++;
  }
  for (const code of indexCodes) {
    if (values.has(code)) continue;
    codes.push(code);
    aligned.push(null);
    missingCount++;
  }
  return { codes, values: aligned, missingCount };
}

export interface LegendClass {
  index: number;
  color: string;
  lower: number;
  upper: number;
  label: string;
  count: number;
}

export interface LegendModel {
  title: string;
  unit: string;
  classes: LegendClass[];
  noData: { color: string; count: number; label: string };
  /** The no-data territories by kind of absence (secret, not covered, not computable). */
  absences: Record<AbsenceKind, number>;
  /** Territories counted (with and without value). */
  total: number;
  /** France's value, if known, e.g. for a diverging reference. */
  reference: number | null;
}

export const NO_DATA_LABEL = 'Données manquantes';

/** Legend rows from the classification (the very scale the map uses). */
export function legendModel(
  classification: Classification,
  title: string,
  unit: string,
  reference: number | null = null,
  absences: Record<AbsenceKind, number> = { secret: 0, uncovered: classification.noDataCount, notComputable: 0 },
): LegendModel {
  const classes = classification.colors.map((color, i) => ({
    index: i,
    color,
    lower: classification.breaks[i]!,
    upper: classification.breaks[i + 1]!,
    label: classification.labels[i] ?? '',
    count: classification.counts[i] ?? 0,
  }));
  const withValue = classes.reduce((s, c) => s + c.count, 0);
  return {
    title,
    unit,
    classes,
    noData: { color: classification.noDataColor, count: classification.noDataCount, label: NO_DATA_LABEL },
    absences,
    total: withValue + classification.noDataCount,
    reference,
  };
}

/** The legend as one sentence per line, for screen readers and tests. */
export function legendText(model: LegendModel): string[] {
  const nf = new Intl.NumberFormat('fr-FR');
  const territories = (n: number) => `${nf.format(n)} territoire${n > 1 ? 's' : ''}`;
  return [
    ...model.classes.map((c) => `Classe ${c.index + 1} : ${c.label} (${territories(c.count)})`),
    `${model.noData.label} (${territories(model.noData.count)})`,
  ];
}

export interface Ranking {
  /** 1 = highest value; ties share the best rank ("competition" ranking). */
  rank: Map<string, number>;
  /** Territories with a value. */
  ranked: number;
}

/** Ranks territories by decreasing value; missing values are not ranked. */
export function rankValues(values: ReadonlyMap<string, number | null>): Ranking {
  const present: [string, number][] = [];
  for (const [code, v] of values) if (v !== null && Number.isFinite(v)) present.push([code, v]);
  present.sort((a, b) => b[1] - a[1] || compareCodes(a[0], b[0]));
  const rank = new Map<string, number>();
  let previous: number | null = null;
  let previousRank = 0;
  present.forEach(([code, v], i) => {
    const r = previous !== null && v === previous ? previousRank : i + 1;
    rank.set(code, r);
    previous = v;
    previousRank = r;
  });
  return { rank, ranked: present.length };
}

/** "1er sur 1 255", "12e sur 1 255". */
export function formatRank(rank: number, of: number): string {
  const nf = new Intl.NumberFormat('fr-FR');
  return `${nf.format(rank)}${rank === 1 ? 'er' : 'e'} sur ${nf.format(of)}`;
}
