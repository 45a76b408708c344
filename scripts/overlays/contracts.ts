// Registry → overlays/contracts.json: each contract with its COG 2025
// communes, card fields and source links, plus its perimeter dissolved from
// the commune topology. Pure: the dissolve function is passed in.
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import {
  CONTRACT_STATUS_LABELS,
  PERIMETER_TYPE_LABELS,
  resolvePerimeter,
  type CogLookup,
  type ContractRegistry,
} from '../../src/lib/contracts.ts';
import type { ContractFeatureProperties, ContractOverlayEntry, ContractsOverlay } from '../../src/lib/overlay-format.ts';
import { unionBBox, type CommuneIndexEntry } from './communes.ts';

export function buildContractsOverlay(
  registry: ContractRegistry,
  cog: CogLookup,
  communeIndex: ReadonlyMap<string, Pick<CommuneIndexEntry, 'population' | 'bbox'>>,
  dissolve: (codes: readonly string[]) => Polygon | MultiPolygon | null,
): ContractsOverlay {
  const features: Array<Feature<Polygon | MultiPolygon, ContractFeatureProperties>> = [];
  const contracts = registry.contracts.map((c): ContractOverlayEntry => {
    const communes = resolvePerimeter(c, cog);
    const entries = communes.map((code) => communeIndex.get(code));
    const populations = entries.map((e) => e?.population ?? null);
    const population = communes.length > 0 && populations.every((p) => p !== null) ? populations.reduce<number>((a, b) => a + (b ?? 0), 0) : null;
    const bbox = unionBBox(entries.flatMap((e) => (e ? [e.bbox] : [])));
    if (communes.length > 0) {
      const geometry = dissolve(communes);
      if (geometry) features.push({ type: 'Feature', id: c.id, properties: { id: c.id, status: c.status }, geometry });
    }
    return {
      id: c.id,
      name: c.name,
      status: c.status,
      statusLabel: CONTRACT_STATUS_LABELS[c.status],
      statusReported: c.statusReported,
      statusAsOf: c.statusAsOf,
      statusAsOfApproximate: c.statusAsOfApproximate === true,
      generation: c.generation,
      ars: c.ars,
      dates: c.dates,
      periodReported: c.periodReported,
      durationYears: c.durationYears,
      signatories: c.signatories,
      perimeterType: c.perimeterType,
      perimeterTypeLabel: PERIMETER_TYPE_LABELS[c.perimeterType],
      perimeter: c.perimeter,
      communes,
      population,
      mapped: communes.length > 0,
      unmappedReason: c.unmappedReason ?? null,
      departements: c.departements,
      coordinator: c.coordinator,
      sources: c.sources,
      confidence: c.confidence,
      notes: c.notes,
      bbox,
    };
  });
  return {
    version: 1,
    referenceDate: registry.referenceDate,
    statusLabels: CONTRACT_STATUS_LABELS,
    contracts,
    perimeters: { type: 'FeatureCollection', features },
  };
}
