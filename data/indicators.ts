// The indicator catalogue: every indicator the build computes, where its
// value comes from, how it aggregates, and how to read it. Producer and
// licence come from the source's declaration in data/sources.json (one place
// per source); `vintage` is the indicator's own. See docs/indicators.md.
import type { AggregationKind } from '../src/lib/aggregate.ts';
import type { Polarity } from '../src/lib/classify.ts';
import type { IndicatorCategory, IndicatorReading, IndicatorTheme } from '../src/lib/indicator-format.ts';
import type { Level } from '../src/lib/levels.ts';
import type { FieldMerge } from '../src/lib/code-matching.ts';

export type SourceLevel = 'commune' | 'epci' | 'bv' | 'departement';

/** How the build reads one CSV source (its id is the one in data/sources.json). */
export interface IndicatorSourceSpec {
  id: string;
  level: SourceLevel;
  codeColumn: string;
  /** 1-based header line; detected when omitted. */
  headerRow?: number;
  /** Keep only rows where every listed column equals the value, or one of `a|b` (others are counted as `filtered`). */
  filter?: Record<string, string>;
  /** Why the filter exists, for the report. */
  filterNote?: string;
  /** Minimum share of rows whose code is recognised; below it the build fails naming the source. */
  minMatchShare: number;
  /** Derived columns: name → [minuend, subtrahend] (e.g. population change = pop 2021 − pop 2015). */
  differences?: Record<string, readonly [string, string]>;
  /** Categorical columns: cell → number (e.g. nurses' zoning "1_Tres_sous_dotee" → 1). */
  valueMaps?: Record<string, Record<string, number>>;
}

/**
 * A value the build refuses as impossible (set to missing and listed in the
 * source's report, like an unmatched code): below `min`, above `max`, or 0
 * where the territory's legal population (2022) is at least
 * `zeroOnlyBelowLegalPopulation` (the six « villages morts pour la France »
 * of the Meuse legally have 0 inhabitants; Mayotte's communes do not).
 */
export interface FieldCheck {
  min?: number;
  max?: number;
  zeroOnlyBelowLegalPopulation?: number;
}

/**
 * A density's unit checked against a national total: France's value ×
 * population base / scale must be within `tolerance` (ratio) of a published
 * total, cited.
 */
export interface UnitCheck {
  /** The unit the producer's file states, or null when it states none. */
  sourceUnit: string | null;
  /** The unit the values are consistent with, in French. */
  impliedUnit: string;
  scale: number;
  /** Share of the population the density is about (1 = all inhabitants; women ≈ 0.516). */
  baseShare: number;
  expected: { total: number; what: string; source: string; url: string };
  tolerance: readonly [number, number];
}

export interface IndicatorDefinition {
  id: string;
  label: string;
  definition: string;
  theme: IndicatorTheme;
  unit: string;
  decimals: number;
  sourceId: string;
  reading: IndicatorReading;
  aggregation: AggregationKind;
  /** For `none`: why (French), shown by the UI at the levels where it is unavailable. */
  aggregationNote?: string;
  polarity: Polarity;
  nativeLevel: Level;
  vintage: string;
  licenceToVerify?: boolean;
  categories?: IndicatorCategory[];
  /** Impossible values per source column, refused by the build. */
  checks?: Record<string, FieldCheck>;
  unitCheck?: UnitCheck;
  /** Computed by a dedicated build step rather than read from one column (see scripts/indicators/derived). */
  derived?: 'poverty' | 'deprivation';
}

/** Legal population and area per commune: built from @etalab/decoupage-administratif and the COG 2025 geometry. */
export const POPULATION_SOURCE_ID = 'decoupage-administratif-communes';

const NURSE_ZONING_VALUES = {
  '1_Tres_sous_dotee': 1,
  '2_Sous_dotee': 2,
  '3_intermediaire': 3,
  '4_Tres_dotee': 4,
  '5_Sur_dotee': 5,
};

export const INDICATOR_SOURCES: readonly IndicatorSourceSpec[] = [
  {
    id: 'insee-comparateur-2021',
    level: 'commune',
    codeColumn: 'insee_com',
    filter: { commune_type: 'COM|ARM' },
    differences: { population_evolution_2015_2021: ['population_2021', 'population_2015'] },
    filterNote:
      'Les lignes COMD (communes déléguées, 793) sont écartées : leur population est déjà comptée dans leur commune nouvelle. Une ligne par code postal : les répétitions d’un même code commune sont des doublons.',
    minMatchShare: 0.99,
  },
  { id: 'drees-apl-mg-2022', level: 'commune', codeColumn: 'code_commune', minMatchShare: 0.99 },
  { id: 'drees-apl-mg-2023', level: 'commune', codeColumn: 'code_commune', minMatchShare: 0.99 },
  { id: 'insee-filosofi-2021-communes', level: 'commune', codeColumn: 'CODGEO', minMatchShare: 0.99 },
  {
    id: 'cartosante-zonage-infirmiers',
    level: 'commune',
    codeColumn: 'Code',
    headerRow: 3,
    minMatchShare: 0.99,
    valueMaps: { 'Zonage infirmiers': NURSE_ZONING_VALUES },
  },
  { id: 'insee-bv2022-determinants-sociaux', level: 'bv', codeColumn: 'Code', headerRow: 3, minMatchShare: 0.99 },
  { id: 'insee-bv2022-taux-pauvrete-2021', level: 'bv', codeColumn: 'Code', headerRow: 3, minMatchShare: 0.99 },
  // 1,709 rows: the 1,707 BV 2022 + Saint-Barthélemy and Saint-Martin (977ZZ, 978ZZ), outside the COG communes.
  { id: 'cartosante-bv2022-offre-sante-2024', level: 'bv', codeColumn: 'Code', headerRow: 3, minMatchShare: 0.99 },
  { id: 'insee-departements-sante-2024', level: 'departement', codeColumn: 'Code', headerRow: 3, minMatchShare: 0.99 },
  {
    id: 'cepidc-tsm-toutes-causes',
    level: 'departement',
    codeColumn: 'departement',
    filter: { annee: '2023', sexe: 'Tous sexes' },
    filterNote: 'Seule l’année 2023, tous sexes, est retenue (le fichier couvre 2010–2023).',
    minMatchShare: 0.99,
  },
  {
    id: 'ot-mortalite-brute-epci',
    level: 'epci',
    codeColumn: 'codgeo',
    filter: { an: '2013-2018' },
    filterNote: 'Seule la dernière période intercensitaire (2013-2018) est retenue.',
    // EPCI of 2021: the perimeters changed since, unknown SIREN are listed in the report.
    minMatchShare: 0.95,
  },
  {
    id: 'ot-mortalite-brute-dep',
    level: 'departement',
    codeColumn: 'codgeo',
    filter: { an: '2013-2018' },
    filterNote: 'Seule la dernière période intercensitaire (2013-2018) est retenue.',
    minMatchShare: 0.99,
  },
];

/** A census count of inhabitants: never negative, 0 only where the legal population is 0 (Mayotte is not in RP 2021). */
const COUNT_OF_INHABITANTS: FieldCheck = { min: 0, zeroOnlyBelowLegalPopulation: 1 };
/** Working-age actives: 0 only in the tiniest communes (3 communes of 543–1,333 inhabitants have 0 in the comparateur). */
const COUNT_OF_ACTIVES: FieldCheck = { min: 0, zeroOnlyBelowLegalPopulation: 50 };
const SHARE: FieldCheck = { min: 0, max: 100 };
const NON_NEGATIVE: FieldCheck = { min: 0 };

/** Shown in place of a unit the producer's file does not state. */
export const UNIT_NOT_STATED = 'unité non précisée par la source';

const AMELI_DENSITIES = {
  source: 'Assurance maladie, Data pro. de santé libéraux : densités moyennes France (médecins généralistes 77, infirmiers 146, orthophonistes 30 pour 100 000 hab.)',
  url: 'https://www.assurance-maladie.ameli.fr/media/49273',
};

/**
 * CartoSanté's BV densities. The file states a unit only for pharmacies; the
 * others were checked against national totals (docs/indicators.md, « Unités »):
 * GPs and nurses fit « pour 10 000 habitants », speech therapists « pour
 * 100 000 habitants » (per 10,000 would mean ~227,000 liberal speech
 * therapists, there are ~21,000), midwives « pour 10 000 femmes ».
 */
const BV_DENSITIES: ReadonlyArray<{ id: string; label: string; column: string; what: string; check: UnitCheck }> = [
  {
    id: 'densite_generalistes_bv',
    label: 'Densité de médecins généralistes libéraux',
    column: 'Densité de généralistes lib. 2024',
    what: 'Médecins généralistes libéraux',
    check: {
      sourceUnit: null,
      impliedUnit: 'pour 10 000 habitants',
      scale: 10_000,
      baseShare: 1,
      expected: { total: 52_600, what: 'médecins généralistes libéraux (77 pour 100 000 hab. × 68,35 M hab.)', ...AMELI_DENSITIES },
      tolerance: [0.7, 1.4],
    },
  },
  {
    id: 'densite_infirmiers_bv',
    label: 'Densité d’infirmiers libéraux',
    column: "Densité d'infirmiers lib. 2024",
    what: 'Infirmiers libéraux',
    check: {
      sourceUnit: null,
      impliedUnit: 'pour 10 000 habitants',
      scale: 10_000,
      baseShare: 1,
      expected: { total: 99_800, what: 'infirmiers libéraux (146 pour 100 000 hab. × 68,35 M hab.)', ...AMELI_DENSITIES },
      tolerance: [0.7, 1.4],
    },
  },
  {
    id: 'densite_sages_femmes_bv',
    label: 'Densité de sages-femmes libérales',
    column: 'Densité de sages-femmes lib. 2024',
    what: 'Sages-femmes libérales',
    check: {
      sourceUnit: null,
      impliedUnit: 'pour 10 000 femmes',
      scale: 10_000,
      // Women are 51.6 % of the population (INSEE, bilan démographique): the base of a density per woman.
      baseShare: 0.516,
      expected: {
        total: 7_956,
        what: 'sages-femmes libérales fin 2021 (DREES ; 7 223 selon l’Assurance maladie), en hausse depuis',
        source: 'DREES via profession-sage-femme.com, « Libérales : quelles activités pour quel salaire »',
        url: 'https://profession-sage-femme.com/liberales-quelles-activites-pour-quel-salaire',
      },
      tolerance: [0.7, 1.6],
    },
  },
  {
    id: 'densite_orthophonistes_bv',
    label: 'Densité d’orthophonistes libéraux',
    column: "Densité d'orthophonistes lib. 2024",
    what: 'Orthophonistes libéraux',
    check: {
      sourceUnit: null,
      impliedUnit: 'pour 100 000 habitants',
      scale: 100_000,
      baseShare: 1,
      expected: { total: 20_787, what: 'orthophonistes libéraux ou mixtes au 1er janvier 2019 (DREES, 25 607 en tout)', source: 'DREES, cité par le SORR', url: 'https://www.sorr-reunion.net/lorthophonie-en-bref-essai-2/lorthophonie-en-chiffres' },
      tolerance: [0.7, 1.5],
    },
  },
  {
    id: 'densite_pharmacies_bv',
    label: 'Densité de pharmacies',
    column: 'Densité des pharmacies pour 10 000 hab. 2024',
    what: 'Pharmacies',
    check: {
      sourceUnit: 'pour 10 000 hab.',
      impliedUnit: 'pour 10 000 habitants',
      scale: 10_000,
      baseShare: 1,
      expected: {
        total: 20_725,
        what: 'pharmacies recensées par la BPE 2024 (somme du fichier départemental INSEE du miroir)',
        source: 'INSEE, Base permanente des équipements 2024 (statistiques locales par département)',
        url: 'https://statistiques-locales.insee.fr',
      },
      tolerance: [0.8, 1.25],
    },
  },
];

const MEDIAN_NOTE = 'une médiane ne se combine pas (la médiane des médianes n’est pas la médiane de l’ensemble)';
const RATE_WITHOUT_DENOMINATOR =
  'un taux publié sans son dénominateur ne peut pas être recombiné (sa moyenne serait fausse)';


export const INDICATORS: readonly IndicatorDefinition[] = [
  // ── Population ─────────────────────────────────────────────────────────
  {
    id: 'population',
    label: 'Population légale',
    definition: 'Population municipale légale au 1er janvier 2022 (en vigueur en 2025).',
    theme: 'population',
    unit: 'hab.',
    decimals: 0,
    sourceId: POPULATION_SOURCE_ID,
    reading: { kind: 'value', column: 'population' },
    aggregation: 'count',
    polarity: 'neutral',
    nativeLevel: 'commune',
    vintage: '2022',
  },
  {
    id: 'densite_population',
    label: 'Densité de population',
    definition: 'Population légale 2022 rapportée à la superficie (habitants par km²).',
    theme: 'population',
    unit: 'hab./km²',
    decimals: 1,
    sourceId: POPULATION_SOURCE_ID,
    reading: { kind: 'ratio', numerator: 'population', denominator: 'areaKm2', scale: 1 },
    aggregation: 'ratio',
    polarity: 'neutral',
    nativeLevel: 'commune',
    vintage: '2022',
  },
  {
    id: 'population_2021',
    label: 'Population 2021 (recensement)',
    definition: 'Population municipale au recensement 2021 (base du comparateur de territoires).',
    theme: 'population',
    unit: 'hab.',
    decimals: 0,
    sourceId: 'insee-comparateur-2021',
    reading: { kind: 'value', column: 'population_2021' },
    checks: { population_2021: COUNT_OF_INHABITANTS },
    aggregation: 'count',
    polarity: 'neutral',
    nativeLevel: 'commune',
    vintage: 'RP 2021',
  },
  {
    id: 'evolution_population_2015_2021',
    label: 'Évolution de la population 2015-2021',
    definition: 'Variation de la population municipale entre les recensements 2015 et 2021, en % de la population 2015.',
    theme: 'population',
    unit: '%',
    decimals: 1,
    sourceId: 'insee-comparateur-2021',
    reading: { kind: 'ratio', numerator: 'population_evolution_2015_2021', denominator: 'population_2015', scale: 100 },
    checks: { population_2015: COUNT_OF_INHABITANTS },
    aggregation: 'ratio',
    polarity: 'neutral',
    nativeLevel: 'commune',
    vintage: 'RP 2015 et 2021',
  },
  {
    id: 'taux_natalite_2022',
    label: 'Taux de natalité',
    definition: 'Naissances domiciliées en 2022 pour 1 000 habitants (population 2021).',
    theme: 'population',
    unit: '‰',
    decimals: 1,
    sourceId: 'insee-comparateur-2021',
    reading: { kind: 'ratio', numerator: 'naissances_2022', denominator: 'population_2021', scale: 1000 },
    checks: { naissances_2022: NON_NEGATIVE, population_2021: COUNT_OF_INHABITANTS },
    aggregation: 'ratio',
    polarity: 'neutral',
    nativeLevel: 'commune',
    vintage: 'état civil 2022, RP 2021',
  },
  {
    id: 'taux_mortalite_2022',
    label: 'Taux brut de mortalité (communes)',
    definition: 'Décès domiciliés en 2022 pour 1 000 habitants (population 2021), non standardisé sur l’âge.',
    theme: 'sante',
    unit: '‰',
    decimals: 1,
    sourceId: 'insee-comparateur-2021',
    reading: { kind: 'ratio', numerator: 'deces_2022', denominator: 'population_2021', scale: 1000 },
    checks: { deces_2022: NON_NEGATIVE, population_2021: COUNT_OF_INHABITANTS },
    aggregation: 'ratio',
    polarity: 'higher-worse',
    nativeLevel: 'commune',
    vintage: 'état civil 2022, RP 2021',
  },
  {
    id: 'deces_2022',
    label: 'Nombre de décès',
    definition: 'Décès domiciliés dans le territoire en 2022.',
    theme: 'sante',
    unit: 'décès',
    decimals: 0,
    sourceId: 'insee-comparateur-2021',
    reading: { kind: 'value', column: 'deces_2022' },
    checks: { deces_2022: NON_NEGATIVE },
    aggregation: 'count',
    polarity: 'neutral',
    nativeLevel: 'commune',
    vintage: 'état civil 2022',
  },
  {
    id: 'naissances_2022',
    label: 'Nombre de naissances',
    definition: 'Naissances domiciliées dans le territoire en 2022.',
    theme: 'population',
    unit: 'naissances',
    decimals: 0,
    sourceId: 'insee-comparateur-2021',
    reading: { kind: 'value', column: 'naissances_2022' },
    checks: { naissances_2022: NON_NEGATIVE },
    aggregation: 'count',
    polarity: 'neutral',
    nativeLevel: 'commune',
    vintage: 'état civil 2022',
  },
  {
    id: 'part_75_ans_plus',
    label: 'Part des 75 ans ou plus',
    definition: 'Part des personnes âgées de 75 ans ou plus dans la population (bassins de vie 2022).',
    theme: 'population',
    unit: '%',
    decimals: 1,
    sourceId: 'insee-bv2022-determinants-sociaux',
    reading: { kind: 'weightedMean', column: 'Part des pers. âgées de 75 ans ou + 2022', weight: { population: true } },
    checks: { 'Part des pers. âgées de 75 ans ou + 2022': SHARE },
    aggregation: 'weightedMean',
    polarity: 'neutral',
    nativeLevel: 'bv',
    vintage: 'RP 2022',
  },
  {
    id: 'part_moins_15_ans',
    label: 'Part des moins de 15 ans',
    definition: 'Part des personnes âgées de moins de 15 ans dans la population (bassins de vie 2022).',
    theme: 'population',
    unit: '%',
    decimals: 1,
    sourceId: 'insee-bv2022-determinants-sociaux',
    reading: { kind: 'weightedMean', column: 'Part des pers. âgées de - 15 ans 2022', weight: { population: true } },
    checks: { 'Part des pers. âgées de - 15 ans 2022': SHARE },
    aggregation: 'weightedMean',
    polarity: 'neutral',
    nativeLevel: 'bv',
    vintage: 'RP 2022',
  },
  // ── Précarité ──────────────────────────────────────────────────────────
  {
    id: 'taux_chomage_2021',
    label: 'Taux de chômage des 15-64 ans',
    definition: 'Chômeurs de 15 à 64 ans en % des actifs de 15 à 64 ans (au sens du recensement).',
    theme: 'precarite',
    unit: '%',
    decimals: 1,
    sourceId: 'insee-comparateur-2021',
    reading: { kind: 'ratio', numerator: 'pop_15_64_chomage_2021', denominator: 'pop_15_64_active_2021', scale: 100 },
    checks: { pop_15_64_chomage_2021: NON_NEGATIVE, pop_15_64_active_2021: COUNT_OF_ACTIVES },
    aggregation: 'ratio',
    polarity: 'higher-worse',
    nativeLevel: 'commune',
    vintage: 'RP 2021',
  },
  {
    id: 'revenu_median_2021',
    label: 'Niveau de vie médian',
    definition: 'Médiane du revenu disponible par unité de consommation (Filosofi 2021). Secret statistique pour les plus petites communes.',
    theme: 'precarite',
    unit: '€',
    decimals: 0,
    sourceId: 'insee-filosofi-2021-communes',
    reading: { kind: 'value', column: 'MED21' },
    aggregation: 'none',
    aggregationNote: MEDIAN_NOTE,
    polarity: 'higher-better',
    nativeLevel: 'commune',
    vintage: 'Filosofi 2021',
  },
  {
    id: 'taux_pauvrete_2021_communes',
    label: 'Taux de pauvreté (communes)',
    definition:
      'Part des personnes vivant sous le seuil de pauvreté (60 % du niveau de vie médian), Filosofi 2021 ; publié seulement pour les communes assez peuplées (4 409).',
    theme: 'precarite',
    unit: '%',
    decimals: 0,
    sourceId: 'insee-filosofi-2021-communes',
    reading: { kind: 'value', column: 'TP6021' },
    checks: { TP6021: SHARE },
    aggregation: 'none',
    aggregationNote: RATE_WITHOUT_DENOMINATOR,
    polarity: 'higher-worse',
    nativeLevel: 'commune',
    vintage: 'Filosofi 2021',
  },
  {
    id: 'taux_pauvrete_2021_bv',
    label: 'Taux de pauvreté (bassins de vie)',
    definition: 'Part des personnes vivant sous le seuil de pauvreté (60 % du niveau de vie médian), par bassin de vie 2022.',
    theme: 'precarite',
    unit: '%',
    decimals: 1,
    sourceId: 'insee-bv2022-taux-pauvrete-2021',
    reading: { kind: 'value', column: 'Taux de pauvreté 2021' },
    checks: { 'Taux de pauvreté 2021': SHARE },
    aggregation: 'none',
    aggregationNote: RATE_WITHOUT_DENOMINATOR,
    polarity: 'higher-worse',
    nativeLevel: 'bv',
    vintage: 'Filosofi 2021',
  },
  {
    id: 'taux_pauvrete_2021',
    label: 'Taux de pauvreté (estimation à tous les échelons)',
    definition:
      'Part des personnes vivant sous le seuil de pauvreté (60 % du niveau de vie médian), Filosofi 2021. Départements et bassins de vie : valeur publiée par l’INSEE. Ailleurs, estimation : somme des pauvres sur somme des personnes des communes dont le taux est publié quand elles réunissent au moins 80 % des personnes, sinon taux du bassin de vie de chaque commune pondéré par ses personnes. La méthode et la part couverte sont indiquées pour chaque valeur.',
    theme: 'precarite',
    unit: '%',
    decimals: 1,
    sourceId: 'insee-filosofi-2021-communes',
    reading: { kind: 'value', column: 'TP6021' },
    checks: { TP6021: SHARE, NBPERSMENFISC21: NON_NEGATIVE },
    aggregation: 'estimate',
    polarity: 'higher-worse',
    nativeLevel: 'commune',
    vintage: 'Filosofi 2021',
    derived: 'poverty',
  },
  {
    id: 'indice_defavorisation_bv',
    label: 'Indice de défavorisation (type FDep)',
    definition:
      'Premier axe d’une analyse en composantes principales de quatre indicateurs par bassin de vie 2022 (niveau de vie médian 2021, part des ouvriers dans l’emploi au lieu de travail 2022, part des non ou peu diplômés 2022, taux de chômage des 15-64 ans 2021), à la manière du FDep (Rey et al., 2009). Plus le score est élevé, plus le bassin de vie est défavorisé ; 0 = moyenne des bassins de vie. Méthode et écarts au FDep : docs/indicators.md.',
    theme: 'precarite',
    unit: 'score',
    decimals: 2,
    sourceId: 'insee-bv2022-determinants-sociaux',
    reading: { kind: 'value', column: 'Médiane du niveau de vie 2021' },
    aggregation: 'none',
    aggregationNote: 'un score d’analyse en composantes principales',
    polarity: 'higher-worse',
    nativeLevel: 'bv',
    vintage: 'Filosofi 2021, RP 2021 et 2022',
    derived: 'deprivation',
  },
  ...(
    [
      ['part_familles_monoparentales', 'Part des familles monoparentales', 'Part des familles monoparentales parmi les familles.', 'Part des familles monoparentales 2022', 'higher-worse'],
      ['part_peu_diplomes', 'Part des non ou peu diplômés', 'Part des non ou peu diplômés dans la population non scolarisée de 15 ans ou plus.', 'Part des non ou peu diplômés dans la pop. non scolarisée de 15 ans ou + 2022', 'higher-worse'],
      ['part_suroccupation', 'Part des logements en suroccupation accentuée', 'Part des résidences principales en suroccupation accentuée.', 'Part des résidences principales en suroccupation accentuée 2022', 'higher-worse'],
      ['part_locataires_hlm', 'Part des locataires HLM', 'Part des locataires HLM dans les résidences principales.', 'Part des locataires HLM dans les rés. principales 2022', 'neutral'],
      ['part_ouvriers', 'Part des ouvriers dans l’emploi', 'Part des ouvriers dans les emplois au lieu de travail.', 'Part des ouvriers dans le nb d’emplois au LT 2022', 'neutral'],
    ] as const
  ).map(
    ([id, label, definition, column, polarity]): IndicatorDefinition => ({
      id,
      label,
      definition: `${definition} Bassins de vie 2022.`,
      theme: 'precarite',
      unit: '%',
      decimals: 1,
      sourceId: 'insee-bv2022-determinants-sociaux',
      reading: { kind: 'value', column },
      checks: { [column]: SHARE },
      aggregation: 'none',
      aggregationNote:
        'une part publiée sans son dénominateur (familles, logements, emplois…) ne peut pas être recombinée entre bassins de vie',
      polarity,
      nativeLevel: 'bv',
      vintage: 'RP 2022',
    }),
  ),
  {
    id: 'niveau_vie_median_bv_2021',
    label: 'Niveau de vie médian (bassins de vie)',
    definition: 'Médiane du niveau de vie, par bassin de vie 2022 (Filosofi 2021).',
    theme: 'precarite',
    unit: '€',
    decimals: 0,
    sourceId: 'insee-bv2022-determinants-sociaux',
    reading: { kind: 'value', column: 'Médiane du niveau de vie 2021' },
    aggregation: 'none',
    aggregationNote: MEDIAN_NOTE,
    polarity: 'higher-better',
    nativeLevel: 'bv',
    vintage: 'Filosofi 2021',
  },
  // ── Offre de soins de premier recours ──────────────────────────────────
  ...([2022, 2023] as const).flatMap((year): IndicatorDefinition[] => [
    {
      id: `apl_mg_${year}`,
      label: `APL aux médecins généralistes ${year}`,
      definition:
        'Accessibilité potentielle localisée aux médecins généralistes : consultations accessibles par habitant et par an (population standardisée par l’âge), tous âges de médecins.',
      theme: 'offre',
      unit: 'consultations/an/hab.',
      decimals: 2,
      sourceId: `drees-apl-mg-${year}`,
      reading: { kind: 'weightedMean', column: 'apl_mg', weight: 'pop_std_mg' },
      aggregation: 'weightedMean',
      polarity: 'higher-better',
      nativeLevel: 'commune',
      vintage: `APL ${year}`,
    },
    {
      id: `apl_mg_moins65_${year}`,
      label: `APL aux médecins généralistes de 65 ans ou moins ${year}`,
      definition:
        'Accessibilité potentielle localisée aux médecins généralistes de 65 ans ou moins (l’indicateur de référence des déserts médicaux) : consultations accessibles par habitant et par an.',
      theme: 'offre',
      unit: 'consultations/an/hab.',
      decimals: 2,
      sourceId: `drees-apl-mg-${year}`,
      reading: { kind: 'weightedMean', column: 'apl_mg_moins65', weight: 'pop_std_mg' },
      aggregation: 'weightedMean',
      polarity: 'higher-better',
      nativeLevel: 'commune',
      vintage: `APL ${year}`,
    },
  ]),
  {
    id: 'zonage_infirmiers',
    label: 'Zonage conventionnel des infirmiers',
    definition:
      'Classe du zonage des infirmiers libéraux arrêté par l’ARS, de 1 (très sous-dotée) à 5 (sur-dotée). Paris, Lyon et Marseille : classe commune à tous les arrondissements, sinon non renseignée.',
    theme: 'offre',
    unit: 'classe',
    decimals: 0,
    sourceId: 'cartosante-zonage-infirmiers',
    reading: { kind: 'value', column: 'Zonage infirmiers' },
    aggregation: 'none',
    aggregationNote: 'une classe de zonage ne se moyenne pas',
    polarity: 'higher-better',
    nativeLevel: 'commune',
    vintage: '2024',
    categories: [
      { value: 1, label: 'Très sous-dotée' },
      { value: 2, label: 'Sous-dotée' },
      { value: 3, label: 'Intermédiaire' },
      { value: 4, label: 'Très dotée' },
      { value: 5, label: 'Sur-dotée' },
    ],
  },
  ...BV_DENSITIES.map(
    ({ id, label, column, what, check }): IndicatorDefinition => ({
      id,
      label,
      definition:
        check.sourceUnit !== null
          ? `${what} ${check.sourceUnit}, par bassin de vie 2022 (CartoSanté 2024). Moyenne nationale pondérée par la population légale des bassins de vie.`
          : `${what} : densité par bassin de vie 2022 (CartoSanté 2024). Le fichier du producteur ne précise pas l’unité ; les valeurs sont cohérentes avec une densité ${check.impliedUnit} (total national implicite comparé à l’effectif publié, voir « À propos »). Moyenne nationale pondérée par la population légale des bassins de vie.`,
      theme: 'offre',
      unit: check.sourceUnit ?? UNIT_NOT_STATED,
      decimals: 1,
      sourceId: 'cartosante-bv2022-offre-sante-2024',
      reading: { kind: 'weightedMean', column, weight: { population: true } },
      checks: { [column]: NON_NEGATIVE },
      aggregation: 'weightedMean',
      polarity: 'higher-better',
      nativeLevel: 'bv',
      vintage: '2024',
      unitCheck: check,
    }),
  ),
  {
    id: 'apl_mg_bv_2023',
    label: 'APL aux médecins généralistes 2023 (bassins de vie)',
    definition: 'APL aux médecins généralistes 2023 calculée par CartoSanté à l’échelle du bassin de vie 2022.',
    theme: 'offre',
    unit: 'consultations/an/hab.',
    decimals: 1,
    sourceId: 'cartosante-bv2022-offre-sante-2024',
    reading: { kind: 'weightedMean', column: 'APL Médecins généralistes 2023', weight: { population: true } },
    aggregation: 'weightedMean',
    polarity: 'higher-better',
    nativeLevel: 'bv',
    vintage: 'APL 2023',
  },
  ...(
    [
      ['medecins_generalistes_dep', 'Médecins généralistes', 'Médecin généraliste (en nombre) 2024', 'médecins généralistes'],
      ['infirmiers_dep', 'Infirmiers', 'Infirmier (en nombre) 2024', 'infirmiers'],
      ['pharmacies_dep', 'Pharmacies', 'Pharmacie (en nombre) 2024', 'pharmacies'],
      ['chirurgiens_dentistes_dep', 'Chirurgiens-dentistes', 'Chirurgien dentiste (en nombre) 2024', 'chirurgiens-dentistes'],
    ] as const
  ).flatMap(([id, label, column, what]): IndicatorDefinition[] => [
    {
      id: `${id}_nombre`,
      label: `${label} (nombre)`,
      definition: `Nombre de ${what} recensés par la Base permanente des équipements 2024, par département.`,
      theme: 'offre',
      unit: what,
      decimals: 0,
      sourceId: 'insee-departements-sante-2024',
      reading: { kind: 'value', column },
      aggregation: 'count',
      polarity: 'neutral',
      nativeLevel: 'departement',
      vintage: 'BPE 2024',
    },
    {
      id: `${id}_densite`,
      label: `${label} pour 10 000 habitants`,
      definition: `Nombre de ${what} (BPE 2024) pour 10 000 habitants (estimations de population 2025), par département.`,
      theme: 'offre',
      unit: 'pour 10 000 hab.',
      decimals: 1,
      sourceId: 'insee-departements-sante-2024',
      reading: { kind: 'ratio', numerator: column, denominator: 'Estimations de population 2025', scale: 10_000 },
      aggregation: 'ratio',
      polarity: 'higher-better',
      nativeLevel: 'departement',
      vintage: 'BPE 2024, population 2025',
    },
  ]),
  // ── État de santé ──────────────────────────────────────────────────────
  {
    id: 'part_ald_bv',
    label: 'Part des bénéficiaires d’une ALD',
    definition: 'Part de la population bénéficiaire d’une affection de longue durée (CartoSanté 2024), par bassin de vie 2022.',
    theme: 'sante',
    unit: '%',
    decimals: 1,
    sourceId: 'cartosante-bv2022-offre-sante-2024',
    reading: { kind: 'weightedMean', column: 'Part des bénéf. en ALD dans la pop 2024', weight: { population: true } },
    checks: { 'Part des bénéf. en ALD dans la pop 2024': SHARE },
    aggregation: 'weightedMean',
    polarity: 'higher-worse',
    nativeLevel: 'bv',
    vintage: '2024',
  },
  ...(
    [
      ['esperance_vie_femmes', 'Espérance de vie des femmes à la naissance', 'Espérance de vie des femmes à la naissance 2024', 'ans', 'higher-better', 1],
      ['esperance_vie_hommes', 'Espérance de vie des hommes à la naissance', 'Espérance de vie des hommes à la naissance 2024', 'ans', 'higher-better', 1],
      ['mortalite_prematuree_standardisee', 'Taux standardisé de mortalité prématurée (0-64 ans)', 'Taux de mortalité standardisé des 0 à 64 ans 2024', '‰', 'higher-worse', 1],
      ['taux_mortalite_brut_dep_2024', 'Taux brut de mortalité (départements)', 'Taux brut de mortalité 2024', '‰', 'higher-worse', 1],
    ] as const
  ).map(
    ([id, label, column, unit, polarity, decimals]): IndicatorDefinition => ({
      id,
      label,
      definition: `${label}, par département (INSEE, 2024).`,
      theme: 'sante',
      unit,
      decimals,
      sourceId: 'insee-departements-sante-2024',
      reading: { kind: 'value', column },
      aggregation: 'none',
      aggregationNote: 'un indicateur calculé sur la structure par âge de chaque département ne se recombine pas sans ses composantes',
      polarity,
      nativeLevel: 'departement',
      vintage: '2024',
    }),
  ),
  {
    id: 'mortalite_standardisee_cepidc_2023',
    label: 'Taux standardisé de mortalité, toutes causes',
    definition: 'Décès toutes causes pour 100 000 habitants, standardisé sur l’âge et le sexe (CépiDc-Inserm, 2023), par département.',
    theme: 'sante',
    unit: 'pour 100 000 hab.',
    decimals: 0,
    sourceId: 'cepidc-tsm-toutes-causes',
    reading: { kind: 'value', column: 'valeur' },
    aggregation: 'none',
    aggregationNote: 'un taux standardisé ne se recombine pas sans les décès et populations par âge',
    polarity: 'higher-worse',
    nativeLevel: 'departement',
    vintage: '2023',
    licenceToVerify: true,
  },
  {
    id: 'taux_mortalite_brut_epci_2013_2018',
    label: 'Taux brut de mortalité 2013-2018 (EPCI)',
    definition: 'Décès annuels moyens pour 1 000 habitants sur la période intercensitaire 2013-2018, par EPCI (périmètres 2021).',
    theme: 'sante',
    unit: '‰',
    decimals: 1,
    sourceId: 'ot-mortalite-brute-epci',
    reading: { kind: 'value', column: 'tx_morta' },
    aggregation: 'none',
    aggregationNote: RATE_WITHOUT_DENOMINATOR,
    polarity: 'higher-worse',
    nativeLevel: 'epci',
    vintage: '2013-2018',
  },
  {
    id: 'taux_mortalite_brut_dep_2013_2018',
    label: 'Taux brut de mortalité 2013-2018 (départements)',
    definition: 'Décès annuels moyens pour 1 000 habitants sur la période intercensitaire 2013-2018, par département.',
    theme: 'sante',
    unit: '‰',
    decimals: 1,
    sourceId: 'ot-mortalite-brute-dep',
    reading: { kind: 'value', column: 'tx_morta' },
    aggregation: 'none',
    aggregationNote: RATE_WITHOUT_DENOMINATOR,
    polarity: 'higher-worse',
    nativeLevel: 'departement',
    vintage: '2013-2018',
  },
];

/**
 * Columns the derived indicators read besides those of the catalogue's own
 * readings (poverty: persons per commune, INSEE's département rate).
 */
export const DERIVED_INPUTS: Readonly<Record<string, Record<string, FieldMerge>>> = {
  'insee-filosofi-2021-communes': { NBPERSMENFISC21: { kind: 'sum' } },
  'insee-departements-sante-2024': { 'Taux de pauvreté 2021': { kind: 'none' } },
};

/** Columns of the derived indicators' inputs (docs/indicators.md). */
export const POVERTY_COLUMNS = {
  communeRate: 'TP6021',
  communePersons: 'NBPERSMENFISC21',
  bvRate: 'Taux de pauvreté 2021',
  departementRate: 'Taux de pauvreté 2021',
} as const;
export const DEPRIVATION_COLUMNS = {
  medianIncome: 'Médiane du niveau de vie 2021',
  manualWorkers: 'Part des ouvriers dans le nb d’emplois au LT 2022',
  lowEducation: 'Part des non ou peu diplômés dans la pop. non scolarisée de 15 ans ou + 2022',
  /** Unemployment: not in the BV file; the comparateur's commune counts summed by bassin de vie. */
  unemploymentIndicator: 'taux_chomage_2021',
} as const;

/** What MANIFEST.md says is not available anywhere here: the UI says so rather than fake it. */
export const NOT_AVAILABLE = [
  'APL aux infirmiers, kinésithérapeutes, chirurgiens-dentistes et sages-femmes par commune',
  'Nombre de professionnels et d’équipements (BPE) par commune',
  'Maisons de santé pluriprofessionnelles et centres de santé',
  'Zonage des médecins (ZIP / ZAC)',
  'Structure par âge et état de santé par commune',
];
