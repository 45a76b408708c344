// The entry: asks at once for what the first view waits for — the application
// (React, panels), MapLibre and its workers (a 520 KB module compiled on another
// core), the manifest, the catalogue and the linked indicator's values — so that
// they all arrive together rather than one after the other.
import { prefetchLinkedData } from './prefetch.ts';

prefetchLinkedData(window.location.hash);
void import('./maplibre-start.ts').then(({ startMaplibre }) => startMaplibre());
void import('./app-main.tsx');
