// Bring your own CSV: pick a file or drop it anywhere on the page (read in
// the browser, sent nowhere), choose the code column, its level, the value
// column(s) and the aggregation, and see it mapped at once with the matching
// report.
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { createModal } from '@codegouvfr/react-dsfr/Modal';
import { frIndicators as t } from '../i18n/fr.ts';
import { readCsv, type CsvTable } from '../lib/csv.ts';
import { summariseReport } from '../lib/code-matching.ts';
import { useAtlas } from '../app/context.ts';
import { getLoadedIndex } from '../data/territory-index.ts';
import { dataUrl } from '../data/data-url.ts';
import type { Level } from '../lib/levels.ts';
import { useIndicatorService, useIndicatorView } from './hooks.ts';
import { BYO_CODE_LEVELS, buildCustomIndicator, guessMapping, type ByoMapping, type ByoReference, type ByoResult, type ByoCodeLevel } from './byo-import.ts';
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

interface Loaded {
  name: string;
  table: CsvTable;
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
  const [busy, setBusy] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [, setReportVersion] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const id = useId();

  const openFile = useCallback(async (file: File) => {
    setError(null);
    try {
      const table = readCsv(new Uint8Array(await file.arrayBuffer()));
      if (table.headers.length < 2 || table.rows.length === 0) throw new Error('empty');
      setLoaded({ name: file.name, table });
      setMapping(guessMapping(table, file.name));
      byoModal.open();
    } catch {
      setLoaded(null);
      setMapping(null);
      setError(t.byoReadError);
    }
  }, []);

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
    setBusy(true);
    setError(null);
    try {
      const needed: Level[] = ['commune', 'epci', 'bv', 'departement', 'region'];
      const [passage] = await Promise.all([loadPassage(), ...needed.map((l) => atlas.ensureIndex(l))]);
      const indexes: ByoReference['indexes'] = Object.fromEntries(needed.map((l) => [l, getLoadedIndex(l)]));
      const indicatorId = `byo:${nextId++}`;
      const result = buildCustomIndicator(loaded.table, mapping, { indexes, passage: passage ?? undefined }, indicatorId, loaded.name);
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
    } catch {
      setError(t.byoReadError);
    } finally {
      setBusy(false);
    }
  };

  const update = (patch: Partial<ByoMapping>) => setMapping((m) => (m ? { ...m, ...patch } : m));
  const headers = loaded?.table.headers ?? [];
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
      {error && !loaded && (
        <p className="fr-error-text" role="alert">
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
            <p className="fr-text--sm">{t.byoFileSummary(loaded.name, loaded.table.rows.length, headers.length)}</p>
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
