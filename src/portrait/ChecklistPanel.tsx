// "Faut-il engager un CLS ?": one row per rule with its status, the evidence
// it read and the thresholds it used (editable). No global score.
import { useId } from 'react';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { fr } from '../i18n/fr.ts';
import {
  DEFAULT_THRESHOLDS,
  sanitiseThresholds,
  THRESHOLD_LIMITS,
  type ChecklistThresholds,
  type Evidence,
  type RuleResult,
} from './checklist.ts';

const SEVERITY = { pass: 'success', fail: 'error', missing: 'info' } as const;

function formatCount(n: number | null, decimals = 0): string {
  return fr.portrait.formatValue(n, decimals);
}

function EvidenceItem({ evidence }: { evidence: Evidence }) {
  const t = fr.portrait;
  const e = t.checklist.evidence;
  switch (evidence.kind) {
    case 'coverage':
      return (
        <>
          <li>{t.contracts.coverageLabel[evidence.coverage]}</li>
          {evidence.contracts.map((c) => (
            <li key={c.name}>{e.contract(c.name, c.status)}</li>
          ))}
          <li className="portrait-muted">{t.contracts.sampleWarning}</li>
        </>
      );
    case 'zone': {
      const label = { isolatedRural: t.zones.isolatedRural, qpv: t.zones.qpv, frr: t.zones.frr, any: t.zones.any }[evidence.zone];
      const pop = evidence.population === null ? t.notAvailable : `${formatCount(evidence.population)} hab.`;
      return <li>{e.zone(label, formatCount(evidence.communes), evidence.total, pop)}</li>;
    }
    case 'indicator': {
      const refs = evidence.against
        .map((c) => `${c.name} ${t.formatValue(c.value, evidence.decimals)}${c.relativeDifferencePct === null ? '' : ` (${t.formatGap(c.relativeDifferencePct)})`}`)
        .join(' ; ');
      return (
        <li>
          <strong>{evidence.label}</strong> : {t.formatValue(evidence.value, evidence.decimals)} {evidence.unit}
          {evidence.quintile !== undefined && ` (${e.quintile(evidence.quintile)})`}
          {refs && ` — ${refs}`} — {evidence.worse ? e.indicatorWorse : e.indicatorNotWorse}
          {evidence.estimate && <span className="portrait-muted"> ({evidence.estimate})</span>}
        </li>
      );
    }
    case 'used':
      return <li data-testid="checklist-used">{evidence.labels.length > 0 ? e.used(evidence.labels.join(', ')) : e.usedNone}</li>;
    case 'count': {
      const label = evidence.what === 'population' ? t.identity.population : t.identity.communes;
      return <li>{e.count(label, formatCount(evidence.value), formatCount(evidence.threshold), evidence.ok)}</li>;
    }
    case 'level': {
      if (evidence.level === 'epci') return <li>{e.isEpci}</li>;
      if (evidence.level === null) {
        return <li>{evidence.perimeterEpcis === null ? e.perimeterUnknown : e.perimeterEpcis(evidence.perimeterEpcis, evidence.matchesEpci === true)}</li>;
      }
      if (evidence.level === 'commune') {
        return (
          <li>
            {evidence.epci
              ? e.communeOfEpci(evidence.epci.name ?? evidence.epci.code, fr.format.population(evidence.epci.population))
              : e.noEpci}
          </li>
        );
      }
      return <li>{e.otherLevel(fr.levels.label(evidence.level))}</li>;
    }
  }
}

export function ChecklistPanel({
  results,
  thresholds,
  onThresholdsChange,
}: {
  results: readonly RuleResult[];
  thresholds: ChecklistThresholds;
  onThresholdsChange: (t: ChecklistThresholds) => void;
}) {
  const t = fr.portrait.checklist;
  const baseId = useId();
  const keys = Object.keys(DEFAULT_THRESHOLDS) as (keyof ChecklistThresholds)[];
  return (
    <section className="portrait-block portrait-checklist" aria-labelledby={`${baseId}-title`} data-testid="portrait-checklist">
      <h3 id={`${baseId}-title`} className="fr-h5 portrait-block__title">
        {t.title}
      </h3>
      <p className="fr-text--sm">{t.intro}</p>
      <ul className="portrait-checklist__list">
        {results.map((r) => (
          <li key={r.id} className={`portrait-rule portrait-rule--${r.status}`} data-rule={r.id} data-status={r.status}>
            <div className="portrait-rule__head">
              <span className="portrait-rule__icon" aria-hidden="true">
                {t.statusIcon[r.status]}
              </span>
              <span className="portrait-rule__title">{t.rules[r.id].title}</span>
              <Badge severity={SEVERITY[r.status]} small noIcon className="portrait-rule__badge">
                {t.statusText[r.status]}
              </Badge>
            </div>
            <p className="fr-text--xs portrait-muted fr-mb-1v">{t.rules[r.id].why}</p>
            <ul className="portrait-rule__evidence fr-text--sm">
              {r.evidence.map((ev, i) => (
                <EvidenceItem key={i} evidence={ev} />
              ))}
              {r.thresholds.map((k) => (
                <li key={k} className="portrait-rule__threshold">
                  {t.thresholdLabels[k]} : <strong>{fr.portrait.formatValue(thresholds[k], 1)}</strong>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      <fieldset className="fr-fieldset portrait-thresholds" aria-labelledby={`${baseId}-thresholds`}>
        <legend id={`${baseId}-thresholds`} className="fr-fieldset__legend fr-text--md">
          {t.thresholds}
        </legend>
        {keys.map((k) => (
          <div key={k} className="fr-input-group portrait-thresholds__item">
            <label className="fr-label" htmlFor={`${baseId}-${k}`}>
              {t.thresholdLabels[k]}
              <span className="fr-hint-text">défaut : {fr.portrait.formatValue(DEFAULT_THRESHOLDS[k], 1)}</span>
            </label>
            <input
              id={`${baseId}-${k}`}
              className="fr-input"
              type="number"
              inputMode="decimal"
              min={THRESHOLD_LIMITS[k].min}
              max={THRESHOLD_LIMITS[k].max}
              step={THRESHOLD_LIMITS[k].step}
              value={thresholds[k]}
              data-threshold={k}
              onChange={(e) => {
                if (e.target.value === '') return;
                onThresholdsChange(sanitiseThresholds({ ...thresholds, [k]: e.target.value }));
              }}
            />
          </div>
        ))}
        <button type="button" className="fr-btn fr-btn--tertiary fr-btn--sm portrait-noprint" onClick={() => onThresholdsChange(DEFAULT_THRESHOLDS)}>
          {t.reset}
        </button>
        <p className="fr-text--xs portrait-muted fr-mt-1w">{t.docLink}</p>
      </fieldset>
    </section>
  );
}
