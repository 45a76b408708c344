// Regional CSV of CLS → registry lines, with a matching report. Pure: rows
// in (already parsed by src/lib/csv.ts), contracts and report out; the CLI
// (scripts/import-contracts.ts) does the I/O. Expected columns: docs/contracts.md.
import {
  comparePartialDates,
  CONFIDENCE_LEVELS,
  normaliseStatus,
  resolvePerimeter,
  parsePartialDate,
  parsePeriod,
  type Confidence,
  type Contract,
  type ContractRegistry,
  type ContractSource,
  type CogLookup,
  type PerimeterType,
} from '../../src/lib/contracts.ts';
import { normaliseCommuneCode, normaliseSiren, plmCommuneOf } from '../../src/lib/codes.ts';
import { matchContract, type ContractMatch, type MatchableContract } from './contract-match.ts';
import { looksLikeFormula } from '../../src/lib/csv-write.ts';

/** Our field → accepted column names (compared folded: lower case, no accents, `_` for spaces). */
export const IMPORT_COLUMNS = {
  id: ['cls_id', 'id', 'identifiant'],
  name: ['cls_name', 'name', 'nom', 'intitule', 'nom_du_contrat'],
  perimeterType: ['perimeter_type', 'type_perimetre', 'type_de_perimetre', 'perimetre_type'],
  communes: ['commune_insee', 'communes_insee', 'code_insee', 'codes_insee', 'communes', 'insee'],
  epci: ['epci_siren_cog2025', 'epci_siren', 'siren_epci', 'siren', 'epci'],
  departements: ['dep', 'departement', 'departements', 'code_departement'],
  region: ['reg_code', 'region', 'code_region', 'reg'],
  ars: ['ars'],
  generation: ['generation'],
  engagement: ['engagement_date', 'date_engagement'],
  signature: ['signature_date', 'date_signature', 'date_de_signature'],
  end: ['end_date', 'date_fin', 'date_de_fin', 'echeance'],
  period: ['period', 'periode'],
  duration: ['duration_years', 'duree', 'duree_ans', 'duree_annees'],
  status: ['status_as_reported', 'statut', 'status', 'etat'],
  statusAsOf: ['status_as_of', 'statut_au', 'date_statut'],
  sourceUrl: ['source_url', 'source', 'url', 'lien', 'sources'],
  sourceSays: ['source_says', 'ce_que_dit_la_source', 'extrait', 'citation'],
  confidence: ['confidence', 'confiance', 'fiabilite'],
  signatories: ['signatories', 'signataires'],
  coordinator: ['coordinator', 'coordinateur', 'coordinatrice', 'coordination'],
  coordinatorContact: ['coordinator_contact', 'contact', 'contact_coordination'],
  notes: ['notes', 'commentaire', 'commentaires', 'remarques'],
} as const;

export type ImportField = keyof typeof IMPORT_COLUMNS;

/** Longest cell accepted, in characters: a name, a list of codes, any other text. */
export const MAX_CELL_LENGTH = { name: 300, id: 120, codes: 60_000, text: 4_000 } as const;
const CODE_FIELDS: ReadonlySet<ImportField> = new Set(['communes', 'epci', 'departements']);

/**
 * Why a line's cells cannot be taken as they are, or null: a cell a
 * spreadsheet would run as a formula (= + - @ tab CR first), or longer than
 * MAX_CELL_LENGTH. Only the mapped columns are looked at.
 */
export function cellProblem(raw: Readonly<Record<string, string>>, columns: Partial<Record<ImportField, string>>): string | null {
  for (const [field, header] of Object.entries(columns) as Array<[ImportField, string]>) {
    const value = raw[header] ?? '';
    const limit = field === 'name' ? MAX_CELL_LENGTH.name : field === 'id' ? MAX_CELL_LENGTH.id : CODE_FIELDS.has(field) ? MAX_CELL_LENGTH.codes : MAX_CELL_LENGTH.text;
    if (value.length > limit) return `colonne ${header} trop longue (${value.length} caractères, au plus ${limit})`;
    // A lone dash is how French tables write "none", not a formula.
    if (!/^[\s-]*$/.test(value) && (looksLikeFormula(value) || looksLikeFormula(value.trimStart()))) {
      return `colonne ${header} : « ${value.trim().slice(0, 40)} » commence par = + - @ ou une tabulation, formule de tableur refusée`;
    }
  }
  return null;
}

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim()
    .replace(/[\s\-.']+/g, '_');
}

/** Maps our fields to the CSV's header cells; unmapped headers are reported. */
export function mapColumns(headers: readonly string[]): { columns: Partial<Record<ImportField, string>>; ignored: string[] } {
  const columns: Partial<Record<ImportField, string>> = {};
  const used = new Set<string>();
  for (const [field, names] of Object.entries(IMPORT_COLUMNS) as Array<[ImportField, readonly string[]]>) {
    for (const name of names) {
      const header = headers.find((h) => !used.has(h) && fold(h) === name);
      if (header !== undefined) {
        columns[field] = header;
        used.add(header);
        break;
      }
    }
  }
  return { columns, ignored: headers.filter((h) => !used.has(h)) };
}

export function normalisePerimeterType(raw: string, hasCommunes: boolean, hasEpci: boolean): PerimeterType {
  const t = fold(raw);
  if (/petr|^pays|pays_/.test(t)) return 'petr_pays';
  if (/epci.*commune|commune.*epci/.test(t)) return 'epci_et_communes';
  if (/multi|groupement|plusieurs|\d+_c[cac]\b|inter_?epci/.test(t)) return 'multi_epci';
  if (/^epci|^cc\b|^ca\b|communaute|metropole|^cu\b/.test(t)) return 'epci';
  if (/^commune|^ville|^municipal/.test(t)) return 'commune';
  if (hasEpci && hasCommunes) return 'epci_et_communes';
  if (hasEpci) return 'epci';
  if (hasCommunes) return 'commune';
  return 'inconnu';
}

function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
}

function splitList(raw: string | undefined): string[] {
  return (raw ?? '')
    .split(/[;|\n]+/)
    .map((v) => v.trim())
    .filter(Boolean);
}

export interface ImportIssue {
  /** 1-based data row (header excluded). */
  row: number;
  id: string | null;
  message: string;
}

export interface ImportReport {
  rows: number;
  columns: Partial<Record<ImportField, string>>;
  ignoredColumns: string[];
  accepted: string[];
  /** Lines matched to COG 2025 communes (perimeter not empty after matching). */
  matched: string[];
  unmapped: string[];
  rejected: ImportIssue[];
  unknownCodes: Array<ImportIssue & { code: string; kind: 'commune' | 'epci' }>;
  /** Codes moved to their COG 2025 value (old commune codes, PLM arrondissements, lost zeros). */
  recoded: Array<ImportIssue & { from: string; to: string }>;
  /** Other remarks: EPCI column ignored for commune perimeters, vague dates… */
  notes: ImportIssue[];
}

export interface ImportOptions {
  cog: CogLookup;
  /** Old commune code → COG 2025 code(s) (table_passage_com_historique). */
  historicalPassage?: ReadonlyMap<string, readonly string[]>;
}

/** Converts the rows of a regional CSV into registry lines and a report. */
export function importContractRows(
  headers: readonly string[],
  rows: ReadonlyArray<Record<string, string>>,
  options: ImportOptions,
): { contracts: Contract[]; report: ImportReport } {
  const { columns, ignored } = mapColumns(headers);
  const report: ImportReport = { rows: rows.length, columns, ignoredColumns: ignored, accepted: [], matched: [], unmapped: [], rejected: [], unknownCodes: [], recoded: [], notes: [] };
  const contracts: Contract[] = [];
  const missing = (['name', 'status'] as const).filter((f) => !columns[f]);
  if (missing.length > 0 || (!columns.communes && !columns.epci)) {
    report.rejected.push({
      row: 0,
      id: null,
      message: `colonnes obligatoires absentes : ${[...missing, ...(!columns.communes && !columns.epci ? ['communes ou epci'] : [])].join(', ')} (en-têtes lus : ${headers.join(', ')})`,
    });
    return { contracts, report };
  }
  const ids = new Set<string>();

  rows.forEach((raw, index) => {
    const row = index + 1;
    const get = (field: ImportField): string => {
      const header = columns[field];
      return header === undefined ? '' : (raw[header] ?? '').trim();
    };
    const name = get('name');
    const id = slug(get('id') || name);
    const reject = (message: string) => report.rejected.push({ row, id: id || null, message });
    const note = (message: string) => report.notes.push({ row, id, message });
    const bad = cellProblem(raw, columns);
    if (bad) return reject(bad);
    if (!name) return reject('nom du contrat absent');
    if (!id) return reject('identifiant impossible à construire');
    if (ids.has(id)) return reject(`identifiant ${id} en double dans le fichier`);

    const statusReported = get('status');
    const status = normaliseStatus(statusReported);
    if (!status) return reject(`statut non reconnu « ${statusReported} »`);

    const urls = splitList(get('sourceUrl')).filter((u) => /^https?:\/\//.test(u));
    const says = get('sourceSays');
    if (urls.length === 0) return reject('source manquante : aucune adresse publique (colonne source_url)');

    // Codes.
    const communes = new Set<string>();
    const epci = new Set<string>();
    for (const value of splitList(get('communes')).flatMap((v) => v.split(/[,\s]+/)).filter(Boolean)) {
      const code = normaliseCommuneCode(value);
      if (!code) {
        report.unknownCodes.push({ row, id, code: value, kind: 'commune', message: 'code commune mal formé' });
        continue;
      }
      if (code !== value) report.recoded.push({ row, id, from: value, to: code, message: 'zéro initial restauré' });
      if (options.cog.hasCommune(code)) {
        communes.add(code);
        continue;
      }
      const plm = plmCommuneOf(code);
      const passage = plm ? [plm] : (options.historicalPassage?.get(code) ?? []).filter((c) => options.cog.hasCommune(c));
      if (passage.length > 0) {
        for (const c of passage) communes.add(c);
        report.recoded.push({ row, id, from: code, to: passage.join(';'), message: plm ? 'arrondissement municipal → commune' : 'ancien code → COG 2025' });
      } else {
        report.unknownCodes.push({ row, id, code, kind: 'commune', message: 'commune inconnue du COG 2025' });
      }
    }
    const perimeterTypeRaw = get('perimeterType');
    const sirens = splitList(get('epci')).flatMap((v) => v.split(/[,\s]+/)).filter(Boolean);
    let perimeterType = normalisePerimeterType(perimeterTypeRaw, communes.size > 0, sirens.length > 0);
    if (perimeterType === 'commune' && sirens.length > 0) {
      // In the reference layout the EPCI column of a commune CLS names the EPCI holding the commune, not a signatory.
      note(`périmètre communal : EPCI ${sirens.join(', ')} (EPCI d'appartenance) non inclus dans le périmètre`);
    } else {
      for (const value of sirens) {
        const siren = normaliseSiren(value);
        if (!siren) report.unknownCodes.push({ row, id, code: value, kind: 'epci', message: 'SIREN mal formé' });
        else if (!options.cog.epciMembers(siren)) report.unknownCodes.push({ row, id, code: siren, kind: 'epci', message: "SIREN qui n'est pas un EPCI 2025" });
        else epci.add(siren);
      }
    }
    const hadCodes = splitList(get('communes')).length > 0 || sirens.length > 0;
    if (hadCodes && communes.size === 0 && epci.size === 0) return reject('aucun code du périmètre ne correspond au COG 2025');
    if (communes.size === 0 && epci.size === 0 && perimeterType !== 'petr_pays') perimeterType = perimeterType === 'commune' || perimeterType === 'epci' ? perimeterType : 'inconnu';

    // Dates: only what the source states precisely; vague mentions go to notes.
    const extraNotes: string[] = [];
    const dateOf = (field: 'engagement' | 'signature' | 'end', label: string): string | null => {
      const value = get(field);
      if (!value) return null;
      const parsed = parsePartialDate(value);
      if (!parsed) {
        extraNotes.push(`${label} telle que rapportée : « ${value} »`);
        note(`${label} imprécise « ${value} » : non retenue comme date`);
      }
      return parsed;
    };
    const engagement = dateOf('engagement', "Date d'engagement");
    const signature = dateOf('signature', 'Date de signature');
    let end = dateOf('end', 'Date de fin');
    const periodReported = get('period') || null;
    const period = parsePeriod(periodReported);
    if (!end && period) end = period.end;
    const start = period?.start ?? null;

    const durationRaw = get('duration');
    const duration = /^\d+([.,]\d+)?$/.test(durationRaw) ? Number(durationRaw.replace(',', '.')) : null;
    if (durationRaw && duration === null) note(`durée non numérique « ${durationRaw} »`);
    const generationRaw = /^(\d+)/.exec(get('generation'));

    const asOfRaw = get('statusAsOf');
    let statusAsOf = parsePartialDate(asOfRaw);
    let approximate = false;
    if (!statusAsOf) {
      const year = /(?:^|[^\d])((?:19|20)\d{2})(?:[^\d]|$)/.exec(asOfRaw);
      if (year) {
        statusAsOf = year[1]!;
        approximate = true;
      }
    }

    const confidenceRaw = fold(get('confidence'));
    const confidenceFr: Record<string, Confidence> = { elevee: 'high', haute: 'high', moyenne: 'medium', faible: 'low', basse: 'low' };
    const confidence: Confidence = (CONFIDENCE_LEVELS as readonly string[]).includes(confidenceRaw)
      ? (confidenceRaw as Confidence)
      : (confidenceFr[confidenceRaw] ?? 'medium');

    const arsName = get('ars');
    const regionRaw = get('region');
    const notes = [get('notes'), ...extraNotes].filter(Boolean).join(' ');
    const coordinatorName = get('coordinator');
    const coordinatorContact = get('coordinatorContact');
    const contract: Contract = {
      id,
      name,
      status,
      statusReported,
      statusAsOf,
      ...(approximate ? { statusAsOfApproximate: true } : {}),
      generation: generationRaw ? Number(generationRaw[1]) : null,
      ars: { region: /^\d{2}$/.test(regionRaw) ? regionRaw : null, name: arsName && !/^unknown|inconnu/i.test(arsName) ? arsName : null },
      dates: { engagement, signature, start, end },
      periodReported,
      durationYears: duration,
      signatories: splitList(get('signatories')),
      perimeterType,
      perimeter: { communes: [...communes].sort(), epci: [...epci].sort() },
      departements: splitList(get('departements')),
      coordinator: coordinatorName || coordinatorContact ? { name: coordinatorName || null, contact: coordinatorContact || null } : null,
      sources: urls.map((url) => ({ url, says: says || '(non renseigné)' })),
      confidence,
      notes: notes || null,
    };
    if (communes.size === 0 && epci.size === 0) {
      contract.unmappedReason = get('notes') || 'Périmètre non renseigné dans la source : territoire non identifié.';
      report.unmapped.push(id);
    } else {
      report.matched.push(id);
    }
    ids.add(id);
    contracts.push(contract);
    report.accepted.push(id);
  });
  return { contracts, report };
}

export interface MergeResult {
  registry: ContractRegistry;
  added: string[];
  updated: string[];
  /** Imported lines recognised as a contract already in the registry, merged into it. */
  duplicates: Array<{ imported: string; into: string; jaccard: number; nameScore: number }>;
  /** Imported lines appended, with the registry contracts they nest in, overlap or share a name with. */
  related: Array<{ imported: string; matches: ContractMatch[] }>;
}

function mentions(sources: readonly ContractSource[], s: ContractSource): boolean {
  return sources.some((x) => x.url === s.url && x.says === s.says);
}

/**
 * A second source about a known contract: its sources are added, its status
 * taken when dated later, missing dates, signatories and generation filled.
 * The curated perimeter is kept (an unmapped line takes the imported one);
 * a different imported perimeter is written in the notes.
 */
export function enrichContract(existing: Contract, imported: Contract, cog?: CogLookup): Contract {
  const newer =
    imported.statusAsOf !== null && (existing.statusAsOf === null || comparePartialDates(imported.statusAsOf, existing.statusAsOf) > 0);
  const unmapped = existing.perimeter.communes.length === 0 && existing.perimeter.epci.length === 0;
  const notes: string[] = existing.notes ? [existing.notes] : [];
  if (!unmapped && cog && imported.perimeter.communes.length + imported.perimeter.epci.length > 0) {
    const mine = new Set(resolvePerimeter(existing, cog));
    const theirs = resolvePerimeter(imported, cog);
    const extra = theirs.filter((c) => !mine.has(c));
    const missing = [...mine].filter((c) => !theirs.includes(c));
    if (extra.length > 0 || missing.length > 0) {
      const note = `Périmètre selon « ${imported.name} » (${imported.sources[0]?.title ?? imported.sources[0]?.url ?? 'autre source'}) : ${theirs.length} communes, ${extra.length ? `en plus : ${extra.join(', ')}` : ''}${extra.length && missing.length ? ' ; ' : ''}${missing.length ? `en moins : ${missing.join(', ')}` : ''} — périmètre du registre conservé, à vérifier.`;
      if (!notes.some((n) => n.includes(note))) notes.push(note);
    }
  }
  const alias = `Aussi recensé sous le nom « ${imported.name} ».`;
  if (imported.name !== existing.name && !notes.some((n) => n.includes(alias))) notes.push(alias);
  const merged: Contract = {
    ...existing,
    ...(newer
      ? {
          status: imported.status,
          statusReported: imported.statusReported,
          statusAsOf: imported.statusAsOf,
          statusAsOfApproximate: imported.statusAsOfApproximate,
        }
      : {}),
    generation: existing.generation ?? imported.generation,
    dates: {
      engagement: existing.dates.engagement ?? imported.dates.engagement,
      signature: existing.dates.signature ?? imported.dates.signature,
      start: existing.dates.start ?? imported.dates.start,
      end: existing.dates.end ?? imported.dates.end,
    },
    signatories: existing.signatories.length > 0 ? existing.signatories : imported.signatories,
    ...(unmapped ? { perimeterType: imported.perimeterType, perimeter: imported.perimeter } : {}),
    sources: [...existing.sources, ...imported.sources.filter((s) => !mentions(existing.sources, s))],
    notes: notes.join(' ') || null,
  };
  if (!merged.statusAsOfApproximate) delete merged.statusAsOfApproximate;
  if (unmapped && imported.perimeter.communes.length + imported.perimeter.epci.length > 0) delete merged.unmappedReason;
  return merged;
}

/**
 * Merges imported lines into a registry. A known id is replaced, keeping
 * curated extras the import lacks (signatories, coordinator, extra sources).
 * With `cog`, a new id is first matched against the registry as it was
 * before this import (perimeter overlap + name, `matchContract`; lines of
 * one file are distinct by their author's decision): a duplicate enriches
 * the known line instead of being appended. `referenceDate` moves to the newest
 * status date imported.
 */
export function mergeIntoRegistry(registry: ContractRegistry, imported: readonly Contract[], options: { cog?: CogLookup } = {}): MergeResult {
  const contracts = [...registry.contracts];
  const result: Omit<MergeResult, 'registry'> = { added: [], updated: [], duplicates: [], related: [] };
  const { cog } = options;
  const year = (c: Contract): number | null => {
    const date = c.dates.signature ?? c.dates.start ?? c.dates.engagement;
    return date ? Number(date.slice(0, 4)) : null;
  };
  const matchable = (c: Contract): MatchableContract => ({ id: c.id, name: c.name, communes: cog ? resolvePerimeter(c, cog) : [], generation: c.generation, year: year(c) });
  // Lines of one file are distinct contracts by their author's decision: only the registry as it was is searched for duplicates.
  const before = cog ? registry.contracts.map(matchable) : [];
  // Positions by id: a long list merges in linear time.
  const position = new Map(contracts.map((c, i) => [c.id, i]));
  let referenceDate = registry.referenceDate;
  for (const line of imported) {
    if (line.statusAsOf && !line.statusAsOfApproximate && comparePartialDates(line.statusAsOf, referenceDate) > 0) referenceDate = line.statusAsOf;
    const i = position.get(line.id);
    if (i !== undefined) {
      const previous = contracts[i]!;
      const extraSources = previous.sources.filter((s) => !line.sources.some((n) => n.url === s.url));
      contracts[i] = {
        ...line,
        signatories: line.signatories.length > 0 ? line.signatories : previous.signatories,
        coordinator: line.coordinator ?? previous.coordinator,
        sources: [...line.sources, ...extraSources],
      };
      result.updated.push(line.id);
      continue;
    }
    if (cog) {
      const matches = matchContract(matchable(line), before);
      const duplicate = matches.find((m) => m.verdict === 'duplicate');
      if (duplicate) {
        const j = position.get(duplicate.id)!;
        contracts[j] = enrichContract(contracts[j]!, line, cog);
        result.duplicates.push({ imported: line.id, into: duplicate.id, jaccard: duplicate.jaccard, nameScore: duplicate.nameScore });
        continue;
      }
      if (matches.length > 0) result.related.push({ imported: line.id, matches });
    }
    position.set(line.id, contracts.length);
    contracts.push(line);
    result.added.push(line.id);
  }
  return { registry: { ...registry, referenceDate, contracts }, ...result };
}

/** The report as text, for the terminal. */
export function formatImportReport(report: ImportReport, merge?: Parameters<typeof formatMergeReport>[0]): string {
  const lines: string[] = [];
  lines.push(`Lignes lues : ${report.rows}`);
  lines.push(`Colonnes reconnues : ${Object.entries(report.columns).map(([f, h]) => `${f}←${h}`).join(', ')}`);
  if (report.ignoredColumns.length > 0) lines.push(`Colonnes ignorées : ${report.ignoredColumns.join(', ')}`);
  lines.push(`Lignes retenues : ${report.accepted.length} (périmètre rapproché du COG 2025 : ${report.matched.length} ; sans périmètre : ${report.unmapped.length}${report.unmapped.length ? ` — ${report.unmapped.join(', ')}` : ''})`);
  lines.push(`Codes inconnus : ${report.unknownCodes.length}`);
  for (const u of report.unknownCodes) lines.push(`  ligne ${u.row} (${u.id}) : ${u.kind} ${u.code} — ${u.message}`);
  if (report.recoded.length > 0) {
    lines.push(`Codes recodés : ${report.recoded.length}`);
    for (const r of report.recoded) lines.push(`  ligne ${r.row} (${r.id}) : ${r.from} → ${r.to} (${r.message})`);
  }
  lines.push(`Lignes rejetées : ${report.rejected.length}`);
  for (const r of report.rejected) lines.push(`  ligne ${r.row}${r.id ? ` (${r.id})` : ''} : ${r.message}`);
  if (report.notes.length > 0) {
    lines.push(`Remarques : ${report.notes.length}`);
    for (const n of report.notes) lines.push(`  ligne ${n.row} (${n.id}) : ${n.message}`);
  }
  if (merge) lines.push(...formatMergeReport(merge));
  return lines.join('\n');
}

const VERDICT_LABELS: Record<ContractMatch['verdict'], string> = {
  duplicate: 'doublon',
  nested: 'imbriqué',
  overlap: 'chevauchement',
  namesake: 'nom proche, périmètres disjoints',
};

/** The merge part of the report: added, updated, duplicates merged, related contracts. */
export function formatMergeReport(merge: Pick<MergeResult, 'added' | 'updated'> & Partial<Pick<MergeResult, 'duplicates' | 'related'>>): string[] {
  const lines = [`Registre : ${merge.added.length} ajoutée(s), ${merge.updated.length} mise(s) à jour, ${merge.duplicates?.length ?? 0} doublon(s) fusionné(s)`];
  for (const d of merge.duplicates ?? []) lines.push(`  doublon : ${d.imported} → fusionné dans ${d.into} (Jaccard ${d.jaccard.toFixed(2)}, nom ${d.nameScore.toFixed(2)})`);
  for (const r of merge.related ?? []) {
    for (const m of r.matches) lines.push(`  ${VERDICT_LABELS[m.verdict]} : ${r.imported} ↔ ${m.id} (${m.shared} commune(s) en commun, Jaccard ${m.jaccard.toFixed(2)}, nom ${m.nameScore.toFixed(2)}) — gardés tous deux`);
  }
  return lines;
}
