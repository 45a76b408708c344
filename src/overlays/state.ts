// Transient UI state of the overlays that the URL does not carry: the open
// contract card (the ids under the click, the one shown) and each overlay's
// load status. Which overlays are on lives in the app state (URL field `ov`).
import { useSyncExternalStore } from 'react';
import { createStore, type Store } from '../app/store.ts';
import type { OverlayId } from './overlay-ids.ts';
import type { OverlayStatus } from './map-overlays.ts';
import { CONTRACT_STATUSES, type ContractStatus } from '../lib/contracts.ts';
import { overlayMapModule } from './service.ts';

export interface OverlayUiState {
  /** Contracts under the last click (top first), or the one opened from a list. */
  readonly cardIds: readonly string[];
  /** Index in cardIds of the contract shown; the card is closed when cardIds is empty. */
  readonly cardIndex: number;
  readonly status: Readonly<Partial<Record<OverlayId, OverlayStatus>>>;
  /** Contract statuses shown on the map (the legend's filter), in life-cycle order. */
  readonly contractStatuses: readonly ContractStatus[];
}

export const overlayUi: Store<OverlayUiState> = createStore<OverlayUiState>({ cardIds: [], cardIndex: 0, status: {}, contractStatuses: CONTRACT_STATUSES });

/** Shows or hides the perimeters of one status. */
export function toggleContractStatus(status: ContractStatus, shown: boolean): void {
  overlayUi.setState((s) => ({
    contractStatuses: CONTRACT_STATUSES.filter((x) => (x === status ? shown : s.contractStatuses.includes(x))),
  }));
}

export function useOverlayUi<T>(selector: (state: OverlayUiState) => T): T {
  return useSyncExternalStore(
    overlayUi.subscribe,
    () => selector(overlayUi.getState()),
    () => selector(overlayUi.getState()),
  );
}

export function openContractCard(ids: readonly string[], index = 0): void {
  overlayUi.setState({ cardIds: [...ids], cardIndex: Math.max(0, Math.min(index, ids.length - 1)) });
}

export function closeContractCard(): void {
  overlayUi.setState({ cardIds: [], cardIndex: 0 });
}

/** The contract whose card is open, or null. */
export function openContractId(state: OverlayUiState): string | null {
  return state.cardIds[state.cardIndex] ?? null;
}

// Map → UI: clicks on perimeters open the card, load statuses reach the toggles.
overlayMapModule.on('contractclick', (ids) => openContractCard(ids));
overlayMapModule.on('status', (status) => overlayUi.setState((s) => ({ status: { ...s.status, [status.id]: status } })));
// UI → map: highlight the perimeter of the open card.
overlayUi.subscribe((state, previous) => {
  const id = openContractId(state);
  if (id !== openContractId(previous)) overlayMapModule.setSelectedContract(id);
  if (state.contractStatuses !== previous.contractStatuses) overlayMapModule.setContractStatuses(state.contractStatuses);
});
