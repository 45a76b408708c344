// The one JSON writer of the build: compact JSON (insertion order, or keys
// sorted at every depth), sizes raw and gzip (level 9, as served). The same
// inputs give the same bytes.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface WrittenFile {
  /** Relative to the output root (data/). */
  url: string;
  bytes: number;
  gzipBytes: number;
}

/**
 * JSON with object keys sorted at every depth, written by hand: JS objects put
 * integer-like keys ("75056") before others ("01001"), whatever the insertion
 * order. The same inputs give the same bytes.
 */
export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : stableStringify(v))).join(',')}]`;
  const entries = Object.keys(value)
    .sort()
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .map((k) => `${JSON.stringify(k)}:${stableStringify((value as Record<string, unknown>)[k])}`);
  return `{${entries.join(',')}}`;
}

export interface JsonWriteOptions {
  /** Sort object keys at every depth (values keyed by code, whose insertion order is not stable). */
  readonly sortKeys?: boolean;
}

export function serialise(value: unknown, options: JsonWriteOptions = {}): Buffer {
  return Buffer.from(options.sortKeys ? stableStringify(value) : JSON.stringify(value), 'utf8');
}

export function gzipSize(bytes: Buffer): number {
  return gzipSync(bytes, { level: 9 }).length;
}

/** Writes `value` to `file` (folders created), returns the bytes written. */
export function writeJson(file: string, value: unknown, options: JsonWriteOptions = {}): Buffer {
  const bytes = serialise(value, options);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, bytes);
  return bytes;
}

/** Writes `value` at `url` under `outDir`, with its sizes for the build report. */
export function writeJsonFile(outDir: string, url: string, value: unknown, options: JsonWriteOptions = {}): WrittenFile {
  const bytes = writeJson(path.join(outDir, url), value, options);
  return { url, bytes: bytes.length, gzipBytes: gzipSize(bytes) };
}
