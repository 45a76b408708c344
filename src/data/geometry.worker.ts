// Decodes a level's TopoJSON files off the main thread and hands back the
// GeoJSON as a Blob: the main thread only makes a blob: URL of it, which
// MapLibre's own worker fetches, so the big object never crosses the main thread.
import { decodeTopologies, fetchTopology } from './geometry-decode.ts';

export interface GeometryRequest {
  readonly id: number;
  readonly urls: readonly string[];
}

export type GeometryResponse =
  | { readonly id: number; readonly ok: true; readonly blob: Blob; readonly features: number; readonly ms: number }
  | { readonly id: number; readonly ok: false; readonly error: string };

self.onmessage = async (event: MessageEvent<GeometryRequest>) => {
  const { id, urls } = event.data;
  const start = performance.now();
  try {
    const topologies = await Promise.all(urls.map(fetchTopology));
    const fc = decodeTopologies(topologies);
    const blob = new Blob([JSON.stringify(fc)], { type: 'application/geo+json' });
    const response: GeometryResponse = { id, ok: true, blob, features: fc.features.length, ms: performance.now() - start };
    self.postMessage(response);
  } catch (error) {
    const response: GeometryResponse = { id, ok: false, error: String(error) };
    self.postMessage(response);
  }
};
