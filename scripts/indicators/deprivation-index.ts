// A French deprivation index in the manner of FDep (Rey et al., 2009): the
// first principal component of four standardised inputs per territory —
// median income, share of manual workers, share of low-educated adults,
// unemployment rate — oriented so that a higher score means more deprived
// (median income loads negatively). Pure; documented in docs/indicators.md.

export interface DeprivationInputs {
  medianIncome: number;
  manualWorkers: number;
  lowEducation: number;
  unemployment: number;
}

export const DEPRIVATION_INPUTS: readonly (keyof DeprivationInputs)[] = ['medianIncome', 'manualWorkers', 'lowEducation', 'unemployment'];

export interface DeprivationIndex {
  /** Score per territory (mean 0 over the territories, unweighted). */
  scores: Map<string, number>;
  /** Loadings of the standardised inputs (unit eigenvector), in DEPRIVATION_INPUTS order. */
  loadings: number[];
  /** First eigenvalue / number of inputs (0–1). */
  varianceExplained: number;
  eigenvalue: number;
  /** Correlation matrix of the inputs. */
  correlation: number[][];
  /** Mean and standard deviation (population, divisor n) of each input. */
  means: number[];
  sds: number[];
}

/** Largest eigenvalue and its unit eigenvector of a symmetric positive semi-definite matrix (power iteration). */
export function leadingEigen(matrix: readonly (readonly number[])[], maxIterations = 10_000, tolerance = 1e-13): { value: number; vector: number[] } {
  const n = matrix.length;
  // A start not orthogonal to the leading eigenvector in practice: unequal positive entries.
  let v = Array.from({ length: n }, (_, i) => 1 + i / (n * 10));
  let norm = Math.hypot(...v);
  v = v.map((x) => x / norm);
  let value = 0;
  for (let it = 0; it < maxIterations; it++) {
    const w = matrix.map((row) => row.reduce((s, x, j) => s + x * v[j]!, 0));
    norm = Math.hypot(...w);
    if (norm === 0) return { value: 0, vector: v };
    const next = w.map((x) => x / norm);
    const delta = Math.max(...next.map((x, i) => Math.abs(x - v[i]!)));
    v = next;
    value = norm;
    if (delta < tolerance) break;
  }
  return { value, vector: v };
}

export function computeDeprivationIndex(rows: ReadonlyMap<string, DeprivationInputs>): DeprivationIndex {
  const codes = [...rows.keys()].sort();
  const k = DEPRIVATION_INPUTS.length;
  const n = codes.length;
  if (n < 2) throw new Error('Deprivation index: at least two territories with all four inputs are needed');
  const data = codes.map((c) => DEPRIVATION_INPUTS.map((key) => rows.get(c)![key]));
  const means = DEPRIVATION_INPUTS.map((_, j) => data.reduce((s, r) => s + r[j]!, 0) / n);
  const sds = DEPRIVATION_INPUTS.map((_, j) => Math.sqrt(data.reduce((s, r) => s + (r[j]! - means[j]!) ** 2, 0) / n));
  if (sds.some((sd) => sd === 0)) throw new Error('Deprivation index: an input does not vary');
  const z = data.map((r) => r.map((x, j) => (x - means[j]!) / sds[j]!));
  const correlation = DEPRIVATION_INPUTS.map((_, a) => DEPRIVATION_INPUTS.map((__, b) => z.reduce((s, r) => s + r[a]! * r[b]!, 0) / n));
  const { value, vector } = leadingEigen(correlation);
  // Orientation: more deprived = higher score, i.e. median income loads negatively.
  const loadings = vector[0]! > 0 ? vector.map((x) => -x) : vector;
  const scores = new Map<string, number>();
  codes.forEach((c, i) => scores.set(c, z[i]!.reduce((s, x, j) => s + x * loadings[j]!, 0)));
  return { scores, loadings, varianceExplained: value / k, eigenvalue: value, correlation, means, sds };
}
