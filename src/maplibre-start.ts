// MapLibre's workers, started before the application creates the map.
import { prewarm, setWorkerUrl } from 'maplibre-gl';
// The bundled maplibre-gl looks for its worker beside the bundle: point it at the emitted file.
import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

export function startMaplibre(): void {
  setWorkerUrl(maplibreWorkerUrl);
  prewarm();
}
