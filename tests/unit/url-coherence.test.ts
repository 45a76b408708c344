import { describe, expect, it } from 'vitest';
import { URL_CODEC, type UrlState } from '../../src/features-url.ts';
import { INITIAL_APP_STATE, type AppState } from '../../src/app/store.ts';
import { followLink, reconcileLink, reconcileUrlState, type LinkWorld } from '../../src/url-coherence.ts';
import { decodePerimeterCodes } from '../../src/perimeter/perimeter-io.ts';
import { frInput } from '../../src/i18n/fr.ts';
import type { Level } from '../../src/lib/levels.ts';
import { generatedHashes } from '../url-fuzz.ts';

// A small France: two départements, a few communes with their parents.
const COMMUNES: Record<string, { epci: string; bv: string; departement: string; region: string }> = {
  '77131': { epci: '200090504', bv: '77131', departement: '77', region: '11' },
  '77284': { epci: '200072130', bv: '77284', departement: '77', region: '11' },
  '2A004': { epci: '242010056', bv: '2A004', departement: '2A', region: '94' },
};
// per=77.00-rr names 77000…77999: half of them exist here.
for (let n = 0; n < 1000; n += 2) if (!COMMUNES[`77${String(n).padStart(3, '0')}`]) COMMUNES[`77${String(n).padStart(3, '0')}`] = { epci: '200090504', bv: '77131', departement: '77', region: '11' };
const SUPRA: Record<Exclude<Level, 'commune'>, Set<string>> = {
  epci: new Set(['200090504', '200072130', '242010056']),
  bv: new Set(['77131', '77284', '2A004']),
  departement: new Set(['77', '2A']),
  region: new Set(['11', '94']),
};

function world(loaded: boolean): LinkWorld {
  return {
    territoryExists: (ref) => (!loaded ? undefined : ref.level === 'commune' ? ref.code in COMMUNES : SUPRA[ref.level].has(ref.code)),
    parentOf: (ref, level) => (loaded && ref.level === 'commune' ? COMMUNES[ref.code]?.[level] : undefined),
    communeExists: (code) => (loaded ? code in COMMUNES : undefined),
  };
}
const LOADED = world(true);

/** The page load: the initial state follows the link. */
const load = (hash: string, w = LOADED) => {
  const link = reconcileLink(URL_CODEC.inspect(hash), w);
  return { state: followLink(INITIAL_APP_STATE, link), dropped: link.dropped };
};
/** A hash change on an open page in state `previous`. */
const hashChange = (previous: AppState, hash: string, w = LOADED) => followLink(previous, reconcileLink(URL_CODEC.inspect(hash), w));
/** The URL fields but the view (a hash change without `at` keeps the map where it is). */
const urlFields = (s: UrlState) => ({ ...URL_CODEC.pick(s), view: 'kept' });

const OPEN_PAGE: AppState = { ...INITIAL_APP_STATE, level: 'commune', selection: { level: 'commune', code: '77131' }, portrait: 'territory', indicator: 'apl_mg_2023' };

describe('links from the issue: load = hash change', () => {
  it('an unknown selection is dropped and said, on load and on an open page', () => {
    const l = load('#v=1&level=departement&sel=departement:99');
    expect(l.state.selection).toBeNull();
    expect(l.dropped).toEqual([{ kind: 'unknownTerritory', ref: { level: 'departement', code: '99' } }]);
    expect(frInput.linkDrop(l.dropped[0]!)).toBe('territoire inconnu ignoré (département 99)');
    expect(urlFields(hashChange(OPEN_PAGE, '#v=1&level=departement&sel=departement:99'))).toEqual(urlFields(l.state));
  });

  it('pt=sel opens the portrait on a hash change as on load, and is dropped without a selection', () => {
    const hash = '#v=1&level=departement&sel=departement:77&pt=sel';
    const closed = { ...OPEN_PAGE, portrait: null };
    expect(hashChange(closed, hash).portrait).toBe('territory');
    expect(load(hash).state.portrait).toBe('territory');
    const orphan = load('#v=1&level=departement&pt=sel');
    expect(orphan.state.portrait).toBeNull();
    expect(orphan.dropped).toEqual([{ kind: 'portrait', portrait: 'territory' }]);
  });

  it('per= keeps only communes that exist, and says how many it dropped', () => {
    expect(decodePerimeterCodes('77.00-rr')).toHaveLength(1000);
    const l = load('#v=1&per=77.00-rr');
    // Every even code exists here, and 77131.
    expect(l.state.perimeter?.communes).toHaveLength(501);
    expect(l.state.perimeter!.communes.every((c) => c in COMMUNES)).toBe(true);
    expect(l.dropped).toEqual([{ kind: 'unknownCommunes', unknown: 499, total: 1000, sample: ['77001', '77003', '77005', '77007', '77009'] }]);
    expect(frInput.linkDrop(l.dropped[0]!)).toMatch(/^499 codes de commune inconnus retirés du périmètre sur 1\s000 \(77001, 77003, 77005, 77007, 77009…\)$/);
    expect(urlFields(hashChange(OPEN_PAGE, '#v=1&per=77.00-rr'))).toEqual(urlFields(l.state));
  });

  it('a perimeter of unknown codes only is closed, and its portrait with it', () => {
    const l = load('#v=1&per=77.01&pt=per');
    expect(l.state.perimeter).toBeNull();
    expect(l.state.portrait).toBeNull();
    expect(l.dropped.map((d) => d.kind)).toEqual(['unknownCommunes', 'portrait']);
  });

  it('a perimeter and a selection: the builder wins, as when it opens', () => {
    const l = load('#v=1&level=region&sel=region:11&per=77.3n');
    expect(l.state).toMatchObject({ level: 'commune', selection: null, perimeter: { communes: ['77131'] } });
    expect(l.dropped).toEqual([{ kind: 'selectionUnderPerimeter', ref: { level: 'region', code: '11' } }]);
  });

  it('a selection finer than the level becomes its parent there', () => {
    expect(load('#v=1&level=departement&sel=commune:77131').state.selection).toEqual({ level: 'departement', code: '77' });
  });

  it('before the indexes are loaded nothing is dropped; once loaded, the same rules apply', () => {
    const early = load('#v=1&sel=departement:99&per=77.00-rr', world(false));
    // The perimeter wins over the selection whatever the indexes say.
    expect(early.state.perimeter?.communes).toHaveLength(1000);
    const settled = reconcileUrlState(URL_CODEC.pick(early.state), LOADED);
    expect(settled.state).toEqual(URL_CODEC.pick(load('#v=1&sel=departement:99&per=77.00-rr').state));
    expect(reconcileUrlState(URL_CODEC.pick(load('#v=1&sel=departement:99', world(false)).state), LOADED).state.selection).toBeNull();
  });

  it('says which fields could not be read, and when a whole link is ignored', () => {
    expect(load('#v=1&level=xx&at=NaN,1e999,zz&sel=commune:%%%').dropped).toEqual([{ kind: 'unreadable', keys: ['level', 'sel', 'at'] }]);
    expect(load('#v=9&level=commune').dropped).toEqual([{ kind: 'ignored', why: 'version' }]);
    expect(load(`#v=1&per=${'77.'.repeat(5000)}`).dropped).toEqual([{ kind: 'ignored', why: 'tooLong' }]);
  });
});

// --- generated links ----------------------------------------------------------

function coherent(s: UrlState): void {
  if (s.portrait === 'territory') expect(s.selection).not.toBeNull();
  if (s.portrait === 'perimeter') expect(s.perimeter?.communes.length).toBeGreaterThan(0);
  if (s.perimeter) {
    expect(s.selection).toBeNull();
    expect(s.level).toBe('commune');
    for (const c of s.perimeter.communes) expect(c in COMMUNES).toBe(true);
  }
  if (s.selection) expect(LOADED.territoryExists(s.selection)).toBe(true);
}

describe('generated links (seed 11, 600 hashes)', () => {
  const hashes = generatedHashes(600, 11);
  const previous: AppState[] = [INITIAL_APP_STATE, OPEN_PAGE, load('#v=1&per=77.3n&pt=per').state, load('#v=1&level=region&sel=region:94&ind=apl_mg_2023').state];

  it('always land on a coherent state, stable when followed again and when written back to a link', () => {
    for (const hash of hashes) {
      const { state } = load(hash);
      coherent(state);
      const again = reconcileUrlState(URL_CODEC.pick(state), LOADED);
      expect(again.dropped).toEqual([]);
      expect(again.state).toEqual(URL_CODEC.pick(state));
      const relinked = load(URL_CODEC.serialize(URL_CODEC.pick(state)));
      expect(urlFields(relinked.state)).toEqual(urlFields(state));
    }
  });

  it('land on the same state on load and on a hash change, whatever the page showed before', () => {
    for (const hash of hashes) {
      const loaded = urlFields(load(hash).state);
      for (const before of previous) expect(urlFields(hashChange(before, hash))).toEqual(loaded);
    }
  });
});
