// React access to the indicator service (one per app store) and to slices of
// its small view state. Big data stays in the service; components ask it for
// one value at a time (valueOf, rankOf, valueAt).
import { useSyncExternalStore } from 'react';
import { useAtlas } from '../app/context.ts';
import { indicatorServiceFor, type IndicatorService, type IndicatorViewState } from './indicator-service.ts';

export function useIndicatorService(): IndicatorService {
  return indicatorServiceFor(useAtlas().store);
}

export function useIndicatorView<T>(selector: (view: IndicatorViewState) => T): T {
  const service = useIndicatorService();
  return useSyncExternalStore(
    service.view.subscribe,
    () => selector(service.view.getState()),
    () => selector(service.view.getState()),
  );
}
