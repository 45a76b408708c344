// Side panels whose code the first view never runs (the perimeter builder, the
// finder, the bivariate map): each is fetched when first opened, and all are
// asked for once the map is quiet (`prefetchLazyPanels`), so that opening one
// stays immediate.
import { lazy, Suspense, type ComponentType } from 'react';
import { fr } from '../i18n/fr.ts';

const loaders: (() => Promise<unknown>)[] = [];

export function lazyPanel<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let pending: Promise<{ default: ComponentType<P> }> | null = null;
  // A failed fetch (offline, a new deployment) is asked again next time rather than kept.
  const get = () =>
    (pending ??= load().then(
      (component) => ({ default: component }),
      (error: unknown) => {
        pending = null;
        throw error;
      },
    ));
  loaders.push(get);
  const Panel = lazy(get);
  return function LazyPanel(props: P) {
    return (
      <Suspense
        fallback={
          <aside className="atlas-panel" aria-busy="true">
            <p className="fr-text--sm" role="status">
              {fr.app.panelLoading}
            </p>
          </aside>
        }
      >
        <Panel {...props} />
      </Suspense>
    );
  };
}

/** Fetches every lazy panel's code (errors are left for the panel's own opening). */
export async function prefetchLazyPanels(): Promise<void> {
  await Promise.allSettled(loaders.map((load) => load()));
}
