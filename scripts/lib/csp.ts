// The Content-Security-Policy the atlas ships with (docs/security.md): only
// our own origin, no inline script, no eval, no remote host. Written into the
// built index.html as a <meta> tag (vite.config.ts) and meant to be sent as an
// HTTP header too, where the host allows it (the header also covers the
// workers and can forbid framing, which a <meta> tag cannot).
//
// Why each source beyond 'self':
// - style-src 'unsafe-inline': MapLibre and the DSFR set `style` attributes
//   on their elements (marker positions, the map canvas size, collapsible
//   heights); no CSS is loaded from elsewhere.
// - img-src data: — the DSFR stylesheet inlines small SVG icons as data: URIs,
//   and the printable portrait shows a still image of the map as a data: URL.
// - connect-src blob: — the supra-communal geometry is decoded in our worker
//   and handed to MapLibre's worker as a blob: URL, so the big object never
//   crosses the main thread. A blob: URL can only be made by our own scripts
//   (it carries our origin), so this opens no channel to anyone else. Under a
//   host policy without it, the map reads the blob itself (slower, still drawn).
// - worker-src 'self': our geometry and CSV workers and MapLibre's worker
//   (`setWorkerUrl` to the bundled same-origin file, never a blob: worker).
export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'", 'blob:'],
  'worker-src': ["'self'"],
  'manifest-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
};

/** Directives a <meta> tag cannot carry (browsers ignore them there): header only. */
export const CSP_HEADER_ONLY: Readonly<Record<string, readonly string[]>> = {
  'frame-ancestors': ["'none'"],
};

const join = (directives: Readonly<Record<string, readonly string[]>>) =>
  Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');

/** The policy as written in the <meta http-equiv> tag. */
export const CSP_META = join(CSP_DIRECTIVES);

/** The policy as an HTTP `Content-Security-Policy` header. */
export const CSP_HEADER = join({ ...CSP_DIRECTIVES, ...CSP_HEADER_ONLY });
