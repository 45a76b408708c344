import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startReactDsfr } from '@codegouvfr/react-dsfr/spa';
import { prewarm, setWorkerUrl } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
// The bundled maplibre-gl looks for its worker beside the bundle: point it at the emitted file.
import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import './styles/app.css';
import { App } from './App.tsx';
import { Atlas } from './app/atlas.ts';
import { installTestHook } from './app/test-hook.ts';
import { FEATURES } from './features.ts';

setWorkerUrl(maplibreWorkerUrl);
// Start MapLibre's workers (a 520 KB module to fetch and compile) now, in parallel with React, not when the map is created.
prewarm();
startReactDsfr({ defaultColorScheme: 'light' });

const atlas = new Atlas(window.location.hash, FEATURES);
installTestHook(atlas);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App atlas={atlas} />
  </StrictMode>,
);
