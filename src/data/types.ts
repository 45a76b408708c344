// Viewer-side types of the built data (docs/data-format.md is the contract).
import type { Level, SupraLevel, Zone } from '../lib/levels.ts';

export interface SourceCredit {
  readonly id: string;
  readonly producer: string;
  readonly title: string;
  readonly licence: string;
  readonly vintage: string;
  readonly url?: string | null;
  readonly homepage?: string | null;
}

export interface GeometryFile {
  readonly zone: Zone;
  /** Relative to `data/`. */
  readonly url: string;
  readonly bytes?: number;
  readonly gzipBytes?: number;
  readonly features?: number;
}

/** Pre-cut vector tiles of a level (the commune level): an XYZ folder. */
export interface TileSetEntry {
  /** URL template relative to `data/`, e.g. `tiles/commune/{z}/{x}/{y}.pbf`. */
  readonly url: string;
  readonly minzoom: number;
  readonly maxzoom: number;
  readonly bounds: BBox;
  /** The source layer; each feature has a `code` property. */
  readonly layer: string;
  readonly tiles?: number;
  readonly bytes?: number;
  readonly gzipBytes?: number;
}

export interface Manifest {
  readonly version: number;
  readonly cog: string;
  readonly sources: readonly SourceCredit[];
  readonly geometry: Readonly<Record<Level, readonly GeometryFile[]>>;
  readonly index: Readonly<Record<Level, string>>;
  /** Levels drawn from pre-cut vector tiles (the TopoJSON stays for the perimeter builder). */
  readonly tiles?: Readonly<Partial<Record<Level, TileSetEntry>>>;
  /** Feature entries (indicators, overlays); the viewer core ignores them. */
  readonly indicators?: string;
  readonly overlays?: unknown;
}

/** [west, south, east, north], WGS84. */
export type BBox = readonly [number, number, number, number];

export interface TerritoryRecord {
  readonly code: string;
  readonly name: string;
  readonly level: Level;
  readonly parents: Partial<Record<SupraLevel, string>>;
  readonly population: number | null;
  readonly areaKm2: number | null;
  readonly bbox: BBox;
  readonly postcodes?: readonly string[];
  readonly communes?: number;
  readonly noEpci?: boolean;
}

/** `index/{level}.json`: the build's own copy, as objects (the viewer reads `{level}.columns.json`). */
export interface TerritoryIndexFile {
  readonly level: Level;
  readonly territories: readonly TerritoryRecord[];
}
