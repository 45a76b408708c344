// The overlays' map module: applies the pure specs of layers/contracts.ts,
// layers/priority-zones.ts and layers/care-offer.ts to the one MapLibre map, through
// the controller's layer-module extension point. Sources are added lazily
// on first use; switching an overlay only flips layer visibility.
import * as maplibregl from 'maplibre-gl';
import type { LayerSpecification, Map as MapLibreMap, MapLayerMouseEvent } from 'maplibre-gl';
import type { LayerContext, MapLayerModule } from '../map/layer-module.ts';
import {
  CONTRACTS_HIT_LAYER_ID,
  CONTRACTS_SELECTED_LAYER_IDS,
  CONTRACTS_SOURCE_ID,
  contractLayerSpecs,
  contractPatternImages,
  contractSelectionFilter,
  contractStatusFilters,
  contractsSourceSpec,
} from './layers/contracts.ts';
import { zoneLayerIds, zoneLayerSpecs, zonePatternImages, type MappedZoneType } from './layers/priority-zones.ts';
import { territoryLayerSource } from '../layers/territories.ts';
import {
  clusterCountLabelOf,
  HOSPITALS_CLUSTER_LAYER_ID,
  HOSPITALS_POINT_LAYER_ID,
  HOSPITALS_SOURCE_ID,
  hospitalIconImages,
  hospitalLayerSpecs,
  hospitalsSourceSpec,
} from './layers/care-offer.ts';
import type { OverlayData } from './data.ts';
import { HOSPITAL_TYPES } from '../lib/overlay-format.ts';
import { CONTRACT_STATUSES, type ContractStatus } from '../lib/contracts.ts';
import { isZoneOverlay, OVERLAY_IDS, type OverlayId } from './overlay-ids.ts';

/** Sub-bands inside the controller's 'overlays' band, bottom to top. */
const GROUPS = ['zones', 'contracts', 'hospitals'] as const;
type Group = (typeof GROUPS)[number];
const groupMarkerId = (group: Group) => `overlay-band-end:${group}`;

export interface OverlayStatus {
  readonly id: OverlayId;
  readonly state: 'off' | 'loading' | 'ready' | 'error';
  readonly error?: string;
}

export interface OverlayMapEvents {
  /** Click on one or more contract perimeters (ids, top first). */
  contractclick: (ids: string[]) => void;
  status: (status: OverlayStatus) => void;
}

function pixelRatio(): number {
  return typeof window === 'undefined' ? 1 : Math.max(1, Math.min(3, Math.round(window.devicePixelRatio || 1)));
}

/** A cluster's count drawn with a canvas (there are no glyphs in the style: no external request). */
function drawCountLabel(label: string, ratio: number): ImageData | null {
  const canvas = document.createElement('canvas');
  const width = Math.ceil((label.length * 8 + 6) * ratio);
  const height = Math.ceil(16 * ratio);
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  ctx.font = `bold ${12 * ratio}px Marianne, Arial, sans-serif`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillStyle = '#ffffff';
  ctx.fillText(label, width / 2, height / 2 + ratio);
  return ctx.getImageData(0, 0, width, height);
}

export class OverlayMapModule implements MapLayerModule {
  readonly id = 'overlays';
  private map: MapLibreMap | null = null;
  private ctx: LayerContext | null = null;
  private active = new Set<OverlayId>();
  private readonly installed = new Map<OverlayId, Promise<void>>();
  private readonly ready = new Set<OverlayId>();
  private selectedContract: string | null = null;
  private contractStatuses: readonly ContractStatus[] = CONTRACT_STATUSES;
  private popup: maplibregl.Popup | null = null;
  private readonly listeners: { [K in keyof OverlayMapEvents]: Set<OverlayMapEvents[K]> } = {
    contractclick: new Set(),
    status: new Set(),
  };

  constructor(private readonly data: OverlayData) {}

  on<K extends keyof OverlayMapEvents>(event: K, listener: OverlayMapEvents[K]): () => void {
    (this.listeners[event] as Set<OverlayMapEvents[K]>).add(listener);
    return () => (this.listeners[event] as Set<OverlayMapEvents[K]>).delete(listener);
  }

  install(ctx: LayerContext): void {
    this.ctx = ctx;
    const map = ctx.map;
    this.map = map;
    for (const group of GROUPS) {
      ctx.addLayer('overlays', { id: groupMarkerId(group), type: 'background', layout: { visibility: 'none' } });
    }
    const ratio = pixelRatio();
    for (const { id, image, pixelRatio: pr } of [...contractPatternImages(ratio), ...zonePatternImages(ratio), ...hospitalIconImages(ratio)]) {
      if (!map.hasImage(id)) map.addImage(id, image, { pixelRatio: pr });
    }
    // Cluster counts are images drawn on demand (maplibre-gl 6: a resolver, not the styleimagemissing event).
    map.setMissingStyleImageResolver((imageId: string) => {
      const label = clusterCountLabelOf(imageId);
      if (label === null || map.hasImage(imageId)) return;
      const image = drawCountLabel(label, ratio);
      if (image) map.addImage(imageId, image, { pixelRatio: ratio });
    });

    map.on('click', CONTRACTS_HIT_LAYER_ID, (e: MapLayerMouseEvent) => {
      const ids = [...new Set((e.features ?? []).map((f) => String(f.properties?.id ?? f.id)))];
      if (ids.length > 0) for (const l of this.listeners.contractclick) l(ids);
    });
    map.on('mouseenter', CONTRACTS_HIT_LAYER_ID, () => {
      map.getCanvas().style.cursor = 'pointer';
    });

    map.on('click', HOSPITALS_CLUSTER_LAYER_ID, (e: MapLayerMouseEvent) => {
      const feature = e.features?.[0];
      const clusterId = feature?.properties?.cluster_id as number | undefined;
      const source = map.getSource<maplibregl.GeoJSONSource>(HOSPITALS_SOURCE_ID);
      if (clusterId === undefined || !source || feature?.geometry.type !== 'Point') return;
      const center = feature.geometry.coordinates as [number, number];
      void source.getClusterExpansionZoom(clusterId).then((zoom: number) => map.easeTo({ center, zoom }));
    });
    map.on('mousemove', HOSPITALS_POINT_LAYER_ID, (e: MapLayerMouseEvent) => this.showHospitalPopup(e));
    map.on('click', HOSPITALS_POINT_LAYER_ID, (e: MapLayerMouseEvent) => this.showHospitalPopup(e));
    map.on('mouseleave', HOSPITALS_POINT_LAYER_ID, () => this.popup?.remove());
    for (const id of [HOSPITALS_CLUSTER_LAYER_ID, HOSPITALS_POINT_LAYER_ID]) {
      map.on('mouseenter', id, () => {
        map.getCanvas().style.cursor = 'pointer';
      });
    }

    void this.apply();
  }

  uninstall(): void {
    this.popup?.remove();
  }

  /** The overlays to show; loads what is missing, then flips visibility. */
  setActive(ids: readonly OverlayId[]): void {
    this.active = new Set(ids);
    void this.apply();
  }

  /** Highlights the perimeter of the contract whose card is open. */
  setSelectedContract(id: string | null): void {
    this.selectedContract = id;
    this.applySelection();
  }

  /** Shows only the perimeters of these statuses (the legend's status filter). */
  setContractStatuses(statuses: readonly ContractStatus[]): void {
    this.contractStatuses = [...statuses];
    this.applyStatusFilter();
  }

  private applyStatusFilter(): void {
    const map = this.map;
    if (!map) return;
    for (const { layerId, filter } of contractStatusFilters(this.contractStatuses)) {
      if (map.getLayer(layerId)) map.setFilter(layerId, filter);
    }
  }

  private emitStatus(status: OverlayStatus): void {
    for (const l of this.listeners.status) l(status);
  }

  private async apply(): Promise<void> {
    if (!this.map) return;
    for (const id of OVERLAY_IDS) {
      const on = this.active.has(id);
      if (on && !this.installed.has(id)) {
        const p = this.installOverlay(id);
        this.installed.set(id, p);
        this.emitStatus({ id, state: 'loading' });
        p.then(
          () => {
            this.ready.add(id);
            this.setVisibility(id, this.active.has(id));
            this.emitStatus({ id, state: this.active.has(id) ? 'ready' : 'off' });
          },
          (error: unknown) => {
            this.installed.delete(id);
            this.emitStatus({ id, state: 'error', error: error instanceof Error ? error.message : String(error) });
          },
        );
      } else if (this.ready.has(id)) {
        this.setVisibility(id, on);
        this.emitStatus({ id, state: on ? 'ready' : 'off' });
      }
    }
  }

  private layerIdsOf(id: OverlayId): string[] {
    if (id === 'contracts') return contractLayerSpecs().map((l) => l.id);
    if (id === 'hospitals') return hospitalLayerSpecs().map((l) => l.id);
    return zoneLayerIds(id);
  }

  private setVisibility(id: OverlayId, visible: boolean): void {
    const map = this.map;
    if (!map) return;
    for (const layerId of this.layerIdsOf(id)) {
      if (map.getLayer(layerId)) map.setLayoutProperty(layerId, 'visibility', visible ? 'visible' : 'none');
    }
    if (!visible && id === 'hospitals') this.popup?.remove();
  }

  private addLayers(group: Group, layers: readonly LayerSpecification[]): void {
    const map = this.map!;
    for (const layer of layers) {
      if (!map.getLayer(layer.id)) map.addLayer({ ...layer, layout: { ...layer.layout, visibility: 'none' } } as LayerSpecification, groupMarkerId(group));
    }
  }

  private async installOverlay(id: OverlayId): Promise<void> {
    const map = this.map!;
    if (id === 'contracts') {
      const perimeters = await this.data.contractPerimeters();
      if (!map.getSource(CONTRACTS_SOURCE_ID)) map.addSource(CONTRACTS_SOURCE_ID, contractsSourceSpec(perimeters));
      this.addLayers('contracts', contractLayerSpecs());
      this.applySelection();
      this.applyStatusFilter();
    } else if (id === 'hospitals') {
      const hospitals = await this.data.hospitals();
      if (!map.getSource(HOSPITALS_SOURCE_ID)) map.addSource(HOSPITALS_SOURCE_ID, hospitalsSourceSpec(hospitals));
      this.addLayers('hospitals', hospitalLayerSpecs());
    } else if (isZoneOverlay(id)) {
      await this.installZone(id);
    }
  }

  private async installZone(type: MappedZoneType): Promise<void> {
    const ctx = this.ctx!;
    // Zones are drawn over the commune geometry, whatever level is shown: load it (hidden) if needed.
    const [index] = await Promise.all([this.data.zones(), ctx.whenLevelReady('commune')]);
    this.addLayers('zones', zoneLayerSpecs(type, territoryLayerSource('commune'), index.codesByType[type], false));
  }

  private applySelection(): void {
    const map = this.map;
    if (!map) return;
    for (const layerId of CONTRACTS_SELECTED_LAYER_IDS) {
      if (map.getLayer(layerId)) map.setFilter(layerId, contractSelectionFilter(this.selectedContract));
    }
  }

  private showHospitalPopup(e: MapLayerMouseEvent): void {
    const map = this.map;
    const feature = e.features?.[0];
    if (!map || !feature || feature.geometry.type !== 'Point') return;
    const p = feature.properties ?? {};
    const content = document.createElement('div');
    content.className = 'cls-overlay-popup';
    const name = document.createElement('strong');
    name.textContent = String(p.name ?? '');
    const type = document.createElement('div');
    type.textContent = [HOSPITAL_TYPES[p.type as keyof typeof HOSPITAL_TYPES] ?? p.type, p.sector === 'public' ? 'public' : p.sector === 'private' ? 'privé' : null].filter(Boolean).join(' · ');
    const finess = document.createElement('div');
    finess.className = 'fr-text--xs fr-mb-0';
    finess.textContent = `FINESS ${String(p.finess ?? '')}`;
    content.append(name, type, finess);
    this.popup ??= new maplibregl.Popup({ closeButton: false, closeOnClick: false, offset: 10, maxWidth: '280px' });
    this.popup
      .setLngLat(feature.geometry.coordinates as [number, number])
      .setDOMContent(content)
      .addTo(map);
  }
}
