// Bring your own CSV: pick a file or drop it anywhere on the page (read in
// the browser, sent nowhere), choose the code column, its level, the value
// column(s) and the aggregation, and see it mapped at once with the matching
// report.
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { createModal } from '@codegouvfr/react-dsfr/Modal';
import { LoadFailed, openModal } from '../app/dsfr.ts';
import { frIndicators as t, frInput } from '../i18n/fr.ts';
import { summariseReport } from '../lib/code-matching.ts';
import { useAtlas } from '../app/context.ts';
import { getLoadedIndex } from '../data/territory-index.ts';
import { dataUrl } from '../data/data-url.ts';
import type { Level } from '../lib/levels.ts';
import { useIndicatorService, useIndicatorView } from './hooks.ts';
import { BYO_CODE_LEVELS, type ByoMapping, type ByoReference, type ByoResult, type ByoCodeLevel } from './byo-import.ts';
import { ByoCancelled, ByoRefused, ByoWorkerClient } from './byo-client.ts';
import { customIndicators, registerCustomIndicator } from './indicator-data.ts';

const byoModal = createModal({ id: 'atlas-byo-dialog', isOpenedByDefault: false });

let passagePromise: Promise<ReadonlyMap<string, readonly string[]> | null> | null = null;
function loadPassage(): Promise<ReadonlyMap<string, readonly string[]> | null> {
  passagePromise ??= fetch(dataUrl('index/passage.json'))
    .then(async (res) => {
      if (!res.ok) return null;
      const body = (await res.json()) as { passage?: Record<string, string[]> };
      return new Map(Object.entries(body.passage ?? {}));
    })
    .catch(() => null);
  return passagePromise;
}

/** The file the worker holds: its shape only (the rows stay in the worker). */
interface Loaded {
  name: string;
  headers: readonly string[];
  rows: number;
  encoding: string;
}

interface Progress {
  phase: string;
  fraction: number | null;
}

let nextId = 1;
/** Latest reports by custom indicator id (kept across re-renders and re-selection). */
const reports = new Map<string, { result: ByoResult; noPassage: boolean }>();

export function ByoCsvImport() {
  const atlas = useAtlas();
  const service = useIndicatorService();
  const entry = useIndicatorView((v) => v.entry);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [mapping, setMapping] = useState<ByoMapping | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [dragging, setDragging] = useState(false);
  const [, setReportVersion] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const id = useId();
  const [client] = useState(() => new ByoWorkerClient((phase, fraction) => setProgress({ phase, fraction })));
  useEffect(() => () => client.cancel(), [client]);
  const busy = progress !== null;

  const openFile = useCallback(
    async (file: File) => {
      setError(null);
      setLoaded(null);
      setMapping(null);
      setProgress({ phase: 'prepare', fraction: null });
      try {
        // The code column is chosen by how many of its cells are known territories.
        await Promise.all(BYO_CODE_LEVELS.map((l) => atlas.ensureIndex(l)));
        const codes = Object.fromEntries(BYO_CODE_LEVELS.map((l) => [l, [...(getLoadedIndex(l)?.keys() ?? [])]]));
        const opened = await client.open(file, file.name, codes);
        setLoaded({ name: file.name, headers: opened.headers, rows: opened.rows, encoding: opened.encoding });
        setMapping(opened.mapping);
        await openModal(byoModal);
      } catch (e) {
        // No dialog after a failure (a file read but a dialog that cannot open included).
        setLoaded(null);
        setMapping(null);
        setError(
          e instanceof ByoCancelled ? frInput.importCancelled : e instanceof ByoRefused ? e.message : e instanceof LoadFailed ? t.byoDialogUnavailable : t.byoReadError,
        );
      } finally {
        setProgress(null);
      }
    },
    [atlas, client],
  );

  // Drop anywhere on the page.
  useEffect(() => {
    let depth = 0;
    const hasFiles = (e: DragEvent) => !!e.dataTransfer && [...e.dataTransfer.types].includes('Files');
    const onEnter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth++;
      setDragging(true);
    };
    const onLeave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onOver = (e: DragEvent) => {
      if (hasFiles(e)) e.preventDefault();
    };
    const onDrop = (e: DragEvent) => {
      const file = e.dataTransfer?.files[0];
      depth = 0;
      setDragging(false);
      if (!file) return;
      e.preventDefault();
      void openFile(file);
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('dragover', onOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('drop', onDrop);
    };
  }, [openFile]);

  const map = async () => {
    if (!loaded || !mapping) return;
    setError(null);
    setProgress({ phase: 'prepare', fraction: null });
    try {
      const needed: Level[] = ['commune', 'epci', 'bv', 'departement', 'region'];
      const [passage] = await Promise.all([loadPassage(), ...needed.map((l) => atlas.ensureIndex(l))]);
      const indexes: ByoReference['indexes'] = Object.fromEntries(needed.map((l) => [l, getLoadedIndex(l)]));
      const indicatorId = `byo:${nextId++}`;
      const result = await client.map(mapping, { indexes: referenceOf(indexes), passage: passage ?? undefined }, indicatorId, loaded.name);
      reports.set(indicatorId, { result, noPassage: passage === null && mapping.codeLevel === 'commune' });
      setReportVersion((v) => v + 1);
      if (result.withValue === 0) {
        setError(t.byoNoMatch);
        return;
      }
      registerCustomIndicator(result.entry, result.file);
      service.notifyCustom(customIndicators());
      const level = atlas.store.getState().level;
      if (!result.entry.levels[level]?.available) atlas.setLevel(result.entry.nativeLevel);
      service.select(indicatorId);
      byoModal.close();
      if (inputRef.current) inputRef.current.value = '';
    } catch (e) {
      if (e instanceof ByoCancelled) {
        // The worker (and the table it held) is gone: the file must be read again.
        setLoaded(null);
        setMapping(null);
        byoModal.close();
        setError(frInput.importCancelled);
      } else setError(t.byoReadError);
    } finally {
      setProgress(null);
    }
  };

  const update = (patch: Partial<ByoMapping>) => setMapping((m) => (m ? { ...m, ...patch } : m));
  const headers = loaded?.headers ?? [];
  const columnSelect = (field: 'codeColumn' | 'valueColumn' | 'numeratorColumn' | 'denominatorColumn', label: string) => (
    <div className="fr-select-group fr-mb-1w">
      <label className="fr-label" htmlFor={`${id}-${field}`}>
        {label}
      </label>
      <select id={`${id}-${field}`} className="fr-select" value={mapping?.[field] ?? ''} data-testid={`byo-${field}`} onChange={(e) => update({ [field]: e.target.value })}>
        {headers.map((h) => (
          <option key={h} value={h}>
            {h}
          </option>
        ))}
      </select>
    </div>
  );
  const shownReport = entry ? reports.get(entry.id) : undefined;

  return (
    <div className="atlas-byo">
      <div className="fr-upload-group fr-mt-2w">
        <label className="fr-label" htmlFor={`${id}-file`}>
          {t.byoButton}
          <span className="fr-hint-text">{t.byoHint}</span>
        </label>
        <input
          ref={inputRef}
          className="fr-upload"
          type="file"
          id={`${id}-file`}
          accept=".csv,.txt,.tsv,text/csv,text/plain"
          data-testid="byo-file-input"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void openFile(file);
          }}
        />
      </div>
      {progress && !loaded && <ImportProgress progress={progress} onCancel={() => client.cancel()} />}
      {error && !loaded && (
        <p className="fr-error-text" role="alert" data-testid="byo-error">
          {error}
        </p>
      )}
      {shownReport && <ByoReport result={shownReport.result} noPassage={shownReport.noPassage} />}
      {dragging && (
        <div className="atlas-byo__drop" aria-hidden="true">
          <p>{t.byoDropHere}</p>
        </div>
      )}
      <byoModal.Component title={t.byoDialogTitle} size="large">
        {loaded && mapping && (
          <form
            data-testid="byo-dialog"
            onSubmit={(e) => {
              e.preventDefault();
              void map();
            }}
          >
            <p className="fr-text--sm">
              {t.byoFileSummary(loaded.name, loaded.rows, headers.length)} {frInput.importFileSummary(loaded.encoding)}
            </p>
            <div className="fr-grid-row fr-grid-row--gutters">
              <div className="fr-col-12 fr-col-md-6">
                {columnSelect('codeColumn', t.byoCodeColumn)}
                <div className="fr-select-group fr-mb-1w">
                  <label className="fr-label" htmlFor={`${id}-level`}>
                    {t.byoCodeLevel}
                  </label>
                  <select id={`${id}-level`} className="fr-select" value={mapping.codeLevel} data-testid="byo-codeLevel" onChange={(e) => update({ codeLevel: e.target.value as ByoCodeLevel })}>
                    {BYO_CODE_LEVELS.map((l) => (
                      <option key={l} value={l}>
                        {t.byoCodeLevels[l]}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="fr-input-group fr-mb-1w">
                  <label className="fr-label" htmlFor={`${id}-label`}>
                    {t.byoLabel}
                  </label>
                  <input type="text" id={`${id}-label`} className="fr-input" value={mapping.label} onChange={(e) => update({ label: e.target.value })} />
                </div>
              </div>
              <div className="fr-col-12 fr-col-md-6">
                <fieldset className="fr-fieldset fr-mb-0">
                  <legend className="fr-fieldset__legend fr-text--regular">{t.byoMode}</legend>
                  {(['value', 'ratio'] as const).map((mode) => (
                    <div key={mode} className="fr-fieldset__element fr-mb-0">
                      <div className="fr-radio-group fr-radio-group--sm">
                        <input type="radio" id={`${id}-mode-${mode}`} name={`${id}-mode`} checked={mapping.mode === mode} data-testid={`byo-mode-${mode}`} onChange={() => update({ mode })} />
                        <label className="fr-label" htmlFor={`${id}-mode-${mode}`}>
                          {mode === 'value' ? t.byoModeValue : t.byoModeRatio}
                        </label>
                      </div>
                    </div>
                  ))}
                </fieldset>
                {mapping.mode === 'value' ? (
                  <>
                    {columnSelect('valueColumn', t.byoValueColumn)}
                    <div className="fr-select-group fr-mb-1w">
                      <label className="fr-label" htmlFor={`${id}-agg`}>
                        {t.byoAggregation}
                      </label>
                      <select id={`${id}-agg`} className="fr-select" value={mapping.aggregation} data-testid="byo-aggregation" onChange={(e) => update({ aggregation: e.target.value as ByoMapping['aggregation'] })}>
                        {(['count', 'weightedMean', 'none'] as const).map((a) => (
                          <option key={a} value={a}>
                            {t.byoAggregations[a]}
                          </option>
                        ))}
                      </select>
                    </div>
                  </>
                ) : (
                  <>
                    {columnSelect('numeratorColumn', t.byoNumerator)}
                    {columnSelect('denominatorColumn', t.byoDenominator)}
                    <div className="fr-select-group fr-mb-1w">
                      <label className="fr-label" htmlFor={`${id}-scale`}>
                        {t.byoScale}
                      </label>
                      <select id={`${id}-scale`} className="fr-select" value={mapping.scale} onChange={(e) => update({ scale: Number(e.target.value) })}>
                        {[1, 100, 1000, 10000, 100000].map((s) => (
                          <option key={s} value={s}>
                            {new Intl.NumberFormat('fr-FR').format(s)}
                          </option>
                        ))}
                      </select>
                    </div>
                  </>
                )}
              </div>
            </div>
            {progress && <ImportProgress progress={progress} onCancel={() => client.cancel()} />}
            {error && (
              <p className="fr-error-text" role="alert">
                {error}
              </p>
            )}
            <ul className="fr-btns-group fr-btns-group--inline fr-btns-group--right fr-mt-2w">
              <li>
                <button type="button" className="fr-btn fr-btn--secondary" onClick={() => byoModal.close()}>
                  {t.byoCancel}
                </button>
              </li>
              <li>
                <button type="submit" className="fr-btn" disabled={busy} data-testid="byo-submit">
                  {t.byoMap}
                </button>
              </li>
            </ul>
          </form>
        )}
      </byoModal.Component>
    </div>
  );
}

/** Structured-clone-friendly copy of the indexes the matching needs (parents and population only). */
function referenceOf(indexes: ByoReference['indexes']): ByoReference['indexes'] {
  return Object.fromEntries(
    Object.entries(indexes).map(([level, index]) => [level, new Map([...(index ?? new Map()).entries()].map(([code, r]) => [code, { parents: r.parents, population: r.population }]))]),
  );
}

function ImportProgress({ progress, onCancel }: { progress: Progress; onCancel: () => void }) {
  const label = frInput.importProgress(frInput.importPhases[progress.phase] ?? progress.phase, progress.fraction);
  return (
    <div className="atlas-byo__progress fr-mt-1w" data-testid="byo-progress">
      <p className="fr-text--sm fr-mb-1v" role="status" aria-live="polite">
        {label}
      </p>
      <progress max={1} value={progress.fraction ?? undefined} aria-label={label} />
      <button type="button" className="fr-btn fr-btn--sm fr-btn--tertiary fr-ml-1w" onClick={onCancel} data-testid="byo-cancel">
        {frInput.importCancel}
      </button>
    </div>
  );
}

function ByoReport({ result, noPassage }: { result: ByoResult; noPassage: boolean }) {
  const { report } = result;
  const o = report.outcomes;
  const sample = result.unknownCodes.slice(0, 10);
  return (
    <div className="fr-callout fr-callout--sm atlas-byo__report fr-mt-2w" data-testid="byo-report">
      <h3 className="fr-callout__title fr-text--md">{t.byoReportTitle}</h3>
      <p className="fr-text--sm fr-mb-1v" data-testid="byo-report-summary">
        {t.byoReportSummary(result.matchedRows, result.unknownCodes.length)}
        {sample.length > 0 && ` : ${sample.join(', ')}${result.unknownCodes.length > sample.length ? '…' : ''}`}
      </p>
      <ul className="fr-text--xs fr-mb-1v">
        {o.remapped > 0 && <li>{t.byoReportRemapped(o.remapped)}</li>}
        {o.duplicate > 0 && (
          <li data-testid="byo-report-duplicates">
            {t.byoReportDuplicates(o.duplicate)}
            {result.conflictingDuplicates.length > 0 && (
              <>
                {' — '}
                {t.byoReportConflictsTitle}
                <ul>
                  {result.conflictingDuplicates.slice(0, 20).map((d) => (
                    <li key={d.code} data-testid="byo-report-conflict" data-code={d.code}>
                      {t.byoReportConflict(d.code, d.kept, d.ignored)}
                    </li>
                  ))}
                </ul>
              </>
            )}
            {result.identicalDuplicates.length > 0 && <> — {t.byoReportIdentical(result.identicalDuplicates.slice(0, 20).join(', '))}</>}
          </li>
        )}
        {o.missing > 0 && <li>{t.byoReportMissing(o.missing)}</li>}
        {o.unparsable > 0 && <li>{t.byoReportUnparsable(o.unparsable)}</li>}
        <li>{t.byoReportTerritories(result.withValue, report.referenceSize)}</li>
      </ul>
      <p className="fr-text--xs fr-mb-0 atlas-byo__report-line">{summariseReport(report)}</p>
      {noPassage && <p className="fr-text--xs fr-mb-0">{t.byoNoPassage}</p>}
    </div>
  );
}
