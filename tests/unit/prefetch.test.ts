import { describe, expect, it } from 'vitest';
import { linkedIndicator } from '../../src/prefetch.ts';
import { DEFAULT_URL_STATE, parseUrlState } from '../../src/features-url.ts';

describe('the entry glances at the link', () => {
  it('names the indicator and level the application will read', () => {
    for (const hash of ['', '#v=1', '#v=1&level=commune&ind=taux_pauvrete_2021_communes', '#v=1&ind=densite_generalistes_bv&level=bv']) {
      const app = parseUrlState(hash);
      expect(linkedIndicator(hash), hash).toEqual({ id: app.indicator, level: app.level });
    }
  });

  it('asks for nothing when the link shows no indicator, and opens on the application defaults', () => {
    expect(linkedIndicator('#v=1&ind=none')).toBeNull();
    expect(linkedIndicator('')).toEqual({ id: DEFAULT_URL_STATE.indicator, level: DEFAULT_URL_STATE.level });
  });
});
