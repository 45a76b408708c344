// Populations légales, postcodes and names from @etalab/decoupage-administratif
// (data/communes.json), checked against the COG commune list.
import type { CommuneFacts } from './types.ts';

export interface DecoupageCommune {
  code: string;
  nom: string;
  type: string;
  zone?: string;
  population?: number | null;
  codesPostaux?: string[];
}

export interface FactsResult {
  facts: Map<string, CommuneFacts>;
  /** COG communes absent from the package, and package communes absent from the COG. */
  missing: string[];
  extra: string[];
  /** Communes whose package name differs from the COG name. */
  nameDifferences: Array<{ code: string; cog: string; package: string }>;
}

/**
 * Keeps the package's current communes (type commune-actuelle) of France
 * (the overseas collectivities 975–988 have no COG geometry); PLM
 * arrondissements are separate entries of another type and are ignored.
 */
export function extractCommuneFacts(
  entries: readonly DecoupageCommune[],
  cog: ReadonlyArray<{ code: string; name: string }>,
): FactsResult {
  const facts = new Map<string, CommuneFacts>();
  const names = new Map<string, string>();
  for (const e of entries) {
    if (e.type !== 'commune-actuelle' || e.zone === 'com') continue;
    facts.set(e.code, {
      name: e.nom,
      population: typeof e.population === 'number' && Number.isFinite(e.population) ? e.population : null,
      postcodes: [...new Set(e.codesPostaux ?? [])].sort(),
    });
    names.set(e.code, e.nom);
  }
  const cogCodes = new Set(cog.map((c) => c.code));
  const nameDifferences = cog
    .filter((c) => names.has(c.code) && names.get(c.code) !== c.name)
    .map((c) => ({ code: c.code, cog: c.name, package: names.get(c.code)! }));
  return {
    facts,
    missing: cog.filter((c) => !facts.has(c.code)).map((c) => c.code),
    extra: [...facts.keys()].filter((code) => !cogCodes.has(code)).sort(),
    nameDifferences,
  };
}
