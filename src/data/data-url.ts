// Every data URL is relative to the page, so the site works from any sub-path
// (https://example.org/atlas/). Never a leading slash.

/** Absolute URL of a file under `data/` (a path from manifest.json). */
export function dataUrl(path: string, base: string = document.baseURI): string {
  return new URL(`data/${path.replace(/^\.?\//, '')}`, base).href;
}
