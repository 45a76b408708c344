// Edits one indicator condition of the finder: indicator, threshold or share
// of the distribution, and shows what the quantile resolved to.
import { useId, useState } from 'react';
import { frFinder as t } from '../i18n/fr.ts';
import type { IndicatorCatalogueEntry } from '../lib/indicator-format.ts';
import type { Level } from '../lib/levels.ts';
import { parseNumber } from '../lib/number-parse.ts';
import { formatEntryValue } from '../indicators/format.ts';
import { IndicatorOptionGroups, indicatorGroups } from '../indicators/IndicatorOptions.tsx';
import { COMPARATORS, QUANTILE_PARTS, type Comparator, type Condition, type QuantileParts, type QuantileSide } from './query.ts';
import type { CriterionInfo } from './service.ts';

type IndicatorCondition = Extract<Condition, { kind: 'threshold' | 'quantile' }>;

interface Props {
  readonly condition: IndicatorCondition;
  readonly info: CriterionInfo | undefined;
  readonly entries: readonly IndicatorCatalogueEntry[];
  readonly level: Level;
  readonly onChange: (next: IndicatorCondition) => void;
  readonly onRemove: () => void;
}

export function availableAt(entry: IndicatorCatalogueEntry, level: Level): boolean {
  return entry.levels[level]?.available === true;
}

export function ConditionEditor({ condition, info, entries, level, onChange, onRemove }: Props) {
  const id = useId();
  const entry = entries.find((e) => e.id === condition.indicator) ?? null;
  const polar = entry ? entry.polarity !== 'neutral' : true;
  const [draft, setDraft] = useState<{ key: string; text: string } | null>(null);
  const key = `${condition.indicator}|${condition.kind === 'threshold' ? condition.value : ''}`;
  const text = draft && draft.key === key ? draft.text : condition.kind === 'threshold' ? String(condition.value).replace('.', ',') : '';
  const parsed = parseNumber(text);
  const invalid = condition.kind === 'threshold' && parsed.kind !== 'value';

  const available = entries.filter((e) => availableAt(e, level) || e.id === condition.indicator);
  const commitThreshold = () => {
    if (condition.kind === 'threshold' && parsed.kind === 'value' && parsed.value !== condition.value) onChange({ ...condition, value: parsed.value });
  };
  const setMode = (mode: string) => {
    if (mode === 'threshold' && condition.kind !== 'threshold') {
      onChange({ kind: 'threshold', indicator: condition.indicator, op: 'lt', value: roundedReference(entry) });
    } else if (mode === 'quantile' && condition.kind !== 'quantile') {
      onChange({ kind: 'quantile', indicator: condition.indicator, parts: 5, side: polar ? 'worst' : 'high' });
    }
  };
  const setIndicator = (indicator: string) => {
    const next = entries.find((e) => e.id === indicator);
    if (condition.kind === 'threshold') onChange({ ...condition, indicator, value: roundedReference(next ?? null) });
    else {
      const nextPolar = next ? next.polarity !== 'neutral' : true;
      const side: QuantileSide = nextPolar ? (condition.side === 'best' || condition.side === 'low' ? 'best' : 'worst') : condition.side === 'low' || condition.side === 'best' ? 'low' : 'high';
      onChange({ ...condition, indicator, side });
    }
  };
  const sides: QuantileSide[] = polar ? ['worst', 'best'] : ['high', 'low'];
  if (condition.kind === 'quantile' && !sides.includes(condition.side)) sides.push(condition.side);

  return (
    <li className="finder-condition" data-testid="finder-condition">
      <div className="fr-select-group fr-mb-1w">
        <label className="fr-label" htmlFor={`${id}-ind`}>
          {t.indicatorLabel}
        </label>
        <select id={`${id}-ind`} className="fr-select" value={condition.indicator} onChange={(e) => setIndicator(e.target.value)} data-testid="finder-condition-indicator">
          {!entry && <option value={condition.indicator}>{condition.indicator}</option>}
          <IndicatorOptionGroups groups={indicatorGroups(available)} />
        </select>
      </div>
      <div className="finder-condition__row">
        <select className="fr-select" aria-label={t.modeLabel} value={condition.kind} onChange={(e) => setMode(e.target.value)} data-testid="finder-condition-mode">
          <option value="quantile">{t.modeQuantile}</option>
          <option value="threshold">{t.modeThreshold}</option>
        </select>
        {condition.kind === 'threshold' ? (
          <>
            <select
              className="fr-select finder-condition__op"
              aria-label={t.comparatorLabel}
              value={condition.op}
              onChange={(e) => onChange({ ...condition, op: e.target.value as Comparator })}
              data-testid="finder-condition-op"
            >
              {COMPARATORS.map((op) => (
                <option key={op} value={op}>
                  {t.comparator[op]}
                </option>
              ))}
            </select>
            <input
              className={`fr-input finder-condition__value${invalid ? ' fr-input--error' : ''}`}
              aria-label={`${t.thresholdLabel}${entry?.unit ? ` (${entry.unit})` : ''}`}
              aria-invalid={invalid}
              inputMode="decimal"
              value={text}
              onChange={(e) => setDraft({ key, text: e.target.value })}
              onBlur={commitThreshold}
              onKeyDown={(e) => {
                if (e.key === 'Enter') commitThreshold();
              }}
              data-testid="finder-condition-value"
            />
            {entry?.unit && <span className="fr-text--xs finder-condition__unit">{entry.unit}</span>}
          </>
        ) : (
          <>
            <select
              className="fr-select"
              aria-label={t.partsLabel}
              value={condition.parts}
              onChange={(e) => onChange({ ...condition, parts: Number(e.target.value) as QuantileParts })}
              data-testid="finder-condition-parts"
            >
              {QUANTILE_PARTS.map((p) => (
                <option key={p} value={p}>
                  {t.parts[p]}
                </option>
              ))}
            </select>
            <select
              className="fr-select"
              aria-label={t.sideLabel}
              value={condition.side}
              onChange={(e) => onChange({ ...condition, side: e.target.value as QuantileSide })}
              data-testid="finder-condition-side"
            >
              {sides.map((s) => (
                <option key={s} value={s}>
                  {t.side[s]}
                </option>
              ))}
            </select>
          </>
        )}
        <button type="button" className="fr-btn fr-btn--tertiary-no-outline fr-btn--sm fr-icon-delete-line" title={t.removeCondition} aria-label={t.removeCondition} onClick={onRemove} data-testid="finder-condition-remove">
          {t.removeCondition}
        </button>
      </div>
      {invalid && <p className="fr-error-text fr-mt-0">{t.thresholdInvalid}</p>}
      {info?.problem && (
        <p className="fr-text--xs fr-mb-0 finder-condition__problem" role="note">
          {info.problem === 'unknown' ? t.unknownIndicator : `${t.unavailableAtLevel}${info.problem}`}
        </p>
      )}
      {condition.kind === 'quantile' && entry && info?.cut !== null && info?.cut !== undefined && info.end && (
        <p className="fr-text--xs fr-mb-0" data-testid="finder-condition-cut">
          {t.quantileCut(condition.parts, condition.side, `${info.end === 'high' ? '≥' : '≤'} ${formatEntryValue(entry, info.cut)}`)}
        </p>
      )}
    </li>
  );
}

/** A starting threshold: France's value at the display precision, or 0. */
function roundedReference(entry: IndicatorCatalogueEntry | null): number {
  const v = entry?.france;
  if (v === null || v === undefined || !Number.isFinite(v)) return 0;
  const f = 10 ** (entry?.decimals ?? 0);
  return Math.round(v * f) / f;
}
