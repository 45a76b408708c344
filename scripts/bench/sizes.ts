// Section 2: bytes of every built data file, raw / gzip (zlib level 9) /
// brotli (quality 11, what a precompressing static host would serve),
// grouped as the viewer loads them.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export interface FileSize {
  /** Relative to the data dir, '/' separated. */
  file: string;
  group: string;
  raw: number;
  gzip: number;
  brotli: number;
}

export interface GroupSize {
  group: string;
  files: number;
  raw: number;
  gzip: number;
  brotli: number;
}

export interface SizeReport {
  dataDir: string;
  files: FileSize[];
  groups: GroupSize[];
  total: GroupSize;
}

/** geo/{level}-{zone}.topo.json → "geometry: level", tiles/{level}/{z}/… → "tiles: level zZ"; then the data/ sub-folders. */
export function groupOf(file: string): string {
  const geo = /^geo\/([a-z]+)-[0-9a-z]+\.topo\.json$/.exec(file);
  if (geo) return `geometry: ${geo[1]}`;
  const tile = /^tiles\/([a-z]+)\/(\d+)\//.exec(file);
  if (tile) return `tiles: ${tile[1]} z${tile[2]!.padStart(2, '0')}`;
  const top = file.split('/')[0]!;
  if (top === 'index') return 'indexes';
  if (top === 'indicators') return file === 'indicators/catalogue.json' ? 'indicators: catalogue' : 'indicators: values';
  if (top === 'overlays') return 'overlays';
  return file.includes('/') ? top : 'manifest';
}

function walk(dir: string, base = dir): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...walk(full, base));
    else out.push(path.relative(base, full).split(path.sep).join('/'));
  }
  return out;
}

export function compressedSizes(bytes: Buffer): { gzip: number; brotli: number } {
  return {
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      },
    }).length,
  };
}

export function measureSizes(dataDir: string): SizeReport {
  const files = walk(dataDir).map((file): FileSize => {
    const bytes = readFileSync(path.join(dataDir, file));
    return { file, group: groupOf(file), raw: bytes.length, ...compressedSizes(bytes) };
  });
  const byGroup = new Map<string, GroupSize>();
  for (const f of files) {
    const g = byGroup.get(f.group) ?? { group: f.group, files: 0, raw: 0, gzip: 0, brotli: 0 };
    g.files += 1;
    g.raw += f.raw;
    g.gzip += f.gzip;
    g.brotli += f.brotli;
    byGroup.set(f.group, g);
  }
  const groups = [...byGroup.values()].sort((a, b) => a.group.localeCompare(b.group));
  const total = groups.reduce<GroupSize>(
    (t, g) => ({ group: 'total', files: t.files + g.files, raw: t.raw + g.raw, gzip: t.gzip + g.gzip, brotli: t.brotli + g.brotli }),
    { group: 'total', files: 0, raw: 0, gzip: 0, brotli: 0 },
  );
  return { dataDir, files, groups, total };
}
