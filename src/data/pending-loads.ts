// What a user is waiting for: another indicator's values on their way after a
// click or a link, then the frame that draws them. No frame is drawn meanwhile,
// yet the map is not idle in the user's eyes: the quiet map's deferred work
// (src/map/quiet.ts) waits for them rather than starting in the middle of the
// answer.

let pending = 0;

/** Counts `promise` as something the user waits for until it settles; returns it. */
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
