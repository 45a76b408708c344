// Serialisation: compact JSON, sizes raw and gzip (level 9, as served).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface WrittenFile {
  /** Relative to the output root (data/). */
  url: string;
  bytes: number;
  gzipBytes: number;
}

export function serialise(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value), 'utf8');
}

export function gzipSize(bytes: Buffer): number {
  return gzipSync(bytes, { level: 9 }).length;
}

export function writeJsonFile(outDir: string, url: string, value: unknown): WrittenFile {
  const bytes = serialise(value);
  const file = path.join(outDir, url);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, bytes);
  return { url, bytes: bytes.length, gzipBytes: gzipSize(bytes) };
}
