// When the map has gone quiet: work the first view does not need (place names,
// the highlight and perimeter sources, the DROM insets, the supra indexes) waits
// for a pause in the map's frames (and in the app's state changes) rather than
// starting at its first idle. A user who acts at once (a shared link, then
// another indicator) gets the answer first: on machines that draw in software
// each extra frame costs ~100 ms.

/** The part of a MapLibre map this needs (a fake in the unit tests). */
export interface FrameSource {
  on(event: 'render', listener: () => void): unknown;
  off(event: 'render', listener: () => void): unknown;
}

/**
 * Other signs that the user asked for something the map has not drawn yet (a
 * change of the app's state: another indicator whose values are on their way
 * makes no frame until they arrive). Subscribes a listener; returns its
 * unsubscribe.
 */
export type ActivitySource = (listener: () => void) => () => void;

/** No frame for this long: nothing the user asked for is being drawn. */
export const QUIET_MS = 400;
/** The longest wait: a map that never stops drawing (a long flight) still gets its place names. */
export const QUIET_MAX_MS = 4000;

/**
 * Resolves once `map` has drawn no frame and `activity` reported nothing for
 * `quietMs` (counted from the call and from every frame or activity since), or
 * after `maxMs` whatever happens.
 */
export function whenQuiet(map: FrameSource, quietMs = QUIET_MS, maxMs = QUIET_MAX_MS, activity?: ActivitySource): Promise<void> {
  return new Promise((resolve) => {
    let timer: ReturnType<typeof setTimeout>;
    let stopActivity: () => void = () => undefined;
    const done = () => {
      clearTimeout(timer);
      clearTimeout(cap);
      map.off('render', onFrame);
      stopActivity();
      resolve();
    };
    const onFrame = () => {
      clearTimeout(timer);
      timer = setTimeout(done, quietMs);
    };
    const cap = setTimeout(done, maxMs);
    map.on('render', onFrame);
    if (activity) stopActivity = activity(onFrame);
    onFrame();
  });
}
