// Pure builders of the overlay layers: status → style (greyscale-distinct),
// layer specs valid against the MapLibre style spec, patterns, legend models.
import { describe, expect, it } from 'vitest';
import { validateStyleMin, type StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import { CONTRACT_STATUSES, type ContractStatus } from '../../src/lib/contracts.ts';
import { HOSPITAL_TYPES, type HospitalType } from '../../src/lib/overlay-format.ts';
import {
  CONTRACT_STATUS_STYLES,
  CONTRACTS_HIT_LAYER_ID,
  CONTRACTS_SELECTED_LAYER_IDS,
  CONTRACTS_SOURCE_ID,
  contractHatchImageId,
  contractLayerId,
  contractLayerSpecs,
  contractLegendModel,
  contractPatternImages,
  contractSelectionFilter,
  contractsSourceSpec,
  contractSwatch,
} from '../../src/overlays/layers/contracts.ts';
import {
  communeCodeFilter,
  MAPPED_ZONE_TYPES,
  ZONE_STYLES,
  zoneLayerIds,
  zoneLayerSpecs,
  zoneLegendItem,
  zonePatternImageId,
  zonePatternImages,
} from '../../src/overlays/layers/priority-zones.ts';
import {
  clusterCountImageId,
  clusterCountLabelOf,
  HOSPITAL_CATEGORIES,
  HOSPITAL_CATEGORY_STYLES,
  HOSPITAL_TYPE_CATEGORY,
  hospitalCategoryOf,
  hospitalIconId,
  hospitalIconImages,
  hospitalLayerSpecs,
  hospitalLegendItems,
  hospitalsSourceSpec,
  HOSPITALS_POINT_LAYER_ID,
  HOSPITALS_SOURCE_ID,
} from '../../src/overlays/layers/care-offer.ts';
import { drawIcon, drawPattern, parseHexColor } from '../../src/overlays/patterns.ts';

const EMPTY_FC = { type: 'FeatureCollection', features: [] } as const;

/** Validates layers against the style spec inside a minimal style holding their sources. */
function validate(sources: StyleSpecification['sources'], layers: unknown[]): string[] {
  const style = { version: 8, sources, layers } as StyleSpecification;
  return validateStyleMin(style).map((e) => e.message);
}

function alpha(image: { data: Uint8ClampedArray; width: number }, x: number, y: number): number {
  return image.data[(y * image.width + x) * 4 + 3]!;
}

/** Relative luminance (0–1) of a hex colour, the grey a greyscale print shows. */
function luminance(hex: string): number {
  const [r, g, b] = parseHexColor(hex).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

describe('contract status styles', () => {
  it('gives every status a style', () => {
    for (const status of CONTRACT_STATUSES) expect(CONTRACT_STATUS_STYLES[status]).toBeDefined();
  });

  it('keeps statuses apart without colour: fill kind, fill strength and dash differ for each', () => {
    const signatures = CONTRACT_STATUSES.map((s) => {
      const style = CONTRACT_STATUS_STYLES[s];
      return JSON.stringify([style.fill, style.fill === 'solid' ? style.fillOpacity : 0, style.dash]);
    });
    expect(new Set(signatures).size).toBe(CONTRACT_STATUSES.length);
  });

  it('draws signed contracts solid (outline and fill), in preparation dashed, planned hatched', () => {
    expect(CONTRACT_STATUS_STYLES.signe).toMatchObject({ fill: 'solid', dash: null });
    expect(CONTRACT_STATUS_STYLES.en_preparation.dash).not.toBeNull();
    expect(CONTRACT_STATUS_STYLES.en_preparation.fill).toBe('none');
    expect(CONTRACT_STATUS_STYLES.envisage.fill).toBe('hatch');
    expect(CONTRACT_STATUS_STYLES.termine.fill).toBe('none');
  });

  it('uses dark outline colours (visible on white and light choropleth classes)', () => {
    for (const s of CONTRACT_STATUSES) expect(luminance(CONTRACT_STATUS_STYLES[s].color)).toBeLessThan(0.2);
  });
});

describe('contract layer specs', () => {
  const layers = contractLayerSpecs();
  const byId = new Map(layers.map((l) => [l.id, l]));

  it('are valid MapLibre layers on the contracts source', () => {
    const errors = validate({ [CONTRACTS_SOURCE_ID]: contractsSourceSpec(EMPTY_FC as never) }, layers);
    expect(errors).toEqual([]);
    for (const l of layers) expect(l.source).toBe(CONTRACTS_SOURCE_ID);
  });

  it('starts with the transparent hit layer and ends with the selection highlight', () => {
    expect(layers[0]!.id).toBe(CONTRACTS_HIT_LAYER_ID);
    expect(layers[0]!.paint).toMatchObject({ 'fill-opacity': 0 });
    expect(layers.slice(-2).map((l) => l.id)).toEqual([...CONTRACTS_SELECTED_LAYER_IDS]);
  });

  it('draws the hatched status with a pattern image made in code', () => {
    const hatch = byId.get(contractLayerId('envisage', 'hatch'));
    expect(hatch?.type).toBe('fill');
    expect(hatch?.paint).toMatchObject({ 'fill-pattern': contractHatchImageId('envisage') });
    const images = contractPatternImages();
    expect(images.map((i) => i.id)).toContain(contractHatchImageId('envisage'));
  });

  it('dashes outlines exactly where the style says, and signed outlines are solid', () => {
    for (const status of CONTRACT_STATUSES) {
      const line = byId.get(contractLayerId(status, 'line'))!;
      const dash = (line.paint as Record<string, unknown>)['line-dasharray'];
      const expected = CONTRACT_STATUS_STYLES[status].dash;
      expect(dash).toEqual(expected ? ['literal', expected] : undefined);
    }
  });

  it('filters each status layer on its status and draws ended contracts below signed ones', () => {
    const lineIds = layers.filter((l) => l.id.endsWith('-line')).map((l) => l.id);
    expect(lineIds.indexOf(contractLayerId('termine', 'line'))).toBeLessThan(lineIds.indexOf(contractLayerId('signe', 'line')));
    expect(byId.get(contractLayerId('signe', 'fill'))?.filter).toEqual(['==', ['get', 'status'], 'signe']);
  });

  it('shows only the statuses asked for, and nothing with an empty list', () => {
    const only = contractLayerSpecs({ statuses: ['signe'] });
    expect(only.some((l) => l.id.includes('envisage'))).toBe(false);
    expect(only[0]!.filter).toEqual(['match', ['get', 'status'], ['signe'], true, false]);
    const none = contractLayerSpecs({ statuses: [] });
    expect(validate({ [CONTRACTS_SOURCE_ID]: contractsSourceSpec(EMPTY_FC as never) }, none)).toEqual([]);
  });

  it('highlights the open contract by id', () => {
    expect(contractSelectionFilter('pornic-2022')).toEqual(['==', ['get', 'id'], 'pornic-2022']);
    expect(contractSelectionFilter(null)).toEqual(['==', ['get', 'id'], '']);
  });
});

describe('contract legend model', () => {
  const contracts = [
    { id: 'a', name: 'CLS A', status: 'signe' as ContractStatus, mapped: true },
    { id: 'b', name: 'CLS B', status: 'signe' as ContractStatus, mapped: true },
    { id: 'c', name: 'CLS C', status: 'envisage' as ContractStatus, mapped: true },
    { id: 'd', name: 'CLS des 3 Pays', status: 'en_preparation' as ContractStatus, mapped: false, unmappedReason: 'territoire « 3 Pays » non identifié' },
    { id: 'e', name: 'CLS Est', status: 'signe' as ContractStatus, mapped: false, unmappedReason: null },
  ];
  const model = contractLegendModel(contracts);

  it('lists every status in life-cycle order with the count of mapped perimeters', () => {
    expect(model.items.map((i) => i.status)).toEqual([...CONTRACT_STATUSES]);
    expect(Object.fromEntries(model.items.map((i) => [i.status, i.count]))).toEqual({
      envisage: 1,
      en_preparation: 0,
      signe: 2,
      en_renouvellement: 0,
      termine: 0,
      a_confirmer: 0,
    });
    expect(model.items.find((i) => i.status === 'signe')?.label).toBe('Signé / en cours');
  });

  it('lists unmapped contracts with their reason, or a default one', () => {
    expect(model.unmapped).toEqual([
      { id: 'd', name: 'CLS des 3 Pays', status: 'en_preparation', reason: 'territoire « 3 Pays » non identifié' },
      { id: 'e', name: 'CLS Est', status: 'signe', reason: 'territoire non identifié' },
    ]);
  });

  it('gives swatches the map parameters: dash in pixels, hatch only for planned contracts', () => {
    const s = contractSwatch('en_preparation');
    const style = CONTRACT_STATUS_STYLES.en_preparation;
    expect(s.dashPx).toEqual(style.dash!.map((d) => d * style.lineWidth));
    expect(contractSwatch('envisage').hatch).not.toBeNull();
    expect(contractSwatch('signe').hatch).toBeNull();
    expect(contractSwatch('signe').dashPx).toBeNull();
  });
});

describe('patterns and icons drawn in code', () => {
  it('draws a hatch with ink and gaps, that tiles without a seam', () => {
    const image = drawPattern({ kind: 'hatch', size: 10, angle: 45, lineWidth: 2, color: '#a94645' });
    expect(image.width).toBe(10);
    expect(image.data.length).toBe(10 * 10 * 4);
    let ink = 0;
    let empty = 0;
    for (let y = 0; y < 10; y += 1) {
      for (let x = 0; x < 10; x += 1) {
        const a = alpha(image, x, y);
        if (a > 200) ink += 1;
        if (a === 0) empty += 1;
        // Along a 45° stroke the value is constant, across the tile edge too.
        expect(Math.abs(a - alpha(image, (x + 1) % 10, (y + 9) % 10))).toBeLessThanOrEqual(1);
      }
    }
    expect(ink).toBeGreaterThan(5);
    expect(empty).toBeGreaterThan(20);
  });

  it('scales with the pixel ratio and keeps the colour', () => {
    const image = drawPattern({ kind: 'dots', size: 8, radius: 2, color: '#1e5b29' }, 2);
    expect(image.width).toBe(16);
    const centre = (8 * 16 + 8) * 4;
    expect([...image.data.slice(centre, centre + 4)]).toEqual([0x1e, 0x5b, 0x29, 255]);
    expect(alpha(image, 0, 0)).toBe(0);
  });

  it('draws icons filled at the centre and transparent in the corners', () => {
    for (const shape of ['circle', 'square', 'triangle', 'diamond', 'cross'] as const) {
      const icon = drawIcon({ shape, size: 14, fill: '#000091', stroke: '#ffffff', strokeWidth: 1.5 });
      expect(alpha(icon, 7, 7)).toBe(255);
      expect(alpha(icon, 0, 0)).toBe(0);
    }
  });

  it('rejects a colour it cannot parse', () => {
    expect(() => parseHexColor('blue')).toThrow();
    expect(parseHexColor('#abc')).toEqual([0xaa, 0xbb, 0xcc, 255]);
  });
});

describe('zone layers', () => {
  it('filters the commune source with a match on the codes (lookup, not a scan)', () => {
    expect(communeCodeFilter(['01001', '2A004'])).toEqual(['match', ['get', 'code'], ['01001', '2A004'], true, false]);
    expect(communeCodeFilter([])).toEqual(['boolean', false]);
  });

  it('are valid MapLibre layers over the commune source, hidden until switched on', () => {
    for (const type of MAPPED_ZONE_TYPES) {
      const layers = zoneLayerSpecs(type, 'territories-commune', ['77131', '97611']);
      expect(validate({ 'territories-commune': { type: 'geojson', data: EMPTY_FC as never } }, layers)).toEqual([]);
      expect(layers.map((l) => l.id)).toEqual(zoneLayerIds(type));
      expect(layers[0]!.paint).toMatchObject({ 'fill-pattern': zonePatternImageId(type) });
      const hidden = zoneLayerSpecs(type, 'territories-commune', [], false);
      for (const l of hidden) expect(l.layout?.visibility).toBe('none');
    }
  });

  it('gives each zone type a different pattern and outline (greyscale-distinct)', () => {
    const signatures = MAPPED_ZONE_TYPES.map((t) => {
      const s = ZONE_STYLES[t];
      return JSON.stringify([s.pattern.kind, s.pattern.kind === 'hatch' ? s.pattern.angle : null, s.dash]);
    });
    expect(new Set(signatures).size).toBe(MAPPED_ZONE_TYPES.length);
    expect(zonePatternImages().map((i) => i.id)).toEqual(MAPPED_ZONE_TYPES.map(zonePatternImageId));
  });

  it('builds a legend item carrying the rule and the count', () => {
    const item = zoneLegendItem('rural_isole', { label: 'Communes rurales isolées', rule: 'densité 5–7 et AAV 30', caveat: null }, 4210);
    expect(item).toMatchObject({ type: 'rural_isole', rule: 'densité 5–7 et AAV 30', communes: 4210, color: ZONE_STYLES.rural_isole.color });
    expect(item.dashPx).toEqual(ZONE_STYLES.rural_isole.dash!.map((d) => d * ZONE_STYLES.rural_isole.lineWidth));
  });
});

describe('hospital layers', () => {
  it('cluster the points at low zoom', () => {
    expect(hospitalsSourceSpec(EMPTY_FC as never)).toMatchObject({ type: 'geojson', cluster: true });
  });

  it('are valid MapLibre layers', () => {
    expect(validate({ [HOSPITALS_SOURCE_ID]: hospitalsSourceSpec(EMPTY_FC as never) }, hospitalLayerSpecs())).toEqual([]);
  });

  it('map every FINESS type to a category, and every category to an icon of its own shape', () => {
    for (const type of Object.keys(HOSPITAL_TYPES) as HospitalType[]) expect(HOSPITAL_CATEGORIES).toContain(HOSPITAL_TYPE_CATEGORY[type]);
    expect(hospitalCategoryOf('chr')).toBe('chr');
    expect(hospitalCategoryOf('ch_ex_hl')).toBe('ch');
    expect(hospitalCategoryOf('nonsense')).toBe('other');
    expect(new Set(HOSPITAL_CATEGORIES.map((c) => HOSPITAL_CATEGORY_STYLES[c].shape)).size).toBe(HOSPITAL_CATEGORIES.length);
    expect(hospitalIconImages().map((i) => i.id)).toEqual(HOSPITAL_CATEGORIES.map(hospitalIconId));
  });

  it('choose the point icon from the FINESS type', () => {
    const points = hospitalLayerSpecs().find((l) => l.id === HOSPITALS_POINT_LAYER_ID)!;
    const expr = (points.layout as Record<string, unknown>)['icon-image'] as unknown[];
    expect(expr[0]).toBe('match');
    expect(expr).toContainEqual(['ch', 'ch_ex_hl']);
    expect(expr[expr.length - 1]).toBe(hospitalIconId('other'));
  });

  it('name cluster count images so the map can draw them on demand', () => {
    expect(clusterCountLabelOf(clusterCountImageId('1.2k'))).toBe('1.2k');
    expect(clusterCountLabelOf('something-else')).toBeNull();
  });

  it('build legend items in a fixed order with counts', () => {
    const labels = { chr: 'CHR', ch: 'CH', psy: 'Psy', ssrSld: 'SSR', other: 'Autres' };
    const items = hospitalLegendItems(labels, { ch: 3 });
    expect(items.map((i) => [i.category, i.count])).toEqual([
      ['chr', 0],
      ['ch', 3],
      ['psy', 0],
      ['ssrSld', 0],
      ['other', 0],
    ]);
  });
});
