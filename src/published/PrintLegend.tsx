// The legend of the mapped indicator, printed beside the portrait's map
// (hidden on screen, where the side bar shows the legend).
import { frIndicators as t } from '../i18n/fr.ts';
import { useIndicatorView } from '../indicators/hooks.ts';

export function PrintLegend() {
  const legend = useIndicatorView((v) => v.legend);
  const entry = useIndicatorView((v) => v.entry);
  if (!legend || !entry) return null;
  return (
    <div className="portrait-print-legend" data-testid="portrait-print-legend">
      <p className="fr-text--bold fr-mb-1v">{t.legendCaption(entry.label, entry.unit)}</p>
      <ul className="atlas-legend__list">
        {legend.classes.map((c) => (
          <li key={c.index} className="atlas-legend__item">
            <span className="atlas-legend__swatch" style={{ background: c.color }} aria-hidden="true" />
            <span>{c.label}</span>
            <span className="atlas-legend__count">{t.territories(c.count)}</span>
          </li>
        ))}
        <li className="atlas-legend__item">
          <span className="atlas-legend__swatch atlas-legend__swatch--nodata" style={{ background: legend.noData.color }} aria-hidden="true" />
          <span>{t.noData}</span>
          <span className="atlas-legend__count">{t.territories(legend.noData.count)}</span>
        </li>
      </ul>
    </div>
  );
}
