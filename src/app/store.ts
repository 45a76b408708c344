// A tiny external store (useSyncExternalStore): the app state every component
// reads. Small values only — codes, level, view — never geometry or values
// for thousands of territories (those go to the map through the controller).
import { useSyncExternalStore } from 'react';
import type { Level } from '../lib/levels.ts';
import { DEFAULT_URL_STATE, type UrlState } from '../features-url.ts';

export type LevelStatus = 'loading' | 'ready' | 'error';

/** What the URL carries, plus transient UI state. */
export interface AppState extends UrlState {
  readonly levelStatus: Partial<Record<Level, LevelStatus>>;
  /** Bumped when a territory index arrives, so lookups re-render. */
  readonly indexVersion: number;
  readonly error: string | null;
  /** What the last link followed lost (French), shown until dismissed or the next link. */
  readonly linkNotice: string | null;
}

export const INITIAL_APP_STATE: AppState = {
  ...DEFAULT_URL_STATE,
  levelStatus: {},
  indexVersion: 0,
  error: null,
  linkNotice: null,
};

export interface Store<S> {
  getState(): S;
  setState(update: Partial<S> | ((state: S) => Partial<S>)): void;
  subscribe(listener: (state: S, previous: S) => void): () => void;
}

export function createStore<S extends object>(initial: S): Store<S> {
  let state = initial;
  const listeners = new Set<(state: S, previous: S) => void>();
  return {
    getState: () => state,
    setState(update) {
      const patch = typeof update === 'function' ? update(state) : update;
      const keys = Object.keys(patch) as (keyof S)[];
      if (keys.every((k) => Object.is(patch[k], state[k]))) return;
      const previous = state;
      state = { ...state, ...patch };
      for (const l of listeners) l(state, previous);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export type AppStore = Store<AppState>;

/** Subscribes a component to one slice of the state. */
export function useAppState<T>(store: AppStore, selector: (state: AppState) => T): T {
  return useSyncExternalStore(
    store.subscribe,
    () => selector(store.getState()),
    () => selector(store.getState()),
  );
}
