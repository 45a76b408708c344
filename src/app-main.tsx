// The application: React, the atlas and its features (loaded by src/main.tsx).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startReactDsfr } from '@codegouvfr/react-dsfr/spa';
import 'maplibre-gl/dist/maplibre-gl.css';
import './styles/app.css';
import { App } from './App.tsx';
import { Atlas } from './app/atlas.ts';
import { installTestHook } from './app/test-hook.ts';
import { FEATURES } from './features.ts';

startReactDsfr({ defaultColorScheme: 'light' });

const atlas = new Atlas(window.location.hash, FEATURES);
installTestHook(atlas);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App atlas={atlas} />
  </StrictMode>,
);
