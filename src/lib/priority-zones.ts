// Priority zones of a CLS, per commune: deprived urban neighbourhoods (QPV
// 2024), isolated rural areas, France Ruralités Revitalisation, and the INSEE
// density grid. The rules live here once, with the text the legend shows.
// Pure: shared by the build (scripts/overlays/zones.ts) and the viewer.

export const ZONE_TYPES = ['qpv', 'rural_isole', 'frr', 'frr_plus'] as const;
export type ZoneType = (typeof ZONE_TYPES)[number];

export const ZONE_TYPE_LABELS: Record<ZoneType, string> = {
  qpv: 'Communes avec un quartier prioritaire (QPV 2024)',
  rural_isole: 'Communes rurales isolées',
  frr: 'France Ruralités Revitalisation (FRR et FRR+) — à vérifier',
  frr_plus: 'FRR+ — à vérifier',
};

/** The rule of each zone type, as stated in the legend. */
export const ZONE_RULES: Record<ZoneType, string> = {
  qpv:
    "Commune sur laquelle s'étend au moins un quartier prioritaire de la politique de la ville (génération 2024, ANCT). " +
    'Les contours des QPV ne sont pas disponibles au niveau national : la carte montre les communes concernées. ' +
    'Population vivant en QPV : non disponible.',
  rural_isole:
    'Commune rurale selon la grille communale de densité INSEE à 7 niveaux (bourg rural, rural à habitat dispersé ou très dispersé : niveaux 5 à 7) ' +
    "ET hors attraction des villes (zonage en aires d'attraction des villes 2020, catégorie 30).",
  frr:
    'Commune classée France Ruralités Revitalisation au 1er juillet 2025 (codefrr 4 = FRR, 5 = FRR+, DGCL via Observatoire des territoires). ' +
    'Signification des classes déduite des effectifs : à vérifier.',
  frr_plus: 'Commune classée FRR+ (codefrr 5, DGCL via Observatoire des territoires). Signification déduite : à vérifier.',
};

/** Density levels INSEE counts as rural (5 to 7). */
export const RURAL_DENSITY_MIN = 5;
/** AAV 2020 category of communes outside the attraction of cities. */
export const AAV_OUTSIDE_ATTRACTION = '30';

/** The zone facts of one commune, as read from the sources. */
export interface CommuneZoneFacts {
  code: string;
  /** Density grid level 1–7, null if unknown. */
  dens7: number | null;
  /** AAV 2020 category ('11', '12', '13', '20', '30'), null if unknown. */
  aavCategory: string | null;
  /** France Ruralités Revitalisation class 0–5, null if unknown. */
  frr: number | null;
  /** QPV 2024 codes on the commune's territory. */
  qpv: readonly string[];
}

export function isRuralDensity(dens7: number | null): boolean {
  return dens7 !== null && dens7 >= RURAL_DENSITY_MIN && dens7 <= 7;
}

export function isIsolatedRural(facts: Pick<CommuneZoneFacts, 'dens7' | 'aavCategory'>): boolean {
  return isRuralDensity(facts.dens7) && facts.aavCategory === AAV_OUTSIDE_ATTRACTION;
}

/** The zone types a commune belongs to. */
export function zoneTypesOf(facts: CommuneZoneFacts): ZoneType[] {
  const types: ZoneType[] = [];
  if (facts.qpv.length > 0) types.push('qpv');
  if (isIsolatedRural(facts)) types.push('rural_isole');
  if (facts.frr === 4 || facts.frr === 5) types.push('frr');
  if (facts.frr === 5) types.push('frr_plus');
  return types;
}

function parseIntOrNull(raw: string | undefined): number | null {
  if (raw === undefined || raw.trim() === '') return null;
  return /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : null;
}

/**
 * Reads one row of the mirror's communes_ruralite_zonages_cog2025.csv
 * (columns codgeo, dens7, cateaav2020, codefrr, qpv2024_codes).
 */
export function zoneFactsFromRow(row: Record<string, string | undefined>): CommuneZoneFacts {
  const dens7 = parseIntOrNull(row.dens7);
  const aav = (row.cateaav2020 ?? '').trim();
  const qpv = (row.qpv2024_codes ?? '')
    .split(/[,;|\s]+/)
    .map((c) => c.trim())
    .filter(Boolean)
    .sort();
  return {
    code: (row.codgeo ?? '').trim(),
    dens7: dens7 !== null && dens7 >= 1 && dens7 <= 7 ? dens7 : null,
    aavCategory: aav === '' ? null : aav,
    frr: parseIntOrNull(row.codefrr),
    qpv,
  };
}

// ---------------------------------------------------------------------------
// Aggregation over a territory

export interface ZoneCount {
  communes: number;
  /** Population of the communes of this zone type (not the population living in the zone itself). */
  population: number;
}

export interface ZoneAggregate {
  communes: number;
  population: number;
  /** Communes with no known population (left out of population sums, never counted as 0). */
  communesWithoutPopulation: number;
  zones: Record<ZoneType, ZoneCount>;
  /** Distinct QPV 2024 touching the territory (a QPV may span several communes). */
  qpvCount: number;
  /** Number of communes per density level 1–7 (index 0 = level 1). */
  density: number[];
}

export function emptyZoneAggregate(): ZoneAggregate {
  return {
    communes: 0,
    population: 0,
    communesWithoutPopulation: 0,
    zones: { qpv: { communes: 0, population: 0 }, rural_isole: { communes: 0, population: 0 }, frr: { communes: 0, population: 0 }, frr_plus: { communes: 0, population: 0 } },
    qpvCount: 0,
    density: [0, 0, 0, 0, 0, 0, 0],
  };
}

/**
 * Counts communes and population per zone type over a set of communes.
 * Communes without zone facts count in `communes` only.
 */
export function aggregateZones(
  communeCodes: Iterable<string>,
  factsByCode: ReadonlyMap<string, CommuneZoneFacts>,
  populationOf: (code: string) => number | null,
): ZoneAggregate {
  const agg = emptyZoneAggregate();
  const qpv = new Set<string>();
  for (const code of new Set(communeCodes)) {
    agg.communes += 1;
    const population = populationOf(code);
    if (population === null) agg.communesWithoutPopulation += 1;
    else agg.population += population;
    const facts = factsByCode.get(code);
    if (!facts) continue;
    if (facts.dens7 !== null) agg.density[facts.dens7 - 1]! += 1;
    for (const q of facts.qpv) qpv.add(q);
    for (const type of zoneTypesOf(facts)) {
      agg.zones[type].communes += 1;
      if (population !== null) agg.zones[type].population += population;
    }
  }
  agg.qpvCount = qpv.size;
  return agg;
}

/** Column order of the compact aggregate rows in zones.json. */
export const ZONE_AGGREGATE_COLUMNS = [
  'communes',
  'population',
  'communesWithoutPopulation',
  'qpvCount',
  ...ZONE_TYPES.flatMap((t) => [`${t}.communes`, `${t}.population`]),
  ...[1, 2, 3, 4, 5, 6, 7].map((d) => `density.${d}`),
] as const;

export function zoneAggregateToRow(agg: ZoneAggregate): number[] {
  return [
    agg.communes,
    agg.population,
    agg.communesWithoutPopulation,
    agg.qpvCount,
    ...ZONE_TYPES.flatMap((t) => [agg.zones[t].communes, agg.zones[t].population]),
    ...agg.density,
  ];
}

export function zoneAggregateFromRow(row: readonly number[]): ZoneAggregate {
  const agg = emptyZoneAggregate();
  let i = 0;
  const next = () => row[i++] ?? 0;
  agg.communes = next();
  agg.population = next();
  agg.communesWithoutPopulation = next();
  agg.qpvCount = next();
  for (const t of ZONE_TYPES) {
    agg.zones[t].communes = next();
    agg.zones[t].population = next();
  }
  agg.density = [next(), next(), next(), next(), next(), next(), next()];
  return agg;
}
