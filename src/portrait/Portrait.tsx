// A portrait: loads the figures of its subject (a territory or a custom
// perimeter), shows them with the CLS checklist, and offers print / PDF,
// CSV export and a permalink. The same DOM is the printable view
// (src/styles/print.css, A4), with a still image of the map.
import { useEffect, useMemo, useState } from 'react';
import { fr } from '../i18n/fr.ts';
import { useAtlas } from '../app/context.ts';
import { DEFAULT_THRESHOLDS, evaluateChecklist, type ChecklistThresholds } from './checklist.ts';
import type { AssembledPortrait } from './portrait-assemble.ts';
import { loadPortrait } from './portrait-data.ts';
import { portraitCsvFileName, portraitToCsv } from './portrait-csv.ts';
import { captureMapSnapshot } from './map-snapshot.ts';
import { subjectKey, type PortraitSubject } from './subject.ts';
import { PortraitView } from './PortraitView.tsx';
import { ChecklistPanel } from './ChecklistPanel.tsx';
import './portrait.css';
import '../styles/print.css';

type LoadState = { status: 'loading' } | { status: 'error' } | { status: 'ready'; portrait: AssembledPortrait };
type Loaded = { key: string; state: LoadState };

function todayFr(): string {
  return new Date().toLocaleDateString('fr-FR', { day: 'numeric', month: 'long', year: 'numeric' });
}

function download(filename: string, content: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const nextPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 60)));

export function Portrait({ subject }: { subject: PortraitSubject }) {
  const atlas = useAtlas();
  const key = subjectKey(subject);
  // A perimeter keeps its id while its communes change: reload then too.
  const loadKey = subject.kind === 'perimeter' ? `${key}:${subject.communes.join(',')}` : key;
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const state: LoadState = loaded && loaded.key === loadKey ? loaded.state : { status: 'loading' };
  const [thresholds, setThresholds] = useState<ChecklistThresholds>(DEFAULT_THRESHOLDS);
  const [snapshot, setSnapshot] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ key: string; text: string; link?: string } | null>(null);

  useEffect(() => {
    let cancelled = false;
    void atlas
      .manifest()
      .then((manifest) => loadPortrait(manifest, subject))
      .then((portrait) => {
        if (!cancelled) setLoaded({ key: loadKey, state: portrait ? { status: 'ready', portrait } : { status: 'error' } });
      })
      .catch(() => {
        if (!cancelled) setLoaded({ key: loadKey, state: { status: 'error' } });
      });
    return () => {
      cancelled = true;
    };
  }, [atlas, loadKey]); // eslint-disable-line react-hooks/exhaustive-deps -- `subject` is identified by loadKey

  // A first snapshot once the map is idle, so Ctrl+P prints a map too.
  useEffect(() => {
    const map = atlas.controller?.map;
    if (!map || state.status !== 'ready') return;
    let cancelled = false;
    const take = () => void captureMapSnapshot(map).then((url) => !cancelled && url && setSnapshot(url));
    if (map.loaded()) take();
    else map.once('idle', take);
    return () => {
      cancelled = true;
    };
  }, [atlas, state.status, loadKey]);

  const ready = state.status === 'ready' ? state.portrait : null;
  const checklist = useMemo(() => (ready ? evaluateChecklist(ready.checklistInput, thresholds) : []), [ready, thresholds]);

  const t = fr.portrait;
  if (state.status === 'loading') {
    return (
      <p className="fr-text--sm" role="status" data-testid="portrait-loading">
        {t.loading}
      </p>
    );
  }
  if (state.status === 'error') {
    return (
      <p className="fr-text--sm fr-error-text" role="alert">
        {t.notFound}
      </p>
    );
  }
  const { model } = state.portrait;

  const print = async () => {
    const map = atlas.controller?.map;
    if (map) {
      const url = await captureMapSnapshot(map);
      if (url) setSnapshot(url);
      await nextPaint();
    }
    window.print();
  };

  const exportCsv = () => download(portraitCsvFileName(model), portraitToCsv(model, checklist, todayFr()), 'text/csv;charset=utf-8');

  const permalink = async () => {
    const url = atlas.features.url;
    const hash = url.serialize({ ...url.pick(atlas.store.getState()), portrait: subject.kind });
    const link = `${window.location.origin}${window.location.pathname}${window.location.search}${hash}`;
    try {
      await navigator.clipboard.writeText(link);
      setNotice({ key: loadKey, text: t.actions.copied, link });
    } catch {
      setNotice({ key: loadKey, text: t.actions.copyFailed, link });
    }
  };

  return (
    <div className="portrait" data-testid="portrait" data-subject={key}>
      <div className="portrait-print-header">
        <p className="portrait-print-header__brand">CLS Atlas — {t.title}</p>
        <h2 className="fr-h3">{model.identity.name}</h2>
      </div>
      <div className="portrait-actions portrait-noprint" role="group" aria-label={t.actions.title}>
        <button type="button" className="fr-btn fr-btn--sm fr-icon-printer-line fr-btn--icon-left" onClick={() => void print()} data-testid="portrait-print">
          {t.actions.print}
        </button>
        <button type="button" className="fr-btn fr-btn--sm fr-btn--secondary fr-icon-download-line fr-btn--icon-left" onClick={exportCsv} data-testid="portrait-csv">
          {t.actions.csv}
        </button>
        <button type="button" className="fr-btn fr-btn--sm fr-btn--tertiary fr-icon-links-line fr-btn--icon-left" onClick={() => void permalink()} data-testid="portrait-permalink">
          {t.actions.permalink}
        </button>
      </div>
      {notice && notice.key === loadKey && (
        <div className="portrait-noprint fr-mb-1w" role="status">
          <p className="fr-text--sm fr-mb-1v">{notice.text}</p>
          {notice.link && (
            <input className="fr-input" readOnly value={notice.link} aria-label={t.actions.permalink} onFocus={(e) => e.currentTarget.select()} />
          )}
        </div>
      )}
      <figure className="portrait-snapshot">
        {snapshot ? <img src={snapshot} alt={t.print.mapAlt(model.identity.name)} /> : <figcaption>{t.print.mapUnavailable}</figcaption>}
      </figure>
      <PortraitView model={model} />
      <ChecklistPanel results={checklist} thresholds={thresholds} onThresholdsChange={setThresholds} />
      <footer className="portrait-sources" data-testid="portrait-sources">
        <h3 className="fr-text--md fr-mb-1v">{t.sources}</h3>
        <ul className="fr-text--xs">
          {model.sources.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ul>
        <p className="fr-text--xs">{t.generatedOn(todayFr())}</p>
      </footer>
    </div>
  );
}
