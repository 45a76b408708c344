// When the map has gone quiet: work the first view does not need (place names,
// the highlight and perimeter sources, the DROM insets) waits
// for a pause in the map's frames (with no data the user asked for on its way)
// rather than starting at its first idle. A user who acts at once (a shared link, then
// another indicator) gets the answer first: on machines that draw in software
// each extra frame costs ~100 ms.

/** The part of a MapLibre map this needs (a fake in the unit tests). */
export interface FrameSource {
  on(event: 'render', listener: () => void): unknown;
  off(event: 'render', listener: () => void): unknown;
}

/** No frame for this long: nothing the user asked for is being drawn. */
export const QUIET_MS = 400;
/**
 * The longest wait: a map that never stops drawing still gets its place names.
 * Not shorter: someone who acts without a 400 ms pause (a script, a bench's
 * back-to-back steps) would get the deferred work in the middle of an answer.
 */
export const QUIET_MAX_MS = 15_000;

/**
 * Resolves once `map` has drawn no frame for `quietMs` (counted from the call
 * and from every frame since) and nothing is `busy` (data the user asked for,
 * on its way: no frame until it comes), or after `maxMs` whatever happens.
 */
export function whenQuiet(map: FrameSource, quietMs = QUIET_MS, maxMs = QUIET_MAX_MS, busy: () => boolean = () => false): Promise<void> {
  return new Promise((resolve) => {
    let timer: ReturnType<typeof setTimeout>;
    const done = () => {
      clearTimeout(timer);
      clearTimeout(cap);
      map.off('render', onFrame);
      resolve();
    };
    const expire = () => {
      if (busy()) timer = setTimeout(expire, quietMs);
      else done();
    };
    const onFrame = () => {
      clearTimeout(timer);
      timer = setTimeout(expire, quietMs);
    };
    const cap = setTimeout(done, maxMs);
    map.on('render', onFrame);
    onFrame();
  });
}
