// The indicator choropleth: pure builders only. One `Classification`
// (src/lib/classify.ts) drives both the map and the legend: the fill colour is
// a small expression on feature-state (`cls` = class index, set per territory
// by setFeatureState), regenerated from the classification — never a
// 35,000-stop `match` on codes, never a geometry re-upload.
import type { ExpressionSpecification, FillLayerSpecification } from 'maplibre-gl';
import type { AbsenceKind } from '../lib/absence.ts';
import type { Level } from '../lib/levels.ts';
import { valueToClass, type Classification } from '../lib/classify.ts';
import { compareCodes } from '../lib/codes.ts';

export const choroplethLayerId = (level: Level) => `indicator-${level}-fill`;

/** Feature-state key of the class index written per territory. */
export const STATE_CLASS = 'cls';

/**
 * `fill-color` from the class index in feature-state:
 * ['case', ['==', cls, null], noData, ['match', cls, 0, c0, 1, c1, …, noData]].
 */
export function choroplethFillColor(classification: Pick<Classification, 'colors' | 'noDataColor'>): ExpressionSpecification {
  const cls: ExpressionSpecification = ['feature-state', STATE_CLASS];
  const { colors, noDataColor } = classification;
  if (colors.length === 0) return ['literal', noDataColor] as unknown as ExpressionSpecification;
  const stops: (number | string)[] = [];
  colors.forEach((color, i) => stops.push(i, color));
  return ['case', ['==', cls, null], noDataColor, ['match', cls, ...stops, noDataColor]] as unknown as ExpressionSpecification;
}

/** The choropleth fill layer of a level (in the `choropleth` band, above the land fill). */
export function choroplethLayer(
  level: Level,
  sourceId: string,
  classification: Pick<Classification, 'colors' | 'noDataColor'> | null,
  visible: boolean,
): FillLayerSpecification {
  return {
    id: choroplethLayerId(level),
    type: 'fill',
    source: sourceId,
    layout: { visibility: visible ? 'visible' : 'none' },
    paint: {
      'fill-color': classification ? choroplethFillColor(classification) : '#d4d4d4',
      'fill-antialias': false,
    },
  };
}

export interface TerritoryState {
  value: number | null;
  cls: number | null;
}

/**
 * The feature-state of every territory of a level: `codes` lists all of them
 * (so a territory without a value gets an explicit null and loses any colour
 * of a previous indicator).
 */
export function choroplethStates(
  codes: Iterable<string>,
  values: ReadonlyMap<string, number | null>,
  breaks: readonly number[],
): Map<string, TerritoryState> {
  const out = new Map<string, TerritoryState>();
  for (const code of codes) {
    const v = values.get(code);
    const value = v === undefined || v === null || !Number.isFinite(v) ? null : v;
    out.set(code, { value, cls: valueToClass(value, breaks) });
  }
  return out;
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
