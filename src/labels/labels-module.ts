// The place-name layers on the map: régions, départements and main towns
// from labels/places.json at start, every commune from labels/communes.json
// once the map is zoomed in enough to show them, and the selected
// territory's name.
import type { GeoJSONSource } from 'maplibre-gl';
import type { LayerContext, MapLayerModule } from '../map/layer-module.ts';
import { loadManifest } from '../data/manifest.ts';
import { dataUrl } from '../data/data-url.ts';
import { COMMUNE_LABEL_MINZOOM, LABEL_SOURCES, labelFontFaces, labelLayers } from './label-style.ts';
import { labelFeatures, type LabelFile } from './label-data.ts';

interface LabelsManifest {
  readonly places: string;
  readonly communes: string;
}

async function fetchLabels(url: string): Promise<LabelFile | null> {
  try {
    const res = await fetch(url);
    return res.ok ? ((await res.json()) as LabelFile) : null;
  } catch {
    return null;
  }
}

const EMPTY: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };

export class LabelsModule implements MapLayerModule {
  readonly id = 'labels';
  readonly afterFirstView = true;
  private ctx: LayerContext | null = null;
  private communesUrl: string | null = null;
  private communesRequested = false;
  private selected: GeoJSON.FeatureCollection = EMPTY;
  private selectedKey = '';
  /** Label points of the main places (code → [lng, lat]), for the selected territory's label. */
  readonly points = new Map<string, readonly [number, number]>();
  private readonly pointListeners = new Set<() => void>();

  /** The places file, asked for once the map is quiet (not at the first view: a user acting at once would wait for it). */
  private async placesFile(): Promise<{ files: LabelsManifest | undefined; places: LabelFile | null }> {
    const files = ((await loadManifest()) as unknown as { labels?: LabelsManifest }).labels;
    return { files, places: files ? await fetchLabels(dataUrl(files.places)) : null };
  }

  async install(ctx: LayerContext): Promise<void> {
    this.ctx = ctx;
    const { map } = ctx;
    map.setFontFaces(labelFontFaces(document.baseURI));
    // The places arrive before their source is added: an empty source then its data would lay the
    // labels out twice (two worker passes, two more frames).
    const { files, places } = await this.placesFile();
    map.addSource(LABEL_SOURCES.places, { type: 'geojson', data: places ? labelFeatures(places) : EMPTY });
    map.addSource(LABEL_SOURCES.communes, { type: 'geojson', data: EMPTY });
    map.addSource(LABEL_SOURCES.selected, { type: 'geojson', data: this.selected });
    for (const layer of labelLayers()) ctx.addLayer('labels', layer);
    if (!files) return;
    this.communesUrl = dataUrl(files.communes);
    map.on('zoomend', () => this.maybeLoadCommunes());
    this.maybeLoadCommunes();
    if (!places) return;
    for (const [, code, , lng, lat] of places.rows) this.points.set(code, [lng, lat]);
    for (const l of this.pointListeners) l();
  }

  /** Called when the known label points change (the places file arrived). */
  onPoints(listener: () => void): () => void {
    this.pointListeners.add(listener);
    return () => this.pointListeners.delete(listener);
  }

  /** Writes (or clears) the selected territory's name at `point`. */
  setSelected(label: { name: string; point: readonly [number, number] } | null): void {
    // Every setData costs the map a worker round trip and two frames: only write a change.
    const key = label ? `${label.name}|${label.point.join(',')}` : '';
    if (key === this.selectedKey) return;
    this.selectedKey = key;
    this.selected = label
      ? { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [...label.point] }, properties: { name: label.name } }] }
      : EMPTY;
    const source = this.ctx?.map.getSource<GeoJSONSource>(LABEL_SOURCES.selected);
    source?.setData(this.selected);
  }

  private maybeLoadCommunes(): void {
    const map = this.ctx?.map;
    if (!map || this.communesRequested || !this.communesUrl || map.getZoom() < COMMUNE_LABEL_MINZOOM - 0.5) return;
    this.communesRequested = true;
    void fetchLabels(this.communesUrl).then((file) => {
      if (file) map.getSource<GeoJSONSource>(LABEL_SOURCES.communes)?.setData(labelFeatures(file));
    });
  }
}

/** The single instance listed in src/features.ts. */
export const labelsModule = new LabelsModule();
