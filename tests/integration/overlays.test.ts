// The overlays step on the real mirror: boundaries then overlays into a
// temporary directory, then checks on the written files.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultContext, type BuildContext } from '../../scripts/lib/context.ts';
import { loadCogTables } from '../../scripts/lib/cog.ts';
import { buildBoundaries } from '../../scripts/boundaries/index.ts';
import { buildOverlays } from '../../scripts/overlays/index.ts';
import { cogLookupFromTables, readRegistry } from '../../scripts/overlays/registry.ts';
import { rollupCoverage, validateRegistry, neighbouringContracts, type CogLookup } from '../../src/lib/contracts.ts';
import { decodeCommuneNeighbours, type CommuneNeighbours, type ContractPerimeters, type ContractsOverlay, type HospitalsOverlay, type OverlaysManifest, type ZonesOverlay } from '../../src/lib/overlay-format.ts';
import { isIsolatedRural, zoneAggregateFromRow, ZONE_TYPES, type ZoneType } from '../../src/lib/priority-zones.ts';

let ctx: BuildContext;
let cog: CogLookup;
const read = <T>(url: string): T => JSON.parse(readFileSync(path.join(ctx.outDir, url), 'utf8')) as T;

beforeAll(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cls-atlas-overlays-'));
  ctx = { ...defaultContext([]), outDir: path.join(dir, 'data'), reportDir: path.join(dir, 'report'), log: () => {} };
  cog = cogLookupFromTables(await loadCogTables(ctx));
  await buildBoundaries(ctx);
  await buildOverlays(ctx);
});

afterAll(() => {
  if (ctx) rmSync(path.dirname(ctx.outDir), { recursive: true, force: true });
});

describe('contracts registry on the COG 2025', () => {
  it('the committed registry validates (no error)', () => {
    const issues = validateRegistry(readRegistry(), cog);
    expect(issues.filter((i) => i.level === 'error')).toEqual([]);
  });

  it('holds at least 200 contracts from at least 18 régions, every line citing a public address', () => {
    const registry = readRegistry();
    expect(registry.contracts.length).toBeGreaterThanOrEqual(200);
    const { registry: summary } = read<ContractsOverlay>('overlays/contracts.json');
    const regions = summary.regions.filter((r) => r.code !== null && r.contracts > 0).map((r) => r.code);
    expect(regions.length, `régions: ${regions.join(', ')}`).toBeGreaterThanOrEqual(18);
    const withoutAddress = registry.contracts.filter((c) => !c.sources.some((s) => typeof s.url === 'string' && /^https?:\/\/\S+$/.test(s.url))).map((c) => c.id);
    expect(withoutAddress).toEqual([]);
    expect(summary.regions.reduce((n, r) => n + r.contracts, 0)).toBe(registry.contracts.length);
  });

  it('every mapped perimeter is made of COG 2025 codes; unmapped lines say why', () => {
    const { contracts } = read<ContractsOverlay>('overlays/contracts.json');
    for (const c of contracts) {
      expect(c.perimeter.communes.every((code) => cog.hasCommune(code)), c.id).toBe(true);
      expect(c.perimeter.epci.every((siren) => cog.epciMembers(siren) !== undefined), c.id).toBe(true);
      if (c.perimeter.communes.length + c.perimeter.epci.length > 0) {
        expect(c.communes.length, c.id).toBeGreaterThan(0);
        expect(c.communes.every((code) => cog.hasCommune(code)), c.id).toBe(true);
        expect(c.mapped).toBe(true);
      } else {
        expect(c.mapped).toBe(false);
        expect(c.unmappedReason, c.id).toBeTruthy();
      }
    }
    const pornic = contracts.find((c) => c.id === 'pornic-2022')!;
    expect(pornic.communes).toHaveLength(15);
    expect(pornic.population).toBeGreaterThan(50000);
  });

  it('every mapped contract has a dissolved perimeter, in its own file named by the manifest', () => {
    const overlay = read<ContractsOverlay>('overlays/contracts.json');
    const manifest = read<OverlaysManifest>('overlays/manifest.json');
    expect(manifest.layers.contracts.perimeters.url).toBe('overlays/contract-perimeters.geojson');
    const perimeters = read<ContractPerimeters>(manifest.layers.contracts.perimeters.url);
    const withGeometry = new Set(perimeters.features.map((f) => f.properties.id));
    expect(perimeters.features).toHaveLength(overlay.contracts.filter((c) => c.mapped).length);
    expect(overlay.contracts.filter((c) => c.mapped).every((c) => withGeometry.has(c.id))).toBe(true);
  });

  it('Coulommiers (77131) is covered by its CLS', () => {
    const { contracts } = read<ContractsOverlay>('overlays/contracts.json');
    const result = rollupCoverage(['77131'], contracts);
    expect(result.coverage).toBe('covered');
    expect(result.contracts.map((c) => c.id)).toEqual(['coulommiers-2012']);
  });

  it('the Coulommiers EPCI (200090504) is partly covered: only 77131', () => {
    const { contracts } = read<ContractsOverlay>('overlays/contracts.json');
    const index = read<{ territories: Array<{ code: string; parents: { epci: string } }> }>('index/commune.json');
    const epci = index.territories.filter((t) => t.parents.epci === '200090504').map((t) => t.code);
    const result = rollupCoverage(epci, contracts);
    expect(result.coverage).toBe('partial');
    expect(result.covered).toEqual(['77131']);
    expect(result.uncovered).toHaveLength(epci.length - 1);
  });

  it('lists contracts of neighbouring territories from the commune adjacency', () => {
    const { contracts } = read<ContractsOverlay>('overlays/contracts.json');
    const neighbours = decodeCommuneNeighbours(read<CommuneNeighbours>('overlays/commune-neighbours.json'));
    // Dembéni (97607) borders Mamoudzou (97611): Mamoudzou's contracts are next door.
    const next = neighbouringContracts(['97607'], contracts, (c) => neighbours.get(c) ?? []);
    expect(next.map((n) => n.id)).toEqual(expect.arrayContaining(['mamoudzou-2013', 'mamoudzou-2021']));
    const asymmetric: string[] = [];
    for (const [code, list] of neighbours) for (const n of list) if (!neighbours.get(n)?.includes(code)) asymmetric.push(`${code}→${n}`);
    expect(asymmetric).toEqual([]);
  });
});

describe('priority zones', () => {
  it('national counts per zone type', () => {
    const zones = read<ZonesOverlay>('overlays/zones.json');
    expect(zones.communes.codes).toHaveLength(34875);
    const total = (t: ZoneType) => Object.values(zones.aggregates.region).reduce((s, row) => s + zoneAggregateFromRow(row).zones[t].communes, 0);
    expect(total('qpv')).toBe(824);
    expect(total('frr')).toBe(17769);
    expect(total('frr_plus')).toBe(4456);
    expect(total('rural_isole')).toBe(8859);
    expect(Object.keys(zones.qpvNames)).toHaveLength(1493);
  });

  it.each(['77', '2A', '976', '15'])('zone counts for département %s equal the sum over its communes', (dep) => {
    const zones = read<ZonesOverlay>('overlays/zones.json');
    const index = read<{ territories: Array<{ code: string; parents: { departement: string } }> }>('index/commune.json');
    const communes = new Set(index.territories.filter((t) => t.parents.departement === dep).map((t) => t.code));
    const sums: Record<ZoneType, { communes: number; population: number }> = Object.fromEntries(ZONE_TYPES.map((t) => [t, { communes: 0, population: 0 }])) as Record<ZoneType, { communes: number; population: number }>;
    let population = 0;
    zones.communes.codes.forEach((code, i) => {
      if (!communes.has(code)) return;
      const pop = Math.max(zones.communes.population[i]!, 0);
      population += pop;
      const dens7 = zones.communes.dens7[i] || null;
      const frr = zones.communes.frr[i]!;
      const flags: Record<ZoneType, boolean> = {
        qpv: (zones.qpvByCommune[code] ?? []).length > 0,
        rural_isole: isIsolatedRural({ dens7, aavCategory: zones.communes.aavCategory[i] || null }),
        frr: frr === 4 || frr === 5,
        frr_plus: frr === 5,
      };
      for (const t of ZONE_TYPES) if (flags[t]) {
        sums[t].communes += 1;
        sums[t].population += pop;
      }
    });
    const agg = zoneAggregateFromRow(zones.aggregates.departement[dep]!);
    expect(agg.communes).toBe(communes.size);
    expect(agg.population).toBe(population);
    for (const t of ZONE_TYPES) expect(agg.zones[t], t).toEqual(sums[t]);
  });
});

describe('hospitals and manifest', () => {
  it('every FINESS point is kept, 9-character ids, nearly all assigned to a commune', () => {
    const hospitals = read<HospitalsOverlay>('overlays/hospitals.geojson');
    expect(hospitals.features).toHaveLength(5368);
    expect(hospitals.features.every((f) => f.properties.finess.length === 9)).toBe(true);
    const unassigned = hospitals.features.filter((f) => f.properties.commune === null);
    // Only Saint-Pierre-et-Miquelon, outside the COG 2025 communes.
    expect(unassigned.every((f) => f.properties.finess.startsWith('9705'))).toBe(true);
    expect(hospitals.features.filter((f) => f.properties.commune === '77131').length).toBeGreaterThan(0);
  });

  it('the overlays manifest credits every layer and lists what is not available', () => {
    const manifest = read<OverlaysManifest>('overlays/manifest.json');
    for (const layer of Object.values(manifest.layers)) {
      expect(layer.sources.length).toBeGreaterThan(0);
      for (const s of layer.sources) expect(s.producer && s.licence).toBeTruthy();
    }
    expect(manifest.unavailable.map((u) => u.id)).toEqual(expect.arrayContaining(['qpv-polygons', 'qpv-population', 'msp', 'centres-de-sante']));
    const main = read<{ overlays: string }>('manifest.json');
    expect(main.overlays).toBe('overlays/manifest.json');
  });
});
