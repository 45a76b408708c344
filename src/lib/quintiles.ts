// Population-weighted quintiles of an index (e.g. the deprivation index by
// bassin de vie): the four bounds that split the population, sorted by
// value, into fifths; and the quintile (1–5) of a value. Pure.

/** The k−1 bounds splitting the total weight into k equal parts (values sorted ascending). */
export function weightedQuantileBreaks(items: ReadonlyArray<{ value: number; weight: number }>, k = 5): number[] {
  const sorted = items.filter((i) => Number.isFinite(i.value) && i.weight > 0).sort((a, b) => a.value - b.value);
  const total = sorted.reduce((s, i) => s + i.weight, 0);
  const breaks: number[] = [];
  if (total <= 0) return breaks;
  let cumulative = 0;
  let next = 1;
  for (const item of sorted) {
    cumulative += item.weight;
    while (next < k && cumulative >= (total * next) / k) {
      breaks.push(item.value);
      next++;
    }
  }
  return breaks;
}

/** Quintile (1 = lowest values … 5 = highest) of a value; a value equal to a bound belongs to the lower part. */
export function quantileOf(value: number | null, breaks: readonly number[]): number | null {
  if (value === null || !Number.isFinite(value) || breaks.length === 0) return null;
  let q = 1;
  for (const b of breaks) if (value > b) q++;
  return q;
}
