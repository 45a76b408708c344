// React access to the finder service (one per app store) and its view state.
import { useSyncExternalStore } from 'react';
import { useAtlas } from '../app/context.ts';
import { finderServiceFor, type FinderService, type FinderView } from './service.ts';

export function useFinderService(): FinderService {
  const atlas = useAtlas();
  return finderServiceFor(atlas.store, (level) => atlas.setLevel(level));
}

export function useFinderView<T>(selector: (view: FinderView) => T): T {
  const service = useFinderService();
  return useSyncExternalStore(
    service.view.subscribe,
    () => selector(service.view.getState()),
    () => selector(service.view.getState()),
  );
}
