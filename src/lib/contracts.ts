// Contrats Locaux de Santé: the registry's types, status normalisation,
// validation and the coverage rollup. Pure (no I/O): shared by the build
// scripts, the import command and the viewer.

/** Normalised life-cycle status of a CLS (see docs/contracts.md). */
export const CONTRACT_STATUSES = ['envisage', 'en_preparation', 'signe', 'en_renouvellement', 'termine', 'a_confirmer'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

export const CONTRACT_STATUS_LABELS: Record<ContractStatus, string> = {
  envisage: 'Envisagé / en réflexion',
  en_preparation: 'En préparation',
  signe: 'Signé / en cours',
  en_renouvellement: 'En renouvellement',
  termine: 'Terminé / échu',
  a_confirmer: 'Statut à confirmer',
};

/** Statuses whose perimeter counts as covered by a running contract. */
export const ACTIVE_STATUSES: readonly ContractStatus[] = ['signe', 'en_renouvellement'];
/** Statuses of a contract that exists or is being built (anything but ended). */
export const ONGOING_STATUSES: readonly ContractStatus[] = ['envisage', 'en_preparation', 'signe', 'en_renouvellement'];

export const PERIMETER_TYPES = ['commune', 'epci', 'multi_epci', 'epci_et_communes', 'petr_pays', 'inconnu'] as const;
export type PerimeterType = (typeof PERIMETER_TYPES)[number];

export const PERIMETER_TYPE_LABELS: Record<PerimeterType, string> = {
  commune: 'Commune',
  epci: 'EPCI',
  multi_epci: "Groupement d'EPCI",
  epci_et_communes: 'EPCI et communes',
  petr_pays: 'PETR / Pays',
  inconnu: 'Territoire non identifié',
};

export const CONFIDENCE_LEVELS = ['high', 'medium', 'low'] as const;
export type Confidence = (typeof CONFIDENCE_LEVELS)[number];

export interface ContractSource {
  /** Public address of the page or document; null only for a non-public project document. */
  url: string | null;
  /** What the source says, in short (verbatim facts, no interpretation). */
  says: string;
  /** Title or description when there is no URL, or to name the document. */
  title?: string;
}

export interface ContractPerimeter {
  /** COG 2025 commune INSEE codes (5 characters, strings). */
  communes: string[];
  /** COG 2025 EPCI SIREN codes (9 digits, strings). */
  epci: string[];
}

export interface Contract {
  id: string;
  name: string;
  status: ContractStatus;
  /** Status as the source words it, kept verbatim. */
  statusReported: string;
  /** Date (ISO partial) at which the status is known to hold; null when the source is undated. */
  statusAsOf: string | null;
  /** The status date is an estimate (undated page, year inferred). */
  statusAsOfApproximate?: boolean;
  /** Contract generation (1 = first CLS of the territory), when known. */
  generation: number | null;
  ars: { region: string | null; name: string | null };
  /** ISO partial dates: 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'; null when not known. */
  dates: { engagement: string | null; signature: string | null; start: string | null; end: string | null };
  /** Period as the source words it ('2019-2023'), verbatim. */
  periodReported: string | null;
  durationYears: number | null;
  signatories: string[];
  perimeterType: PerimeterType;
  perimeter: ContractPerimeter;
  /** Why the perimeter is empty (territory not identified in the sources). */
  unmappedReason?: string;
  /** Départements concerned, as reported (a hint for unmapped perimeters). */
  departements: string[];
  coordinator: { name: string | null; contact: string | null } | null;
  sources: ContractSource[];
  confidence: Confidence;
  notes: string | null;
}

export interface ContractRegistry {
  $schema?: string;
  version: 1;
  /** Newest source date consulted (ISO partial): statuses are 'as of' each line's statusAsOf. */
  referenceDate: string;
  description: string;
  contracts: Contract[];
}

// ---------------------------------------------------------------------------
// Status normalisation

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim();
}

const CANONICAL: Record<string, ContractStatus> = {
  envisage: 'envisage',
  en_preparation: 'en_preparation',
  signe: 'signe',
  en_renouvellement: 'en_renouvellement',
  termine: 'termine',
  a_confirmer: 'a_confirmer',
};

const ENDED = /\b(expir\w*|echu\w*|termine\w*|ended|clos|achev\w*|caduc\w*)\b/;
const RENEWAL = /\b(renouvel\w*|renew\w*|revision|revise\w*|proroga\w*|reconduction)\b/;
const PREPARATION = /\b(prepar\w*|elaboration|diagnostic|roadmap|feuille de route|redaction|drafting|coordinat\w* recrute\w*)\b/;
const PLANNED = /\b(envisag\w*|interest\w*|interess\w*|reflexion|souhait\w*|feasibility|faisabilite|planned|prevu\w*|projet|a venir)\b/;
// "en cours" alone means running; "en cours de …/d'…" (élaboration, signature) does not.
const SIGNED = /\b(sign\w*|en cours(?! d)|active?|actif|in force|en vigueur|running|ongoing|mise en oeuvre)\b/;
const UNKNOWN = /\b(a confirmer|a verifier|inconnu|unknown|non renseigne|to be confirmed)\b/;

/**
 * Maps a free-text status (French or English, as reported) to a normalised
 * status; null if unrecognised. Order matters: an explicit end or renewal
 * anywhere decides ("signed (expired)" is ended); then the leading clause
 * decides "signed" unless it speaks of the future ("signed; its action sheets
 * prepare the next CLS" is signed, "signature prévue" is not); then any
 * mention of preparation work (diagnostic, roadmap) beats "planned"
 * ("planned (diagnostic by ORS in 2017)" is in preparation). A source that
 * names the contract without a usable status ("à confirmer", "inconnu")
 * gives `a_confirmer`; an empty status is unrecognised.
 */
export function normaliseStatus(raw: unknown): ContractStatus | null {
  if (typeof raw !== 'string') return null;
  const text = fold(raw);
  if (!text) return null;
  const canonical = CANONICAL[text.replace(/[\s/-]+/g, '_')];
  if (canonical) return canonical;
  if (ENDED.test(text)) return 'termine';
  if (RENEWAL.test(text)) return 'en_renouvellement';
  const lead = text.split(/[(;]/)[0]!;
  if (SIGNED.test(lead) && !PLANNED.test(lead)) return 'signe';
  if (PREPARATION.test(text)) return 'en_preparation';
  if (PLANNED.test(text)) return 'envisage';
  if (SIGNED.test(text)) return 'signe';
  if (UNKNOWN.test(text)) return 'a_confirmer';
  return null;
}

export function isContractStatus(value: unknown): value is ContractStatus {
  return typeof value === 'string' && (CONTRACT_STATUSES as readonly string[]).includes(value);
}

export function isActive(status: ContractStatus): boolean {
  return ACTIVE_STATUSES.includes(status);
}

// ---------------------------------------------------------------------------
// Dates

const PARTIAL_DATE = /^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/;

export function isPartialDate(value: unknown): value is string {
  return typeof value === 'string' && PARTIAL_DATE.test(value);
}

/**
 * Normalises a date as written in a source to an ISO partial date, or null:
 * '2012', '2019-06', '2022-04-29', '29/04/2022', '04/2022'. Anything vaguer
 * ('planned mid-2018', 'c.2022', '2017-12/2018') gives null: no date is invented.
 */
export function parsePartialDate(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const text = raw.trim();
  if (isPartialDate(text)) return text;
  let m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(text);
  if (m) {
    const candidate = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
    return isPartialDate(candidate) ? candidate : null;
  }
  m = /^(\d{1,2})[/.](\d{4})$/.exec(text);
  if (m) {
    const candidate = `${m[2]}-${m[1]!.padStart(2, '0')}`;
    return isPartialDate(candidate) ? candidate : null;
  }
  return null;
}

/** Parses a period like '2019-2023' or '2022-2027' into start/end years; null otherwise. */
export function parsePeriod(raw: unknown): { start: string; end: string } | null {
  if (typeof raw !== 'string') return null;
  const m = /^\s*(\d{4})\s*[-–/]\s*(\d{4})\s*$/.exec(raw);
  return m ? { start: m[1]!, end: m[2]! } : null;
}

/**
 * Compares two partial dates at their common precision: '2022' vs '2022-04'
 * is 0 (cannot tell), '2021' vs '2022-04' is -1.
 */
export function comparePartialDates(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  const x = a.slice(0, n);
  const y = b.slice(0, n);
  return x < y ? -1 : x > y ? 1 : 0;
}

// ---------------------------------------------------------------------------
// Perimeter resolution

/** What validation and resolution need to know about the COG 2025 (pure lookups). */
export interface CogLookup {
  hasCommune(code: string): boolean;
  /** Member communes of a 2025 EPCI, or undefined when the SIREN is not a 2025 EPCI. */
  epciMembers(siren: string): readonly string[] | undefined;
}

/** The COG 2025 communes of a contract's perimeter, sorted, unknown codes left out. */
export function resolvePerimeter(contract: Pick<Contract, 'perimeter'>, cog: CogLookup): string[] {
  const communes = new Set<string>();
  for (const code of contract.perimeter.communes) if (cog.hasCommune(code)) communes.add(code);
  for (const siren of contract.perimeter.epci) for (const code of cog.epciMembers(siren) ?? []) communes.add(code);
  return [...communes].sort();
}

// ---------------------------------------------------------------------------
// Validation

/** `info`: worth knowing, not a problem (nested active contracts). */
export type IssueLevel = 'error' | 'warning' | 'info';

export interface RegistryIssue {
  level: IssueLevel;
  /** Contract id (or `#index` when the line has no id). */
  id: string;
  /** 1-based position of the line in the registry. */
  line: number;
  field: string;
  message: string;
}

export function formatIssue(issue: RegistryIssue): string {
  return `${issue.level === 'error' ? 'ERREUR' : issue.level === 'warning' ? 'avertissement' : 'information'} — ligne ${issue.line} (${issue.id}) · ${issue.field} : ${issue.message}`;
}

const COMMUNE_CODE = /^(\d{5}|2[AB]\d{3})$/;
const SIREN = /^\d{9}$/;

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

/**
 * Validates a registry against the COG 2025: shape, statuses, dates, sources,
 * codes, and overlaps between active contracts. Errors make the build fail;
 * warnings are reported. `referenceDate` (default: the registry's) flags
 * contracts still 'signé' after their planned end.
 */
export function validateRegistry(registry: unknown, cog: CogLookup): RegistryIssue[] {
  const issues: RegistryIssue[] = [];
  if (typeof registry !== 'object' || registry === null || !Array.isArray((registry as ContractRegistry).contracts)) {
    return [{ level: 'error', id: '-', line: 0, field: 'contracts', message: 'le registre doit être un objet avec un tableau "contracts"' }];
  }
  const reg = registry as ContractRegistry;
  const referenceDate = isPartialDate(reg.referenceDate) ? reg.referenceDate : null;
  if (!referenceDate) {
    issues.push({ level: 'error', id: '-', line: 0, field: 'referenceDate', message: 'date de référence absente ou invalide (AAAA, AAAA-MM ou AAAA-MM-JJ)' });
  }
  const seen = new Map<string, number>();
  const resolved: ResolvedLine[] = [];

  reg.contracts.forEach((raw, index) => {
    const line = index + 1;
    const c = raw as Partial<Contract> & Record<string, unknown>;
    const id = typeof c.id === 'string' && c.id.trim() ? c.id : `#${line}`;
    const add = (level: IssueLevel, field: string, message: string) => issues.push({ level, id, line, field, message });

    if (typeof c.id !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(c.id)) add('error', 'id', 'identifiant absent ou invalide (minuscules, chiffres, tirets)');
    else if (seen.has(c.id)) add('error', 'id', `identifiant en double (déjà ligne ${seen.get(c.id)})`);
    else seen.set(c.id, line);
    if (typeof c.name !== 'string' || !c.name.trim()) add('error', 'name', 'nom absent');

    if (!isContractStatus(c.status)) {
      add('error', 'status', `statut invalide « ${String(c.status)} » (attendu : ${CONTRACT_STATUSES.join(', ')})`);
    }
    if (c.statusAsOf !== null && c.statusAsOf !== undefined && !isPartialDate(c.statusAsOf)) {
      add('error', 'statusAsOf', `date invalide « ${String(c.statusAsOf)} »`);
    }
    if (!CONFIDENCE_LEVELS.includes(c.confidence as Confidence)) add('error', 'confidence', `niveau de confiance invalide « ${String(c.confidence)} »`);
    if (!PERIMETER_TYPES.includes(c.perimeterType as PerimeterType)) add('error', 'perimeterType', `type de périmètre invalide « ${String(c.perimeterType)} »`);

    // Sources: at least one, each with a URL or (for a non-public document) a title.
    if (!Array.isArray(c.sources) || c.sources.length === 0) {
      add('error', 'sources', 'source manquante : chaque ligne doit citer au moins une source publique');
    } else {
      c.sources.forEach((s, i) => {
        const src = s as Partial<ContractSource>;
        const hasUrl = typeof src.url === 'string' && /^https?:\/\/\S+$/.test(src.url);
        if (src.url !== null && src.url !== undefined && !hasUrl) add('error', `sources[${i}].url`, `adresse invalide « ${String(src.url)} »`);
        if (!hasUrl && !(typeof src.title === 'string' && src.title.trim())) add('error', `sources[${i}]`, 'source manquante : ni adresse ni titre de document');
        if (typeof src.says !== 'string' || !src.says.trim()) add('error', `sources[${i}].says`, 'ce que dit la source est absent');
      });
      // A line is only as good as an address a reader can open: a non-public document may complete a public source, not replace it.
      if (!c.sources.some((s) => typeof (s as ContractSource).url === 'string')) add('error', 'sources', 'aucune adresse publique : un document non public ne suffit pas');
    }

    // Dates.
    const dates = (c.dates ?? {}) as Partial<Contract['dates']>;
    for (const key of ['engagement', 'signature', 'start', 'end'] as const) {
      const value = dates[key];
      if (value !== null && value !== undefined && !isPartialDate(value)) add('error', `dates.${key}`, `date invalide « ${String(value)} » (AAAA, AAAA-MM ou AAAA-MM-JJ)`);
    }
    const valid = (v: unknown): v is string => isPartialDate(v);
    const begin = [dates.start, dates.signature, dates.engagement].filter(valid);
    if (valid(dates.end)) {
      for (const b of begin) {
        if (comparePartialDates(dates.end, b) < 0) {
          add('error', 'dates.end', `fin (${dates.end}) avant le début (${b})`);
          break;
        }
      }
    }
    if (valid(dates.signature) && valid(dates.engagement) && comparePartialDates(dates.signature, dates.engagement) < 0) {
      add('error', 'dates.signature', `signature (${dates.signature}) avant l'engagement (${dates.engagement})`);
    }
    if (c.durationYears !== null && c.durationYears !== undefined && !(typeof c.durationYears === 'number' && c.durationYears > 0 && c.durationYears <= 20)) {
      add('error', 'durationYears', `durée invalide « ${String(c.durationYears)} »`);
    }
    if (c.status === 'signe' && referenceDate && valid(dates.end) && comparePartialDates(dates.end, referenceDate) < 0) {
      add('warning', 'status', `« signé » selon la source (au ${c.statusAsOf ?? 'non daté'}) mais l'échéance ${dates.end} est passée au ${referenceDate} : statut à vérifier`);
    }

    // Perimeter.
    const perimeter = c.perimeter as Partial<ContractPerimeter> | undefined;
    if (!perimeter || !isStringArray(perimeter.communes) || !isStringArray(perimeter.epci)) {
      add('error', 'perimeter', 'périmètre absent : { communes: [...], epci: [...] } attendu');
      return;
    }
    for (const code of perimeter.communes) {
      if (!COMMUNE_CODE.test(code)) add('error', 'perimeter.communes', `code commune mal formé « ${code} »`);
      else if (!cog.hasCommune(code)) add('error', 'perimeter.communes', `commune ${code} inconnue du COG 2025`);
    }
    for (const siren of perimeter.epci) {
      if (!SIREN.test(siren)) add('error', 'perimeter.epci', `SIREN mal formé « ${siren} »`);
      else if (!cog.epciMembers(siren)) add('error', 'perimeter.epci', `SIREN ${siren} n'est pas un EPCI 2025`);
    }
    const empty = perimeter.communes.length === 0 && perimeter.epci.length === 0;
    const reason = typeof c.unmappedReason === 'string' && c.unmappedReason.trim();
    if (empty && !reason) add('error', 'perimeter', 'périmètre vide sans raison (unmappedReason)');
    if (!empty && reason) add('error', 'unmappedReason', 'raison de non-cartographie donnée alors que le périmètre est renseigné');
    if (!empty && isContractStatus(c.status)) {
      resolved.push({ contract: c as Contract, line, communes: resolvePerimeter(c as Contract, cog) });
    }
  });

  issues.push(...overlapIssues(resolved));
  return issues;
}

/** A registry line with its perimeter resolved to COG 2025 communes. */
export interface ResolvedLine {
  readonly contract: Contract;
  /** 1-based position in the registry. */
  readonly line: number;
  readonly communes: readonly string[];
}

/** Partners named per contract and per kind of overlap; the rest is summed up. */
export const OVERLAP_PARTNERS = 5;

/**
 * Overlaps between contracts sharing a commune, reported on the later line:
 * two active contracts is an error; an active and an ended one (a renewal),
 * or any pair involving a planned one, a warning. Indexed commune → the first
 * contracts on it, so the cost grows with the total size of the perimeters
 * (times OVERLAP_PARTNERS), not with the number of pairs: 5,000 contracts on
 * one commune give 5,000 issues, not 12.5 million.
 */
export function overlapIssues(resolved: readonly ResolvedLine[], maxPartners = OVERLAP_PARTNERS): RegistryIssue[] {
  const issues: RegistryIssue[] = [];
  // Per commune, the earliest lines on it: active ones, and of any status.
  const firstActive = new Map<string, number[]>();
  const firstAny = new Map<string, number[]>();
  const remember = (index: Map<string, number[]>, code: string, i: number) => {
    const list = index.get(code);
    if (!list) index.set(code, [i]);
    else if (list.length < maxPartners) list.push(i);
  };
  resolved.forEach((b, ib) => {
    const bActive = isActive(b.contract.status);
    const errors = new Set<number>();
    const warnings = new Set<number>();
    for (const code of b.communes) {
      if (bActive) for (const ia of firstActive.get(code) ?? []) errors.add(ia);
      for (const ia of firstAny.get(code) ?? []) if (!(bActive && isActive(resolved[ia]!.contract.status))) warnings.add(ia);
    }
    const inB = errors.size + warnings.size > 0 ? new Set(b.communes) : null;
    const report = (partners: Set<number>, bothActive: boolean) => {
      const sorted = [...partners].sort((x, y) => x - y);
      for (const ia of sorted.slice(0, maxPartners)) {
        const a = resolved[ia]!;
        const shared = a.communes.filter((c) => inB!.has(c));
        const sample = shared.slice(0, 5).join(', ') + (shared.length > 5 ? `… (${shared.length} communes)` : '');
        // A city CLS inside its metropole's: one perimeter holds the other, both active is information.
        const nested = shared.length === a.communes.length || shared.length === b.communes.length;
        if (bothActive && nested) {
          const [inner, outer] = shared.length === b.communes.length ? [b, a] : [a, b];
          issues.push({
            level: 'info',
            id: b.contract.id,
            line: b.line,
            field: 'perimeter',
            message: `${inner.contract.id} (ligne ${inner.line}) est imbriqué dans ${outer.contract.id} (ligne ${outer.line}) : deux contrats actifs admis (${shared.length} commune(s) en commun)`,
          });
          continue;
        }
        issues.push({
          level: bothActive ? 'error' : 'warning',
          id: b.contract.id,
          line: b.line,
          field: 'perimeter',
          message: bothActive
            ? `chevauche le contrat actif ${a.contract.id} (ligne ${a.line}) sur ${sample} sans y être imbriqué`
            : `partage ${sample} avec ${a.contract.id} (ligne ${a.line}, ${a.contract.status}) — ${b.contract.status} : admis (renouvellement ou projet)`,
        });
      }
      if (sorted.length > maxPartners) {
        issues.push({
          level: bothActive ? 'error' : 'warning',
          id: b.contract.id,
          line: b.line,
          field: 'perimeter',
          message: `chevauche aussi d'autres contrats (${sorted.length - maxPartners} de plus au moins ; seuls les ${maxPartners} premiers sont nommés)`,
        });
      }
    };
    if (errors.size > 0) report(errors, true);
    if (warnings.size > 0) report(warnings, false);
    for (const code of b.communes) {
      remember(firstAny, code, ib);
      if (bActive) remember(firstActive, code, ib);
    }
  });
  return issues;
}

export function hasErrors(issues: readonly RegistryIssue[]): boolean {
  return issues.some((i) => i.level === 'error');
}

// ---------------------------------------------------------------------------
// Coverage rollup

export type Coverage = 'covered' | 'partial' | 'none';

/** A contract reduced to what the rollup needs: its status and resolved communes. */
export interface ResolvedContract {
  id: string;
  status: ContractStatus;
  communes: readonly string[];
  /** The status is too old to be relied on (statusFreshness): it never counts as covering. */
  unconfirmed?: boolean;
}

// ---------------------------------------------------------------------------
// Status freshness

/** How long a status holds when the contract's duration is unknown (a CLS typically runs 3 to 5 years). */
export const DEFAULT_STATUS_VALIDITY_YEARS = 5;

export interface StatusFreshness {
  /** false: the last information is older than the contract's duration; the status is « à confirmer ». */
  confirmed: boolean;
  /** ISO partial date of the last information on the status (statusAsOf, else the newest contract date). */
  lastInformation: string | null;
}

/** A partial date as a fractional year at the END of its precision ('2012' → 2013.0, '2022-04' → 2022.33…). */
function endOfPartialDate(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  if (m === undefined) return y! + 1;
  if (d === undefined) return y! + m / 12;
  return y! + (m - 1) / 12 + d / 365;
}

/**
 * Whether a contract's status can still be relied on at `today` (ISO date):
 * a status of a running or planned contract last reported longer ago than
 * the contract's duration (5 years when unknown) is « à confirmer » and does
 * not count as « en vigueur ». Ended contracts and undated statuses are
 * left as they are (nothing to date them against).
 */
export function statusFreshness(
  contract: Pick<Contract, 'status' | 'statusAsOf' | 'dates' | 'durationYears'>,
  today: string,
): StatusFreshness {
  const dated = [contract.statusAsOf, contract.dates.signature, contract.dates.start, contract.dates.engagement].filter(
    (d): d is string => typeof d === 'string' && isPartialDate(d),
  );
  const lastInformation = dated.length > 0 ? dated.reduce((a, b) => (comparePartialDates(a, b) >= 0 ? a : b)) : null;
  if (contract.status === 'termine' || lastInformation === null) return { confirmed: true, lastInformation };
  const validity = contract.durationYears ?? DEFAULT_STATUS_VALIDITY_YEARS;
  const age = endOfPartialDate(today) - endOfPartialDate(lastInformation);
  return { confirmed: age <= validity, lastInformation };
}

/**
 * The mapped contracts as the coverage rollup needs them, at `today`: a
 * status older than the contract's duration is marked `unconfirmed` and
 * never counts as covering (panel, portrait, checklist, perimeters).
 */
export function resolveContractsAt(
  contracts: ReadonlyArray<Pick<Contract, 'id' | 'status' | 'statusAsOf' | 'dates' | 'durationYears'> & { mapped: boolean; communes: readonly string[] }>,
  today: string,
): ResolvedContract[] {
  return contracts
    .filter((c) => c.mapped)
    .map((c) => ({ id: c.id, status: c.status, communes: c.communes, ...(statusFreshness(c, today).confirmed ? {} : { unconfirmed: true }) }));
}

/** « signé », or « statut à confirmer (dernière information : 2012) » when the status is stale. */
export function statusText(contract: Pick<Contract, 'status' | 'statusAsOf' | 'dates' | 'durationYears'>, today: string): string {
  const f = statusFreshness(contract, today);
  if (f.confirmed) return CONTRACT_STATUS_LABELS[contract.status];
  return `statut à confirmer (dernière information : ${f.lastInformation!.slice(0, 4)})`;
}

export interface ContractShare {
  id: string;
  status: ContractStatus;
  /** Communes of the territory inside this contract's perimeter. */
  communesInTerritory: string[];
  /** The territory holds the whole perimeter of the contract. */
  perimeterInside: boolean;
}

export interface CoverageResult {
  coverage: Coverage;
  /** Statuses that counted as covering. */
  statuses: readonly ContractStatus[];
  covered: string[];
  uncovered: string[];
  /** Contracts of the counted statuses touching the territory. */
  contracts: ContractShare[];
  /** Contracts of other statuses (planned, ended…) touching the territory. */
  otherContracts: ContractShare[];
}

function share(contract: ResolvedContract, territory: ReadonlySet<string>): ContractShare | null {
  const inside = contract.communes.filter((c) => territory.has(c));
  if (inside.length === 0) return null;
  return { id: contract.id, status: contract.status, communesInTerritory: inside, perimeterInside: inside.length === contract.communes.length };
}

/**
 * Is a territory (a set of communes) covered by contracts? `covered` when all
 * its communes lie inside a perimeter of a counted status (default: active =
 * signed or being renewed), `partial` with the covered/uncovered communes
 * when only some do, `none` otherwise.
 */
export function rollupCoverage(
  territoryCommunes: Iterable<string>,
  contracts: readonly ResolvedContract[],
  statuses: readonly ContractStatus[] = ACTIVE_STATUSES,
): CoverageResult {
  const territory = new Set(territoryCommunes);
  const coveredSet = new Set<string>();
  const counted: ContractShare[] = [];
  const other: ContractShare[] = [];
  for (const contract of contracts) {
    const s = share(contract, territory);
    if (!s) continue;
    if (statuses.includes(contract.status) && !contract.unconfirmed) {
      counted.push(s);
      for (const c of s.communesInTerritory) coveredSet.add(c);
    } else {
      other.push(s);
    }
  }
  const all = [...territory].sort();
  const covered = all.filter((c) => coveredSet.has(c));
  const uncovered = all.filter((c) => !coveredSet.has(c));
  const coverage: Coverage = all.length > 0 && uncovered.length === 0 ? 'covered' : covered.length > 0 ? 'partial' : 'none';
  const byId = (a: ContractShare, b: ContractShare) => (a.id < b.id ? -1 : 1);
  return { coverage, statuses, covered, uncovered, contracts: counted.sort(byId), otherContracts: other.sort(byId) };
}

/**
 * Contracts of the territories next door: contracts (any status) whose
 * perimeter holds a commune adjacent to the territory but none of the
 * territory's communes. `neighbours(code)` gives a commune's adjacent communes.
 */
export function neighbouringContracts(
  territoryCommunes: Iterable<string>,
  contracts: readonly ResolvedContract[],
  neighbours: (code: string) => readonly string[],
): Array<{ id: string; status: ContractStatus; adjacentCommunes: string[] }> {
  const territory = new Set(territoryCommunes);
  const ring = new Set<string>();
  for (const code of territory) for (const n of neighbours(code)) if (!territory.has(n)) ring.add(n);
  const result: Array<{ id: string; status: ContractStatus; adjacentCommunes: string[] }> = [];
  for (const contract of contracts) {
    if (contract.communes.some((c) => territory.has(c))) continue;
    const adjacent = contract.communes.filter((c) => ring.has(c));
    if (adjacent.length > 0) result.push({ id: contract.id, status: contract.status, adjacentCommunes: [...adjacent].sort() });
  }
  return result.sort((a, b) => (a.id < b.id ? -1 : 1));
}

// ---------------------------------------------------------------------------
// Population covered by a contract in force (registry-based indicator)

/** The communes inside the perimeter of a contract of the given statuses (default: in force), stale statuses left out. */
export function coveredCommunes(contracts: readonly ResolvedContract[], statuses: readonly ContractStatus[] = ACTIVE_STATUSES): Set<string> {
  const covered = new Set<string>();
  for (const c of contracts) if (statuses.includes(c.status) && !c.unconfirmed) for (const code of c.communes) covered.add(code);
  return covered;
}

export interface PopulationCoverage {
  /** Population of the covered communes (populations légales). */
  covered: number;
  /** Population of all the communes with a known population. */
  total: number;
  /** covered / total, null when total is 0. */
  share: number | null;
  /** Communes left out of both sums because their population is unknown. */
  withoutPopulation: number;
}

/**
 * Share of the population living in communes covered by a contract in force:
 * Σ population of covered communes / Σ population of all communes (unknown
 * populations left out of both, and counted). Based on the registry: a
 * contract missing from it lowers the share.
 */
export function populationCoverage(
  communes: Iterable<{ code: string; population: number | null }>,
  covered: ReadonlySet<string>,
): PopulationCoverage {
  let total = 0;
  let inside = 0;
  let withoutPopulation = 0;
  for (const c of communes) {
    if (c.population === null || !Number.isFinite(c.population)) {
      withoutPopulation += 1;
      continue;
    }
    total += c.population;
    if (covered.has(c.code)) inside += c.population;
  }
  return { covered: inside, total, share: total > 0 ? inside / total : null, withoutPopulation };
}
