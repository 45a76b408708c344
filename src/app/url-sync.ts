// Keeps the location hash and the store in step: state → hash with
// history.replaceState (no history spam while panning), hash → state when
// the user edits or pastes a URL.
import type { UrlCodec } from '../state/url-state.ts';
import type { UrlState } from '../features-url.ts';
import type { AppStore } from './store.ts';

export function startUrlSync(store: AppStore, codec: UrlCodec<UrlState>, onExternalChange: (hash: string) => void): () => void {
  const urlKeys = Object.keys(codec.fields) as (keyof UrlState)[];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastWritten = window.location.hash;
  const write = () => {
    const hash = codec.serialize(codec.pick(store.getState()));
    if (hash !== window.location.hash) {
      history.replaceState(history.state, '', hash);
    }
    lastWritten = hash;
  };
  const unsubscribe = store.subscribe((state, previous) => {
    if (urlKeys.every((k) => state[k] === previous[k])) return;
    clearTimeout(timer);
    timer = setTimeout(write, 150);
  });
  const onHashChange = () => {
    if (window.location.hash === lastWritten) return;
    lastWritten = window.location.hash;
    onExternalChange(window.location.hash);
  };
  window.addEventListener('hashchange', onHashChange);
  write();
  return () => {
    unsubscribe();
    clearTimeout(timer);
    window.removeEventListener('hashchange', onHashChange);
  };
}
