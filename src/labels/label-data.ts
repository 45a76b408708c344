// Place-name points as built by scripts/labels (compact rows) → GeoJSON for
// a MapLibre source. Pure.

export type LabelKind = 'region' | 'departement' | 'commune';
export type LabelRow = [LabelKind, string, string, number, number, number];

export interface LabelFile {
  readonly fields: readonly string[];
  readonly rows: readonly LabelRow[];
}

export interface LabelProperties {
  readonly kind: LabelKind;
  readonly code: string;
  readonly name: string;
  /** 0 when unknown (sorts last). */
  readonly population: number;
}

export function labelFeatures(file: LabelFile): GeoJSON.FeatureCollection<GeoJSON.Point, LabelProperties> {
  return {
    type: 'FeatureCollection',
    features: file.rows.map(([kind, code, name, lng, lat, population]) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [lng, lat] },
      properties: { kind, code, name, population },
    })),
  };
}

/** A point to write a selected territory's name at: its label point if known, else its box centre. */
export function selectedLabelPoint(
  code: string,
  bbox: readonly [number, number, number, number],
  known: ReadonlyMap<string, readonly [number, number]>,
): [number, number] {
  const point = known.get(code);
  if (point) return [point[0], point[1]];
  return [(bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2];
}
