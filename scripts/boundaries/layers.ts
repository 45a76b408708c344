// The pure core of the boundaries step: commune shapes in, one topology per
// level and zone out (communes simplified, coarser levels dissolved from them,
// keeping only the arcs they use, joined into chains).
import { SUPRA_LEVELS, ZONES, type Level, type Zone } from '../../src/lib/levels.ts';
import { chainArcs } from './chain.ts';
import { dissolve, pruneArcs } from './dissolve.ts';
import { buildCommuneTopology, emptyTerritories, QUANTIZATION, type ZoneTopology } from './topology.ts';
import type { CommuneMembership, CommuneShape } from './types.ts';

export type Layers = Record<Level, Partial<Record<Zone, ZoneTopology>>>;

export interface LayerOptions {
  quantization?: Partial<Record<Zone, number>>;
  minWeight?: number;
  log?: (message: string) => void;
}

export function buildLayers(
  shapes: readonly CommuneShape[],
  memberships: ReadonlyMap<string, CommuneMembership>,
  options: LayerOptions = {},
): Layers {
  const log = options.log ?? (() => {});
  const layers: Layers = { commune: {}, epci: {}, bv: {}, departement: {}, region: {} };
  for (const zone of ZONES) {
    const zoneShapes = shapes.filter((s) => s.zone === zone);
    if (zoneShapes.length === 0) continue;
    const t0 = performance.now();
    const communes = buildCommuneTopology(zoneShapes, {
      quantization: options.quantization?.[zone] ?? QUANTIZATION[zone],
      ...(options.minWeight !== undefined ? { minWeight: options.minWeight } : {}),
    });
    const empty = emptyTerritories(communes);
    if (empty.length > 0) throw new Error(`${empty.length} communes lost their area in ${zone}: ${empty.slice(0, 10).join(', ')}`);
    layers.commune[zone] = communes;
    for (const level of SUPRA_LEVELS) {
      const geometries = dissolve(communes, (code) => {
        const m = memberships.get(code);
        if (!m) throw new Error(`Commune ${code} has geometry but no row in the COG tables`);
        return m[level];
      });
      layers[level][zone] = chainArcs(pruneArcs(communes, geometries));
    }
    log(`  ${zone}: ${zoneShapes.length} communes, ${communes.arcs.length} arcs (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  }
  return layers;
}
