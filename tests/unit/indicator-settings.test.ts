import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CLASSIFICATION,
  parseBreaksInput,
  parseClassificationSettings,
  serializeClassificationSettings,
  type ClassificationSettings,
} from '../../src/indicators/classification-settings.ts';
import { parseUrlState, serializeUrlState, DEFAULT_URL_STATE } from '../../src/features-url.ts';

describe('classification settings in the URL', () => {
  const cases: ClassificationSettings[] = [
    { method: 'jenks', classes: 6, scheme: 'viridis', diverging: false, breaks: [] },
    { method: 'quantile', classes: 5, scheme: null, diverging: true, breaks: [] },
    { method: 'manual', classes: 4, scheme: 'blues', diverging: false, breaks: [-3, 10, 20.5] },
    { method: 'equal', classes: 9, scheme: 'puor', diverging: true, breaks: [] },
  ];
  it.each(cases)('round-trips %j', (s) => {
    const raw = serializeClassificationSettings(s)!;
    expect(parseClassificationSettings(raw)).toEqual(s);
  });

  it('omits the default', () => {
    expect(serializeClassificationSettings(DEFAULT_CLASSIFICATION)).toBeUndefined();
  });

  it.each(['', 'foo,5', 'quantile,2', 'quantile,10', 'jenks,5,rainbow', 'manual,4,auto,seq,', 'manual,4,auto,seq,1_x', 'quantile,5,auto,zz', 'a,b,c,d,e,f'])(
    'rejects %j',
    (raw) => {
      expect(parseClassificationSettings(raw)).toBeUndefined();
    },
  );

  it('travels in the hash with the indicator, and a dropped file never does', () => {
    const state = { ...DEFAULT_URL_STATE, indicator: 'apl-mg-2023', classification: cases[0]! };
    const hash = serializeUrlState(state);
    expect(hash).toContain('ind=apl-mg-2023');
    expect(hash).toContain('cls=jenks,6,viridis');
    expect(parseUrlState(hash)).toEqual(state);
    expect(serializeUrlState({ ...state, indicator: 'byo:1' })).not.toContain('ind=');
    // garbage falls back to the default map (access to GPs), not to an empty one
    expect(parseUrlState('#v=1&ind=<script>&cls=garbage').indicator).toBe(DEFAULT_URL_STATE.indicator);
  });

  it('opens on the latest APL (65 or under) by EPCI, written in the URL; « no indicator » is said too (ind=none)', () => {
    expect(DEFAULT_URL_STATE.indicator).toBe('apl_mg_moins65_2023');
    expect(DEFAULT_URL_STATE.level).toBe('epci');
    // the default is written too: a shared link keeps its map if the default changes
    expect(serializeUrlState(DEFAULT_URL_STATE)).toContain('ind=apl_mg_moins65_2023');
    const none = serializeUrlState({ ...DEFAULT_URL_STATE, indicator: null });
    expect(none).toContain('ind=none');
    expect(parseUrlState(none).indicator).toBeNull();
    expect(parseUrlState('#v=1').indicator).toBe('apl_mg_moins65_2023');
  });
});

describe('parseBreaksInput', () => {
  it('reads French decimals and sorts', () => {
    expect(parseBreaksInput('4 ; 2,5 ; 3')).toEqual([2.5, 3, 4]);
    expect(parseBreaksInput('1.5 2 2 x')).toEqual([1.5, 2]);
  });
});
