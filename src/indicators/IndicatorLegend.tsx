// The legend: one row per class (swatch, bounds with unit, number of
// territories), a distinct "Données manquantes" row with its count, France's
// value. A real list, so it reads as text; colours come from the very
// classification that paints the map.
import { frIndicators as t } from '../i18n/fr.ts';
import { useIndicatorView } from './hooks.ts';
import { formatEntryValue } from './format.ts';
import { ABSENCE_KINDS } from '../lib/absence.ts';

export function IndicatorLegend() {
  const legend = useIndicatorView((v) => v.legend);
  const entry = useIndicatorView((v) => v.entry);
  const classification = useIndicatorView((v) => v.classification);
  if (!legend || !entry || !classification) return null;
  return (
    <figure className="atlas-legend fr-mb-2w" data-testid="indicator-legend" aria-labelledby="atlas-legend-caption">
      <figcaption id="atlas-legend-caption" className="fr-text--sm fr-text--bold fr-mb-1v">
        {t.legendTitle} — {t.legendCaption(entry.label, entry.unit)}
      </figcaption>
      <ul className="atlas-legend__list">
        {legend.classes.map((c) => (
          <li key={c.index} className="atlas-legend__item" data-testid="legend-class" data-color={c.color} data-count={c.count}>
            <span className="atlas-legend__swatch" style={{ background: c.color }} aria-hidden="true" />
            <span className="atlas-legend__label">{c.label}</span>
            <span className="atlas-legend__count">{t.territories(c.count)}</span>
          </li>
        ))}
        <li className="atlas-legend__item atlas-legend__item--nodata" data-testid="legend-nodata" data-color={legend.noData.color} data-count={legend.noData.count}>
          <span className="atlas-legend__swatch atlas-legend__swatch--nodata" style={{ background: legend.noData.color }} aria-hidden="true" />
          <span className="atlas-legend__label">{t.noData}</span>
          <span className="atlas-legend__count">{t.territories(legend.noData.count)}</span>
          {legend.noData.count > 0 && (
            <ul className="atlas-legend__absences" data-testid="legend-absences">
              {ABSENCE_KINDS.filter((k) => legend.absences[k] > 0).map((k) => (
                <li key={k} data-testid="legend-absence" data-kind={k} data-count={legend.absences[k]}>
                  {t.absenceCount(t.absence[k]!, legend.absences[k])}
                </li>
              ))}
            </ul>
          )}
        </li>
      </ul>
      {legend.reference !== null && (
        <p className="fr-text--xs fr-mb-0 atlas-legend__note" data-testid="legend-france">
          {t.franceValue(formatEntryValue(entry, legend.reference))}
        </p>
      )}
      <p className="fr-text--xs fr-mb-0 atlas-legend__note">
        {classification.reference !== null ? t.direction.diverging : classification.reversed ? t.direction.reversed : t.direction.normal}
      </p>
    </figure>
  );
}
