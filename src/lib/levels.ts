// The territorial levels a planner switches between, finest first.
// Every coarser level is dissolved from communes, so each commune has exactly
// one parent at each level (the 4 island communes outside any EPCI get a
// pseudo-EPCI of their own: see `noEpciCode`).

export const LEVELS = ['commune', 'epci', 'bv', 'departement', 'region'] as const;
export type Level = (typeof LEVELS)[number];

/** Levels above the commune; each commune has one parent at each of them. */
export const SUPRA_LEVELS = ['epci', 'bv', 'departement', 'region'] as const;
export type SupraLevel = (typeof SUPRA_LEVELS)[number];

/** The aggregate of all communes, used as the reference value. */
export const FRANCE = 'france' as const;
export type AggregateLevel = Level | typeof FRANCE;

export const LEVEL_LABELS: Record<Level, string> = {
  commune: 'Commune',
  epci: 'EPCI',
  bv: 'Bassin de vie 2022',
  departement: 'Département',
  region: 'Région',
};

export const LEVEL_LABELS_PLURAL: Record<Level, string> = {
  commune: 'Communes',
  epci: 'EPCI',
  bv: 'Bassins de vie 2022',
  departement: 'Départements',
  region: 'Régions',
};

export function isLevel(value: unknown): value is Level {
  return typeof value === 'string' && (LEVELS as readonly string[]).includes(value);
}

/** The commune → … → région chain; bassins de vie sit beside EPCI (they do not nest in départements). */
export const PARENT_CHAIN: Record<Level, readonly SupraLevel[]> = {
  commune: ['epci', 'bv', 'departement', 'region'],
  epci: ['departement', 'region'],
  bv: ['departement', 'region'],
  departement: ['region'],
  region: [],
};

/**
 * Whether every territory of `fine` lies inside exactly one territory of
 * `coarse`, so a value computed at `fine` can be summed into `coarse`.
 * EPCI and bassins de vie may cross départements and régions.
 */
export function nestsIn(fine: Level, coarse: Level): boolean {
  if (fine === coarse) return true;
  if (fine === 'commune') return true;
  if (fine === 'departement') return coarse === 'region';
  return false;
}

/** Geographic zones quantised separately (the metropole and the five DROM). */
export const ZONES = ['metro', '971', '972', '973', '974', '976'] as const;
export type Zone = (typeof ZONES)[number];

export const ZONE_LABELS: Record<Zone, string> = {
  metro: 'France métropolitaine',
  '971': 'Guadeloupe',
  '972': 'Martinique',
  '973': 'Guyane',
  '974': 'La Réunion',
  '976': 'Mayotte',
};
