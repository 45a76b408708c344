// Territories like this one: each territory of a level is a vector of
// declared criteria (population and density on a log scale, share aged 75+,
// deprivation, rural character); criteria are standardised (centred, divided
// by their standard deviation) over the territories having them all, and the
// peers are the nearest by Euclidean distance, ties broken by code. Pure.

export interface Standardised {
  /** Mean and (population) standard deviation of each criterion. */
  readonly means: readonly number[];
  readonly sds: readonly number[];
  /** z-scores of each territory having every criterion. */
  readonly z: ReadonlyMap<string, readonly number[]>;
  /** Territories left out because a criterion is missing. */
  readonly incomplete: readonly string[];
}

function complete(v: readonly (number | null)[]): v is number[] {
  return v.every((x) => typeof x === 'number' && Number.isFinite(x));
}

/** Standardises vectors; a criterion with no spread (sd = 0) contributes 0 to every distance. */
export function standardise(vectors: ReadonlyMap<string, readonly (number | null)[]>): Standardised {
  const rows: [string, number[]][] = [];
  const incomplete: string[] = [];
  for (const [code, v] of vectors) {
    if (complete(v)) rows.push([code, v]);
    else incomplete.push(code);
  }
  const k = rows[0]?.[1].length ?? 0;
  const means = Array.from({ length: k }, (_, j) => rows.reduce((s, [, v]) => s + v[j]!, 0) / rows.length);
  const sds = Array.from({ length: k }, (_, j) => Math.sqrt(rows.reduce((s, [, v]) => s + (v[j]! - means[j]!) ** 2, 0) / rows.length));
  const z = new Map<string, number[]>();
  for (const [code, v] of rows) z.set(code, v.map((x, j) => (sds[j]! > 0 ? (x - means[j]!) / sds[j]! : 0)));
  return { means, sds, z, incomplete: incomplete.sort() };
}

export function distance(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i]! - b[i]!) ** 2;
  return Math.sqrt(s);
}

export interface Peer {
  readonly code: string;
  readonly distance: number;
}

/** The `k` nearest territories to `code` (itself excluded), by distance then code; [] when `code` is incomplete. */
export function nearestPeers(code: string, standardised: Standardised, k = 10): Peer[] {
  const target = standardised.z.get(code);
  if (!target) return [];
  const out: Peer[] = [];
  for (const [other, z] of standardised.z) if (other !== code) out.push({ code: other, distance: distance(target, z) });
  out.sort((a, b) => a.distance - b.distance || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return out.slice(0, k);
}

export interface GroupSummary {
  readonly median: number | null;
  readonly min: number | null;
  readonly max: number | null;
  /** Peers with a value. */
  readonly n: number;
}

/** Median (mean of the two middle values for an even count) and range of the values present. */
export function summarise(values: readonly (number | null | undefined)[]): GroupSummary {
  const v = values.filter((x): x is number => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return { median: null, min: null, max: null, n: 0 };
  const mid = Math.floor(v.length / 2);
  const median = v.length % 2 === 1 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
  return { median, min: v[0]!, max: v[v.length - 1]!, n: v.length };
}

/** log10 of a positive value, null otherwise (a population or a density of 0 has no log). */
export function log10OrNull(v: number | null | undefined): number | null {
  return typeof v === 'number' && Number.isFinite(v) && v > 0 ? Math.log10(v) : null;
}
