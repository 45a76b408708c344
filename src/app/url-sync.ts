// Keeps the location hash and the store in step: state → hash with
// history.replaceState (no history spam while panning), hash → state when
// the user edits or pastes a URL.
import { FIELDS, parseUrlState, serializeUrlState, type UrlState } from '../state/url-state.ts';
import type { AppState, AppStore } from './store.ts';

const URL_KEYS = Object.keys(FIELDS) as (keyof UrlState)[];

export function pickUrlState(state: AppState): UrlState {
  return Object.fromEntries(URL_KEYS.map((k) => [k, state[k]])) as unknown as UrlState;
}

export function startUrlSync(store: AppStore, onExternalChange: (next: UrlState) => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastWritten = window.location.hash;
  const write = () => {
    const hash = serializeUrlState(pickUrlState(store.getState()));
    if (hash !== window.location.hash) {
      history.replaceState(history.state, '', hash);
    }
    lastWritten = hash;
  };
  const unsubscribe = store.subscribe((state, previous) => {
    if (URL_KEYS.every((k) => state[k] === previous[k])) return;
    clearTimeout(timer);
    timer = setTimeout(write, 150);
  });
  const onHashChange = () => {
    if (window.location.hash === lastWritten) return;
    lastWritten = window.location.hash;
    onExternalChange(parseUrlState(window.location.hash));
  };
  window.addEventListener('hashchange', onHashChange);
  write();
  return () => {
    unsubscribe();
    clearTimeout(timer);
    window.removeEventListener('hashchange', onHashChange);
  };
}
