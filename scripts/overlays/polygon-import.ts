// A polygon file of CLS (one feature per contract: name, status, outline)
// → registry lines whose perimeter is COG 2025 communes by area share, then
// EPCI where the communes are exactly an EPCI's. What to read and how to
// credit it is a committed spec (data/contracts/imports/*.json), so the
// import is reproducible. Pure: features and communes in, lines and report out.
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import {
  normaliseStatus,
  type Confidence,
  type Contract,
  type ContractStatus,
} from '../../src/lib/contracts.ts';
import {
  communesInPolygon,
  DEFAULT_AREA_SHARE,
  perimeterOfCommunes,
  type AreaShareThresholds,
  type CommuneGeometry,
  type CommuneShare,
  type EpciMembership,
} from './polygon-perimeter.ts';

/** data/contracts/imports/*.json: how to read one polygon file of contracts. */
export interface PolygonImportSpec {
  description: string;
  /** Source id in data/sources.json (mirror path and checksum). */
  sourceId: string;
  /** Registry ids are `${idPrefix}-${slug of the name}`. */
  idPrefix: string;
  nameProperty: string;
  statusProperty: string;
  /** Status as written (compared folded) → normalised status; "" = empty. Others go through normaliseStatus. */
  statuses: Record<string, ContractStatus>;
  /** Date at which the statuses hold (ISO partial) and whether it is an estimate. */
  statusAsOf: string | null;
  statusAsOfApproximate: boolean;
  ars: { region: string | null; name: string | null };
  source: {
    url: string;
    /** Shown as the source's name in the card (the credit). */
    title: string;
    /** What the source says; `{name}` and `{status}` are replaced per contract. */
    says: string;
  };
  confidence: Confidence;
  /** Curation note added to every line (French). */
  notes: string;
  thresholds?: Partial<AreaShareThresholds>;
  /** Optional table to compare with (another way of assigning communes). */
  crossCheck?: { sourceId: string; nameColumn: string; communeColumn: string; label: string };
}

export type PolygonFeature = Feature<Polygon | MultiPolygon | null, Record<string, unknown> | null>;

export interface PolygonImportLine {
  id: string;
  name: string;
  statusReported: string;
  status: ContractStatus | null;
  communes: string[];
  perimeterType: Contract['perimeterType'];
  epci: string[];
  borderline: CommuneShare[];
  failed: string[];
}

export interface PolygonImportReport {
  features: number;
  thresholds: AreaShareThresholds;
  lines: PolygonImportLine[];
  rejected: Array<{ feature: number; name: string | null; message: string }>;
}

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim();
}

export function slugOf(text: string): string {
  return fold(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60)
    .replace(/-$/, '');
}

/** Registry id of a polygon contract: prefix + its name without the leading "CLS". */
export function polygonContractId(prefix: string, name: string): string {
  return slugOf(`${prefix} ${name.replace(/^\s*CLS\s+/i, '')}`);
}

function percent(share: number): string {
  return `${Math.round(share * 100)} %`;
}

export interface PolygonImportContext {
  communes: readonly CommuneGeometry[];
  membership: EpciMembership;
  departementOf(code: string): string | undefined;
}

/** Converts the features of a polygon file into registry lines and a report. */
export function importPolygonContracts(
  features: readonly PolygonFeature[],
  spec: PolygonImportSpec,
  context: PolygonImportContext,
): { contracts: Contract[]; report: PolygonImportReport } {
  const thresholds: AreaShareThresholds = { ...DEFAULT_AREA_SHARE, ...spec.thresholds };
  const statusMap = new Map(Object.entries(spec.statuses).map(([k, v]) => [fold(k), v]));
  const report: PolygonImportReport = { features: features.length, thresholds, lines: [], rejected: [] };
  const contracts: Contract[] = [];
  const ids = new Set<string>();
  features.forEach((feature, index) => {
    const props = feature.properties ?? {};
    const rawName = props[spec.nameProperty];
    const name = typeof rawName === 'string' ? rawName.trim() : '';
    const reject = (message: string) => report.rejected.push({ feature: index + 1, name: name || null, message });
    if (!name) return reject('nom absent');
    const rawStatus = props[spec.statusProperty];
    const statusReported = typeof rawStatus === 'string' ? rawStatus.trim() : '';
    const status = statusMap.get(fold(statusReported)) ?? normaliseStatus(statusReported);
    const id = polygonContractId(spec.idPrefix, name);
    if (ids.has(id)) return reject(`identifiant ${id} en double dans le fichier`);
    const geometry = feature.geometry;
    if (!geometry || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')) return reject('géométrie absente ou non surfacique');

    const found = communesInPolygon(geometry, context.communes, thresholds);
    const { perimeterType, perimeter } = perimeterOfCommunes(found.communes, context.membership);
    report.lines.push({
      id,
      name,
      statusReported,
      status,
      communes: found.communes,
      perimeterType,
      epci: perimeter.epci,
      borderline: found.borderline,
      failed: found.failed,
    });
    if (!status) return reject(`statut non reconnu « ${statusReported} »`);
    if (found.communes.length === 0) return reject('aucune commune du COG 2025 couverte à 50 % ou plus');
    ids.add(id);

    const fill = (template: string) => template.replaceAll('{name}', name).replaceAll('{status}', statusReported || 'non renseigné');
    const borderlineNote =
      found.borderline.length > 0
        ? ` Communes limites (part de leur surface dans le polygone entre ${percent(thresholds.borderlineLow)} et ${percent(thresholds.borderlineHigh)}) : ${found.borderline
            .map((b) => `${b.code} (${percent(b.share)}, ${b.share >= thresholds.include ? 'retenue' : 'écartée'})`)
            .join(', ')}.`
        : '';
    const departements = [...new Set(found.communes.map((c) => context.departementOf(c)).filter((d): d is string => !!d))].sort();
    contracts.push({
      id,
      name,
      status,
      statusReported: statusReported || '(statut vide dans la source)',
      statusAsOf: spec.statusAsOf,
      ...(spec.statusAsOfApproximate ? { statusAsOfApproximate: true } : {}),
      generation: null,
      ars: spec.ars,
      dates: { engagement: null, signature: null, start: null, end: null },
      periodReported: null,
      durationYears: null,
      signatories: [],
      perimeterType,
      perimeter,
      departements,
      coordinator: null,
      sources: [{ url: spec.source.url, title: spec.source.title, says: fill(spec.source.says) }],
      confidence: spec.confidence,
      notes: `${spec.notes} Périmètre : ${found.communes.length} commune(s) COG 2025 couvertes à ${percent(thresholds.include)} ou plus de leur surface.${borderlineNote}`,
    });
  });
  return { contracts, report };
}

/**
 * Differences between the communes found by area share and another
 * assignment (e.g. a representative-point table), per contract name.
 */
export function compareAssignments(
  lines: readonly Pick<PolygonImportLine, 'name' | 'communes'>[],
  other: ReadonlyMap<string, ReadonlySet<string>>,
): Array<{ name: string; areaShare: number; other: number; onlyAreaShare: string[]; onlyOther: string[] }> {
  const result: Array<{ name: string; areaShare: number; other: number; onlyAreaShare: string[]; onlyOther: string[] }> = [];
  for (const line of lines) {
    const theirs = other.get(line.name) ?? new Set<string>();
    const mine = new Set(line.communes);
    const onlyAreaShare = line.communes.filter((c) => !theirs.has(c));
    const onlyOther = [...theirs].filter((c) => !mine.has(c)).sort();
    if (onlyAreaShare.length > 0 || onlyOther.length > 0) {
      result.push({ name: line.name, areaShare: mine.size, other: theirs.size, onlyAreaShare, onlyOther });
    }
  }
  return result;
}

/** The report as text, for the terminal. */
export function formatPolygonReport(
  report: PolygonImportReport,
  crossCheck?: { label: string; differences: ReturnType<typeof compareAssignments> },
): string {
  const t = report.thresholds;
  const lines: string[] = [];
  lines.push(`Polygones lus : ${report.features}`);
  lines.push(
    `Règle : une commune est retenue si au moins ${percent(t.include)} de sa surface est dans le polygone ; limites signalées entre ${percent(t.borderlineLow)} et ${percent(t.borderlineHigh)}.`,
  );
  const kept = report.lines.filter((l) => l.status && l.communes.length > 0);
  lines.push(`Contrats retenus : ${kept.length} (${kept.reduce((s, l) => s + l.communes.length, 0)} paires contrat–commune)`);
  for (const l of report.lines) {
    const epci = l.epci.length > 0 ? ` EPCI ${l.epci.join(', ')}` : '';
    lines.push(`  ${l.id} : ${l.communes.length} commune(s), ${l.perimeterType}${epci} — statut « ${l.statusReported || '(vide)'} » → ${l.status ?? 'non reconnu'}`);
    if (l.borderline.length > 0) lines.push(`    limites : ${l.borderline.map((b) => `${b.code} ${percent(b.share)}`).join(', ')}`);
    if (l.failed.length > 0) lines.push(`    intersection impossible (géométrie invalide) : ${l.failed.join(', ')}`);
  }
  const borderline = report.lines.reduce((s, l) => s + l.borderline.length, 0);
  lines.push(`Communes limites : ${borderline}`);
  lines.push(`Polygones rejetés : ${report.rejected.length}`);
  for (const r of report.rejected) lines.push(`  polygone ${r.feature}${r.name ? ` (${r.name})` : ''} : ${r.message}`);
  if (crossCheck) {
    lines.push(`Comparaison avec ${crossCheck.label} : ${crossCheck.differences.length} contrat(s) différent(s)`);
    for (const d of crossCheck.differences) {
      lines.push(`  ${d.name} : surface ${d.areaShare} / autre ${d.other}${d.onlyAreaShare.length ? ` ; seulement par surface : ${d.onlyAreaShare.join(', ')}` : ''}${d.onlyOther.length ? ` ; seulement dans l'autre : ${d.onlyOther.join(', ')}` : ''}`);
    }
  }
  return lines.join('\n');
}
