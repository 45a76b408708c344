// The URL is the state: what a shared link must reopen (level, selection,
// view, and later the indicator, classification, overlays, perimeter).
// Pure and tolerant: any malformed field falls back to its default, never throws.
//
// Format (in the hash, safest on static hosting):
//   #v=1&level=commune&sel=commune:77131&at=3.0830,48.8150,9.50
//
// TO ADD A FIELD (issue 3, 4, 5…): add it to `UrlState`, to `DEFAULT_URL_STATE`
// and a codec to `FIELDS` below. The mapped type makes the compiler refuse a
// field without a codec; round-trip and hostile-input tests cover every codec.
import { perimeterUrlCodec, type PerimeterUrlValue } from '../perimeter/url-field.ts';
import { portraitUrlCodec, type PortraitUrlValue } from '../portrait/url-field.ts';
import { DEFAULT_OVERLAYS, overlaysUrlCodec, type OverlayId } from '../overlays/overlay-ids.ts';
import { isLevel, type Level } from '../lib/levels.ts';
import {
  DEFAULT_CLASSIFICATION,
  parseClassificationSettings,
  parseIndicatorId,
  serializeClassificationSettings,
  type ClassificationSettings,
} from '../indicators/classification-settings.ts';

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

export interface UrlState {
  readonly level: Level;
  readonly selection: TerritoryRef | null;
  /** null = the default framing of metropolitan France. */
  readonly view: MapView | null;
  /** Indicator mapped as a choropleth (catalogue id), null = none (`ind=none`). */
  readonly indicator: string | null;
  /** Classification of the choropleth (issue 3). */
  readonly classification: ClassificationSettings;
  /** Custom perimeter being built: its communes and name, null = builder closed (issue 5). */
  readonly perimeter: PerimeterUrlValue | null;
  /** Open portrait: of the selection ('territory'), of the perimeter ('perimeter'), null = closed (issue 5). */
  readonly portrait: PortraitUrlValue;
  /** Overlays switched on: contracts, priority zones, hospitals (issue 4). */
  readonly overlays: readonly OverlayId[];
  /** Embedded in another page (`embed=1`): the map, its title, legend and credits only. */
  readonly embed: boolean;
}

/** What a link opened cold shows: access to GPs (APL, under 65, latest vintage) by EPCI. */
export const DEFAULT_INDICATOR = 'apl_mg_moins65_2023';

export const DEFAULT_URL_STATE: UrlState = {
  level: 'epci',
  selection: null,
  view: null,
  indicator: DEFAULT_INDICATOR,
  classification: DEFAULT_CLASSIFICATION,
  perimeter: null,
  portrait: null,
  overlays: DEFAULT_OVERLAYS,
  embed: false,
};

/** How one field is written to and read from the URL. `parse` returns undefined on garbage. */
export interface UrlFieldCodec<T> {
  readonly key: string;
  parse(raw: string): T | undefined;
  /** undefined = omit from the URL (value equals the default). */
  serialize(value: T): string | undefined;
}

/** `ind=none`: a map with no indicator (the default has one). */
const NO_INDICATOR = 'none';

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

export const FIELDS: { readonly [K in keyof UrlState]: UrlFieldCodec<UrlState[K]> } = {
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
  indicator: {
    key: 'ind',
    parse: (raw) => (raw === NO_INDICATOR ? null : parseIndicatorId(raw)),
    // A dropped CSV ("byo:…") lives only in this tab: a shared link opens the default map instead.
    serialize: (id) => (id === null ? NO_INDICATOR : id === DEFAULT_INDICATOR || id.startsWith('byo:') ? undefined : id),
  },
  classification: {
    key: 'cls',
    parse: (raw) => parseClassificationSettings(raw),
    serialize: (settings) => serializeClassificationSettings(settings),
  },
  perimeter: perimeterUrlCodec,
  portrait: portraitUrlCodec,
  overlays: overlaysUrlCodec,
  embed: {
    key: 'embed',
    parse: (raw) => (raw === '1' ? true : raw === '0' ? false : undefined),
    serialize: (embed) => (embed ? '1' : undefined),
  },
};

const FIELD_NAMES = Object.keys(FIELDS) as (keyof UrlState)[];

/** Parses a location hash ("#v=1&…", with or without '#'). Never throws. */
export function parseUrlState(hash: string | null | undefined): UrlState {
  if (typeof hash !== 'string' || hash.length > MAX_RAW_LENGTH) return DEFAULT_URL_STATE;
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(hash.replace(/^#/, ''));
  } catch {
    return DEFAULT_URL_STATE;
  }
  const version = params.get('v');
  // A future version we do not know: do not guess, open the defaults.
  if (version !== null && version !== String(URL_STATE_VERSION)) return DEFAULT_URL_STATE;
  const state: Record<string, unknown> = { ...DEFAULT_URL_STATE };
  for (const name of FIELD_NAMES) {
    const codec = FIELDS[name] as UrlFieldCodec<unknown>;
    const raw = params.get(codec.key);
    if (raw === null) continue;
    try {
      const value = codec.parse(raw);
      if (value !== undefined) state[name] = value;
    } catch {
      // a codec bug must not break the page: keep the default
    }
  }
  return state as unknown as UrlState;
}

/** Serialises to a hash ("#v=1&…"). Stable key order. */
export function serializeUrlState(state: UrlState): string {
  const params = new URLSearchParams();
  params.set('v', String(URL_STATE_VERSION));
  for (const name of FIELD_NAMES) {
    const codec = FIELDS[name] as UrlFieldCodec<unknown>;
    const raw = codec.serialize(state[name]);
    if (raw !== undefined) params.set(codec.key, raw);
  }
  // ':' and ',' are legal in a fragment; keep them readable.
  return `#${params.toString().replace(/%3A/gi, ':').replace(/%2C/gi, ',')}`;
}
