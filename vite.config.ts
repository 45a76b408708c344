import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { CSP_META } from './scripts/lib/csp.ts';
import { maplibrePatchDepsPlugin, maplibrePatchPlugin } from './scripts/lib/maplibre-patch.ts';

// The Content-Security-Policy goes into the built page only: the dev server
// injects inline scripts (React refresh) that the policy rightly refuses.
const cspMeta: Plugin = {
  name: 'cls-atlas-csp',
  apply: 'build',
  transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP_META }, injectTo: 'head-prepend' }],
};

// The first view's text faces, asked for with the page rather than when the
// first layout finds them (each late face is one more layout). Injected here,
// not written in index.html: react-dsfr's copy-dsfr-to-public (run at every
// install) appends `?v=…` to the page's DSFR links, and a preload whose URL
// differs from the stylesheet's is wasted (the face is fetched twice).
const FIRST_VIEW_FACES = ['Marianne-Regular', 'Marianne-Bold', 'Marianne-Medium'];
const fontPreloads: Plugin = {
  name: 'cls-atlas-font-preloads',
  transformIndexHtml: () =>
    FIRST_VIEW_FACES.map((face) => ({
      tag: 'link',
      attrs: { rel: 'preload', href: `./dsfr/fonts/${face}.woff2`, as: 'font', type: 'font/woff2', crossorigin: 'anonymous' },
      injectTo: 'head' as const,
    })),
};

// `base: './'` keeps every URL relative, so the built site works from any
// web server and any sub-path (https://example.org/atlas/).
export default defineConfig({
  base: './',
  plugins: [react(), cspMeta, fontPreloads, maplibrePatchPlugin()],
  // The dev server pre-bundles MapLibre past the plugins above: the fix goes into that bundle too.
  optimizeDeps: { rolldownOptions: { plugins: [maplibrePatchDepsPlugin()] } },
  build: { outDir: 'dist', chunkSizeWarningLimit: 2000 },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.{ts,tsx}'], environment: 'node' },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 300_000,
          hookTimeout: 600_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          // Each wait inside a test is on a condition (at most WAIT_MS, tests/browser/harness.ts);
          // a test chains several on a shared, loaded 2-core machine.
          testTimeout: 300_000,
          hookTimeout: 300_000,
          expect: { poll: { timeout: 90_000, interval: 250 } },
          // One Chromium at a time: 2 cores, software WebGL.
          fileParallelism: false,
        },
      },
    ],
  },
});
