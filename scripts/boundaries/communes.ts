// Normalise the commune geometry source: codes as strings, a zone per
// commune, an area for every commune (4 Cantal communes lack AREA).
import { area } from '@turf/turf';
import { byCode, normaliseCommuneCode, zoneOfCode } from '../../src/lib/codes.ts';
import type { BBox, CommuneShape } from './types.ts';

interface RawFeature {
  properties: Record<string, unknown> | null;
  geometry: GeoJSON.Geometry | null;
}

export function bboxOfGeometry(geometry: GeoJSON.Polygon | GeoJSON.MultiPolygon): BBox {
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  for (const polygon of polygons) {
    for (const ring of polygon) {
      for (const [x, y] of ring) {
        if (x! < w) w = x!;
        if (x! > e) e = x!;
        if (y! < s) s = y!;
        if (y! > n) n = y!;
      }
    }
  }
  return [w, s, e, n];
}

/** Reads features into commune shapes, sorted by code; throws on a bad or duplicate code. */
export function toCommuneShapes(
  features: readonly RawFeature[],
  fields: { code: string; areaM2: string } = { code: 'DEPCOM', areaM2: 'AREA' },
): CommuneShape[] {
  const seen = new Set<string>();
  const shapes = features.map((feature, i): CommuneShape => {
    const raw = feature.properties?.[fields.code];
    const code = normaliseCommuneCode(raw);
    if (!code) throw new Error(`Feature ${i}: invalid commune code ${JSON.stringify(raw)}`);
    if (seen.has(code)) throw new Error(`Commune ${code} appears twice in the geometry`);
    seen.add(code);
    const geometry = feature.geometry;
    if (!geometry || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')) {
      throw new Error(`Commune ${code}: expected a Polygon or MultiPolygon, got ${geometry?.type ?? 'null'}`);
    }
    const sourceArea = Number(feature.properties?.[fields.areaM2]);
    const areaComputed = !(Number.isFinite(sourceArea) && sourceArea > 0);
    const geometryAreaM2 = area(geometry);
    return {
      code,
      zone: zoneOfCode(code),
      areaM2: areaComputed ? geometryAreaM2 : sourceArea,
      areaComputed,
      geometryAreaM2,
      bbox: bboxOfGeometry(geometry),
      geometry,
    };
  });
  return shapes.sort(byCode);
}

/**
 * Communes whose polygon covers less than `ratio` of their official area: the
 * mirror's simplification reduced them to slivers (e.g. 62880 Le Wast, 0.93 km²
 * drawn as a 0.007 km² triangle). Reported, not fixed: the detailed 2018
 * geometry does not share the 2025 arcs.
 */
export function degradedCommunes(shapes: readonly CommuneShape[], ratio = 0.2): string[] {
  return shapes.filter((s) => !s.areaComputed && s.geometryAreaM2 < ratio * s.areaM2).map((s) => s.code);
}
