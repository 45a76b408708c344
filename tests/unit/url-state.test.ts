import { describe, expect, it } from 'vitest';
import { parseTerritoryRef, URL_STATE_VERSION } from '../../src/state/url-state.ts';
import {
  DEFAULT_URL_STATE,
  URL_FIELDS as FIELDS,
  parseUrlState,
  serializeUrlState,
  type UrlState,
} from '../../src/features-url.ts';

const sample: UrlState = {
  ...DEFAULT_URL_STATE,
  level: 'commune',
  selection: { level: 'commune', code: '2A004' },
  view: { lng: 3.083, lat: 48.815, zoom: 9.5 },
};

describe('URL state: serialise / parse', () => {
  it('round-trips the defaults', () => {
    expect(parseUrlState(serializeUrlState(DEFAULT_URL_STATE))).toEqual(DEFAULT_URL_STATE);
  });

  it('round-trips level, selection and view', () => {
    const hash = serializeUrlState(sample);
    expect(hash).toMatch(/^#v=1&/);
    expect(hash).toContain('level=commune');
    expect(hash).toContain('sel=commune:2A004');
    expect(hash).toContain('at=3.0830,48.8150,9.50');
    expect(parseUrlState(hash)).toEqual(sample);
  });

  it('round-trips every level and a SIREN selection', () => {
    for (const level of ['commune', 'epci', 'bv', 'departement', 'region'] as const) {
      const state: UrlState = { ...DEFAULT_URL_STATE, level, selection: { level: 'epci', code: '200090504' } };
      expect(parseUrlState(serializeUrlState(state))).toEqual(state);
    }
  });

  it('rounds the view so URLs stay short and stable', () => {
    const state: UrlState = { ...DEFAULT_URL_STATE, view: { lng: 2.123456789, lat: 46.987654321, zoom: 5.55555 } };
    expect(parseUrlState(serializeUrlState(state)).view).toEqual({ lng: 2.1235, lat: 46.9877, zoom: 5.56 });
  });

  it('is stable: serialise(parse(serialise(x))) === serialise(x)', () => {
    const once = serializeUrlState(sample);
    expect(serializeUrlState(parseUrlState(once))).toBe(once);
  });

  it('accepts a hash with or without "#" and without version', () => {
    expect(parseUrlState('level=epci').level).toBe('epci');
    expect(parseUrlState('#level=epci').level).toBe('epci');
  });

  it('has one codec per state field, with distinct URL keys', () => {
    const keys = Object.values(FIELDS).map((f) => f.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(Object.keys(FIELDS).sort()).toEqual(Object.keys(DEFAULT_URL_STATE).sort());
  });
});

describe('URL state: hostile input falls back to defaults without throwing', () => {
  const cases: [string, unknown][] = [
    ['empty', ''],
    ['null', null],
    ['undefined', undefined],
    ['garbage', '#%%%&&&==='],
    ['binary-ish', '#\u0000\uffff\ud800'],
    ['unknown keys only', '#foo=bar&__proto__=1&constructor=x'],
    ['future version', `#v=${URL_STATE_VERSION + 1}&level=epci`],
    ['not-a-number version', '#v=abc&level=epci'],
    ['huge string', `#level=${'a'.repeat(100_000)}`],
  ];
  for (const [name, input] of cases) {
    it(name, () => {
      expect(parseUrlState(input as string)).toEqual(DEFAULT_URL_STATE);
    });
  }

  it('wrong level', () => {
    expect(parseUrlState('#v=1&level=arrondissement').level).toBe(DEFAULT_URL_STATE.level);
    expect(parseUrlState('#v=1&level=COMMUNE').level).toBe(DEFAULT_URL_STATE.level);
  });

  it('script injection in any field', () => {
    const s = parseUrlState('#v=1&level=<script>alert(1)</script>&sel=commune:<img src=x onerror=alert(1)>&at=<b>');
    expect(s).toEqual(DEFAULT_URL_STATE);
    expect(serializeUrlState(s)).not.toMatch(/[<>]/);
  });

  it('NaN, Infinity, huge numbers and out-of-range views', () => {
    for (const at of ['NaN,1,2', 'Infinity,1,2', '1e999,1,2', '1,2', '1,2,3,4', '200,10,5', '10,89,5', '10,10,30', '10,10,-1', '0x10,1,1', ' 1,2,3', '']) {
      expect(parseUrlState(`#v=1&at=${encodeURIComponent(at)}`).view).toBeNull();
    }
  });

  it('malformed selection: bad level, bad code, extra parts', () => {
    for (const sel of ['commune', 'commune:', ':77131', 'pays:FR', 'commune:77131:x', 'commune:7', 'commune:ABCDEFGHIJ', 'commune:77 131']) {
      expect(parseUrlState(`#v=1&sel=${encodeURIComponent(sel)}`).selection).toBeNull();
    }
  });

  it('keeps the good fields when one is bad', () => {
    const s = parseUrlState('#v=1&level=epci&sel=nope&at=2,46,5');
    expect(s.level).toBe('epci');
    expect(s.selection).toBeNull();
    expect(s.view).toEqual({ lng: 2, lat: 46, zoom: 5 });
  });

  it('normalises code case (2a004 → 2A004)', () => {
    expect(parseTerritoryRef('commune:2a004')).toEqual({ level: 'commune', code: '2A004' });
  });
});
