// Set by an Alt + arrow move on the map: the territory panel then leaves the
// focus on the map, so the next arrow moves again (the change is announced).
let keyboardMovePending = false;

export function markMapKeyboardMove(): void {
  keyboardMovePending = true;
}

/** Whether the last selection came from an Alt + arrow move on the map (read once). */
export function consumeMapKeyboardMove(): boolean {
  const pending = keyboardMovePending;
  keyboardMovePending = false;
  return pending;
}
