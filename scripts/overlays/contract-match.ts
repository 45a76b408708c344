// Is an imported contract already in the registry? Compared by perimeter
// (shared communes) and by name (the words that name the territory), so
// that a second source about a known contract enriches its line instead of
// duplicating it, while nested contracts (a city inside its metropole) and
// namesakes on other territories stay apart. Pure.

/** Words that say what kind of body or contract, not which territory. */
const GENERIC_WORDS = new Set([
  'cls', 'contrat', 'contrats', 'local', 'locaux', 'sante', 'de', 'du', 'des', 'la', 'le', 'les', 'l', 'd', 'et', 'en', 'sur', 'sous', 'a', 'au', 'aux',
  'cc', 'ca', 'cu', 'com', 'comcom', 'communaute', 'communautes', 'communes', 'commune', 'agglo', 'agglomeration', 'metropole', 'ville',
  'pays', 'petr', 'territoire', 'territoires', 'arrondissement', 'bassin', 'intermediaire', 'generation', 'gen', 'e', 'er', 're', 'eme',
  'nouveau', 'nouvelle', 'premier', 'second', 'deuxieme', 'troisieme', 'signe', 'ars',
]);

/** The words of a contract name that name its territory (folded, generic words and numbers dropped). */
export function nameTokens(name: string): Set<string> {
  const words = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    // "Saint-Flour" is one name: saint/sainte joins the next word, so Saint-Flour and Saint-Étienne share nothing.
    .replace(/\b(st|ste|saint|sainte)[^a-z0-9]+(?=[a-z])/g, (_m, w: string) => `${w === 'st' ? 'saint' : w === 'ste' ? 'sainte' : w}_`)
    .split(/[^a-z0-9_]+/)
    .filter((w) => w && !GENERIC_WORDS.has(w) && !/^\d+$/.test(w));
  return new Set(words);
}

/** Shared territory words over the smaller set of words (0–1); 0 when either name has none. */
export function nameSimilarity(a: string, b: string): number {
  const x = nameTokens(a);
  const y = nameTokens(b);
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const w of x) if (y.has(w)) shared += 1;
  return shared / Math.min(x.size, y.size);
}

export interface MatchableContract {
  id: string;
  name: string;
  /** Resolved COG 2025 communes (empty when unmapped). */
  communes: readonly string[];
  /** 1st, 2nd… CLS of the territory, when known: two generations are two contracts. */
  generation?: number | null;
  /** Year of signature (else start, else engagement), when known: two years apart, two contracts. */
  year?: number | null;
}

export type MatchVerdict = 'duplicate' | 'nested' | 'overlap' | 'namesake';

export interface ContractMatch {
  id: string;
  name: string;
  verdict: MatchVerdict;
  shared: number;
  /** Shared communes over the union of both perimeters. */
  jaccard: number;
  nameScore: number;
}

export interface MatchThresholds {
  /** Minimum perimeter Jaccard for a duplicate. */
  jaccard: number;
  /** Minimum name similarity for a duplicate. */
  name: number;
  /** Minimum name similarity for a namesake on a disjoint perimeter (reported only). */
  namesake: number;
}

export const DEFAULT_MATCH_THRESHOLDS: MatchThresholds = { jaccard: 0.4, name: 0.5, namesake: 1 };

/**
 * Compares one contract with the registry's. Verdicts, in order:
 * `duplicate` — perimeters largely shared (Jaccard ≥ 0.4: the same
 * territory drawn by two sources, e.g. Saint-Flour's two CC vs the ARS
 * polygon, 0.49) and names naming the same territory (≥ 0.5), or both
 * unmapped with nearly the same name; `nested` — one perimeter inside the
 * other (a city in its metropole: Jaccard ≈ 0.02); `overlap` — some shared
 * communes; `namesake` — all the territory words of the shorter name on a
 * disjoint perimeter (Haut Allier in Lozère and in Haute-Loire: reported,
 * never merged). Two known, different generations, or signature years two
 * or more years apart, are never duplicates. Contracts with nothing in common are left out. Sorted by
 * verdict, then by Jaccard and name score.
 */
export function matchContract(
  candidate: MatchableContract,
  registry: readonly MatchableContract[],
  thresholds: MatchThresholds = DEFAULT_MATCH_THRESHOLDS,
): ContractMatch[] {
  const mine = new Set(candidate.communes);
  const result: ContractMatch[] = [];
  for (const other of registry) {
    if (other.id === candidate.id) continue;
    const nameScore = nameSimilarity(candidate.name, other.name);
    let shared = 0;
    for (const c of other.communes) if (mine.has(c)) shared += 1;
    const union = mine.size + other.communes.length - shared;
    const jaccard = union > 0 ? shared / union : 0;
    let verdict: MatchVerdict | null = null;
    const bothUnmapped = mine.size === 0 && other.communes.length === 0;
    const otherGeneration =
      (typeof candidate.generation === 'number' && typeof other.generation === 'number' && candidate.generation !== other.generation) ||
      (typeof candidate.year === 'number' && typeof other.year === 'number' && Math.abs(candidate.year - other.year) >= 2);
    const sameTerritory = (jaccard >= thresholds.jaccard && nameScore >= thresholds.name) || (bothUnmapped && nameScore >= 0.8);
    // A renewal shares its predecessor's perimeter and name: never merged.
    if (sameTerritory && !otherGeneration) verdict = 'duplicate';
    else if (shared > 0 && (shared === mine.size || shared === other.communes.length)) verdict = 'nested';
    else if (shared > 0) verdict = 'overlap';
    else if (nameScore >= thresholds.namesake) verdict = 'namesake';
    if (verdict) result.push({ id: other.id, name: other.name, verdict, shared, jaccard, nameScore });
  }
  const rank: Record<MatchVerdict, number> = { duplicate: 0, nested: 1, overlap: 2, namesake: 3 };
  return result.sort((a, b) => rank[a.verdict] - rank[b.verdict] || b.jaccard - a.jaccard || b.nameScore - a.nameScore || (a.id < b.id ? -1 : 1));
}

/** The registry line an imported contract duplicates, if any (the best-scored duplicate). */
export function findDuplicate(
  candidate: MatchableContract,
  registry: readonly MatchableContract[],
  thresholds: MatchThresholds = DEFAULT_MATCH_THRESHOLDS,
): ContractMatch | null {
  return matchContract(candidate, registry, thresholds).find((m) => m.verdict === 'duplicate') ?? null;
}
