// INSEE / SIREN code normalisation. Codes are strings everywhere: never
// Number(code), or Corsica (2A/2B) and leading zeros vanish.

export type CommuneCode = string & { readonly __brand: 'CommuneCode' };
export type EpciSiren = string & { readonly __brand: 'EpciSiren' };
export type DepartementCode = string & { readonly __brand: 'DepartementCode' };

/** EPCI column value for the 4 island communes outside any EPCI. */
export const NO_EPCI = 'ZZZZZZZZZ';

/** Paris, Lyon and Marseille arrondissements municipaux → their commune. */
const PLM_ARRONDISSEMENTS: ReadonlyArray<{ commune: string; from: number; to: number }> = [
  { commune: '75056', from: 75101, to: 75120 },
  { commune: '69123', from: 69381, to: 69389 },
  { commune: '13055', from: 13201, to: 13216 },
];

function cleanRaw(raw: unknown): string {
  if (raw === null || raw === undefined) return '';
  return String(raw).trim().replace(/^"|"$/g, '').replace(/\s+/g, '').toUpperCase();
}

/**
 * Normalises a commune code as found in open data: trims, restores a lost
 * leading zero ("1001" → "01001"), accepts "2a004". Returns null when the
 * value cannot be a commune code.
 */
export function normaliseCommuneCode(raw: unknown): CommuneCode | null {
  let code = cleanRaw(raw);
  // Spreadsheets turn codes into numbers: "1001.0" → "1001".
  code = code.replace(/\.0+$/, '');
  if (/^\d{4}$/.test(code)) code = `0${code}`;
  if (/^2[AB]\d{3}$/.test(code)) return code as CommuneCode;
  if (!/^\d{5}$/.test(code)) return null;
  // No département 00, 20 (split into 2A/2B in 1976) or 96; 99xxx are foreign countries.
  if (/^(00|20|96|99)/.test(code)) return null;
  return code as CommuneCode;
}

/** The commune an arrondissement municipal belongs to, or null if not an arrondissement. */
export function plmCommuneOf(code: string): CommuneCode | null {
  if (!/^\d{5}$/.test(code)) return null;
  const n = Number(code);
  for (const plm of PLM_ARRONDISSEMENTS) {
    if (n >= plm.from && n <= plm.to) return plm.commune as CommuneCode;
  }
  return null;
}

export function isPlmArrondissement(code: string): boolean {
  return plmCommuneOf(code) !== null;
}

/** Département of a commune code: 2 characters, or 3 for the DROM (971–976). */
export function departementOfCommune(code: string): DepartementCode {
  return (code.startsWith('97') ? code.slice(0, 3) : code.slice(0, 2)) as DepartementCode;
}

/** Normalises a département code: "1" → "01", "2a" → "2A", "971" stays; 975 (a COM, not a DROM) is rejected. */
export function normaliseDepartementCode(raw: unknown): DepartementCode | null {
  let code = cleanRaw(raw).replace(/\.0+$/, '');
  if (/^\d$/.test(code)) code = `0${code}`;
  if (/^(0[1-9]|1\d|2[AB1-9]|[3-8]\d|9[0-5]|97[1-46])$/.test(code)) return code as DepartementCode;
  return null;
}

/** Normalises a 9-digit SIREN (EPCI); restores leading zeros lost by spreadsheets. */
export function normaliseSiren(raw: unknown): EpciSiren | null {
  let code = cleanRaw(raw).replace(/\.0+$/, '');
  // A spreadsheet drops at most the leading zero(s) of a real SIREN; "1" is not one.
  if (/^\d{8}$/.test(code)) code = `0${code}`;
  return /^\d{9}$/.test(code) ? (code as EpciSiren) : null;
}

/** Zone (metropole or DROM) of a commune or département code. */
export function zoneOfCode(code: string): 'metro' | '971' | '972' | '973' | '974' | '976' {
  const prefix = code.slice(0, 3);
  if (prefix === '971' || prefix === '972' || prefix === '973' || prefix === '974' || prefix === '976') return prefix;
  return 'metro';
}

/** Territory code order: plain UTF-16 order, the same in every locale ("2A004" sorts between "19…" and "21…"). */
export function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Comparator of records by their `code`. */
export function byCode<T extends { readonly code: string }>(a: T, b: T): number {
  return compareCodes(a.code, b.code);
}
