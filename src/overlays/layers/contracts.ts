// Contract perimeters (CLS), styled by status. Pure builders: a source spec,
// the layer specs, the fill patterns and the legend model. The map only
// applies them; nothing here touches MapLibre at run time.
//
// Greyscale legibility: each status differs by *shape*, not only by colour —
// fill kind (solid / hatched / none) × outline dash — so a printed or
// colour-blind reading still tells them apart.
import type {
  FillLayerSpecification,
  FilterSpecification,
  GeoJSONSourceSpecification,
  LineLayerSpecification,
} from 'maplibre-gl';
import { CONTRACT_STATUSES, CONTRACT_STATUS_LABELS, type ContractStatus } from '../../lib/contracts.ts';
import { drawPattern, type PatternImage, type PatternSpec } from '../patterns.ts';

// ---------------------------------------------------------------------------
// Defaults

export const CONTRACTS_SOURCE_ID = 'overlay-contracts';
const LAYER_PREFIX = 'overlay-contracts';
/** Feature properties of the dissolved perimeters (see src/lib/overlay-format.ts). */
export const CONTRACT_ID_PROPERTY = 'id';
export const CONTRACT_STATUS_PROPERTY = 'status';

export type FillKind = 'solid' | 'hatch' | 'none';

export interface ContractStatusStyle {
  readonly color: string;
  readonly fill: FillKind;
  /** Opacity of a solid fill (0 when none). */
  readonly fillOpacity: number;
  readonly lineWidth: number;
  /** Dash pattern in line widths; null = solid outline. */
  readonly dash: readonly number[] | null;
  /** Drawn order: ended contracts first, signed ones on top. */
  readonly order: number;
}

/**
 * One style per status. Blue France (DSFR) for running contracts; a warmer
 * hue for projects; grey for ended ones. The dashes and fills alone keep them
 * apart in greyscale (tested).
 */
export const CONTRACT_STATUS_STYLES: Readonly<Record<ContractStatus, ContractStatusStyle>> = {
  signe: { color: '#000091', fill: 'solid', fillOpacity: 0.28, lineWidth: 2.5, dash: null, order: 4 },
  en_renouvellement: { color: '#000091', fill: 'solid', fillOpacity: 0.12, lineWidth: 2.5, dash: [3, 1.5], order: 3 },
  en_preparation: { color: '#a94645', fill: 'none', fillOpacity: 0, lineWidth: 2.5, dash: [1.2, 1.2], order: 2 },
  envisage: { color: '#a94645', fill: 'hatch', fillOpacity: 0, lineWidth: 1.5, dash: [0.4, 1.6], order: 1 },
  termine: { color: '#666666', fill: 'none', fillOpacity: 0, lineWidth: 1.2, dash: [6, 2, 1, 2], order: 0 },
  // Listed by a source without a usable status: a brown dash-dot-dot, no fill (neither covered nor excluded).
  a_confirmer: { color: '#6e4a2e', fill: 'none', fillOpacity: 0, lineWidth: 2, dash: [4, 1.5, 1, 1.5, 1, 1.5], order: 0.5 },
};

/** Highlight of the contract whose card is open. */
const SELECTED_STYLE = { color: '#ffe552', casing: '#161616', width: 5 } as const;
const HATCH = { size: 10, lineWidth: 2.2 } as const;

// ---------------------------------------------------------------------------
// Ids

export function contractLayerId(status: ContractStatus, part: 'fill' | 'hatch' | 'line'): string {
  return `${LAYER_PREFIX}-${status}-${part}`;
}
export const CONTRACTS_SELECTED_LAYER_IDS = [`${LAYER_PREFIX}-selected-casing`, `${LAYER_PREFIX}-selected`] as const;

/** Pattern image id for a status with a hatched fill. */
export function contractHatchImageId(status: ContractStatus): string {
  return `${LAYER_PREFIX}-hatch-${status}`;
}

/** Statuses in drawing order (bottom first). */
export function statusesInDrawOrder(): ContractStatus[] {
  return [...CONTRACT_STATUSES].sort((a, b) => CONTRACT_STATUS_STYLES[a].order - CONTRACT_STATUS_STYLES[b].order);
}

// ---------------------------------------------------------------------------
// Source and layers

/** The dissolved perimeters: one GeoJSON feature per mapped contract. */
export function contractsSourceSpec(data: GeoJSONSourceSpecification['data']): GeoJSONSourceSpecification {
  return { type: 'geojson', data, promoteId: CONTRACT_ID_PROPERTY };
}

function statusFilter(status: ContractStatus): FilterSpecification {
  return ['==', ['get', CONTRACT_STATUS_PROPERTY], status];
}

/** Shows no feature (a status filtered out). */
const NOTHING: FilterSpecification = ['boolean', false];

/** Filter of the click layer: the perimeters of the shown statuses. */
export function contractHitFilter(shown: readonly ContractStatus[]): FilterSpecification {
  return shown.length > 0 ? ['match', ['get', CONTRACT_STATUS_PROPERTY], [...shown], true, false] : NOTHING;
}

/**
 * The filter of every contract layer for a set of shown statuses (the status
 * filter of the legend): per-status layers show their status or nothing, the
 * click layer the shown ones; highlight layers keep theirs.
 */
export function contractStatusFilters(shown: readonly ContractStatus[]): Array<{ layerId: string; filter: FilterSpecification }> {
  const set = new Set(shown);
  const result: Array<{ layerId: string; filter: FilterSpecification }> = [{ layerId: CONTRACTS_HIT_LAYER_ID, filter: contractHitFilter(shown) }];
  for (const status of CONTRACT_STATUSES) {
    const filter = set.has(status) ? statusFilter(status) : NOTHING;
    for (const part of ['fill', 'hatch', 'line'] as const) result.push({ layerId: contractLayerId(status, part), filter });
  }
  return result;
}

export interface ContractLayerOptions {
  /** Statuses to show (default: all). */
  statuses?: readonly ContractStatus[];
}

/** Fill, hatch and outline layers, one set per status, bottom first. */
export function contractLayerSpecs(options: ContractLayerOptions = {}): Array<FillLayerSpecification | LineLayerSpecification> {
  const shown = new Set(options.statuses ?? CONTRACT_STATUSES);
  const layers: Array<FillLayerSpecification | LineLayerSpecification> = [
    {
      id: CONTRACTS_HIT_LAYER_ID,
      type: 'fill',
      source: CONTRACTS_SOURCE_ID,
      filter: contractHitFilter([...shown]),
      paint: { 'fill-color': '#000000', 'fill-opacity': 0 },
    },
  ];
  for (const status of statusesInDrawOrder()) {
    if (!shown.has(status)) continue;
    const style = CONTRACT_STATUS_STYLES[status];
    const filter = statusFilter(status);
    if (style.fill === 'solid') {
      layers.push({
        id: contractLayerId(status, 'fill'),
        type: 'fill',
        source: CONTRACTS_SOURCE_ID,
        filter,
        paint: { 'fill-color': style.color, 'fill-opacity': style.fillOpacity },
      });
    } else if (style.fill === 'hatch') {
      layers.push({
        id: contractLayerId(status, 'hatch'),
        type: 'fill',
        source: CONTRACTS_SOURCE_ID,
        filter,
        paint: { 'fill-pattern': contractHatchImageId(status), 'fill-opacity': 0.9 },
      });
    }
    layers.push({
      id: contractLayerId(status, 'line'),
      type: 'line',
      source: CONTRACTS_SOURCE_ID,
      filter,
      layout: { 'line-join': 'round', 'line-cap': style.dash ? 'butt' : 'round' },
      paint: {
        'line-color': style.color,
        'line-width': ['interpolate', ['linear'], ['zoom'], 4, style.lineWidth * 0.7, 9, style.lineWidth],
        ...(style.dash ? { 'line-dasharray': ['literal', [...style.dash]] } : {}),
      },
    } as LineLayerSpecification);
  }
  const [casingId, lineId] = CONTRACTS_SELECTED_LAYER_IDS;
  const none = contractSelectionFilter(null);
  layers.push(
    {
      id: casingId,
      type: 'line',
      source: CONTRACTS_SOURCE_ID,
      filter: none,
      layout: { 'line-join': 'round' },
      paint: { 'line-color': SELECTED_STYLE.casing, 'line-width': SELECTED_STYLE.width + 2 },
    },
    {
      id: lineId,
      type: 'line',
      source: CONTRACTS_SOURCE_ID,
      filter: none,
      layout: { 'line-join': 'round' },
      paint: { 'line-color': SELECTED_STYLE.color, 'line-width': SELECTED_STYLE.width - 2 },
    },
  );
  return layers;
}

/** Filter of the highlight layers for the contract whose card is open (null: none). */
export function contractSelectionFilter(contractId: string | null): FilterSpecification {
  return ['==', ['get', CONTRACT_ID_PROPERTY], contractId ?? ''];
}

/**
 * The layer a click queries to open a card: a transparent fill under every
 * shown perimeter (an opacity-0 fill is still hit by queryRenderedFeatures),
 * so outline-only statuses open on a click inside too, and overlapping
 * contracts (a renewal over its predecessor) are all returned.
 */
export const CONTRACTS_HIT_LAYER_ID = `${LAYER_PREFIX}-hit`;

/** The pattern images the layers reference, to add with map.addImage before the layers. */
export function contractPatternImages(pixelRatio = 1): Array<{ id: string; image: PatternImage; pixelRatio: number }> {
  return CONTRACT_STATUSES.filter((s) => CONTRACT_STATUS_STYLES[s].fill === 'hatch').map((s) => ({
    id: contractHatchImageId(s),
    image: drawPattern(contractHatchSpec(s), pixelRatio),
    pixelRatio,
  }));
}

export function contractHatchSpec(status: ContractStatus): PatternSpec {
  return { kind: 'hatch', size: HATCH.size, angle: 45, lineWidth: HATCH.lineWidth, color: CONTRACT_STATUS_STYLES[status].color };
}

// ---------------------------------------------------------------------------
// Legend

/** How a legend swatch is drawn (SVG in the legend, same parameters as the map). */
export interface SwatchModel {
  readonly color: string;
  readonly fill: FillKind;
  readonly fillOpacity: number;
  readonly lineWidth: number;
  /** Dash in pixels (already multiplied by the line width), null = solid. */
  readonly dashPx: readonly number[] | null;
  readonly hatch: { readonly size: number; readonly lineWidth: number; readonly angle: 45 | 135 } | null;
}

export interface ContractLegendItem {
  readonly status: ContractStatus;
  readonly label: string;
  readonly count: number;
  readonly swatch: SwatchModel;
}

export interface UnmappedContract {
  readonly id: string;
  readonly name: string;
  readonly status: ContractStatus;
  readonly reason: string;
}

export interface ContractLegendModel {
  readonly items: readonly ContractLegendItem[];
  readonly unmapped: readonly UnmappedContract[];
}

export function contractSwatch(status: ContractStatus): SwatchModel {
  const s = CONTRACT_STATUS_STYLES[status];
  return {
    color: s.color,
    fill: s.fill,
    fillOpacity: s.fillOpacity,
    lineWidth: s.lineWidth,
    dashPx: s.dash ? s.dash.map((d) => d * s.lineWidth) : null,
    hatch: s.fill === 'hatch' ? { size: HATCH.size, lineWidth: HATCH.lineWidth, angle: 45 } : null,
  };
}

/**
 * Legend items in life-cycle order (envisagé → terminé) with the number of
 * mapped contracts of each status, and the contracts that cannot be mapped.
 */
export function contractLegendModel(
  contracts: ReadonlyArray<{ id: string; name: string; status: ContractStatus; mapped: boolean; unmappedReason?: string | null }>,
): ContractLegendModel {
  const counts = new Map<ContractStatus, number>();
  for (const c of contracts) if (c.mapped) counts.set(c.status, (counts.get(c.status) ?? 0) + 1);
  return {
    items: CONTRACT_STATUSES.map((status) => ({
      status,
      label: CONTRACT_STATUS_LABELS[status],
      count: counts.get(status) ?? 0,
      swatch: contractSwatch(status),
    })),
    unmapped: contracts
      .filter((c) => !c.mapped)
      .map((c) => ({ id: c.id, name: c.name, status: c.status, reason: c.unmappedReason?.trim() || 'territoire non identifié' }))
      .sort((a, b) => a.name.localeCompare(b.name, 'fr')),
  };
}
