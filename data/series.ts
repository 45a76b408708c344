// Measures the mirror holds for several vintages, drawn as trends in the
// portrait, and the changes between two vintages offered as indicators of the
// catalogue. See docs/indicators.md (« Tendances »).
import type { Polarity } from '../src/lib/classify.ts';
import type { ChangeMode } from '../src/lib/series-format.ts';

/** A series assembled from catalogue indicators (one per vintage, same geography). */
export interface CatalogueSeries {
  kind: 'catalogue';
  id: string;
  label: string;
  /** [vintage label, indicator id], in time order. */
  members: readonly (readonly [string, string])[];
}

/** A series read from a time-series source: one row per territory and period. */
export interface SourceSeries {
  kind: 'source';
  id: string;
  label: string;
  unit: string;
  decimals: number;
  polarity: Polarity;
  /** Source ids (INDICATOR_SOURCES), one per level; their own filter is replaced by `keep` + the period. */
  sources: readonly string[];
  periodColumn: string;
  valueColumn: string;
  /** Rows kept besides the period (e.g. both sexes). */
  keep?: Record<string, string>;
  /** Periods kept, in order (default: every period of the first source); other rows are left out. */
  periods?: readonly string[];
  note: string;
}

export const SERIES: readonly (CatalogueSeries | SourceSeries)[] = [
  {
    kind: 'catalogue',
    id: 'apl_mg_moins65',
    label: 'APL aux médecins généralistes de 65 ans ou moins',
    members: [
      ['2022', 'apl_mg_moins65_2022'],
      ['2023', 'apl_mg_moins65_2023'],
    ],
  },
  {
    kind: 'catalogue',
    id: 'population_recensement',
    label: 'Population municipale (recensement)',
    members: [
      ['2015', 'population_2015'],
      ['2021', 'population_2021'],
    ],
  },
  {
    kind: 'source',
    id: 'mortalite_brute',
    label: 'Taux brut de mortalité par période intercensitaire',
    unit: '‰',
    decimals: 1,
    polarity: 'higher-worse',
    sources: ['ot-mortalite-brute-epci', 'ot-mortalite-brute-dep'],
    periodColumn: 'an',
    valueColumn: 'tx_morta',
    // The département file also has overlapping periods (1999-2007, 2007-2012, 2012-2017): the successive censuses only.
    periods: ['1968-1975', '1975-1982', '1982-1990', '1990-1999', '1999-2008', '2008-2013', '2013-2018'],
    note: 'EPCI dans leurs périmètres de 2021 (les EPCI modifiés depuis n’ont pas de série) ; la source ne publie pas de valeur nationale. Non standardisé sur l’âge.',
  },
  {
    kind: 'source',
    id: 'mortalite_standardisee',
    label: 'Taux standardisé de mortalité, toutes causes',
    unit: 'pour 100 000 hab.',
    decimals: 0,
    polarity: 'higher-worse',
    sources: ['cepidc-tsm-toutes-causes'],
    periodColumn: 'annee',
    valueColumn: 'valeur',
    keep: { sexe: 'Tous sexes' },
    note: 'CépiDc-Inserm, standardisé sur l’âge et le sexe ; la source ne publie pas de valeur nationale. Conditions de réutilisation à vérifier.',
  },
];

/** Changes between two vintages, added to the catalogue as indicators (mapped on a scale centred on no change). */
export interface ChangeIndicator {
  id: string;
  label: string;
  definition: string;
  from: string;
  to: string;
  mode: ChangeMode;
  /** Display unit of the change ("consultations/an/hab.", "points", "%"). */
  unit: string;
  decimals: number;
}

export const CHANGE_INDICATORS: readonly ChangeIndicator[] = [
  {
    id: 'evolution_apl_mg_moins65_2022_2023',
    label: 'Évolution de l’APL aux médecins généralistes de 65 ans ou moins 2022-2023',
    definition:
      'Différence entre l’APL 2023 et l’APL 2022 aux médecins généralistes de 65 ans ou moins (consultations par an et par habitant), chaque année agrégée à l’échelon avec sa population standardisée ; codes des communes ramenés au COG 2025.',
    from: 'apl_mg_moins65_2022',
    to: 'apl_mg_moins65_2023',
    mode: 'difference',
    unit: 'consultations/an/hab.',
    decimals: 2,
  },
  {
    id: 'evolution_apl_mg_2022_2023',
    label: 'Évolution de l’APL aux médecins généralistes 2022-2023 (en %)',
    definition:
      'Variation relative de l’APL aux médecins généralistes entre 2022 et 2023, en % de la valeur 2022 ; codes des communes ramenés au COG 2025.',
    from: 'apl_mg_2022',
    to: 'apl_mg_2023',
    mode: 'rate',
    unit: '%',
    decimals: 1,
  },
];
