import { createContext, useContext } from 'react';
import type { Atlas } from './atlas.ts';
import { useAppState } from './store.ts';
import type { AppState } from './store.ts';

export const AtlasContext = createContext<Atlas | null>(null);

export function useAtlas(): Atlas {
  const atlas = useContext(AtlasContext);
  if (!atlas) throw new Error('useAtlas outside <AtlasContext.Provider>');
  return atlas;
}

/** A slice of the app state, re-rendering only when it changes. */
export function useAtlasState<T>(selector: (state: AppState) => T): T {
  return useAppState(useAtlas().store, selector);
}
