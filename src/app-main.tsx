// The application: React, the atlas and its features (loaded by src/main.tsx).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'maplibre-gl/dist/maplibre-gl.css';
import './styles/app.css';
import { App } from './App.tsx';
import { Atlas } from './app/atlas.ts';
import { installTestHook } from './app/test-hook.ts';
import { startDsfr } from './app/dsfr.ts';
import { FEATURES } from './features.ts';

const atlas = new Atlas(window.location.hash, FEATURES);
installTestHook(atlas);

// The design system's script (modals, accordions, toggles) is needed at the first
// click, not for the first view: its module, start and scan of the page cost
// ~15 ms of main thread (A/B of 20 alternated cold loads: 624 → 606 ms). Started
// once the map is quiet, not at its first idle (a user who acts at once, a shared
// link then another indicator, would wait for it too), or at the first key or
// pointer press, or when the map failed. A modal asked for sooner waits for it
// (src/app/dsfr.ts).
const startOnFirstUse = () => void startDsfr();
for (const type of ['pointerdown', 'keydown'] as const) window.addEventListener(type, startOnFirstUse, { capture: true, once: true, passive: true });
const mapFailed = new Promise<void>((resolve) => atlas.ready.catch(() => resolve()));
void Promise.race([atlas.quiet, mapFailed]).then(() => startDsfr());

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App atlas={atlas} />
  </StrictMode>,
);
