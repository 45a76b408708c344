// The design system's script (modals, accordions, toggles): started once,
// after the first view (src/app-main.tsx) or at the first sign of use. A modal
// asked for before it runs (a file dropped, a button pressed at once) is opened
// as soon as it has bound the modal, instead of failing; if the script cannot
// be had, the modal says so rather than waiting for ever.
import { startReactDsfr } from '@codegouvfr/react-dsfr/spa';
import { prDsfrLoaded } from '@codegouvfr/react-dsfr/start';
import { LoadFailed, loadedWithin, type FailureSignal } from './load-within.ts';

let started = false;

/** Starts the design system's script (once); resolves when it is loaded and started. */
export function startDsfr(): Promise<void> {
  if (!started) {
    started = true;
    startReactDsfr({ defaultColorScheme: 'light' });
  }
  return prDsfrLoaded;
}

// react-dsfr imports the script's module without handling a failure (its promise then never
// settles); Vite reports every failed dynamic import with a `vite:preloadError` event.
let failure: string | null = null;
const reporters = new Set<(reason: string) => void>();
if (typeof window !== 'undefined') {
  window.addEventListener('vite:preloadError', (event) => {
    const payload = (event as Event & { payload?: unknown }).payload;
    const reason = payload instanceof Error ? payload.message : String(payload);
    if (!/dsfr\.module/.test(reason)) return;
    failure = reason;
    for (const report of reporters) report(reason);
  });
}
const dsfrFailures: FailureSignal = (report) => {
  if (failure) report(failure);
  reporters.add(report);
  return () => reporters.delete(report);
};

/** The longest wait for the script once asked for (28 KB: seconds even on a slow connection). */
const LOAD_WAIT_MS = 15_000;

type DsfrApi = (element: Element) => { modal?: unknown } | undefined;

/** Whether the script has bound the modal `id` (its own listeners then open it from its buttons). */
export function isModalBound(id: string): boolean {
  const element = document.getElementById(id);
  const dsfr = (window as unknown as { dsfr?: DsfrApi }).dsfr;
  return !!element && typeof dsfr === 'function' && !!dsfr(element)?.modal;
}

/** The longest wait for the script to bind a modal once started (it scans the page at its next frames). */
const BIND_WAIT_MS = 2000;

/**
 * Opens a react-dsfr modal, starting the script first if need be. Rejects with
 * `LoadFailed` when the script's file failed, did not come within 15 s, or did
 * not bind the modal.
 */
export async function openModal(modal: { readonly id: string; open(): void }): Promise<void> {
  await loadedWithin(startDsfr(), LOAD_WAIT_MS, dsfrFailures);
  const until = performance.now() + BIND_WAIT_MS;
  while (!isModalBound(modal.id) && performance.now() < until) await new Promise((resolve) => requestAnimationFrame(resolve));
  if (!isModalBound(modal.id)) throw new LoadFailed(`modal ${modal.id} not bound`);
  modal.open();
}

export { LoadFailed };
