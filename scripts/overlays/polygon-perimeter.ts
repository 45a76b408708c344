// Contract polygons → COG 2025 communes, decided by area share: the share of
// each commune's area lying inside the polygon. A single point (centroid,
// representative point) misjudges communes cut by a simplified outline; the
// area share says how much of the commune is in, and the communes in the
// uncertain band are reported for a human to check. Pure (turf only).
import { area, bboxClip, featureCollection, intersect, polygon as turfPolygon, multiPolygon as turfMultiPolygon } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { PerimeterType } from '../../src/lib/contracts.ts';
import { bboxOfGeometry } from '../boundaries/communes.ts';
import type { BBox } from '../boundaries/types.ts';

export interface CommuneGeometry {
  code: string;
  geometry: Polygon | MultiPolygon;
  bbox: BBox;
}

/** Thresholds on the area share (0–1). */
export interface AreaShareThresholds {
  /** A commune belongs to the perimeter when at least this share of its area is inside. */
  include: number;
  /** Shares strictly between low and high are reported as borderline. */
  borderlineLow: number;
  borderlineHigh: number;
}

export const DEFAULT_AREA_SHARE: AreaShareThresholds = { include: 0.5, borderlineLow: 0.1, borderlineHigh: 0.9 };

export interface CommuneShare {
  code: string;
  /** Share of the commune's area inside the polygon, 0–1. */
  share: number;
}

export interface PolygonCommunes {
  /** Communes kept (share ≥ include), sorted. */
  communes: string[];
  /** Communes whose share lies in the borderline band, kept or not, sorted by code. */
  borderline: CommuneShare[];
  /** Every commune with a non-zero share, sorted by code. */
  shares: CommuneShare[];
  /** Communes whose intersection could not be computed (invalid geometry), left out and reported. */
  failed: string[];
}

function bboxesOverlap(a: BBox, b: BBox): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

function asFeature(geometry: Polygon | MultiPolygon): Feature<Polygon | MultiPolygon> {
  return geometry.type === 'Polygon' ? turfPolygon(geometry.coordinates) : turfMultiPolygon(geometry.coordinates);
}

/** Area (m²) of the part of `commune` inside `zone` (zone already clipped near the commune). */
function intersectionArea(commune: Feature<Polygon | MultiPolygon>, zone: Feature<Polygon | MultiPolygon>): number {
  const inter = intersect(featureCollection([commune, zone]));
  return inter ? area(inter) : 0;
}

/**
 * The communes a polygon covers by area share. Candidates are the communes
 * whose bbox meets the polygon's; the polygon is clipped to each candidate's
 * bbox before the intersection (cheap on large contracts).
 */
export function communesInPolygon(
  zone: Polygon | MultiPolygon,
  communes: readonly CommuneGeometry[],
  thresholds: AreaShareThresholds = DEFAULT_AREA_SHARE,
): PolygonCommunes {
  const zoneBox = bboxOfGeometry(zone);
  const zoneFeature = asFeature(zone);
  const shares: CommuneShare[] = [];
  const failed: string[] = [];
  for (const commune of communes) {
    if (!bboxesOverlap(zoneBox, commune.bbox)) continue;
    const communeFeature = asFeature(commune.geometry);
    const total = area(communeFeature);
    if (!(total > 0)) continue;
    let inside: number;
    try {
      const clipped = bboxClip(zoneFeature, commune.bbox) as Feature<Polygon | MultiPolygon>;
      inside = intersectionArea(communeFeature, clipped);
    } catch {
      try {
        inside = intersectionArea(communeFeature, zoneFeature);
      } catch {
        failed.push(commune.code);
        continue;
      }
    }
    const share = Math.min(1, inside / total);
    if (share > 1e-6) shares.push({ code: commune.code, share });
  }
  shares.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return {
    communes: shares.filter((s) => s.share >= thresholds.include).map((s) => s.code),
    borderline: shares.filter((s) => s.share > thresholds.borderlineLow && s.share < thresholds.borderlineHigh),
    shares,
    failed: failed.sort(),
  };
}

/** What perimeterOfCommunes needs: the members of each 2025 EPCI. */
export interface EpciMembership {
  /** SIREN of the EPCI holding a commune (undefined for the island communes outside any EPCI). */
  epciOf(code: string): string | undefined;
  epciMembers(siren: string): readonly string[] | undefined;
}

/**
 * Expresses a set of communes with EPCI where it can: every EPCI whose
 * members are all in the set is named by its SIREN, the other communes stay
 * listed. One whole EPCI → `epci`; several → `multi_epci`; EPCI plus loose
 * communes → `epci_et_communes`; no whole EPCI → `commune`.
 */
export function perimeterOfCommunes(
  codes: readonly string[],
  membership: EpciMembership,
): { perimeterType: PerimeterType; perimeter: { communes: string[]; epci: string[] } } {
  const set = new Set(codes);
  const candidates = new Set<string>();
  for (const code of set) {
    const siren = membership.epciOf(code);
    if (siren) candidates.add(siren);
  }
  const epci: string[] = [];
  const covered = new Set<string>();
  for (const siren of [...candidates].sort()) {
    const members = membership.epciMembers(siren) ?? [];
    if (members.length > 0 && members.every((m) => set.has(m))) {
      epci.push(siren);
      for (const m of members) covered.add(m);
    }
  }
  const communes = [...set].filter((c) => !covered.has(c)).sort();
  const perimeterType: PerimeterType =
    epci.length === 0 ? (communes.length > 0 ? 'commune' : 'inconnu') : communes.length > 0 ? 'epci_et_communes' : epci.length === 1 ? 'epci' : 'multi_epci';
  return { perimeterType, perimeter: { communes, epci } };
}
