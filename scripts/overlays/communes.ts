// What the overlays need from the boundaries step's commune index
// (index/commune.json): parents at each level, population, bbox, postcodes.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface CommuneIndexEntry {
  code: string;
  name: string;
  parents: { epci: string; bv: string; departement: string; region: string };
  /** Populations légales; null if unknown (never 0). */
  population: number | null;
  bbox: [number, number, number, number];
  postcodes?: string[];
}

export function readCommuneIndex(outDir: string): CommuneIndexEntry[] {
  const file = path.join(outDir, 'index', 'commune.json');
  if (!existsSync(file)) throw new Error(`${file} is missing: the overlays step reads the commune index written by the boundaries step (run the whole build)`);
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { territories: CommuneIndexEntry[] };
  return parsed.territories;
}

export function unionBBox(boxes: ReadonlyArray<readonly [number, number, number, number]>): [number, number, number, number] | null {
  if (boxes.length === 0) return null;
  let [w, s, e, n] = boxes[0]!;
  for (const [bw, bs, be, bn] of boxes) {
    w = Math.min(w, bw);
    s = Math.min(s, bs);
    e = Math.max(e, be);
    n = Math.max(n, bn);
  }
  return [w, s, e, n];
}
