// Hover and selection drawn from a small GeoJSON source of their own, holding
// only the hovered and the selected territory. Their geometry comes from the
// territory source's loaded tiles (querySourceFeatures: one piece per tile,
// each clipped with the tile's buffer), merged into one shape (a union,
// loaded on first need). Feature-state highlight layers on the territory
// source would instead be drawn for every territory (invisible, but still
// rasterised) and re-evaluated at every restyle of the choropleth.
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { Geom } from 'polyclip-ts';
import type { Level } from '../lib/levels.ts';
import type { TerritoryRef } from '../state/url-state.ts';
import { HIGHLIGHT_SOURCE_ID, territoryLayerSource, type HighlightRole } from '../layers/territories.ts';

type Area = Polygon | MultiPolygon;

/** The distinct polygonal pieces among queried features (tiles overlap by their buffer, so pieces repeat). */
export function distinctPieces(features: readonly { geometry: { type: string } }[]): Area[] {
  const seen = new Set<string>();
  const out: Area[] = [];
  for (const f of features) {
    const g = f.geometry;
    if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') continue;
    const key = JSON.stringify((g as Area).coordinates);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(g as Area);
  }
  return out;
}

/** One shape from the pieces: the piece itself when there is one, their union otherwise. */
export async function mergePieces(pieces: readonly Area[]): Promise<Area | null> {
  if (pieces.length === 0) return null;
  if (pieces.length === 1) return pieces[0]!;
  try {
    const { union } = await import('polyclip-ts');
    const geoms = pieces.map((p) => p.coordinates as Geom);
    return { type: 'MultiPolygon', coordinates: union(geoms[0]!, ...geoms.slice(1)) as MultiPolygon['coordinates'] };
  } catch {
    // Degenerate input: the pieces as they are (their overlaps are tinted twice, but the shape shows).
    return { type: 'MultiPolygon', coordinates: pieces.flatMap((p) => (p.type === 'Polygon' ? [p.coordinates] : p.coordinates)) };
  }
}

const ROLES: readonly HighlightRole[] = ['selected', 'hover'];

export class TerritoryHighlight {
  private readonly refs: Record<HighlightRole, TerritoryRef | null> = { hover: null, selected: null };
  private readonly shapes: Record<HighlightRole, Feature | null> = { hover: null, selected: null };
  /** What each shape was computed for (ref + tile zoom), to recompute only when it changes. */
  private readonly computedFor: Record<HighlightRole, string> = { hover: '', selected: '' };
  private readonly runs: Record<HighlightRole, number> = { hover: 0, selected: 0 };

  constructor(
    private readonly map: MapLibreMap,
    /** The level shown and whether its source is on the map: only its territories are highlighted. */
    private readonly shownLevel: () => Level | null,
    private readonly isLevelAdded: (level: Level) => boolean,
  ) {}

  /** The GeoJSON source (the layers are added by the controller into their band). */
  addSource(): void {
    if (!this.map.getSource(HIGHLIGHT_SOURCE_ID)) this.map.addSource(HIGHLIGHT_SOURCE_ID, { type: 'geojson', data: this.collection() });
  }

  set(role: HighlightRole, ref: TerritoryRef | null): void {
    this.refs[role] = ref;
    this.update(role);
  }

  /** Recomputes shapes whose territory, level or tile zoom changed (after a level switch, at each idle). */
  refresh(): void {
    for (const role of ROLES) this.update(role);
  }

  private key(role: HighlightRole): string {
    const ref = this.refs[role];
    if (!ref || ref.level !== this.shownLevel() || !this.isLevelAdded(ref.level)) return '';
    return `${ref.level}:${ref.code}@${Math.floor(this.map.getZoom())}`;
  }

  private update(role: HighlightRole): void {
    const key = this.key(role);
    // A shape not found yet (tiles still loading) is looked for again.
    if (key === this.computedFor[role] && (key === '' || this.shapes[role])) return;
    this.computedFor[role] = key;
    const run = ++this.runs[role];
    const ref = this.refs[role];
    if (key === '' || !ref) {
      this.setShape(role, null);
      return;
    }
    const features = this.map.querySourceFeatures(territoryLayerSource(ref.level).source, {
      sourceLayer: territoryLayerSource(ref.level)['source-layer'],
      filter: ['==', ['get', 'code'], ref.code],
    });
    void mergePieces(distinctPieces(features)).then((geometry) => {
      if (run !== this.runs[role]) return;
      this.setShape(role, geometry ? { type: 'Feature', properties: { role, code: ref.code }, geometry } : null);
    });
  }

  private setShape(role: HighlightRole, feature: Feature | null): void {
    if (this.shapes[role] === feature) return;
    this.shapes[role] = feature;
    // Before the source exists (the first view), the shapes wait in `shapes` for addSource.
    (this.map.getSource(HIGHLIGHT_SOURCE_ID) as GeoJSONSource | undefined)?.setData(this.collection());
  }

  private collection(): GeoJSON.FeatureCollection {
    return { type: 'FeatureCollection', features: ROLES.map((r) => this.shapes[r]).filter((f): f is Feature => f !== null) };
  }
}
