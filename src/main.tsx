// The entry: starts what the first view waits for — MapLibre's workers (a 520 KB
// module to fetch and compile on another core), the manifest, the catalogue and
// the linked indicator's values — then loads the application (React, panels),
// whose code arrives meanwhile.
import { prewarm, setWorkerUrl } from 'maplibre-gl';
// The bundled maplibre-gl looks for its worker beside the bundle: point it at the emitted file.
import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { prefetchLinkedData } from './prefetch.ts';

setWorkerUrl(maplibreWorkerUrl);
prewarm();
prefetchLinkedData(window.location.hash);
void import('./app-main.tsx');
