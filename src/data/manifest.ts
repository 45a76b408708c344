import type { Manifest } from './types.ts';
import { dataUrl } from './data-url.ts';

let manifestPromise: Promise<Manifest> | null = null;

/** manifest.json, fetched once. */
export function loadManifest(): Promise<Manifest> {
  manifestPromise ??= fetch(dataUrl('manifest.json')).then(async (res) => {
    if (!res.ok) throw new Error(`manifest.json: HTTP ${res.status}`);
    return (await res.json()) as Manifest;
  });
  return manifestPromise;
}
