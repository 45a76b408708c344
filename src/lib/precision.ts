// Round once, at display. Built files store values with a few digits more
// than the display needs, and never a stored value whose display rounding
// would differ from that of the exact value (3.29496 must not be stored as
// 3.295, which would then show as 3,30 where the exact value shows 3,29).
// Pure: shared by the build (what is written) and the viewer (what is shown).

/** Digits kept beyond the display decimals in built files. */
export const EXTRA_STORED_DECIMALS = 3;

const formatters = new Map<number, Intl.NumberFormat>();

/**
 * The display rounding of a value, exactly as the viewer shows it
 * (`Intl.NumberFormat`: half away from zero on the shortest decimal
 * writing of the number, so 3.295 shows 3,3 where `toFixed` gives 3.29).
 */
export function displayRound(value: number, decimals: number): number {
  const d = Math.max(0, Math.min(20, decimals));
  let f = formatters.get(d);
  if (!f) {
    f = new Intl.NumberFormat('en-US', { maximumFractionDigits: d, useGrouping: false });
    formatters.set(d, f);
  }
  const r = Number(f.format(value));
  return Object.is(r, -0) ? 0 : r;
}

function roundHalfUp(value: number, decimals: number): number {
  const f = 10 ** decimals;
  const r = Math.round(value * f) / f;
  return Object.is(r, -0) ? 0 : r;
}

/**
 * The value a built file stores for a value shown with `decimals` decimals:
 * rounded to `decimals + extra` places unless that would change what the
 * display shows; then the exact value is kept.
 */
export function storedValue(value: number | null, decimals: number, extra = EXTRA_STORED_DECIMALS): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  if (Number.isInteger(value)) return value;
  const d = Math.max(0, decimals);
  const stored = roundHalfUp(value, d + extra);
  // Fast path: the display can only change if a half-way point of the display
  // grid lies within the rounding step of the value.
  const scaled = Math.abs(value) * 10 ** d;
  const fromHalf = Math.abs(scaled - Math.floor(scaled) - 0.5);
  if (fromHalf > 10 ** -extra) return stored;
  return displayRound(stored, decimals) === displayRound(value, decimals) ? stored : value;
}
