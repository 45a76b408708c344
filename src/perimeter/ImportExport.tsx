// Import a list of INSEE codes (pasted or dropped file), export the perimeter
// as CSV (codes + names) and GeoJSON (dissolved outline + figures), copy the
// permalink, open the perimeter's portrait.
import { useId, useState } from 'react';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { getLoadedIndex, getTerritory } from '../data/territory-index.ts';
import { perimeterToCsv, perimeterToGeoJson, safeFileName } from './perimeter-io.ts';
import { fr } from '../i18n/fr.ts';
import { perimeterSubject, type PerimeterSubject } from '../portrait/subject.ts';
import { perimeterIdOf } from '../portrait/PortraitHost.tsx';
import { usePerimeterState, type PerimeterSession } from './session.ts';

const t = fr.perimeter;

/** Listened to by src/portrait/PortraitHost.tsx: `detail` is a PortraitSubject of kind 'perimeter'. */
export const OPEN_PORTRAIT_EVENT = 'cls-atlas:open-portrait';

function download(name: string, content: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function ImportExport({ session }: { session: PerimeterSession }) {
  const communes = usePerimeterState(session, (s) => s.history.present.communes);
  const name = usePerimeterState(session, (s) => s.name);
  const report = usePerimeterState(session, (s) => s.importReport);
  const [text, setText] = useState('');
  const [dragging, setDragging] = useState(false);
  const [copied, setCopied] = useState<string | null>(null);
  const textId = useId();
  const fileId = useId();

  const importing = usePerimeterState(session, (s) => s.importing);
  const importError = usePerimeterState(session, (s) => s.importError);
  const importText = (value: string) => session.importInput(value);
  const importFile = (file: File) => session.importInput(file);

  const exportCsv = () => {
    const index = getLoadedIndex('commune');
    const rows = communes.map((code) => {
      const c = index?.get(code);
      const epci = c?.parents.epci;
      return { code, name: c?.name ?? '', population: c?.population ?? null, epci: epci ?? null, epciName: epci ? (getTerritory('epci', epci)?.name ?? null) : null };
    });
    download(`${safeFileName(name)}.csv`, perimeterToCsv(rows), 'text/csv;charset=utf-8');
  };
  const exportGeoJson = () => {
    const stats = session.statsOf(communes);
    const geojson = perimeterToGeoJson(session.outlineOf(communes), {
      name,
      communes,
      population: stats.mass.population,
      areaKm2: stats.mass.areaKm2,
      permalink: window.location.href,
    });
    download(`${safeFileName(name)}.geojson`, JSON.stringify(geojson), 'application/geo+json');
  };
  const copyLink = async () => {
    try {
      await navigator.clipboard.writeText(window.location.href);
      setCopied(t.copied);
    } catch {
      setCopied(t.copyFailed);
    }
  };
  const openPortrait = () => {
    const subject: PerimeterSubject = perimeterSubject(perimeterIdOf(communes), name, communes);
    window.dispatchEvent(new CustomEvent(OPEN_PORTRAIT_EVENT, { detail: subject }));
  };

  return (
    <>
      <section className="atlas-panel__section" aria-labelledby="perimeter-import">
        <h3 id="perimeter-import" className="fr-text--md fr-mb-1w atlas-panel__section-title">
          {t.importTitle}
        </h3>
        <div
          className={`fr-input-group perimeter-drop${dragging ? ' perimeter-drop--over' : ''}`}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(e) => {
            e.preventDefault();
            setDragging(false);
            const file = e.dataTransfer.files[0];
            if (file) void importFile(file);
            else void importText(e.dataTransfer.getData('text'));
          }}
        >
          <label className="fr-label" htmlFor={textId}>
            {t.importLabel}
            <span className="fr-hint-text">{t.importHint}</span>
          </label>
          <textarea id={textId} className="fr-input" rows={3} value={text} onChange={(e) => setText(e.target.value)} data-testid="perimeter-import-text" />
          <ul className="fr-btns-group fr-btns-group--inline fr-btns-group--sm fr-mt-1w">
            <li>
              <Button size="small" disabled={text.trim() === ''} onClick={() => void importText(text).then(() => setText(''))} nativeButtonProps={{ 'data-testid': 'perimeter-import-button' } as never}>
                {t.importButton}
              </Button>
            </li>
            <li>
              <label className="fr-btn fr-btn--secondary fr-btn--sm" htmlFor={fileId}>
                {t.importFile}
              </label>
              <input
                id={fileId}
                type="file"
                data-testid="perimeter-import-file"
                className="fr-sr-only"
                accept=".csv,.txt,.json,.geojson,text/csv,text/plain,application/json,application/geo+json"
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  if (file) void importFile(file);
                  e.target.value = '';
                }}
              />
            </li>
          </ul>
        </div>
        {importing && (
          <p className="fr-text--sm fr-mt-1w" role="status" data-testid="perimeter-importing">
            {t.importing}
          </p>
        )}
        {importError && (
          <Alert small closable onClose={() => session.clearImportReport()} severity="error" className="fr-mt-1w" description={<p data-testid="perimeter-import-error">{importError}</p>} />
        )}
        {report && !importError && (
          <Alert
            small
            closable
            onClose={() => session.clearImportReport()}
            severity={report.unknown.count > 0 ? 'warning' : 'success'}
            className="fr-mt-1w"
            description={
              <div data-testid="perimeter-import-report">
                <p>{t.importDone(report.communes.length)}</p>
                {report.unknown.count > 0 && <p data-testid="perimeter-import-unknown">{t.importUnknown(report.unknown.sample, report.unknown.count)}</p>}
                {report.moved.count > 0 && (
                  <>
                    <p className="fr-mb-0">{t.importMovedTitle}</p>
                    <ul>
                      {report.moved.sample.map((m) => (
                        <li key={m.from}>{t.importMoved(m.from, m.to.map((c) => `${getTerritory('commune', c)?.name ?? ''} ${c}`.trim()).join(', '))}</li>
                      ))}
                    </ul>
                    {report.moved.count > report.moved.sample.length && <p>{t.importMore(report.moved.count - report.moved.sample.length)}</p>}
                  </>
                )}
                {report.arrondissements > 0 && <p>{t.importArrondissements(report.arrondissements)}</p>}
                {report.duplicates > 0 && <p>{t.importDuplicates(report.duplicates)}</p>}
              </div>
            }
          />
        )}
      </section>
      <section className="atlas-panel__section" aria-labelledby="perimeter-export">
        <h3 id="perimeter-export" className="fr-text--md fr-mb-1w atlas-panel__section-title">
          {t.exportTitle}
        </h3>
        <ul className="fr-btns-group fr-btns-group--sm">
          <li>
            <Button priority="secondary" size="small" iconId="fr-icon-download-line" disabled={communes.length === 0} onClick={exportCsv} nativeButtonProps={{ 'data-testid': 'perimeter-export-csv' } as never}>
              {t.exportCsv}
            </Button>
          </li>
          <li>
            <Button priority="secondary" size="small" iconId="fr-icon-download-line" disabled={communes.length === 0 || !session.topologies} onClick={exportGeoJson} nativeButtonProps={{ 'data-testid': 'perimeter-export-geojson' } as never}>
              {t.exportGeoJson}
            </Button>
          </li>
          <li>
            <Button priority="secondary" size="small" disabled={communes.length === 0} onClick={() => void copyLink()}>
              {t.permalink}
            </Button>
          </li>
          <li>
            <Button priority="secondary" size="small" disabled={communes.length === 0} onClick={openPortrait}>
              {t.openPortrait}
            </Button>
          </li>
        </ul>
        {copied && (
          <p className="fr-text--xs" role="status">
            {copied}
          </p>
        )}
      </section>
    </>
  );
}
