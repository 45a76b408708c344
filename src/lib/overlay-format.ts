// Types of the overlay files the build writes under public/data/overlays/
// and the viewer loads (URLs relative to data/). See docs/contracts.md.
import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { Confidence, ContractSource, ContractStatus, PerimeterType, PopulationCoverage } from './contracts.ts';

export const OVERLAYS_DIR = 'overlays';

/** A credit line for the UI: producer, vintage, licence. */
export interface OverlayCredit {
  id: string;
  producer: string;
  title: string;
  licence: string;
  vintage: string;
  url: string | null;
}

export interface OverlayFileEntry {
  url: string;
  bytes: number;
  gzipBytes: number;
}

/** `overlays/manifest.json` */
export interface OverlaysManifest {
  version: 1;
  cog: '2025';
  layers: {
    contracts: OverlayFileEntry & {
      contracts: number;
      mapped: number;
      sources: OverlayCredit[];
      /** How to add or correct a contract (docs/contracts.md as plain text), relative to data/. */
      guide?: string;
      /** The dissolved perimeters, loaded only when the overlay is shown. */
      perimeters: OverlayFileEntry;
    };
    zones: OverlayFileEntry & { communes: number; sources: OverlayCredit[] };
    hospitals: OverlayFileEntry & { points: number; assigned: number; sources: OverlayCredit[] };
    communeNeighbours: OverlayFileEntry & { communes: number; pairs: number; sources: OverlayCredit[] };
  };
  /** Things the issue asks for that the sources do not hold: the UI says 'non disponible'. */
  unavailable: Array<{ id: string; label: string; reason: string }>;
}

/** One contract as the viewer shows it (card + map). */
export interface ContractOverlayEntry {
  id: string;
  name: string;
  status: ContractStatus;
  statusLabel: string;
  statusReported: string;
  statusAsOf: string | null;
  statusAsOfApproximate: boolean;
  generation: number | null;
  ars: { region: string | null; name: string | null };
  dates: { engagement: string | null; signature: string | null; start: string | null; end: string | null };
  periodReported: string | null;
  durationYears: number | null;
  signatories: string[];
  perimeterType: PerimeterType;
  perimeterTypeLabel: string;
  /** Perimeter as declared (communes and EPCI SIREN codes). */
  perimeter: { communes: string[]; epci: string[] };
  /** COG 2025 communes of the perimeter, sorted; empty when unmapped. */
  communes: string[];
  /** Population of the perimeter (populations légales), null if unknown or unmapped. */
  population: number | null;
  mapped: boolean;
  unmappedReason: string | null;
  departements: string[];
  coordinator: { name: string | null; contact: string | null } | null;
  sources: ContractSource[];
  confidence: Confidence;
  notes: string | null;
  /** [west, south, east, north] of the perimeter, WGS84, null when unmapped. */
  bbox: [number, number, number, number] | null;
}

export interface ContractFeatureProperties {
  id: string;
  status: ContractStatus;
}

/** How many contracts the registry knows in one région, and as of when. */
export interface RegistryRegionSummary {
  /** COG région code; null for contracts whose région is not identified. */
  code: string | null;
  name: string | null;
  contracts: number;
  mapped: number;
  byStatus: Partial<Record<ContractStatus, number>>;
  /** Newest status date of the région's contracts (ISO partial), null if none is dated. */
  asOf: string | null;
}

export interface RegistrySummary {
  contracts: number;
  mapped: number;
  byStatus: Partial<Record<ContractStatus, number>>;
  /** Newest source date consulted (the registry's referenceDate). */
  referenceDate: string;
  /** One row per région (COG order), then the unidentified ones. */
  regions: RegistryRegionSummary[];
}

/** Share of the population covered by a contract in force, from the registry. */
export interface ContractCoverageIndicator {
  /** Statuses counted as "in force". */
  statuses: ContractStatus[];
  /** Date statuses are judged at (the registry's reference date): older ones are « à confirmer » and do not count. */
  asOf: string;
  france: PopulationCoverage;
  departement: Record<string, PopulationCoverage>;
  region: Record<string, PopulationCoverage>;
}

/** `overlays/contracts.json` */
export interface ContractsOverlay {
  version: 1;
  referenceDate: string;
  statusLabels: Record<ContractStatus, string>;
  registry: RegistrySummary;
  coverage: ContractCoverageIndicator;
  contracts: ContractOverlayEntry[];
}

/**
 * `overlays/contract-perimeters.geojson`: the dissolved perimeters (topology
 * merge of the commune topology), one feature per mapped contract. Apart
 * from contracts.json so that the panel does not load geometry.
 */
export type ContractPerimeters = FeatureCollection<Polygon | MultiPolygon, ContractFeatureProperties>;

/** `overlays/zones.json`: columnar per-commune facts plus precomputed aggregates. */
export interface ZonesOverlay {
  version: 1;
  rules: Record<string, string>;
  communes: {
    codes: string[];
    /** Density grid level 1–7, 0 = unknown. */
    dens7: number[];
    /** AAV 2020 category ('11', '12', '13', '20', '30'), '' = unknown. */
    aavCategory: string[];
    /** FRR class 0–5, -1 = unknown. */
    frr: number[];
    /** Populations légales, -1 = unknown. */
    population: number[];
  };
  /** Commune code → QPV 2024 codes (only communes holding one). */
  qpvByCommune: Record<string, string[]>;
  /** QPV 2024 code → name. */
  qpvNames: Record<string, string>;
  /** Level → territory code → row in `aggregateColumns` order. */
  aggregateColumns: readonly string[];
  aggregates: Record<'epci' | 'bv' | 'departement' | 'region', Record<string, number[]>>;
  populationSource: string;
}

/** FINESS categories of the hospital file, short code → French label (as published). */
export const HOSPITAL_TYPES = {
  chr: 'Centre Hospitalier Régional (C.H.R.)',
  ch: 'Centre Hospitalier (C.H.)',
  ch_ex_hl: 'Centre hospitalier, ex Hôpital local',
  psy: 'Centre Hospitalier Spécialisé lutte Maladies Mentales',
  clcc: 'Centre de Lutte Contre Cancer',
  pluri: 'Etablissement de Soins Pluridisciplinaire',
  chir: 'Etablissement de Soins Chirurgicaux',
  med: 'Etablissement de Soins Médicaux',
  obst: 'Etablissement Soins Obstétriques Chirurgico-Gynécologiques',
  ssr: 'Etablissement de santé privé autorisé en SSR',
  sld: 'Etablissement de Soins Longue Durée',
  autre: 'Autre catégorie',
} as const;
export type HospitalType = keyof typeof HOSPITAL_TYPES;

export function hospitalTypeOf(label: string): HospitalType {
  const wanted = label.trim().toLowerCase();
  for (const [code, text] of Object.entries(HOSPITAL_TYPES) as Array<[HospitalType, string]>) {
    if (text.toLowerCase() === wanted) return code;
  }
  return 'autre';
}

export interface HospitalProperties {
  /** FINESS number, 9 characters. */
  finess: string;
  name: string;
  /** Short code of the FINESS category (labels: HOSPITAL_TYPES). */
  type: HospitalType;
  /** 'public' | 'private' | null when not given. */
  sector: 'public' | 'private' | null;
  /** COG 2025 commune holding the point, null if not assigned. */
  commune: string | null;
}

/** `overlays/hospitals.geojson` */
export type HospitalsOverlay = FeatureCollection<Point, HospitalProperties>;

/**
 * `overlays/commune-neighbours.json`: communes sharing a boundary arc. Each
 * pair is stored once, on the commune with the smaller index:
 * `neighbours[i]` lists indices j > i into `codes`, delta-encoded (the first
 * value is j - i, then differences between sorted indices).
 */
export interface CommuneNeighbours {
  version: 1;
  codes: string[];
  neighbours: number[][];
}

/** Decodes the adjacency into code → sorted neighbour codes (both directions). */
export function decodeCommuneNeighbours(file: CommuneNeighbours): Map<string, string[]> {
  const result = new Map<string, string[]>(file.codes.map((code) => [code, []]));
  file.codes.forEach((code, i) => {
    let index = i;
    for (const delta of file.neighbours[i] ?? []) {
      index += delta;
      const neighbour = file.codes[index];
      if (neighbour === undefined) continue;
      result.get(code)!.push(neighbour);
      result.get(neighbour)!.push(code);
    }
  });
  for (const list of result.values()) list.sort();
  return result;
}

/** Encodes symmetric adjacency (indices into `codes`) keeping each pair once. */
export function encodeCommuneNeighbours(codes: readonly string[], adjacency: ReadonlyArray<readonly number[]>): CommuneNeighbours {
  return {
    version: 1,
    codes: [...codes],
    neighbours: adjacency.map((list, i) => {
      const above = [...new Set(list)].filter((j) => j > i).sort((a, b) => a - b);
      let previous = i;
      return above.map((j) => {
        const delta = j - previous;
        previous = j;
        return delta;
      });
    }),
  };
}
