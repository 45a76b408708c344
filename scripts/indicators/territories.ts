// The reference geography every indicator is computed on: COG 2025 communes
// with their parent at each level, their legal population (coverage weight)
// and the territories of each level. Built once from loadCogTables.
import type { CogTables } from '../lib/cog.ts';
import type { Level } from '../../src/lib/levels.ts';
import { SUPRA_LEVELS } from '../../src/lib/levels.ts';

export interface TerritoryFrame {
  communes: string[];
  /** Per supra level: commune code → parent code (the 4 communes outside any EPCI are their own pseudo-EPCI). */
  parentOfCommune: Record<'epci' | 'bv' | 'departement' | 'region', Map<string, string>>;
  /** Sorted territory codes per level. */
  codes: Record<Level, string[]>;
  /** Départements → région (the only supra-commune nesting). */
  regionOfDepartement: Map<string, string>;
  /** Legal population per territory of each level (sum over communes); 0 when unknown. */
  population: Record<Level, Map<string, number>>;
}

const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function buildTerritoryFrame(cog: CogTables, communePopulation: ReadonlyMap<string, number | null>): TerritoryFrame {
  const communes = cog.communes.map((c) => c.code).sort(byCode);
  const parentOfCommune = {
    epci: new Map<string, string>(),
    bv: new Map<string, string>(),
    departement: new Map<string, string>(),
    region: new Map<string, string>(),
  };
  const regionOfDepartement = new Map<string, string>();
  for (const c of cog.communes) {
    parentOfCommune.epci.set(c.code, c.epci ?? c.code);
    parentOfCommune.bv.set(c.code, c.bv);
    parentOfCommune.departement.set(c.code, c.departement);
    parentOfCommune.region.set(c.code, c.region);
    regionOfDepartement.set(c.departement, c.region);
  }
  const population = {
    commune: new Map(communes.map((code) => [code, communePopulation.get(code) ?? 0])),
  } as Record<Level, Map<string, number>>;
  const codes = { commune: communes } as Record<Level, string[]>;
  for (const level of SUPRA_LEVELS) {
    const sums = new Map<string, number>();
    for (const [commune, parent] of parentOfCommune[level]) sums.set(parent, (sums.get(parent) ?? 0) + (communePopulation.get(commune) ?? 0));
    codes[level] = [...sums.keys()].sort(byCode);
    population[level] = sums;
  }
  return { communes, parentOfCommune, codes, regionOfDepartement, population };
}
