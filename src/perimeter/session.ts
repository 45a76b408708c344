// The perimeter builder's services, created once beside the Atlas: its own
// small store (mode, edit history, candidates for comparison), the data it
// loads lazily, and the bridge to the app (URL field `perimeter`, the map
// layer, the commune feature-state). React components read it through
// `usePerimeterState`; the map layer through `onChange`.
import { useSyncExternalStore } from 'react';
import type { Atlas } from '../app/atlas.ts';
import { createStore, type Store } from '../app/store.ts';
import { getLoadedIndex, getTerritory } from '../data/territory-index.ts';
import type { TerritoryRecord } from '../data/types.ts';
import type { SupraLevel } from '../lib/levels.ts';
import { dissolveCommunes, type CommuneTopology } from '../lib/dissolve.ts';
import {
  applyPerimeterAction,
  createHistory,
  perimeterOf,
  type CommuneLookup,
  type LngLat,
  type PerimeterAction,
  type PerimeterCommune,
  type PerimeterHistory,
} from './perimeter.ts';
import type { ImportSummary } from './perimeter-io.ts';
import { runPerimeterImport, type PerimeterImportRequest, type PerimeterImportResponse } from './perimeter-import.worker.ts';
import { perimeterStats, type PerimeterStats } from './perimeter-stats.ts';
import type { IndicatorCatalogueEntry, IndicatorFile } from '../lib/indicator-format.ts';
import type { ResolvedContract } from '../lib/contracts.ts';
import type { CommuneZoneFacts } from '../lib/priority-zones.ts';
import { fr } from '../i18n/fr.ts';
import { PerimeterData, representativePoints } from './data.ts';
import type { PerimeterUrlValue } from './url-field.ts';

export const MAX_CANDIDATES = 3;
/** Indicators loaded for the perimeter figures: the commune-level ones, at most this many. */
export const MAX_INDICATORS = 16;

export type PerimeterTool = 'click' | 'lasso';

/** A perimeter kept for side-by-side comparison. */
export interface Candidate {
  readonly id: string;
  readonly name: string;
  readonly communes: readonly string[];
}

export interface PerimeterState {
  readonly active: boolean;
  readonly history: PerimeterHistory;
  readonly name: string;
  readonly tool: PerimeterTool;
  readonly candidates: readonly Candidate[];
  readonly importReport: ImportSummary | null;
  /** Why the last file or text could not be imported (French), null when it could. */
  readonly importError: string | null;
  /** An import is being read and matched (in a worker). */
  readonly importing: boolean;
  /** Bumped when lazily loaded data (topology, indicators, overlays) arrives. */
  readonly dataVersion: number;
  /** Announced to screen readers (aria-live). */
  readonly message: string;
}

const INITIAL: PerimeterState = {
  active: false,
  history: createHistory(),
  name: fr.perimeter.defaultName,
  tool: 'click',
  candidates: [],
  importReport: null,
  importError: null,
  importing: false,
  dataVersion: 0,
  message: '',
};

export interface LoadedIndicators {
  readonly entries: readonly IndicatorCatalogueEntry[];
  readonly files: ReadonlyMap<string, IndicatorFile>;
}

let nextCandidateId = 1;

export class PerimeterSession {
  readonly store: Store<PerimeterState> = createStore(INITIAL);
  readonly data: PerimeterData;
  topologies: CommuneTopology[] | null = null;
  passage: Map<string, string[]> | null = null;
  indicators: LoadedIndicators | null = null;
  zoneFacts: Map<string, CommuneZoneFacts> | null = null;
  contracts: ResolvedContract[] | null = null;
  contractNames: Map<string, string> = new Map();
  private pointOf: ((code: string) => LngLat | null) | null = null;
  private lookupCache: { size: number; lookup: CommuneLookup } | null = null;
  private readonly statsCache = new Map<string, PerimeterStats>();
  private readonly outlineCache = new Map<string, GeoJSON.MultiPolygon>();

  constructor(readonly atlas: Atlas) {
    this.data = new PerimeterData(() => atlas.manifest());
    // The URL carries the perimeter: push every change of the present set.
    this.store.subscribe((state, previous) => {
      if (state.history.present === previous.history.present && state.active === previous.active && state.name === previous.name) return;
      atlas.store.setState({
        perimeter: state.active ? { communes: state.history.present.communes, name: state.name === fr.perimeter.defaultName ? null : state.name } : null,
      });
    });
    // A permalink (or a pasted URL) with a perimeter opens the builder, once its
    // codes are checked against the commune index (src/url-coherence.ts):
    // always on the current value, never on one a later check replaced.
    const fromUrl = async () => {
      if (atlas.store.getState().perimeter?.communes.length) await atlas.ensureIndex('commune').catch(() => undefined);
      const value = atlas.store.getState().perimeter;
      const current = this.store.getState();
      if (!value) {
        if (current.active) this.exit();
        return;
      }
      const same = current.active && current.history.present.communes.join() === value.communes.join();
      if (!same) this.open(value.communes, value.name ?? fr.perimeter.defaultName, { fit: true, record: false });
    };
    atlas.store.subscribe((state, previous) => {
      if (state.perimeter !== previous.perimeter) void fromUrl();
    });
    if (atlas.store.getState().perimeter) queueMicrotask(() => void fromUrl());
  }

  getState(): PerimeterState {
    return this.store.getState();
  }

  // --- mode ---------------------------------------------------------------

  /** Opens the builder on a set of communes (empty = from scratch). */
  open(communes: readonly string[], name: string, options: { fit?: boolean; record?: boolean } = {}): void {
    const state = this.store.getState();
    const history =
      options.record === false || !state.active
        ? createHistory(perimeterOf(communes))
        : applyPerimeterAction(state.history, { type: 'replace', codes: communes }, this.lookup());
    this.store.setState({ active: true, history, name, importReport: null, message: fr.perimeter.announce.opened(name, communes.length) });
    const { level, selection } = this.atlas.store.getState();
    if (level !== 'commune' || selection) this.atlas.store.setState({ level: 'commune', selection: null });
    void this.loadAll().then(() => {
      if (options.fit) this.fitToPerimeter();
    });
  }

  /** 'Partir de ce territoire': the communes of a commune, EPCI or bassin de vie. */
  async startFrom(territory: TerritoryRecord): Promise<void> {
    const communes = await this.communesOfTerritory(territory.level, territory.code);
    this.open(communes, territory.name, { fit: true });
  }

  startFromScratch(): void {
    this.open([], fr.perimeter.defaultName);
  }

  exit(): void {
    this.store.setState({ active: false, importReport: null, message: fr.perimeter.announce.closed });
  }

  setTool(tool: PerimeterTool): void {
    this.store.setState({ tool });
  }

  setName(name: string): void {
    this.store.setState({ name: name.trim() === '' ? fr.perimeter.defaultName : name });
  }

  // --- edits --------------------------------------------------------------

  dispatch(action: PerimeterAction): void {
    const state = this.store.getState();
    const history = applyPerimeterAction(state.history, action, this.lookup());
    if (history === state.history) return;
    const before = state.history.present.communes.length;
    const after = history.present.communes.length;
    this.store.setState({ history, message: fr.perimeter.announce.count(after, after - before) });
  }

  async addParent(level: SupraLevel, code: string): Promise<void> {
    await this.atlas.ensureIndex('commune');
    this.dispatch({ type: 'addParent', level, code });
  }

  undo(): void {
    this.dispatch({ type: 'undo' });
  }

  redo(): void {
    this.dispatch({ type: 'redo' });
  }

  /**
   * Imports a list of communes from a dropped file or a pasted text: read,
   * decoded and matched in a worker (src/perimeter/perimeter-import.worker.ts);
   * a file that is not text is refused with a French message; a list with no
   * commune code is an error, not an empty success.
   */
  async importInput(input: Blob | string): Promise<void> {
    this.store.setState({ importing: true, importError: null, importReport: null });
    try {
      await this.loadAll();
      const request: PerimeterImportRequest = { input, communes: [...this.lookup().communes.keys()], passage: [...(this.passage ?? new Map()).entries()] };
      const response = await runImport(request);
      if (!response.ok) {
        this.store.setState({ importError: response.message });
        return;
      }
      const summary = response.summary;
      if (summary.communes.length === 0) {
        this.store.setState({ importError: summary.unknown.count > 0 ? fr.perimeter.importNoneKnown(summary.unknown.count) : fr.perimeter.importNoCode, importReport: summary.unknown.count > 0 ? summary : null });
        return;
      }
      this.dispatch({ type: 'add', codes: [...summary.communes] });
      this.store.setState({ importReport: summary });
    } catch {
      this.store.setState({ importError: fr.perimeter.importFailed });
    } finally {
      this.store.setState({ importing: false });
    }
  }

  clearImportReport(): void {
    this.store.setState({ importReport: null, importError: null });
  }

  // --- comparison ---------------------------------------------------------

  /** Keeps the current perimeter as a comparison column (the oldest goes beyond 3). */
  keepForComparison(): void {
    const state = this.store.getState();
    const candidate: Candidate = { id: `p${nextCandidateId++}`, name: state.name, communes: state.history.present.communes };
    this.store.setState({ candidates: [...state.candidates, candidate].slice(-MAX_CANDIDATES) });
  }

  removeCandidate(id: string): void {
    this.store.setState((s) => ({ candidates: s.candidates.filter((c) => c.id !== id) }));
  }

  /** Reopens a candidate in the builder (an undoable edit). */
  editCandidate(id: string): void {
    const candidate = this.store.getState().candidates.find((c) => c.id === id);
    if (!candidate) return;
    this.dispatch({ type: 'replace', codes: candidate.communes });
    this.store.setState({ name: candidate.name });
    this.fitToPerimeter();
  }

  /** 'Comparer commune / EPCI / bassin de vie' for one commune. */
  async compareLevelsOf(communeCode: string): Promise<void> {
    await this.atlas.ensureIndex('commune');
    await Promise.all([this.atlas.ensureIndex('epci'), this.atlas.ensureIndex('bv')]);
    const commune = getTerritory('commune', communeCode);
    if (!commune) return;
    const candidates: Candidate[] = [{ id: `p${nextCandidateId++}`, name: commune.name, communes: [commune.code] }];
    for (const level of ['epci', 'bv'] as const) {
      const code = commune.parents[level];
      if (!code) continue;
      const record = getTerritory(level, code);
      const communes = communesOfParentIndex(level, code);
      candidates.push({ id: `p${nextCandidateId++}`, name: `${fr.levels.label(level)} ${record?.name ?? code}`, communes });
    }
    if (!this.store.getState().active) this.open([commune.code], commune.name, { fit: false });
    this.store.setState({ candidates, message: fr.perimeter.announce.compare(candidates.length) });
    const bbox = unionBBox(candidates.flatMap((c) => c.communes));
    // After the panel has widened (the map is narrower), so the three outlines are centred.
    if (bbox) afterLayout(() => this.fit(bbox));
  }

  // --- derived figures ----------------------------------------------------

  /** Figures of a set of communes, cached by its codes. */
  statsOf(communes: readonly string[]): PerimeterStats {
    const key = communes.join(',');
    const cached = this.statsCache.get(key);
    if (cached) return cached;
    const index = getLoadedIndex('commune');
    const stats = perimeterStats({
      codes: communes,
      communeOf: (code) => index?.get(code),
      indicators: this.indicators ? [...this.indicators.files.values()] : [],
      zoneFacts: this.zoneFacts,
      contracts: this.contracts,
    });
    if (this.statsCache.size > 50) this.statsCache.clear();
    this.statsCache.set(key, stats);
    return stats;
  }

  /** The dissolved outline (null until the topology is loaded). */
  outlineOf(communes: readonly string[]): GeoJSON.MultiPolygon | null {
    if (!this.topologies) return null;
    const key = communes.join(',');
    let outline = this.outlineCache.get(key);
    if (!outline) {
      outline = dissolveCommunes(this.topologies, communes).geometry;
      if (this.outlineCache.size > 20) this.outlineCache.clear();
      this.outlineCache.set(key, outline);
    }
    return outline;
  }

  private fit(bbox: [number, number, number, number]): void {
    const controller = this.atlas.controller;
    if (!controller) return;
    controller.map.resize();
    controller.fitBounds(bbox);
  }

  fitToPerimeter(): void {
    const bbox = unionBBox(this.store.getState().history.present.communes);
    if (bbox) afterLayout(() => this.fit(bbox));
  }

  /** Commune lookup for edits (index parents, bboxes, representative points). */
  lookup(): CommuneLookup {
    const index = getLoadedIndex('commune');
    if (!index) return { communes: new Map() };
    if (!this.lookupCache || this.lookupCache.size !== index.size || (this.pointOf && !this.lookupCache.lookup.pointOf)) {
      const communes = index as ReadonlyMap<string, PerimeterCommune>;
      this.lookupCache = { size: index.size, lookup: this.pointOf ? { communes, pointOf: this.pointOf } : { communes } };
    }
    return this.lookupCache.lookup;
  }

  private async communesOfTerritory(level: TerritoryRecord['level'], code: string): Promise<string[]> {
    if (level === 'commune') return [code];
    await this.atlas.ensureIndex('commune');
    return communesOfParentIndex(level, code);
  }

  private loading: Promise<void> | null = null;

  /** Loads everything the builder needs, once; each arrival re-renders. */
  loadAll(): Promise<void> {
    this.loading ??= (async () => {
      const bump = () => {
        this.statsCache.clear();
        this.store.setState((s) => ({ dataVersion: s.dataVersion + 1 }));
      };
      const tasks: Promise<void>[] = [
        this.atlas.ensureIndex('commune').then(bump),
        this.data.topologies().then((t) => {
          this.topologies = t;
          this.pointOf = representativePoints(t);
          this.lookupCache = null;
          bump();
        }),
        this.data.passage().then((p) => {
          this.passage = p;
        }),
        this.data.zoneFacts().then((z) => {
          this.zoneFacts = z;
          bump();
        }),
        this.data.contracts().then((c) => {
          this.contracts = c;
          bump();
        }),
        this.data.contractNames().then((n) => {
          this.contractNames = n;
        }),
        this.loadIndicators().then(bump),
      ];
      await Promise.all(tasks.map((t) => t.catch(() => undefined)));
    })();
    return this.loading;
  }

  private async loadIndicators(): Promise<void> {
    const catalogue = await this.data.catalogue();
    if (!catalogue) return;
    const entries = catalogue.indicators.filter((e) => e.nativeLevel === 'commune').slice(0, MAX_INDICATORS);
    const files = new Map<string, IndicatorFile>();
    await Promise.all(
      entries.map(async (entry) => {
        const file = await this.data.indicator(entry);
        if (file) files.set(entry.id, file);
      }),
    );
    this.indicators = { entries: catalogue.indicators, files };
  }
}

/** The value the URL field carries (see src/perimeter/url-field.ts). */
export type AtlasPerimeterField = PerimeterUrlValue | null;

function communesOfParentIndex(level: SupraLevel, code: string): string[] {
  const out: string[] = [];
  for (const commune of getLoadedIndex('commune')?.values() ?? []) if (commune.parents[level] === code) out.push(commune.code);
  return out.sort();
}

let importWorker: Worker | null = null;

/** Runs an import in the worker (one at a time), or here where there is no Worker (tests). */
function runImport(request: PerimeterImportRequest): Promise<PerimeterImportResponse> {
  if (typeof Worker === 'undefined') return runPerimeterImport(request);
  importWorker ??= new Worker(new URL('./perimeter-import.worker.ts', import.meta.url), { type: 'module' });
  const worker = importWorker;
  return new Promise((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<PerimeterImportResponse>) => resolve(event.data);
    worker.onerror = (event) => {
      importWorker = null;
      reject(new Error(event.message));
    };
    worker.postMessage(request);
  });
}

/** Runs after React has rendered and the browser has laid out (the map may have resized). */
function afterLayout(run: () => void): void {
  if (typeof requestAnimationFrame === 'undefined') run();
  else
    requestAnimationFrame(() =>
      requestAnimationFrame(() => run()),
    );
}

function unionBBox(codes: readonly string[]): [number, number, number, number] | null {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (const code of codes) {
    const b = getTerritory('commune', code)?.bbox;
    if (!b) continue;
    w = Math.min(w, b[0]);
    s = Math.min(s, b[1]);
    e = Math.max(e, b[2]);
    n = Math.max(n, b[3]);
  }
  return Number.isFinite(w) ? [w, s, e, n] : null;
}

/** Subscribes a component to one slice of the builder's state. */
export function usePerimeterState<T>(session: PerimeterSession, selector: (state: PerimeterState) => T): T {
  return useSyncExternalStore(
    session.store.subscribe,
    () => selector(session.store.getState()),
    () => selector(session.store.getState()),
  );
}
