// The poverty rate of any set of communes, as a labelled estimate.
// Filosofi publishes a commune's poverty rate (TP6021) only where it is not
// secret: poor persons = rate × persons (NBPERSMENFISC21), so sum/sum over
// the covered communes is exact *for them*. But covered communes are the
// larger, poorer ones (74 % of the persons, 17.4 % poor). So:
//   - covered communes hold ≥ MIN_COMMUNE_SHARE of the persons → sum/sum over them;
//   - otherwise every commune takes its bassin de vie's published rate,
//     weighted by persons (legal population where persons are secret).
// Pure: the build (every level) and the viewer (custom perimeters).

/** Share of the persons the covered communes must hold for the sum/sum method. */
export const MIN_COMMUNE_SHARE = 0.8;
/** Share of the persons whose bassin de vie has a rate, below which there is no estimate. */
export const MIN_BV_SHARE = 0.9;

export type PovertyMethod = 'communes' | 'bv';

/** One commune: [rate % | null, persons | null, its BV's rate % | null]. */
export type PovertyComponents = readonly [number | null, number | null, number | null];

export interface PovertyMember {
  components: PovertyComponents | undefined;
  /** Legal population: the weight when persons are secret, and the coverage weight. */
  legalPopulation: number;
}

export interface PovertyEstimate {
  value: number | null;
  method: PovertyMethod | null;
  /** Share of the persons living in communes whose own rate is published (0–1). */
  communeShare: number;
  /** Share of the persons the value rests on (covered communes, or communes whose BV has a rate). */
  coverage: number;
}

const isNum = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

export function estimatePovertyRate(members: Iterable<PovertyMember>): PovertyEstimate {
  let persons = 0;
  let coveredPersons = 0;
  let poor = 0;
  let bvPersons = 0;
  let bvPoor = 0;
  for (const m of members) {
    const [rate, p, bvRate] = m.components ?? [null, null, null];
    const weight = isNum(p) ? p : Math.max(0, m.legalPopulation);
    persons += weight;
    if (isNum(rate) && isNum(p)) {
      coveredPersons += p;
      poor += (rate * p) / 100;
    }
    if (isNum(bvRate)) {
      bvPersons += weight;
      bvPoor += (bvRate * weight) / 100;
    }
  }
  if (persons <= 0) return { value: null, method: null, communeShare: 0, coverage: 0 };
  const communeShare = coveredPersons / persons;
  if (communeShare >= MIN_COMMUNE_SHARE && coveredPersons > 0) {
    return { value: (poor / coveredPersons) * 100, method: 'communes', communeShare, coverage: communeShare };
  }
  const bvShare = bvPersons / persons;
  if (bvShare >= MIN_BV_SHARE && bvPersons > 0) return { value: (bvPoor / bvPersons) * 100, method: 'bv', communeShare, coverage: bvShare };
  return { value: null, method: null, communeShare, coverage: bvShare };
}

/** French labels of the methods, for the catalogue and the UI. */
export const POVERTY_METHOD_LABELS: Record<PovertyMethod | 'native', string> = {
  communes: 'estimation : somme des pauvres sur somme des personnes des communes publiées',
  bv: 'estimation : taux du bassin de vie de chaque commune, pondéré par ses personnes',
  native: 'valeur publiée par l’INSEE',
};
