// Shapes shared by the boundaries steps. The published index format is the
// contract of docs/data-format.md; keep both in sync.
import type { Level, SupraLevel, Zone } from '../../src/lib/levels.ts';

export type BBox = [west: number, south: number, east: number, north: number];

/** A commune polygon as read from the geometry source, code normalised. */
export interface CommuneShape {
  code: string;
  zone: Zone;
  /** Area in m²: the source's AREA, or computed on the sphere where missing. */
  areaM2: number;
  areaComputed: boolean;
  /** Area of the polygon itself (m²): far below areaM2 when the source's simplification degraded it. */
  geometryAreaM2: number;
  bbox: BBox;
  geometry: GeoJSON.Polygon | GeoJSON.MultiPolygon;
}

/** Per-commune facts from the populations légales package. */
export interface CommuneFacts {
  name: string;
  population: number | null;
  postcodes: string[];
}

/** What a commune belongs to at each supra level (from the COG tables). */
export interface CommuneMembership {
  code: string;
  name: string;
  zone: Zone;
  /** EPCI-level territory: the SIREN, or the commune's own code when it has no EPCI. */
  epci: string;
  noEpci: boolean;
  bv: string;
  departement: string;
  region: string;
}

/** One entry of index/{level}.json. */
export interface TerritoryEntry {
  code: string;
  name: string;
  level: Level;
  parents: Partial<Record<SupraLevel, string>>;
  population: number | null;
  areaKm2: number;
  bbox: BBox;
  zone: Zone;
  postcodes?: string[];
  communes?: number;
  /** EPCI only. */
  nature?: string;
  siren?: string;
  noEpci?: true;
}

export interface TerritoryIndex {
  level: Level;
  territories: TerritoryEntry[];
}
