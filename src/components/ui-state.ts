// Transient layout state of the published map (never in the URL): which
// bottom sheet is how far open on a phone, whether the indicator side bar is
// folded, which dialog is open. One store for the page.
import { useSyncExternalStore } from 'react';
import { createStore } from '../app/store.ts';

export type SheetId = 'indicator' | 'territory' | 'perimeter' | 'portrait' | 'table';
/** peek = only the handle shows; half = half the map; full = nearly all of it. */
export type SheetSize = 'peek' | 'half' | 'full';
export type DialogId = 'about' | 'share' | 'export' | null;

export interface UiState {
  readonly sheets: Readonly<Record<SheetId, SheetSize>>;
  /** null = automatic (folded while a wide panel is open on a laptop), else the user's choice. */
  readonly sidebarFolded: boolean | null;
  readonly tableOpen: boolean;
  readonly dialog: DialogId;
}

export const uiStore = createStore<UiState>({
  sheets: { indicator: 'peek', territory: 'half', perimeter: 'half', portrait: 'half', table: 'full' },
  sidebarFolded: null,
  tableOpen: false,
  dialog: null,
});

export function useUi<T>(selector: (s: UiState) => T): T {
  return useSyncExternalStore(
    uiStore.subscribe,
    () => selector(uiStore.getState()),
    () => selector(uiStore.getState()),
  );
}

export function setSheet(id: SheetId, size: SheetSize): void {
  uiStore.setState((s) => ({ sheets: { ...s.sheets, [id]: size } }));
}

const ORDER: readonly SheetSize[] = ['peek', 'half', 'full'];

/** One step up (dy < 0) or down (dy > 0) from `size`. */
export function stepSheet(size: SheetSize, direction: 1 | -1): SheetSize {
  const i = ORDER.indexOf(size) - direction;
  return ORDER[Math.max(0, Math.min(ORDER.length - 1, i))]!;
}

/** Matches a media query, re-rendering when it flips. */
export function useMedia(query: string): boolean {
  return useSyncExternalStore(
    (notify) => {
      const mq = window.matchMedia(query);
      mq.addEventListener('change', notify);
      return () => mq.removeEventListener('change', notify);
    },
    () => window.matchMedia(query).matches,
    () => false,
  );
}

/** Phones and tablets in portrait: panels become bottom sheets. */
export const SHEET_MEDIA = '(max-width: 48em)';
