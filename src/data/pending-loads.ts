// Loads a user is waiting for (another indicator's values after a click or a
// link): no frame is drawn while they are on their way, yet the map is not
// idle in the user's eyes. The quiet map's deferred work (src/map/quiet.ts)
// waits for them rather than starting in the middle of the answer.

let pending = 0;

/** Counts `promise` as a load the user waits for until it settles; returns it. */
export function whileLoading<T>(promise: Promise<T>): Promise<T> {
  pending++;
  return promise.finally(() => {
    pending--;
  });
}

/** Whether a load the user waits for is on its way. */
export function loadsPending(): boolean {
  return pending > 0;
}
