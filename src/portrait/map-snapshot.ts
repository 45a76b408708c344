// A still image of the map for the printed portrait. WebGL clears its
// drawing buffer after each frame unless the map was created with
// preserveDrawingBuffer (costly on every frame), so we read the canvas
// inside a 'render' event, while the frame is still in the buffer.

/** The part of a MapLibre map this needs (kept structural for tests). */
export interface SnapshotSource {
  getCanvas(): HTMLCanvasElement;
  once(type: 'render', listener: () => void): unknown;
  triggerRepaint(): void;
}

/** Resolves with a PNG data URL, or null if the canvas cannot be read (tainted, lost context, timeout). */
export function captureMapSnapshot(map: SnapshotSource, timeoutMs = 2000): Promise<string | null> {
  return new Promise((resolve) => {
    let done = false;
    const finish = (url: string | null) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve(url);
    };
    const timer = setTimeout(() => finish(null), timeoutMs);
    map.once('render', () => {
      try {
        const url = map.getCanvas().toDataURL('image/png');
        // An empty canvas gives the bare "data:," prefix.
        finish(url.length > 'data:image/png;base64,'.length + 100 ? url : null);
      } catch {
        finish(null);
      }
    });
    map.triggerRepaint();
  });
}
