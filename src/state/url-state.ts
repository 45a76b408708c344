// The URL is the state: what a shared link must reopen. This module holds the
// codec machinery and the core fields (level, selection, view); each feature
// declares its own fields, and src/features-url.ts composes them.
// Pure and tolerant: any malformed field falls back to its default, never throws.
//
// Format (in the hash, safest on static hosting):
//   #v=1&level=commune&sel=commune:77131&at=3.0830,48.8150,9.50
import { isLevel, type Level } from '../lib/levels.ts';

export const URL_STATE_VERSION = 1;

export interface TerritoryRef {
  readonly level: Level;
  readonly code: string;
}

export interface MapView {
  readonly lng: number;
  readonly lat: number;
  readonly zoom: number;
}

export interface CoreUrlState {
  readonly level: Level;
  readonly selection: TerritoryRef | null;
  /** null = the default framing of metropolitan France. */
  readonly view: MapView | null;
}

export const CORE_URL_DEFAULTS: CoreUrlState = {
  level: 'departement',
  selection: null,
  view: null,
};

/** How one field is written to and read from the URL. `parse` returns undefined on garbage. */
export interface UrlFieldCodec<T> {
  readonly key: string;
  parse(raw: string): T | undefined;
  /** undefined = omit from the URL (value equals the default). */
  serialize(value: T): string | undefined;
}

/** One codec per field: the mapped type refuses a field without a codec. */
export type UrlFields<S> = { readonly [K in keyof S]: UrlFieldCodec<S[K]> };

// A territory code: INSEE commune/département/région, SIREN, BV code.
const CODE_RE = /^[0-9A-Z]{2,9}$/;
// A large custom perimeter (a whole département) encodes to a few thousand characters.
const MAX_RAW_LENGTH = 8000;

export function parseTerritoryRef(raw: string): TerritoryRef | undefined {
  const [level, code, extra] = raw.split(':');
  if (extra !== undefined || !isLevel(level) || code === undefined) return undefined;
  const upper = code.toUpperCase();
  return CODE_RE.test(upper) ? { level, code: upper } : undefined;
}

export function serializeTerritoryRef(ref: TerritoryRef): string {
  return `${ref.level}:${ref.code}`;
}

function parseFiniteInRange(raw: string | undefined, min: number, max: number): number | undefined {
  if (raw === undefined || !/^-?\d{1,4}(\.\d{1,8})?$/.test(raw)) return undefined;
  const n = Number(raw);
  return Number.isFinite(n) && n >= min && n <= max ? n : undefined;
}

export const CORE_URL_FIELDS: UrlFields<CoreUrlState> = {
  level: {
    key: 'level',
    parse: (raw) => (isLevel(raw) ? raw : undefined),
    serialize: (level) => level,
  },
  selection: {
    key: 'sel',
    parse: (raw) => parseTerritoryRef(raw),
    serialize: (ref) => (ref ? serializeTerritoryRef(ref) : undefined),
  },
  view: {
    key: 'at',
    parse: (raw) => {
      const parts = raw.split(',');
      if (parts.length !== 3) return undefined;
      const lng = parseFiniteInRange(parts[0], -180, 180);
      const lat = parseFiniteInRange(parts[1], -85, 85);
      const zoom = parseFiniteInRange(parts[2], 0, 22);
      return lng === undefined || lat === undefined || zoom === undefined ? undefined : { lng, lat, zoom };
    },
    serialize: (view) => (view ? `${view.lng.toFixed(4)},${view.lat.toFixed(4)},${view.zoom.toFixed(2)}` : undefined),
  },
};

/** Reads and writes a whole state `S` from its field codecs and defaults. */
export interface UrlCodec<S> {
  readonly fields: UrlFields<S>;
  readonly defaults: S;
  /** Parses a location hash ("#v=1&…", with or without '#'). Never throws. */
  parse(hash: string | null | undefined): S;
  /** Like `parse`, and says what was dropped: the keys present but unreadable, or why the whole link was. */
  inspect(hash: string | null | undefined): InspectedLink<S>;
  /** Serialises to a hash ("#v=1&…"). Stable key order. */
  serialize(state: S): string;
  /** The URL fields of a larger state. */
  pick(state: S): S;
}

/** A parsed link and what it lost on the way. */
export interface InspectedLink<S> {
  readonly state: S;
  /** URL keys present in the link whose value could not be read (the field kept its default). */
  readonly invalid: readonly string[];
  /** The whole link was ignored: too long, or written by a version we do not know. */
  readonly ignored: 'tooLong' | 'version' | null;
}

export function createUrlCodec<S extends object>(fields: UrlFields<S>, defaults: S): UrlCodec<S> {
  const names = Object.keys(fields) as (keyof S)[];

  function inspect(hash: string | null | undefined): InspectedLink<S> {
    if (typeof hash !== 'string') return { state: defaults, invalid: [], ignored: null };
    if (hash.length > MAX_RAW_LENGTH) return { state: defaults, invalid: [], ignored: 'tooLong' };
    let params: URLSearchParams;
    try {
      params = new URLSearchParams(hash.replace(/^#/, ''));
    } catch {
      return { state: defaults, invalid: [], ignored: 'tooLong' };
    }
    const version = params.get('v');
    // A future version we do not know: do not guess, open the defaults.
    if (version !== null && version !== String(URL_STATE_VERSION)) return { state: defaults, invalid: [], ignored: 'version' };
    const state: Record<string, unknown> = { ...(defaults as Record<string, unknown>) };
    const invalid: string[] = [];
    for (const name of names) {
      const codec = fields[name] as UrlFieldCodec<unknown>;
      const raw = params.get(codec.key);
      if (raw === null) continue;
      let value: unknown;
      try {
        value = codec.parse(raw);
      } catch {
        // a codec bug must not break the page: keep the default
        value = undefined;
      }
      if (value !== undefined) state[name as string] = value;
      else invalid.push(codec.key);
    }
    return { state: state as unknown as S, invalid, ignored: null };
  }

  function parse(hash: string | null | undefined): S {
    return inspect(hash).state;
  }

  function serialize(state: S): string {
    const params = new URLSearchParams();
    params.set('v', String(URL_STATE_VERSION));
    for (const name of names) {
      const codec = fields[name] as UrlFieldCodec<unknown>;
      const raw = codec.serialize(state[name]);
      if (raw !== undefined) params.set(codec.key, raw);
    }
    // ':' and ',' are legal in a fragment; keep them readable.
    return `#${params.toString().replace(/%3A/gi, ':').replace(/%2C/gi, ',')}`;
  }

  function pick(state: S): S {
    return Object.fromEntries(names.map((k) => [k, state[k]])) as unknown as S;
  }

  return { fields, defaults, parse, inspect, serialize, pick };
}
