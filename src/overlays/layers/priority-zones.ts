// Priority zones (QPV 2024 communes, isolated rural communes, FRR) drawn over
// the indicator map. Pure builders: sources, layers, patterns, legend.
//
// Zones are mapped through their communes (no national QPV polygons exist in
// the sources), so each zone type is a pattern over the communes it holds
// (a filter on the commune territory source) plus their outlines. Patterns
// and outline dashes stay readable over any choropleth and in greyscale;
// the strokes run in three directions (/, —, \), so two zones that overlap
// read as a cross-hatch.
import type { FillLayerSpecification, FilterSpecification, LineLayerSpecification } from 'maplibre-gl';
import type { ZoneType } from '../../lib/priority-zones.ts';
import { drawPattern, type PatternImage, type PatternSpec } from '../patterns.ts';
import type { TerritoryLayerSource } from '../../layers/territories.ts';

// ---------------------------------------------------------------------------
// Defaults

/** Zone types drawn on the map, one toggle each (FRR includes FRR+, see src/lib/zones.ts). */
export const MAPPED_ZONE_TYPES = ['qpv', 'rural_isole', 'frr'] as const satisfies readonly ZoneType[];
export type MappedZoneType = (typeof MAPPED_ZONE_TYPES)[number];

const LAYER_PREFIX = 'overlay-zones';
/** Property of the commune features holding the INSEE code (the territory source's promoteId). */
export const COMMUNE_CODE_PROPERTY = 'code';

export interface ZoneStyle {
  readonly color: string;
  readonly pattern: PatternSpec;
  readonly lineWidth: number;
  /** Outline dash in line widths; null = solid. */
  readonly dash: readonly number[] | null;
  /**
   * Commune outlines appear from this zoom: thousands of rural communes
   * outlined at national zoom would bury the choropleth; the pattern alone
   * reads there.
   */
  readonly outlineMinZoom: number;
}

const HALO = '#ffffff';

export const ZONE_STYLES: Readonly<Record<MappedZoneType, ZoneStyle>> = {
  qpv: {
    color: '#a3005c',
    pattern: { kind: 'hatch', size: 8, angle: 45, lineWidth: 2, color: '#a3005c' },
    lineWidth: 2,
    dash: null,
    outlineMinZoom: 0,
  },
  rural_isole: {
    color: '#1e5b29',
    // Continuous strokes, not dots: at national zoom a commune is a few pixels wide and dots would miss most of them.
    pattern: { kind: 'hatch', size: 6, angle: 0, lineWidth: 1.6, color: '#1e5b29' },
    lineWidth: 1.4,
    dash: [2.5, 1.5],
    outlineMinZoom: 7,
  },
  frr: {
    color: '#6b4200',
    pattern: { kind: 'hatch', size: 10, angle: 135, lineWidth: 1.6, color: '#6b4200' },
    lineWidth: 1.4,
    dash: [0.8, 1.6],
    outlineMinZoom: 7,
  },
};

// ---------------------------------------------------------------------------
// Ids

export function zoneLayerId(type: MappedZoneType, part: 'pattern' | 'halo' | 'line'): string {
  return `${LAYER_PREFIX}-${type}-${part}`;
}

export function zonePatternImageId(type: MappedZoneType): string {
  return `${LAYER_PREFIX}-pattern-${type}`;
}

// ---------------------------------------------------------------------------
// Layers

/**
 * Filter keeping the communes of a zone. `match` looks labels up in a table,
 * so a list of several thousand codes stays cheap (an `in` over a literal
 * array would scan it for every feature).
 */
export function communeCodeFilter(codes: readonly string[]): FilterSpecification {
  if (codes.length === 0) return ['boolean', false];
  return ['match', ['get', COMMUNE_CODE_PROPERTY], [...codes], true, false] as FilterSpecification;
}

/**
 * The layers of one zone type over the commune source, bottom first: the
 * pattern, a white halo, then the commune outlines in the zone colour (the
 * halo keeps the outline visible over a dark choropleth class).
 */
export function zoneLayerSpecs(
  type: MappedZoneType,
  communeSource: string | TerritoryLayerSource,
  communeCodes: readonly string[],
  visible = true,
): Array<FillLayerSpecification | LineLayerSpecification> {
  const style = ZONE_STYLES[type];
  const filter = communeCodeFilter(communeCodes);
  const visibility = visible ? 'visible' : 'none';
  // A tiled commune source needs its source layer on every layer.
  const source = typeof communeSource === 'string' ? { source: communeSource } : communeSource;
  const width = (w: number) => ['interpolate', ['linear'], ['zoom'], 5, w * 0.5, 9, w, 12, w * 1.5] as const;
  return [
    {
      id: zoneLayerId(type, 'pattern'),
      type: 'fill',
      ...source,
      filter,
      layout: { visibility },
      // No antialiasing: adjacent communes of the same zone would show seams.
      paint: { 'fill-pattern': zonePatternImageId(type), 'fill-antialias': false, 'fill-opacity': 0.9 },
    },
    {
      id: zoneLayerId(type, 'halo'),
      type: 'line',
      ...source,
      minzoom: style.outlineMinZoom,
      filter,
      layout: { visibility, 'line-join': 'round' },
      paint: { 'line-color': HALO, 'line-opacity': 0.7, 'line-width': width(style.lineWidth + 1.5) as never },
    },
    {
      id: zoneLayerId(type, 'line'),
      type: 'line',
      ...source,
      minzoom: style.outlineMinZoom,
      filter,
      layout: { visibility, 'line-join': 'round' },
      paint: {
        'line-color': style.color,
        'line-width': width(style.lineWidth) as never,
        ...(style.dash ? { 'line-dasharray': ['literal', [...style.dash]] } : {}),
      },
    } as LineLayerSpecification,
  ];
}

/** All layer ids of a zone type (to toggle visibility). */
export function zoneLayerIds(type: MappedZoneType): string[] {
  return (['pattern', 'halo', 'line'] as const).map((part) => zoneLayerId(type, part));
}

export function zonePatternImages(pixelRatio = 1): Array<{ id: string; image: PatternImage; pixelRatio: number }> {
  return MAPPED_ZONE_TYPES.map((type) => ({ id: zonePatternImageId(type), image: drawPattern(ZONE_STYLES[type].pattern, pixelRatio), pixelRatio }));
}

// ---------------------------------------------------------------------------
// Legend

export interface ZoneLegendItem {
  readonly type: MappedZoneType;
  readonly label: string;
  /** What is drawn and by which rule (the legend must state it). */
  readonly rule: string;
  /** Caveats: what is not available, what is to be checked. */
  readonly caveat: string | null;
  readonly communes: number;
  readonly color: string;
  readonly pattern: PatternSpec;
  readonly lineWidth: number;
  readonly dashPx: readonly number[] | null;
}

export interface ZoneLegendText {
  readonly label: string;
  readonly rule: string;
  readonly caveat: string | null;
}

/** Legend entry of a zone type: texts come from the caller (i18n + the zone rule), the style from here. */
export function zoneLegendItem(type: MappedZoneType, text: ZoneLegendText, communes: number): ZoneLegendItem {
  const s = ZONE_STYLES[type];
  return {
    type,
    label: text.label,
    rule: text.rule,
    caveat: text.caveat,
    communes,
    color: s.color,
    pattern: s.pattern,
    lineWidth: s.lineWidth,
    dashPx: s.dash ? s.dash.map((d) => d * s.lineWidth) : null,
  };
}
