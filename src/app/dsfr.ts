// The design system's script (modals, accordions, toggles): started once,
// after the first view (src/app-main.tsx) or at the first sign of use. A modal
// asked for before it runs (a file dropped, a button pressed at once) is opened
// as soon as it has bound the modal, instead of failing.
import { startReactDsfr } from '@codegouvfr/react-dsfr/spa';
import { prDsfrLoaded } from '@codegouvfr/react-dsfr/start';

let started = false;

/** Starts the design system's script (once); resolves when it is loaded and started. */
export function startDsfr(): Promise<void> {
  if (!started) {
    started = true;
    startReactDsfr({ defaultColorScheme: 'light' });
  }
  return prDsfrLoaded;
}

type DsfrApi = (element: Element) => { modal?: unknown } | undefined;

/** Whether the script has bound the modal `id` (its own listeners then open it from its buttons). */
export function isModalBound(id: string): boolean {
  const element = document.getElementById(id);
  const dsfr = (window as unknown as { dsfr?: DsfrApi }).dsfr;
  return !!element && typeof dsfr === 'function' && !!dsfr(element)?.modal;
}

/** The longest wait for the script to bind a modal once started (it scans the page at its next frames). */
const BIND_WAIT_MS = 2000;

/** Opens a react-dsfr modal, starting the script first if need be. */
export async function openModal(modal: { readonly id: string; open(): void }): Promise<void> {
  await startDsfr();
  const until = performance.now() + BIND_WAIT_MS;
  while (!isModalBound(modal.id) && performance.now() < until) await new Promise((resolve) => requestAnimationFrame(resolve));
  modal.open();
}
