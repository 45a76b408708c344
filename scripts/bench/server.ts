// A small static server for the browser bench: serves a built site under
// /atlas/ (like the test harness), with every compressible file gzipped at
// level 9 ahead of time (as `gzip_static` would), so the wire sizes and
// decode costs are those of a real deploy. Logs every request with its
// encoded (wire) size.
import { createServer, type Server } from 'node:http';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';

import { MIME_TYPES, SUB_PATH } from '../lib/static-site.ts';

const gzip = promisify(gzipCallback);

export { SUB_PATH };

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.geojson', '.svg', '.webmanifest', '.pbf']);

export interface RequestLog {
  /** Path below the sub-path, e.g. "data/geo/commune-metro.topo.json". */
  path: string;
  status: number;
  /** performance.now() of the server process when the request arrived. */
  at: number;
  /** Bytes of the body as sent (gzip when negotiated). */
  wireBytes: number;
  rawBytes: number;
  encoding: 'gzip' | 'identity';
}

interface Entry {
  raw: Buffer;
  gz: Buffer | null;
  type: string;
}

export interface BenchServer {
  readonly url: string;
  readonly log: RequestLog[];
  now(): number;
  close(): Promise<void>;
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...walk(full));
    else out.push(full);
  }
  return out;
}

export async function startServer(root: string): Promise<BenchServer> {
  const files = new Map<string, Entry>();
  await Promise.all(
    walk(root).map(async (full) => {
      const rel = relative(root, full).split(sep).join('/');
      const ext = extname(full).toLowerCase();
      const raw = readFileSync(full);
      const gz = COMPRESSIBLE.has(ext) && raw.length > 256 ? await gzip(raw, { level: 9 }) : null;
      files.set(rel, { raw, gz, type: MIME_TYPES[ext] ?? 'application/octet-stream' });
    }),
  );
  const log: RequestLog[] = [];
  const server: Server = createServer((req, res) => {
    const at = performance.now();
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (!path.startsWith(SUB_PATH)) {
      res.writeHead(404).end('outside sub-path');
      return;
    }
    let rel = path.slice(SUB_PATH.length);
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const entry = files.get(rel);
    if (!entry) {
      log.push({ path: rel, status: 404, at, wireBytes: 0, rawBytes: 0, encoding: 'identity' });
      res.writeHead(404).end('not found');
      return;
    }
    const acceptsGzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const useGzip = acceptsGzip && entry.gz !== null && entry.gz.length < entry.raw.length;
    const body = useGzip ? entry.gz! : entry.raw;
    log.push({ path: rel, status: 200, at, wireBytes: body.length, rawBytes: entry.raw.length, encoding: useGzip ? 'gzip' : 'identity' });
    res.writeHead(200, {
      'content-type': entry.type,
      'content-length': String(body.length),
      'cache-control': 'no-cache',
      vary: 'accept-encoding',
      ...(useGzip ? { 'content-encoding': 'gzip' } : {}),
    });
    res.end(body);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}${SUB_PATH}`,
    log,
    now: () => performance.now(),
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
