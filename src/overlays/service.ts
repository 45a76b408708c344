// The overlays' services, created once for the page: the data loaders and
// the map module (installed through src/layers/registry.ts). Components read
// them through the hooks below.
import { useEffect, useState } from 'react';
import { loadManifest } from '../data/manifest.ts';
import { createOverlayData, type OverlayData } from './data.ts';
import { OverlayMapModule } from './map-overlays.ts';

export const overlayData: OverlayData = createOverlayData(loadManifest);
export const overlayMapModule = new OverlayMapModule(overlayData);

export type Resource<T> = { readonly state: 'loading' } | { readonly state: 'ready'; readonly value: T } | { readonly state: 'error'; readonly error: string };

/** The result of a memoised loader, for a component (loaders fetch once, so every caller shares it). */
export function useResource<T>(load: (() => Promise<T>) | null): Resource<T> {
  const [resource, setResource] = useState<{ load: (() => Promise<T>) | null; value: Resource<T> }>({ load, value: { state: 'loading' } });
  useEffect(() => {
    if (!load) return;
    let live = true;
    load().then(
      (value) => live && setResource({ load, value: { state: 'ready', value } }),
      (error: unknown) => live && setResource({ load, value: { state: 'error', error: error instanceof Error ? error.message : String(error) } }),
    );
    return () => {
      live = false;
    };
  }, [load]);
  return resource.load === load ? resource.value : { state: 'loading' };
}
