// First-line care offer: hospitals (FINESS via GISCO, 2020) as points,
// clustered at low zoom. Pure builders: source, layers, icons, legend.
//
// Categories differ by shape *and* colour (greyscale-legible). Cluster counts
// are drawn as images made in code (no glyph server: the site makes no
// external request), see `clusterCountImageId`.
import type {
  CircleLayerSpecification,
  ExpressionSpecification,
  FilterSpecification,
  GeoJSONSourceSpecification,
  SymbolLayerSpecification,
} from 'maplibre-gl';
import type { HospitalType } from '../../lib/overlay-format.ts';
import { drawIcon, type IconShape, type PatternImage } from '../patterns.ts';

// ---------------------------------------------------------------------------
// Defaults

export const HOSPITALS_SOURCE_ID = 'overlay-hospitals';
const LAYER_PREFIX = 'overlay-hospitals';
export const HOSPITALS_CLUSTER_LAYER_ID = `${LAYER_PREFIX}-clusters`;
export const HOSPITALS_CLUSTER_COUNT_LAYER_ID = `${LAYER_PREFIX}-cluster-count`;
export const HOSPITALS_POINT_LAYER_ID = `${LAYER_PREFIX}-points`;

/** Feature property of hospitals.geojson holding the FINESS category code (src/lib/overlay-format.ts). */
export const HOSPITAL_TYPE_PROPERTY = 'type';

/** Points merge into clusters up to this zoom; from the next one every hospital is drawn. */
export const CLUSTER_MAX_ZOOM = 9;
const CLUSTER_RADIUS = 32;
const ICON_SIZE = 14;
const CLUSTER_COLOR = '#3a3a3a';

export const HOSPITAL_CATEGORIES = ['chr', 'ch', 'psy', 'ssrSld', 'other'] as const;
export type HospitalCategory = (typeof HOSPITAL_CATEGORIES)[number];

export interface HospitalCategoryStyle {
  readonly shape: IconShape;
  readonly color: string;
}

export const HOSPITAL_CATEGORY_STYLES: Readonly<Record<HospitalCategory, HospitalCategoryStyle>> = {
  chr: { shape: 'square', color: '#ce0500' },
  ch: { shape: 'circle', color: '#000091' },
  psy: { shape: 'diamond', color: '#6a6af4' },
  ssrSld: { shape: 'triangle', color: '#18753c' },
  other: { shape: 'cross', color: '#b34000' },
};

/** FINESS categories (short codes of src/lib/overlay-format.ts) grouped into the map's categories. */
export const HOSPITAL_TYPE_CATEGORY: Readonly<Record<HospitalType, HospitalCategory>> = {
  chr: 'chr',
  ch: 'ch',
  ch_ex_hl: 'ch',
  psy: 'psy',
  ssr: 'ssrSld',
  sld: 'ssrSld',
  clcc: 'other',
  pluri: 'other',
  chir: 'other',
  med: 'other',
  obst: 'other',
  autre: 'other',
};

export function hospitalCategoryOf(type: string | null | undefined): HospitalCategory {
  return HOSPITAL_TYPE_CATEGORY[type as HospitalType] ?? 'other';
}

export function hospitalIconId(category: HospitalCategory): string {
  return `${LAYER_PREFIX}-icon-${category}`;
}

const CLUSTER_COUNT_PREFIX = `${LAYER_PREFIX}-count-`;

/** Image id of a cluster's count label; the map draws missing ones on demand (styleimagemissing). */
export function clusterCountImageId(label: string): string {
  return `${CLUSTER_COUNT_PREFIX}${label}`;
}

/** The count label of a cluster count image id, or null if the id is not one. */
export function clusterCountLabelOf(imageId: string): string | null {
  return imageId.startsWith(CLUSTER_COUNT_PREFIX) ? imageId.slice(CLUSTER_COUNT_PREFIX.length) : null;
}

// ---------------------------------------------------------------------------
// Source and layers

export function hospitalsSourceSpec(data: GeoJSONSourceSpecification['data']): GeoJSONSourceSpecification {
  return {
    type: 'geojson',
    data,
    cluster: true,
    clusterMaxZoom: CLUSTER_MAX_ZOOM,
    clusterRadius: CLUSTER_RADIUS,
  };
}

const isCluster: FilterSpecification = ['has', 'point_count'];
const isPoint: FilterSpecification = ['!', ['has', 'point_count']];

/** FINESS type → icon of its category; unknown types get the 'other' icon. */
function iconExpression(): ExpressionSpecification {
  const stops: Array<string[] | string> = [];
  for (const c of HOSPITAL_CATEGORIES) {
    if (c === 'other') continue;
    const types = (Object.keys(HOSPITAL_TYPE_CATEGORY) as HospitalType[]).filter((t) => HOSPITAL_TYPE_CATEGORY[t] === c);
    stops.push(types, hospitalIconId(c));
  }
  return ['match', ['get', HOSPITAL_TYPE_PROPERTY], ...stops, hospitalIconId('other')] as unknown as ExpressionSpecification;
}

export function hospitalLayerSpecs(): Array<CircleLayerSpecification | SymbolLayerSpecification> {
  return [
    {
      id: HOSPITALS_CLUSTER_LAYER_ID,
      type: 'circle',
      source: HOSPITALS_SOURCE_ID,
      filter: isCluster,
      paint: {
        'circle-color': CLUSTER_COLOR,
        'circle-opacity': 0.85,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 2,
        'circle-radius': ['step', ['get', 'point_count'], 11, 10, 14, 50, 18, 200, 23],
      },
    },
    {
      id: HOSPITALS_CLUSTER_COUNT_LAYER_ID,
      type: 'symbol',
      source: HOSPITALS_SOURCE_ID,
      filter: isCluster,
      layout: {
        'icon-image': ['concat', CLUSTER_COUNT_PREFIX, ['to-string', ['get', 'point_count_abbreviated']]],
        'icon-allow-overlap': true,
        'icon-ignore-placement': true,
      },
    },
    {
      id: HOSPITALS_POINT_LAYER_ID,
      type: 'symbol',
      source: HOSPITALS_SOURCE_ID,
      filter: isPoint,
      layout: {
        'icon-image': iconExpression(),
        'icon-allow-overlap': true,
        'icon-size': ['interpolate', ['linear'], ['zoom'], 9, 0.8, 13, 1.1],
      },
    },
  ];
}

export function hospitalIconImages(pixelRatio = 1): Array<{ id: string; image: PatternImage; pixelRatio: number }> {
  return HOSPITAL_CATEGORIES.map((c) => ({
    id: hospitalIconId(c),
    image: drawIcon({ shape: HOSPITAL_CATEGORY_STYLES[c].shape, size: ICON_SIZE, fill: HOSPITAL_CATEGORY_STYLES[c].color, stroke: '#ffffff', strokeWidth: 1.6 }, pixelRatio),
    pixelRatio,
  }));
}

// ---------------------------------------------------------------------------
// Legend

export interface HospitalLegendItem {
  readonly category: HospitalCategory;
  readonly label: string;
  readonly count: number;
  readonly shape: IconShape;
  readonly color: string;
}

/** Legend items in a fixed order with the number of hospitals of each category. */
export function hospitalLegendItems(
  labels: Readonly<Record<HospitalCategory, string>>,
  counts: Readonly<Partial<Record<HospitalCategory, number>>>,
): HospitalLegendItem[] {
  return HOSPITAL_CATEGORIES.map((category) => ({
    category,
    label: labels[category],
    count: counts[category] ?? 0,
    shape: HOSPITAL_CATEGORY_STYLES[category].shape,
    color: HOSPITAL_CATEGORY_STYLES[category].color,
  }));
}
