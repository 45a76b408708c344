// Getting a perimeter in and out: a pasted or dropped list of INSEE codes,
// CSV and GeoJSON exports, and the compact encoding used in the URL.
// Pure: text in, values out; the caller reads files and triggers downloads.
import { resolveCode } from '../lib/code-matching.ts';
import { byCode } from '../lib/codes.ts';
import { toCsv } from '../lib/csv-write.ts';

// --- import ------------------------------------------------------------------

/** Old commune code → its COG code(s) today (only codes that changed). */
export type PassageTable = ReadonlyMap<string, readonly string[]>;

export interface CodeListImport {
  /** Current commune codes found, sorted, without duplicates. */
  readonly communes: string[];
  /** Code-shaped tokens that match no commune, neither today nor historically. */
  readonly unknown: string[];
  /** Old codes moved forward through the historical passage table. */
  readonly moved: { readonly from: string; readonly to: readonly string[] }[];
  /** Arrondissements municipaux (Paris, Lyon, Marseille) counted as their commune. */
  readonly arrondissements: { readonly from: string; readonly to: string }[];
  /** Codes listed more than once (after moving forward), reported once each. */
  readonly duplicates: string[];
}

export interface CodeListContext {
  /** Current commune codes (COG of the data). */
  readonly communes: ReadonlySet<string>;
  /** Old commune code → COG code(s), from the historical passage table. */
  readonly passage?: PassageTable;
}

// A token that looks like a commune code: 4–5 digits (a lost leading zero is
// restored), or Corsica's 2A/2B. Longer digit runs (SIREN, phone numbers) and
// words (commune names in a CSV) are not codes and are ignored.
const CODE_TOKEN = /^(?:\d{4,5}|2[AB]\d{3})$/i;

function tokensOf(text: string): string[] {
  // Spreadsheets write "1001.0" for 01001: drop such decimal zeros first.
  return text
    .replace(/\b(\d{4,5})\.0+\b/g, '$1')
    .split(/[^0-9A-Za-z]+/)
    .filter((t) => t.length > 0);
}

/** Commune codes found in a JSON document (our GeoJSON export, or any feature collection with a code property). */
function codesFromJson(value: unknown): string[] | null {
  if (!value || typeof value !== 'object') return null;
  const out: string[] = [];
  const visitProperties = (props: unknown): void => {
    if (!props || typeof props !== 'object') return;
    const record = props as Record<string, unknown>;
    if (Array.isArray(record.communes)) for (const c of record.communes) if (typeof c === 'string' || typeof c === 'number') out.push(String(c));
    for (const key of ['code', 'codgeo', 'CODGEO', 'insee', 'code_insee', 'INSEE_COM', 'DEPCOM', 'com']) {
      const v = record[key];
      if (typeof v === 'string' || typeof v === 'number') out.push(String(v));
    }
  };
  const doc = value as { type?: unknown; features?: unknown; properties?: unknown; communes?: unknown };
  if (Array.isArray(value)) {
    for (const v of value) if (typeof v === 'string' || typeof v === 'number') out.push(String(v));
  } else if (doc.type === 'FeatureCollection' && Array.isArray(doc.features)) {
    for (const f of doc.features) visitProperties((f as { properties?: unknown }).properties);
  } else if (doc.type === 'Feature') {
    visitProperties(doc.properties);
  } else {
    visitProperties(doc);
  }
  return out;
}

/**
 * Reads a list of INSEE commune codes in any shape: one per line, separated
 * by commas, semicolons, spaces or tabs, a CSV with names beside the codes,
 * or a JSON / GeoJSON document. Codes that no longer exist are moved forward
 * through the historical passage table; arrondissements become their commune;
 * code-shaped tokens matching nothing are reported as unknown.
 */
export function parseCodeList(text: string, context: CodeListContext): CodeListImport {
  let raw: string[];
  const trimmed = text.trim();
  let json: string[] | null = null;
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      json = codesFromJson(JSON.parse(trimmed));
    } catch {
      json = null;
    }
  }
  raw = json ?? tokensOf(text).filter((t) => CODE_TOKEN.test(t));
  if (json) raw = raw.map((t) => t.trim());

  const found: string[] = [];
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  const unknown: string[] = [];
  const unknownSeen = new Set<string>();
  const moved: { from: string; to: readonly string[] }[] = [];
  const movedSeen = new Set<string>();
  const arrondissements: { from: string; to: string }[] = [];
  const push = (code: string): void => {
    if (seen.has(code)) duplicates.add(code);
    else {
      seen.add(code);
      found.push(code);
    }
  };
  const reportUnknown = (token: string): void => {
    if (!unknownSeen.has(token)) {
      unknownSeen.add(token);
      unknown.push(token);
    }
  };

  const reference = { level: 'commune' as const, codes: context.communes, passage: context.passage };
  for (const token of raw) {
    const resolved = resolveCode(token, reference);
    if (resolved.ok) {
      if (resolved.remappedFrom?.why === 'arrondissement') arrondissements.push({ from: resolved.normalised!, to: resolved.code });
      else if (resolved.remappedFrom?.why === 'passage' && !movedSeen.has(resolved.normalised!)) {
        movedSeen.add(resolved.normalised!);
        moved.push({ from: resolved.normalised!, to: [resolved.code] });
      }
      // Several old codes merged into one commune nouvelle are not duplicates of each other.
      if (resolved.remappedFrom?.why === 'passage' && seen.has(resolved.code)) continue;
      push(resolved.code);
    } else if (resolved.reason === 'split' && resolved.targets) {
      // An old commune now split between several: the perimeter takes them all.
      if (!movedSeen.has(resolved.normalised!)) {
        movedSeen.add(resolved.normalised!);
        moved.push({ from: resolved.normalised!, to: resolved.targets });
      }
      for (const c of resolved.targets) if (!seen.has(c)) push(c);
    } else {
      reportUnknown(resolved.normalised ?? token);
    }
  }
  return {
    communes: found.sort(),
    unknown,
    moved,
    arrondissements,
    duplicates: [...duplicates].sort(),
  };
}

// --- export ------------------------------------------------------------------

export interface CommuneRow {
  readonly code: string;
  readonly name: string;
  readonly population?: number | null;
  readonly epci?: string | null;
  readonly epciName?: string | null;
}

/**
 * CSV of the perimeter's communes, one per line (the shared writer: `;`,
 * UTF-8 BOM, formula cells neutralised). Codes stay text (01001, 2A004).
 */
export function perimeterToCsv(rows: readonly CommuneRow[]): string {
  const header = ['code_insee', 'nom', 'population', 'epci_siren', 'epci_nom'];
  const sorted = [...rows].sort(byCode);
  return toCsv(header, sorted.map((r) => [r.code, r.name, r.population, r.epci, r.epciName]));
}

/**
 * GeoJSON of the perimeter: one feature, the dissolved outline, carrying its
 * name, its communes and its figures as properties (re-importable).
 */
export function perimeterToGeoJson(
  outline: GeoJSON.MultiPolygon | GeoJSON.Polygon | null,
  properties: { name: string; communes: readonly string[] } & Record<string, unknown>,
): GeoJSON.FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: { ...properties, communes: [...properties.communes], communeCount: properties.communes.length },
        geometry: outline ?? { type: 'MultiPolygon', coordinates: [] },
      },
    ],
  };
}

/** A file name without characters that file systems refuse. */
export function safeFileName(name: string): string {
  const base = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase();
  return base.slice(0, 60) || 'perimetre';
}

// --- compact URL encoding ----------------------------------------------------
//
// Communes grouped by département; in each group, the code suffixes (the 3
// digits after the département, 2 for the DROM) written either
//   - as a list: 2 base-36 characters per suffix (36² > 999), consecutive
//     suffixes as "aa-bb" ranges:           77.3n-3p3s   = 77131…77133, 77136
//   - or as a bitset over suffixes 0…max, base64url, 6 suffixes per
//     character, when that is shorter:      77!…
// Groups are joined by "_". Only URL-safe characters, so nothing is escaped.
// 3 communes cost ~12 characters; a 200-commune bassin de vie ~250.

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
// '_' separates groups, so bitsets use '.' in its place (base64url variant).
const B64_URL = B64.slice(0, 63) + '.';

function splitCode(code: string): [string, number] | null {
  const dep = code.startsWith('97') ? code.slice(0, 3) : code.slice(0, 2);
  const suffix = code.slice(dep.length);
  if (!/^\d+$/.test(suffix)) return null;
  return [dep, Number(suffix)];
}

function joinCode(dep: string, suffix: number): string {
  return dep + String(suffix).padStart(dep.length === 3 ? 2 : 3, '0');
}

const b36 = (n: number): string => n.toString(36).padStart(2, '0');

function encodeList(suffixes: readonly number[]): string {
  let out = '';
  for (let i = 0; i < suffixes.length; ) {
    let j = i;
    while (j + 1 < suffixes.length && suffixes[j + 1] === suffixes[j]! + 1) j++;
    // A range only pays off from 3 consecutive suffixes ("aa-cc" vs "aabbcc").
    if (j - i >= 2) {
      out += `${b36(suffixes[i]!)}-${b36(suffixes[j]!)}`;
      i = j + 1;
    } else {
      out += b36(suffixes[i]!);
      i += 1;
    }
  }
  return out;
}

function encodeBitset(suffixes: readonly number[]): string {
  const max = suffixes[suffixes.length - 1]!;
  const chars = new Array<number>(Math.floor(max / 6) + 1).fill(0);
  for (const s of suffixes) chars[Math.floor(s / 6)]! |= 1 << s % 6;
  return chars.map((c) => B64_URL[c]).join('');
}

export function encodePerimeterCodes(codes: readonly string[]): string {
  const groups = new Map<string, number[]>();
  for (const code of codes) {
    const parts = splitCode(code);
    if (!parts) continue;
    const list = groups.get(parts[0]) ?? [];
    list.push(parts[1]);
    groups.set(parts[0], list);
  }
  const out: string[] = [];
  for (const dep of [...groups.keys()].sort()) {
    const suffixes = [...new Set(groups.get(dep)!)].sort((a, b) => a - b);
    const list = encodeList(suffixes);
    const bits = encodeBitset(suffixes);
    out.push(bits.length < list.length ? `${dep}!${bits}` : `${dep}.${list}`);
  }
  return out.join('_');
}

/** Inverse of encodePerimeterCodes; undefined on anything malformed. */
export function decodePerimeterCodes(raw: string): string[] | undefined {
  if (raw === '') return [];
  const codes: string[] = [];
  for (const group of raw.split('_')) {
    const m = /^(\d{2}|2[AB]|97\d)([.!])([0-9a-zA-Z.-]*)$/.exec(group);
    if (!m) return undefined;
    const [, dep, kind, body] = m as unknown as [string, string, string, string];
    if (kind === '!') {
      for (let i = 0; i < body.length; i++) {
        const v = B64_URL.indexOf(body[i]!);
        if (v < 0) return undefined;
        for (let bit = 0; bit < 6; bit++) if (v & (1 << bit)) codes.push(joinCode(dep, i * 6 + bit));
      }
    } else {
      const re = /([0-9a-z]{2})(?:-([0-9a-z]{2}))?/gy;
      let consumed = 0;
      for (let t = re.exec(body); t; t = re.exec(body)) {
        consumed = re.lastIndex;
        const from = parseInt(t[1]!, 36);
        const to = t[2] ? parseInt(t[2], 36) : from;
        if (to < from || to - from > 1000) return undefined;
        for (let s = from; s <= to; s++) codes.push(joinCode(dep, s));
      }
      if (consumed !== body.length) return undefined;
    }
  }
  // Suffixes beyond what a code can hold (e.g. 3 digits for a DROM) are garbage.
  if (codes.some((c) => c.length !== 5)) return undefined;
  return [...new Set(codes)].sort();
}

// --- bounded import report ----------------------------------------------------

/** What the import report shows: the communes found, then the first few of each list and its count. */
export interface ImportSummary {
  readonly communes: readonly string[];
  readonly unknown: { readonly sample: readonly string[]; readonly count: number };
  readonly moved: { readonly sample: CodeListImport['moved']; readonly count: number };
  readonly arrondissements: number;
  readonly duplicates: number;
}

/** Entries of each list kept for the report (a 10,000-code paste must not print them all). */
export const IMPORT_SAMPLE = 20;

export function summariseImport(report: CodeListImport, sample = IMPORT_SAMPLE): ImportSummary {
  return {
    communes: report.communes,
    unknown: { sample: report.unknown.slice(0, sample), count: report.unknown.length },
    moved: { sample: report.moved.slice(0, sample), count: report.moved.length },
    arrondissements: report.arrondissements.length,
    duplicates: report.duplicates.length,
  };
}
