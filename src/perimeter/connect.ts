// Creates the builder's session once per Atlas and wires it to the map: the
// layer module (outline, commune tint, lasso) and the gestures. Components
// get the session with `usePerimeterSession()`.
import { useContext } from 'react';
import { AtlasContext } from '../app/context.ts';
import type { Atlas } from '../app/atlas.ts';
import { attachPerimeterInteraction, attachUndoShortcuts } from './interaction.ts';
import { outlineCollection, perimeterLayer } from './layer.ts';
import { PerimeterSession, type PerimeterState } from './session.ts';

const sessions = new WeakMap<Atlas, PerimeterSession>();

declare global {
  interface Window {
    /** Read-only hook for browser tests: the builder's state. */
    __clsPerimeter?: { readonly state: PerimeterState; readonly session: PerimeterSession };
  }
}

export function perimeterSessionOf(atlas: Atlas): PerimeterSession {
  const existing = sessions.get(atlas);
  if (existing) return existing;
  const created = new PerimeterSession(atlas);
  sessions.set(atlas, created);

  const render = () => {
    const s = created.getState();
    const communes = s.active ? s.history.present.communes : [];
    perimeterLayer.setCommunes(communes);
    perimeterLayer.setOutline(
      outlineCollection({
        perimeter: s.active ? created.outlineOf(communes) : null,
        candidates: s.active ? s.candidates.map((c) => created.outlineOf(c.communes)) : [],
      }),
    );
  };
  created.store.subscribe((s, prev) => {
    if (s.history.present !== prev.history.present || s.candidates !== prev.candidates || s.active !== prev.active || s.dataVersion !== prev.dataVersion) render();
    // The builder's layer waits for a quiet map unless the builder is in use.
    if (s.active && !prev.active) atlas.controller?.installSoon(perimeterLayer);
  });
  // Gestures from the first view on (the layer's methods keep what they are given until it is installed).
  void atlas.ready.then(() => {
    const controller = atlas.controller;
    if (!controller) return;
    if (created.getState().active) controller.installSoon(perimeterLayer);
    attachPerimeterInteraction(controller.map, created, perimeterLayer);
  });
  perimeterLayer.whenInstalled(() => render());
  attachUndoShortcuts(created);
  if (typeof window !== 'undefined' && !window.__clsPerimeter) {
    Object.defineProperty(window, '__clsPerimeter', {
      value: Object.freeze({
        get state() {
          return created.getState();
        },
        session: created,
      }),
      configurable: false,
    });
  }
  return created;
}

export function usePerimeterSession(): PerimeterSession {
  const atlas = useContext(AtlasContext);
  if (!atlas) throw new Error('usePerimeterSession outside <AtlasContext.Provider>');
  return perimeterSessionOf(atlas);
}
