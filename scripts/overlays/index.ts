// Overlays step: contracts registry, priority zones and hospitals
// → overlays/{contracts.json, zones.json, hospitals.geojson,
// commune-neighbours.json, manifest.json}. Reads the commune topology and
// index written by the boundaries step; pure builders in sibling modules.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT, type BuildContext } from '../lib/context.ts';
import { loadCogTables, readCsvRecords } from '../lib/cog.ts';
import { updateManifest } from '../lib/manifest.ts';
import { getSource, resolveSource, sourceCredit } from '../lib/sources.ts';
import { writeJsonFile } from '../lib/json-file.ts';
import { formatIssue, hasErrors, validateRegistry, type ContractStatus } from '../../src/lib/contracts.ts';
import { encodeCommuneNeighbours, OVERLAYS_DIR, type OverlayCredit, type OverlaysManifest } from '../../src/lib/overlay-format.ts';
import { ZONE_TYPES } from '../../src/lib/priority-zones.ts';
import { buildContractsOverlay } from './contracts.ts';
import { readCommuneIndex } from './communes.ts';
import { addressLocator, buildHospitalsOverlay } from './hospitals.ts';
import { cogLookupFromTables, readRegistry, REGISTRY_FILE } from './registry.ts';
import { communeAdjacency, communeFeatures, communesOutline, readCommuneTopologies } from './topology.ts';
import { buildZonesOverlay } from './priority-zones.ts';

export const OVERLAY_SOURCES = ['zones-communes-ruralite-cog2025', 'qpv2024-communes', 'finess-hospitals-gisco-2020'] as const;

/** The registry is project data, not a mirror source: its credit is built here. */
export const REGISTRY_CREDIT: OverlayCredit = {
  id: 'cls-atlas-registry',
  producer: 'CLS Atlas, registre compilé à partir de sources publiques (ARS, collectivités, presse) — source citée pour chaque contrat',
  title: 'Registre des contrats locaux de santé (contrats connus de sources publiques, pas l’inventaire national)',
  licence: 'Faits issus des sources citées ; registre sous la licence du projet',
  vintage: '',
  url: null,
};

export const UNAVAILABLE: OverlaysManifest['unavailable'] = [
  { id: 'qpv-polygons', label: 'Contours des QPV', reason: "Aucun contour national des QPV 2024 dans les sources : les QPV sont représentés par leurs communes. (L'échantillon de 105 contours QPV 2015 d'Occitanie n'est pas utilisé : ni national, ni de la génération 2024.)" },
  { id: 'qpv-population', label: 'Population vivant en QPV', reason: 'Non disponible dans les sources : seule la population des communes concernées est donnée.' },
  { id: 'msp', label: 'Maisons de santé pluriprofessionnelles (MSP)', reason: 'Non disponible dans les sources.' },
  { id: 'centres-de-sante', label: 'Centres de santé', reason: 'Non disponible dans les sources.' },
  { id: 'professionnels-par-commune', label: 'Médecins généralistes, infirmiers, kinésithérapeutes, dentistes, pharmacies par commune', reason: "Non disponible dans les sources (pas de BPE communale) : des densités existent par bassin de vie et des effectifs par département (indicateurs)." },
  { id: 'zonage-medecins', label: 'Zonage médecins (ZIP / ZAC)', reason: 'Non disponible dans les sources.' },
  { id: 'zrr', label: 'Zones de revitalisation rurale (ZRR)', reason: "Remplacées par France Ruralités Revitalisation en 2024 ; la classe 1 des FRR (anciennes ZRR réintégrées) est déduite, à vérifier." },
];

function credit(id: string): OverlayCredit {
  return sourceCredit(getSource(id));
}

export async function buildOverlays(ctx: BuildContext): Promise<void> {
  const tables = await loadCogTables(ctx);
  const cog = cogLookupFromTables(tables);

  // 1. Registry: validate; errors stop the build.
  const registry = readRegistry(REGISTRY_FILE);
  const issues = validateRegistry(registry, cog);
  for (const issue of issues) ctx.log(`  ${formatIssue(issue)}`);
  if (hasErrors(issues)) throw new Error(`data/contracts/registry.json: ${issues.filter((i) => i.level === 'error').length} error(s), see above`);

  const topologies = readCommuneTopologies(ctx.outDir);
  const communeIndex = readCommuneIndex(ctx.outDir);
  const indexByCode = new Map(communeIndex.map((c) => [c.code, c]));

  // 2. Contracts with dissolved perimeters.
  const regionNames = new Map(tables.communes.map((c) => [c.region, c.regionName]));
  const { perimeters, ...contracts } = buildContractsOverlay(registry, cog, indexByCode, (codes) => communesOutline(codes, topologies), regionNames);
  const contractsFile = writeJsonFile(ctx.outDir, `${OVERLAYS_DIR}/contracts.json`, contracts);
  const perimetersFile = writeJsonFile(ctx.outDir, `${OVERLAYS_DIR}/contract-perimeters.geojson`, perimeters);
  const mapped = contracts.contracts.filter((c) => c.mapped).length;
  // How to add or correct a contract, linked from the legend and the panel: the registry's doc as plain text.
  const guide = `${OVERLAYS_DIR}/contracts-guide.txt`;
  mkdirSync(path.join(ctx.outDir, OVERLAYS_DIR), { recursive: true });
  copyFileSync(path.join(PROJECT_ROOT, 'docs', 'contracts.md'), path.join(ctx.outDir, guide));

  // 3. Commune adjacency from shared arcs.
  const adjacency = communeAdjacency(topologies);
  const codes = [...adjacency.keys()].sort();
  const position = new Map(codes.map((c, i) => [c, i]));
  const neighbours = encodeCommuneNeighbours(codes, codes.map((c) => adjacency.get(c)!.map((n) => position.get(n)!)));
  const pairs = codes.reduce((sum, c) => sum + adjacency.get(c)!.length, 0) / 2;
  const neighboursFile = writeJsonFile(ctx.outDir, `${OVERLAYS_DIR}/commune-neighbours.json`, neighbours);

  // 4. Priority zones.
  const read = async (id: string) => readCsvRecords(readFileSync(await resolveSource(ctx, id), 'utf8'));
  const zones = buildZonesOverlay(await read('zones-communes-ruralite-cog2025'), await read('qpv2024-communes'), communeIndex, 'index/commune.json (populations légales, étape boundaries)');
  if (zones.unmatched.notInIndex.length > 0 || zones.unmatched.withoutFacts.length > 0) {
    throw new Error(`zone table and COG 2025 disagree: ${zones.unmatched.notInIndex.length} codes not in the COG (${zones.unmatched.notInIndex.slice(0, 5).join(', ')}), ${zones.unmatched.withoutFacts.length} communes without zone facts (${zones.unmatched.withoutFacts.slice(0, 5).join(', ')})`);
  }
  const zonesFile = writeJsonFile(ctx.outDir, `${OVERLAYS_DIR}/zones.json`, zones.overlay);

  // 5. Hospitals.
  const hospitals = buildHospitalsOverlay(await read('finess-hospitals-gisco-2020'), communeFeatures(topologies), addressLocator(communeIndex));
  const hospitalsFile = writeJsonFile(ctx.outDir, `${OVERLAYS_DIR}/hospitals.geojson`, hospitals.overlay);
  const assigned = hospitals.report.assignedByPolygon + hospitals.report.assignedByPostcode;

  // 6. Manifests: overlays/manifest.json, and a pointer + credits in manifest.json.
  const manifest: OverlaysManifest = {
    version: 1,
    cog: '2025',
    layers: {
      contracts: {
        ...contractsFile,
        contracts: contracts.contracts.length,
        mapped,
        guide,
        perimeters: perimetersFile,
        sources: [{ ...REGISTRY_CREDIT, vintage: `sources de 2012 à ${registry.referenceDate}` }, credit('ars-ara-cls-polygons'), credit('cog2025-communes-geometry')],
      },
      zones: { ...zonesFile, communes: zones.overlay.communes.codes.length, sources: [credit('zones-communes-ruralite-cog2025'), credit('qpv2024-communes'), credit('decoupage-administratif-communes')] },
      hospitals: { ...hospitalsFile, points: hospitals.report.points, assigned, sources: [credit('finess-hospitals-gisco-2020')] },
      communeNeighbours: { ...neighboursFile, communes: codes.length, pairs, sources: [credit('cog2025-communes-geometry')] },
    },
    unavailable: UNAVAILABLE,
  };
  const manifestFile = writeJsonFile(ctx.outDir, `${OVERLAYS_DIR}/manifest.json`, manifest);
  updateManifest(ctx, OVERLAY_SOURCES, { overlays: manifestFile.url });

  // 7. Report.
  const byStatus: Partial<Record<ContractStatus, number>> = {};
  for (const c of contracts.contracts) byStatus[c.status] = (byStatus[c.status] ?? 0) + 1;
  const zoneCounts = Object.fromEntries(
    ZONE_TYPES.map((t) => [t, Object.values(zones.overlay.aggregates.region).reduce((sum, row) => sum + row[4 + 2 * ZONE_TYPES.indexOf(t)]!, 0)]),
  );
  const report = {
    registry: {
      contracts: contracts.contracts.length,
      mapped,
      unmapped: contracts.contracts.filter((c) => !c.mapped).map((c) => c.id),
      byStatus,
      referenceDate: registry.referenceDate,
      regions: contracts.registry.regions,
      populationCoveredInForce: { france: contracts.coverage.france, region: contracts.coverage.region },
      issues,
    },
    zones: { communes: zones.overlay.communes.codes.length, communesPerZoneType: zoneCounts, qpv: Object.keys(zones.overlay.qpvNames).length },
    hospitals: { ...hospitals.report, assigned },
    neighbours: { communes: codes.length, pairs },
    files: [contractsFile, perimetersFile, zonesFile, hospitalsFile, neighboursFile, manifestFile],
  };
  mkdirSync(ctx.reportDir, { recursive: true });
  writeFileSync(path.join(ctx.reportDir, 'overlays.json'), `${JSON.stringify(report, null, 2)}\n`);
  ctx.log(`  contracts: ${contracts.contracts.length} (${mapped} mapped) ${JSON.stringify(byStatus)}, registry as of ${registry.referenceDate}`);
  ctx.log(`  contracts per région: ${contracts.registry.regions.map((r) => `${r.code ?? '?'} ${r.contracts}${r.asOf ? ` (au ${r.asOf})` : ''}`).join(', ')}`);
  const france = contracts.coverage.france;
  ctx.log(`  population covered by a CLS in force (registry): ${france.share === null ? 'n.d.' : `${(france.share * 100).toFixed(1)} %`} (${france.covered} / ${france.total})`);
  ctx.log(`  zones: ${JSON.stringify(zoneCounts)} communes; ${Object.keys(zones.overlay.qpvNames).length} QPV`);
  ctx.log(`  hospitals: ${hospitals.report.points} points, ${assigned} assigned (${hospitals.report.assignedByPostcode} by postcode), ${hospitals.report.rejected.length} rejected`);
  ctx.log(`  neighbours: ${codes.length} communes, ${pairs} pairs`);
  for (const f of report.files) ctx.log(`  ${f.url.padEnd(36)} ${(f.bytes / 1024).toFixed(0).padStart(6)} KB  ${(f.gzipBytes / 1024).toFixed(0).padStart(5)} KB gzip`);
}
