// Classification controls: method, number of classes (3–9), palette,
// diverging around France's value, manual breaks. Native form controls with
// DSFR classes: every one works with the keyboard alone.
import { useId, useState } from 'react';
import { frIndicators as t } from '../i18n/fr.ts';
import { CLASS_METHOD_LABELS, CLASS_METHODS, MAX_CLASSES, MIN_CLASSES, SCHEMES, type ClassMethod, type SchemeName } from '../lib/classify.ts';
import { useAtlasState } from '../app/context.ts';
import { useIndicatorService, useIndicatorView } from './hooks.ts';
import { DIVERGING_SCHEMES, SEQUENTIAL_SCHEMES, parseBreaksInput } from './classification-settings.ts';
import { formatValue } from './format.ts';

const CLASS_COUNTS = Array.from({ length: MAX_CLASSES - MIN_CLASSES + 1 }, (_, i) => MIN_CLASSES + i);

function breaksText(breaks: readonly number[]): string {
  return breaks.map((b) => String(Math.round(b * 1000) / 1000).replace('.', ',')).join(' ; ');
}

export function ClassificationControls() {
  const service = useIndicatorService();
  const settings = useAtlasState((s) => s.classification);
  const entry = useIndicatorView((v) => v.entry);
  const france = useIndicatorView((v) => v.france);
  const classification = useIndicatorView((v) => v.classification);
  const id = useId();
  const innerBreaks = classification ? classification.breaks.slice(1, -1) : [];
  const categorical = !!entry?.categories && entry.categories.length >= 2;

  const setMethod = (method: ClassMethod) => {
    if (method === 'manual') {
      const breaks = settings.breaks.length > 0 ? settings.breaks : innerBreaks.map((b) => Math.round(b * 1000) / 1000);
      service.setClassification({ method, breaks: breaks.length > 0 ? breaks : [0] });
    } else service.setClassification({ method, breaks: [] });
  };
  const schemes = settings.diverging ? DIVERGING_SCHEMES : SEQUENTIAL_SCHEMES;
  const schemeValue = settings.scheme && schemes.includes(settings.scheme) ? settings.scheme : '';

  return (
    <fieldset className="fr-fieldset atlas-ind-classes" aria-labelledby={`${id}-legend`} data-testid="classification-controls">
      <legend id={`${id}-legend`} className="fr-fieldset__legend fr-text--md fr-mb-1w">
        {t.classificationTitle}
      </legend>
      {categorical && <p className="fr-hint-text fr-mb-1w">{t.categoriesNote}</p>}
      <div className="fr-select-group fr-mb-1w">
        <label className="fr-label" htmlFor={`${id}-method`}>
          {t.method}
        </label>
        <select
          id={`${id}-method`}
          className="fr-select"
          value={settings.method}
          disabled={categorical}
          data-testid="classification-method"
          onChange={(e) => setMethod(e.target.value as ClassMethod)}
        >
          {CLASS_METHODS.map((m) => (
            <option key={m} value={m}>
              {CLASS_METHOD_LABELS[m]}
            </option>
          ))}
        </select>
      </div>
      {settings.method === 'manual' ? (
        <ManualBreaks key={breaksText(settings.breaks)} id={id} initial={breaksText(settings.breaks)} onApply={(breaks) => service.setClassification({ breaks })} />
      ) : (
        <div className="fr-select-group fr-mb-1w">
          <label className="fr-label" htmlFor={`${id}-k`}>
            {t.classes}
          </label>
          <select
            id={`${id}-k`}
            className="fr-select"
            value={settings.classes}
            disabled={categorical}
            data-testid="classification-classes"
            onChange={(e) => service.setClassification({ classes: Number(e.target.value) })}
          >
            {CLASS_COUNTS.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="fr-checkbox-group fr-checkbox-group--sm fr-mb-1w">
        <input
          type="checkbox"
          id={`${id}-div`}
          checked={settings.diverging}
          disabled={france === null || categorical}
          data-testid="classification-diverging"
          onChange={(e) => service.setClassification({ diverging: e.target.checked, scheme: null })}
        />
        <label className="fr-label" htmlFor={`${id}-div`}>
          {t.diverging}
          <span className="fr-hint-text">
            {france === null ? t.divergingUnavailable : t.divergingHint(formatValue(france, entry?.decimals ?? 1, entry?.unit ?? ''))}
          </span>
        </label>
      </div>
      <div className="fr-select-group fr-mb-0">
        <label className="fr-label" htmlFor={`${id}-scheme`}>
          {t.palette}
        </label>
        <select
          id={`${id}-scheme`}
          className="fr-select"
          value={schemeValue}
          data-testid="classification-scheme"
          onChange={(e) => service.setClassification({ scheme: e.target.value === '' ? null : (e.target.value as SchemeName) })}
        >
          <option value="">{t.paletteAuto}</option>
          {schemes.map((s) => (
            <option key={s} value={s}>
              {SCHEMES[s].label}
            </option>
          ))}
        </select>
      </div>
    </fieldset>
  );
}

/** The manual breaks field; re-created (key) when the applied breaks change, so it starts from them. */
function ManualBreaks({ id, initial, onApply }: { id: string; initial: string; onApply: (breaks: number[]) => void }) {
  const [draft, setDraft] = useState(initial);
  return (
    <form
      className="fr-input-group fr-mb-1w"
      onSubmit={(e) => {
        e.preventDefault();
        const breaks = parseBreaksInput(draft);
        if (breaks.length > 0) onApply(breaks);
      }}
    >
      <label className="fr-label" htmlFor={`${id}-breaks`}>
        {t.manualBreaks}
        <span className="fr-hint-text">{t.manualBreaksHint}</span>
      </label>
      <input type="text" id={`${id}-breaks`} className="fr-input" value={draft} inputMode="decimal" data-testid="classification-breaks" onChange={(e) => setDraft(e.target.value)} />
      <button type="submit" className="fr-btn fr-btn--secondary fr-btn--sm fr-mt-1w">
        {t.applyBreaks}
      </button>
    </form>
  );
}
