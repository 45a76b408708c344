// FINESS hospitals (via Eurostat GISCO) → overlays/hospitals.geojson: points
// with small properties and the COG 2025 commune holding each point, so they
// can be counted inside any territory. Pure: commune shapes are passed in.
import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { hospitalTypeOf, type HospitalProperties, type HospitalsOverlay } from '../../src/lib/overlay-format.ts';

/** FINESS numbers lost their leading zero in the source ("10000024" → "010000024"); Corsica keeps "2A…". */
export function normaliseFiness(raw: string): string | null {
  const id = raw.trim().toUpperCase();
  if (/^\d{1,9}$/.test(id)) return id.padStart(9, '0');
  if (/^2[AB]\d{7}$/.test(id)) return id;
  return null;
}

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/\b(ST)\b/g, 'SAINT')
    .replace(/\b(STE)\b/g, 'SAINTE')
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim();
}

/** A uniform grid over commune bboxes: candidate communes for a point in a few lookups. */
class ShapeGrid {
  private readonly cells = new Map<string, number[]>();
  constructor(
    private readonly shapes: ReadonlyArray<Feature<Polygon | MultiPolygon, { code: string }>>,
    private readonly size = 0.1,
  ) {
    shapes.forEach((shape, i) => {
      const [w, s, e, n] = bboxOf(shape.geometry);
      for (let x = Math.floor(w / size); x <= Math.floor(e / size); x++) {
        for (let y = Math.floor(s / size); y <= Math.floor(n / size); y++) {
          const key = `${x}:${y}`;
          const list = this.cells.get(key);
          if (list) list.push(i);
          else this.cells.set(key, [i]);
        }
      }
    });
  }
  find(lon: number, lat: number): string | null {
    const candidates = this.cells.get(`${Math.floor(lon / this.size)}:${Math.floor(lat / this.size)}`) ?? [];
    for (const i of candidates) {
      const shape = this.shapes[i]!;
      if (booleanPointInPolygon([lon, lat], shape.geometry)) return shape.properties.code;
    }
    return null;
  }
}

function bboxOf(geometry: Polygon | MultiPolygon): [number, number, number, number] {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  for (const polygon of polygons) {
    for (const [x, y] of polygon[0] ?? []) {
      w = Math.min(w, x!);
      e = Math.max(e, x!);
      s = Math.min(s, y!);
      n = Math.max(n, y!);
    }
  }
  return [w, s, e, n];
}

export interface HospitalsBuildResult {
  overlay: HospitalsOverlay;
  report: {
    rows: number;
    points: number;
    rejected: Array<{ row: number; reason: string }>;
    assignedByPolygon: number;
    assignedByPostcode: number;
    unassigned: Array<{ finess: string; name: string; postcode: string; city: string }>;
    byType: Record<string, number>;
  };
}

/**
 * Locates an address by postcode and city: the only commune of the postcode,
 * or the commune of the postcode named like the city, or (CEDEX postcodes)
 * the only commune of the département named like the city.
 */
export function addressLocator(communes: ReadonlyArray<{ code: string; name: string; postcodes?: readonly string[] }>) {
  const byPostcode = new Map<string, Array<{ code: string; name: string }>>();
  const byDepName = new Map<string, string[]>();
  for (const c of communes) {
    for (const pc of c.postcodes ?? []) {
      const list = byPostcode.get(pc) ?? [];
      list.push(c);
      byPostcode.set(pc, list);
    }
    const key = `${departementOfPostcode(c.code)}|${fold(c.name)}`;
    byDepName.set(key, [...(byDepName.get(key) ?? []), c.code]);
  }
  return (postcode: string, city: string): string | null => {
    const candidates = byPostcode.get(postcode) ?? [];
    if (candidates.length === 1) return candidates[0]!.code;
    const folded = fold(city.replace(/\bCEDEX\b.*$/i, ''));
    const byName = candidates.filter((c) => fold(c.name) === folded);
    if (byName.length === 1) return byName[0]!.code;
    const inDep = byDepName.get(`${departementOfPostcode(postcode)}|${folded}`) ?? [];
    return inDep.length === 1 ? inDep[0]! : null;
  };
}

/** Département-ish prefix shared by commune codes and postcodes (Corsica: 20 ↔ 2A/2B). */
function departementOfPostcode(code: string): string {
  const c = code.replace(/^2[AB]/, '20');
  return c.startsWith('97') ? c.slice(0, 3) : c.slice(0, 2);
}

/**
 * Builds the points. A point is assigned to the commune polygon holding it;
 * points the simplified coastline leaves at sea fall back to the address
 * (see addressLocator). Saint-Pierre-et-Miquelon is outside the COG 2025
 * communes: its points stay unassigned.
 */
export function buildHospitalsOverlay(
  rows: ReadonlyArray<Record<string, string>>,
  shapes: ReadonlyArray<Feature<Polygon | MultiPolygon, { code: string }>>,
  locateByAddress: (postcode: string, city: string) => string | null,
): HospitalsBuildResult {
  const grid = new ShapeGrid(shapes);
  const report: HospitalsBuildResult['report'] = { rows: rows.length, points: 0, rejected: [], assignedByPolygon: 0, assignedByPostcode: 0, unassigned: [], byType: {} };
  const features: HospitalsOverlay['features'] = [];
  rows.forEach((row, index) => {
    const finess = normaliseFiness(row.id ?? '');
    const lat = Number(row.lat);
    const lon = Number(row.lon);
    if (!finess) return report.rejected.push({ row: index + 1, reason: `FINESS invalide « ${row.id ?? ''} »` });
    if (!row.lat || !row.lon || !Number.isFinite(lat) || !Number.isFinite(lon)) return report.rejected.push({ row: index + 1, reason: `coordonnées absentes (${finess})` });
    let commune = grid.find(lon, lat);
    if (commune) report.assignedByPolygon += 1;
    else {
      const match = locateByAddress((row.postcode ?? '').trim(), row.city ?? '');
      if (match) {
        commune = match;
        report.assignedByPostcode += 1;
      } else {
        report.unassigned.push({ finess, name: row.hospital_name ?? '', postcode: row.postcode ?? '', city: row.city ?? '' });
      }
    }
    const type = (row.facility_type ?? '').trim();
    report.byType[type] = (report.byType[type] ?? 0) + 1;
    const sector = row.public_private === 'public' || row.public_private === 'private' ? row.public_private : null;
    const properties: HospitalProperties = { finess, name: (row.hospital_name ?? '').trim().replace(/\s+/g, ' '), type: hospitalTypeOf(type), sector, commune: commune ?? null };
    features.push({ type: 'Feature', properties, geometry: { type: 'Point', coordinates: [Math.round(lon * 1e5) / 1e5, Math.round(lat * 1e5) / 1e5] } });
  });
  features.sort((a, b) => (a.properties.finess < b.properties.finess ? -1 : a.properties.finess > b.properties.finess ? 1 : 0));
  report.points = features.length;
  return { overlay: { type: 'FeatureCollection', features }, report };
}
