// Search keys: what a user types and what a territory is called must meet
// whatever the accents, case, hyphens, apostrophes and "St"/"Saint" spelling.

const ABBREVIATIONS: Readonly<Record<string, string>> = {
  st: 'saint',
  ste: 'sainte',
  sts: 'saints',
  stes: 'saintes',
};

/**
 * Lower case, no diacritics, ligatures expanded, punctuation (hyphens,
 * apostrophes, dots, slashes, parentheses) turned into single spaces, and
 * "st"/"ste" expanded to "saint"/"sainte".
 *   normaliseText("L'Haÿ-les-Roses") === "l hay les roses"
 *   normaliseText("St-Étienne") === "saint etienne"
 */
export function normaliseText(input: string): string {
  const base = input
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  if (base === '') return '';
  return base
    .split(' ')
    .map((token) => ABBREVIATIONS[token] ?? token)
    .join(' ');
}

/** The normalised text without spaces, so "saintdenis" and "saint denis" meet. */
export function compactText(normalised: string): string {
  return normalised.replace(/ /g, '');
}

/**
 * A query that looks like a code: digits, or a Corsican 2A/2B prefix
 * ("77", "2a", "974", "77131", "2A004", "200090504", "77120").
 */
export function asCodeQuery(input: string): string | null {
  const code = input.trim().replace(/\s+/g, '').toUpperCase();
  if (/^\d{2,9}$/.test(code) || /^2[AB]\d{0,3}$/.test(code)) return code;
  return null;
}
