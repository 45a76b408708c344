// Indicators the build computes from several sources rather than read from
// one column: the poverty rate at every level (labelled estimates) and the
// FDep-like deprivation index by bassin de vie. Pure: matched sources in,
// the same ComputedIndicator as computeIndicator out.
import { aggregate, levelUnavailableReason, UNAVAILABLE_REASONS, type Components } from '../../src/lib/aggregate.ts';
import type { MatchResult, MatchedTerritory } from '../../src/lib/code-matching.ts';
import { FRANCE, LEVELS, type AggregateLevel } from '../../src/lib/levels.ts';
import { encodeAbsence, type AbsenceKind } from '../../src/lib/absence.ts';
import { roundTo } from '../../src/lib/number-parse.ts';
import { storedValue } from '../../src/lib/precision.ts';
import { encodeMethods, INDICATOR_FORMAT_VERSION, type IndicatorFile, type IndicatorLevelValues, type LevelAvailability } from '../../src/lib/indicator-format.ts';
import { MIN_BV_SHARE, MIN_COMMUNE_SHARE, POVERTY_METHOD_LABELS, type PovertyComponents } from '../../src/lib/poverty-estimate.ts';
import { weightedQuantileBreaks } from '../../src/lib/quintiles.ts';
import { DEPRIVATION_COLUMNS, INDICATORS, POVERTY_COLUMNS, type IndicatorDefinition } from '../../data/indicators.ts';
import { computeIndicator, type ComputedIndicator } from './compute.ts';
import { computeDeprivationIndex, DEPRIVATION_INPUTS, type DeprivationInputs } from './deprivation-index.ts';
import type { TerritoryFrame } from './territories.ts';

type Matched = ReadonlyMap<string, MatchResult>;

function territoriesOf(matched: Matched, sourceId: string): Map<string, MatchedTerritory> {
  const r = matched.get(sourceId);
  if (!r) throw new Error(`Derived indicator: source "${sourceId}" was not read`);
  return r.territories;
}

const isNum = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

function absenceOfField(t: MatchedTerritory | undefined, column: string): AbsenceKind {
  if (!t) return 'uncovered';
  return t.absent?.[column] === 'secret' ? 'secret' : t.absent?.[column] === 'not-mergeable' ? 'notComputable' : 'uncovered';
}

interface Result {
  value: number | null;
  method?: string | null;
  coverage?: number;
  absence?: AbsenceKind;
}

function block(codes: readonly string[], results: ReadonlyMap<string, Result>, decimals: number): IndicatorLevelValues {
  const values: Record<string, number | null> = {};
  const coverage: Record<string, number> = {};
  const kinds = new Map<string, AbsenceKind>();
  const methods = new Map<string, string>();
  for (const code of codes) {
    const r = results.get(code);
    const v = storedValue(r?.value ?? null, decimals);
    values[code] = v;
    if (v === null) kinds.set(code, r?.absence ?? 'uncovered');
    else {
      if (r?.method) methods.set(code, r.method);
      if (r?.coverage !== undefined && r.coverage < 0.9995) coverage[code] = roundTo(r.coverage, 3)!;
    }
  }
  const absence = encodeAbsence(kinds);
  const method = encodeMethods(methods);
  return {
    values,
    ...(Object.keys(coverage).length > 0 ? { coverage } : {}),
    ...(absence ? { absence } : {}),
    ...(method ? { method } : {}),
  };
}

const available = (b: IndicatorLevelValues, territories: number): LevelAvailability => ({
  available: true,
  territories,
  withValue: Object.values(b.values).filter((v) => v !== null).length,
});

/** Poverty rate: published where INSEE publishes it (BV, département), estimated elsewhere (see poverty-estimate.ts). */
export function computePoverty(def: IndicatorDefinition, matched: Matched, frame: TerritoryFrame): ComputedIndicator {
  const filosofi = territoriesOf(matched, 'insee-filosofi-2021-communes');
  const bvSource = territoriesOf(matched, 'insee-bv2022-taux-pauvrete-2021');
  const depSource = territoriesOf(matched, 'insee-departements-sante-2024');
  const legal = frame.population.commune;
  const components = new Map<string, PovertyComponents>();
  for (const code of frame.codes.commune) {
    const f = filosofi.get(code);
    const bv = frame.parentOfCommune.bv.get(code);
    const bvRate = bv ? (bvSource.get(bv)?.values[POVERTY_COLUMNS.bvRate] ?? null) : null;
    components.set(code, [f?.values[POVERTY_COLUMNS.communeRate] ?? null, f?.values[POVERTY_COLUMNS.communePersons] ?? null, bvRate]);
  }
  const estimateOver = (codes: readonly string[]): Result => {
    const e = aggregate(
      'estimate',
      codes.map((c) => ({ components: components.get(c) as Components | undefined, coverageWeight: legal.get(c) ?? 0 })),
    );
    return e.value === null
      ? { value: null, absence: e.coverage === 0 ? 'uncovered' : 'notComputable' }
      : { value: e.value, method: e.method ?? null, coverage: e.communeShare ?? 0 };
  };
  const file: IndicatorFile = { version: INDICATOR_FORMAT_VERSION, id: def.id, nativeLevel: 'commune', aggregation: 'estimate', france: null, levels: {} };
  const levels = {} as Record<AggregateLevel, LevelAvailability>;

  const communeResults = new Map<string, Result>();
  for (const code of frame.codes.commune) {
    const r = estimateOver([code]);
    if (r.value === null) {
      // A commune without its own rate nor its bassin's: say why its bassin has none.
      const bv = frame.parentOfCommune.bv.get(code);
      r.absence = absenceOfField(bv ? bvSource.get(bv) : undefined, POVERTY_COLUMNS.bvRate);
    }
    communeResults.set(code, r);
  }
  file.levels.commune = block(frame.codes.commune, communeResults, def.decimals);
  levels.commune = available(file.levels.commune, frame.codes.commune.length);

  const membersOf = (level: 'epci' | 'region') => {
    const out = new Map<string, string[]>();
    for (const [c, p] of frame.parentOfCommune[level]) {
      const list = out.get(p);
      if (list) list.push(c);
      else out.set(p, [c]);
    }
    return out;
  };
  for (const level of ['epci', 'region'] as const) {
    const members = membersOf(level);
    const results = new Map(frame.codes[level].map((code) => [code, estimateOver(members.get(code) ?? [])]));
    file.levels[level] = block(frame.codes[level], results, def.decimals);
    levels[level] = available(file.levels[level]!, frame.codes[level].length);
  }
  const native = (level: 'bv' | 'departement', source: Map<string, MatchedTerritory>, column: string) => {
    const results = new Map<string, Result>();
    for (const code of frame.codes[level]) {
      const v = source.get(code)?.values[column] ?? null;
      results.set(code, isNum(v) ? { value: v, method: 'native' } : { value: null, absence: absenceOfField(source.get(code), column) });
    }
    file.levels[level] = block(frame.codes[level], results, def.decimals);
    levels[level] = available(file.levels[level]!, frame.codes[level].length);
  };
  native('bv', bvSource, POVERTY_COLUMNS.bvRate);
  native('departement', depSource, POVERTY_COLUMNS.departementRate);

  const france = estimateOver(frame.codes.commune);
  file.france = {
    value: storedValue(france.value, def.decimals),
    coverage: roundTo(france.coverage ?? 0, 4)!,
    ...(france.method ? { method: france.method } : {}),
    ...(france.value === null ? { absence: france.absence ?? 'notComputable' } : {}),
  };
  levels[FRANCE] = france.value === null ? { available: false, reason: UNAVAILABLE_REASONS.incompleteCoverage(0) } : { available: true, territories: 1, withValue: 1 };

  const out: NonNullable<IndicatorFile['components']> = {};
  for (const code of frame.codes.commune) {
    const c = components.get(code)!;
    if (c.every((x) => x === null)) continue;
    out[code] = [c[0], c[1], c[2]];
  }
  file.components = out;
  return {
    file,
    levels,
    france: file.france.value,
    nativeCoverage: { withValue: levels.commune.available ? levels.commune.withValue : 0, territories: frame.codes.commune.length },
    catalogue: {
      methods: { ...POVERTY_METHOD_LABELS },
      estimateNote: `Estimation : somme sur somme des communes dont le taux est publié quand elles réunissent au moins ${Math.round(MIN_COMMUNE_SHARE * 100)} % des personnes, sinon taux des bassins de vie pondéré par les personnes (au moins ${Math.round(MIN_BV_SHARE * 100)} % des personnes dans un bassin de vie au taux publié). La part couverte est la part des personnes vivant dans une commune au taux publié.`,
    },
  };
}

/** The FDep-like index by bassin de vie, with its inputs and PCA figures in the report. */
export function computeDeprivation(def: IndicatorDefinition, matched: Matched, frame: TerritoryFrame): ComputedIndicator {
  const social = territoriesOf(matched, 'insee-bv2022-determinants-sociaux');
  const unemploymentDef = INDICATORS.find((d) => d.id === DEPRIVATION_COLUMNS.unemploymentIndicator)!;
  const unemployment = computeIndicator(unemploymentDef, territoriesOf(matched, unemploymentDef.sourceId), frame).file.levels.bv!;
  const rows = new Map<string, DeprivationInputs>();
  const absences = new Map<string, AbsenceKind>();
  for (const code of frame.codes.bv) {
    const t = social.get(code);
    const inputs = {
      medianIncome: t?.values[DEPRIVATION_COLUMNS.medianIncome] ?? null,
      manualWorkers: t?.values[DEPRIVATION_COLUMNS.manualWorkers] ?? null,
      lowEducation: t?.values[DEPRIVATION_COLUMNS.lowEducation] ?? null,
      unemployment: unemployment.values[code] ?? null,
    };
    if (DEPRIVATION_INPUTS.every((k) => isNum(inputs[k]))) rows.set(code, inputs as DeprivationInputs);
    else {
      const secret = (['medianIncome', 'manualWorkers', 'lowEducation'] as const).some(
        (k) => !isNum(inputs[k]) && absenceOfField(t, DEPRIVATION_COLUMNS[k]) === 'secret',
      );
      absences.set(code, secret ? 'secret' : 'uncovered');
    }
  }
  const index = computeDeprivationIndex(rows);
  const results = new Map<string, Result>(
    frame.codes.bv.map((code) => {
      const v = index.scores.get(code);
      return [code, v === undefined ? { value: null, absence: absences.get(code) ?? 'uncovered' } : { value: v }];
    }),
  );
  const file: IndicatorFile = { version: INDICATOR_FORMAT_VERSION, id: def.id, nativeLevel: 'bv', aggregation: 'none', france: null, levels: {} };
  file.levels.bv = block(frame.codes.bv, results, def.decimals);
  const levels = {} as Record<AggregateLevel, LevelAvailability>;
  for (const level of LEVELS) {
    const reason = levelUnavailableReason('bv', level, 'none', def.aggregationNote ?? 'cet indicateur');
    levels[level] = reason === null ? available(file.levels.bv, frame.codes.bv.length) : { available: false, reason };
  }
  const pop = frame.population.bv;
  const france = aggregate(
    'weightedMean',
    frame.codes.bv.map((code) => ({ components: [index.scores.get(code) ?? null, pop.get(code) ?? 0] as const, coverageWeight: pop.get(code) ?? 0 })),
  );
  file.france = { value: storedValue(france.value, def.decimals), coverage: roundTo(france.coverage, 4)!, method: 'bvWeightedMean' };
  levels[FRANCE] = france.value === null ? { available: false, reason: UNAVAILABLE_REASONS.incompleteCoverage(france.coverage) } : { available: true, territories: 1, withValue: 1 };
  const quintileBreaks = weightedQuantileBreaks(
    [...index.scores].map(([code, value]) => ({ value, weight: pop.get(code) ?? 0 })),
    5,
  ).map((b) => storedValue(b, def.decimals)!);
  const pct = (x: number) => `${(x * 100).toFixed(0)} %`;
  return {
    file,
    levels,
    france: file.france.value,
    nativeCoverage: { withValue: index.scores.size, territories: frame.codes.bv.length },
    catalogue: {
      quintileBreaks,
      estimateNote: `Premier axe d’une ACP sur ${index.scores.size} bassins de vie : ${pct(index.varianceExplained)} de la variance des quatre indicateurs. Poids des indicateurs centrés réduits : niveau de vie médian ${index.loadings[0]!.toFixed(2)}, ouvriers ${index.loadings[1]!.toFixed(2)}, peu diplômés ${index.loadings[2]!.toFixed(2)}, chômage ${index.loadings[3]!.toFixed(2)}. Quintiles pondérés par la population.`,
    },
    report: {
      inputs: DEPRIVATION_INPUTS,
      territories: index.scores.size,
      withoutAllInputs: [...absences.keys()],
      loadings: index.loadings,
      eigenvalue: index.eigenvalue,
      varianceExplained: index.varianceExplained,
      correlation: index.correlation,
      means: index.means,
      sds: index.sds,
      quintileBreaks,
    },
  };
}

export function computeDerived(def: IndicatorDefinition, matched: Matched, frame: TerritoryFrame): ComputedIndicator {
  if (def.derived === 'poverty') return computePoverty(def, matched, frame);
  if (def.derived === 'deprivation') return computeDeprivation(def, matched, frame);
  throw new Error(`Indicator "${def.id}": unknown derivation`);
}
