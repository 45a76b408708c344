// The registry against the real mirror: the 57 Auvergne-Rhône-Alpes polygons
// re-imported from their committed spec must be in the registry with the
// same communes, and the coverage indicator of the built contracts.json must
// equal the covered population over the total, recomputed here.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultContext, PROJECT_ROOT, type BuildContext } from '../../scripts/lib/context.ts';
import { loadCogTables, type CogTables } from '../../scripts/lib/cog.ts';
import { resolveSource } from '../../scripts/lib/sources.ts';
import { buildBoundaries } from '../../scripts/boundaries/index.ts';
import { toCommuneShapes } from '../../scripts/boundaries/communes.ts';
import { buildOverlays } from '../../scripts/overlays/index.ts';
import { cogLookupFromTables, readRegistry } from '../../scripts/overlays/registry.ts';
import { importPolygonContracts, type PolygonFeature, type PolygonImportSpec } from '../../scripts/overlays/polygon-import.ts';
import { resolvePerimeter, type CogLookup, type Contract } from '../../src/lib/contracts.ts';
import type { ContractsOverlay } from '../../src/lib/overlay-format.ts';

let ctx: BuildContext;
let tables: CogTables;
let cog: CogLookup;
let overlay: ContractsOverlay;
let imported: Contract[];
const SPEC = path.join(PROJECT_ROOT, 'data', 'contracts', 'imports', 'ars-ara.json');

beforeAll(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cls-atlas-contracts-'));
  ctx = { ...defaultContext([]), outDir: path.join(dir, 'data'), reportDir: path.join(dir, 'report'), log: () => {} };
  tables = await loadCogTables(ctx);
  cog = cogLookupFromTables(tables);
  await buildBoundaries(ctx);
  await buildOverlays(ctx);
  overlay = JSON.parse(readFileSync(path.join(ctx.outDir, 'overlays', 'contracts.json'), 'utf8')) as ContractsOverlay;

  const spec = JSON.parse(readFileSync(SPEC, 'utf8')) as PolygonImportSpec;
  const polygons = JSON.parse(readFileSync(await resolveSource(ctx, spec.sourceId), 'utf8')) as { features: PolygonFeature[] };
  const geometry = JSON.parse(readFileSync(await resolveSource(ctx, 'cog2025-communes-geometry'), 'utf8')) as { features: Parameters<typeof toCommuneShapes>[0] };
  // Only the communes near the région's polygons: the bbox test would skip the others anyway.
  const communes = toCommuneShapes(geometry.features)
    .filter((s) => s.bbox[0] < 8 && s.bbox[2] > 1.5 && s.bbox[1] < 47.2 && s.bbox[3] > 43.5)
    .map((s) => ({ code: s.code, geometry: s.geometry, bbox: s.bbox }));
  imported = importPolygonContracts(polygons.features, spec, {
    communes,
    membership: { epciOf: (c) => tables.communeByCode.get(c)?.epci ?? undefined, epciMembers: (s) => cog.epciMembers(s) },
    departementOf: (c) => tables.communeByCode.get(c)?.departement,
  }).contracts;
});

afterAll(() => {
  if (ctx) rmSync(path.dirname(ctx.outDir), { recursive: true, force: true });
});

describe('Auvergne-Rhône-Alpes polygons in the registry', () => {
  it('the committed spec imports all 57 polygons', () => {
    expect(imported).toHaveLength(57);
  });

  it('each of the 57 is in the registry with the communes its polygon covers, or merged into the same contract', () => {
    const registry = readRegistry();
    const byId = new Map(registry.contracts.map((c) => [c.id, c]));
    const missing: string[] = [];
    const different: string[] = [];
    let merged = 0;
    for (const line of imported) {
      const found = byId.get(line.id);
      if (found) {
        if (resolvePerimeter(found, cog).join() !== resolvePerimeter(line, cog).join()) different.push(line.id);
        continue;
      }
      // A duplicate of a contract already known: that line cites the polygon's source under its name.
      const host = registry.contracts.find((c) => c.sources.some((s) => s.url === line.sources[0]!.url && s.says === line.sources[0]!.says));
      if (host) merged += 1;
      else missing.push(line.id);
    }
    expect(missing).toEqual([]);
    expect(different).toEqual([]);
    expect(merged).toBe(1);
  });

  it('the Pays Voironnais contract covers the 31 communes of EPCI 243800984', () => {
    const voironnais = readRegistry().contracts.find((c) => c.id === 'ara-cc-pays-voironnais')!;
    expect(voironnais.perimeter).toEqual({ communes: [], epci: ['243800984'] });
    const communes = resolvePerimeter(voironnais, cog);
    expect(communes).toHaveLength(31);
    expect(communes).toEqual(tables.communes.filter((c) => c.epci === '243800984').map((c) => c.code).sort());
    expect(voironnais.sources[0]!.title).toBe('ARS Auvergne-Rhône-Alpes (via un projet universitaire), à vérifier');
  });

  it('Saint-Flour is one line (the known contract enriched), Haut Allier two distinct territories', () => {
    const registry = readRegistry();
    const flour = registry.contracts.filter((c) => /saint-flour/i.test(`${c.name} ${c.notes ?? ''}`));
    expect(flour.map((c) => c.id)).toEqual(['saintflour-2017']);
    expect(flour[0]!.sources.some((s) => /Arrondissement de Saint-Flour/.test(s.says))).toBe(true);
    const hautAllier = registry.contracts.filter((c) => /haut allier/i.test(c.name)).map((c) => c.id).sort();
    expect(hautAllier).toEqual(['ara-cc-des-rives-du-haut-allier', 'hautallier-2019']);
  });

  it('statuses: Actif → signé, En élaboration → en préparation, blank → à confirmer, as of ≈ 2025', () => {
    const ara = readRegistry().contracts.filter((c) => c.id.startsWith('ara-'));
    const count = (s: string) => ara.filter((c) => c.status === s).length;
    expect([count('signe'), count('en_preparation'), count('a_confirmer')]).toEqual([47, 7, 2]);
    expect(ara.every((c) => c.statusAsOf === '2025' && c.statusAsOfApproximate === true)).toBe(true);
  });
});

describe('population covered by a CLS in force', () => {
  it('France value = population of the communes under a signed or renewing contract / total population', () => {
    const index = JSON.parse(readFileSync(path.join(ctx.outDir, 'index', 'commune.json'), 'utf8')) as {
      territories: Array<{ code: string; population: number | null; parents: { departement: string; region: string } }>;
    };
    const covered = new Set(overlay.contracts.filter((c) => c.status === 'signe' || c.status === 'en_renouvellement').flatMap((c) => c.communes));
    let total = 0;
    let inside = 0;
    for (const t of index.territories) {
      if (t.population === null) continue;
      total += t.population;
      if (covered.has(t.code)) inside += t.population;
    }
    expect(overlay.coverage.france.total).toBe(total);
    expect(overlay.coverage.france.covered).toBe(inside);
    expect(overlay.coverage.france.share).toBeCloseTo(inside / total, 12);
    expect(inside).toBeGreaterThan(0);
    // Départements and régions partition France: their sums give the France figures.
    const sum = (rows: Record<string, { covered: number; total: number }>) =>
      Object.values(rows).reduce((acc, r) => ({ covered: acc.covered + r.covered, total: acc.total + r.total }), { covered: 0, total: 0 });
    expect(sum(overlay.coverage.departement)).toEqual({ covered: inside, total });
    expect(sum(overlay.coverage.region)).toEqual({ covered: inside, total });
    // Isère holds several signed ARA contracts (Pays Voironnais, Grésivaudan…).
    expect(overlay.coverage.departement['38']!.share).toBeGreaterThan(0.2);
  });
});
