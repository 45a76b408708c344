// The bivariate map's controls and legend: the need and supply indicators,
// the 3 × 3 square legend with its counts and axis labels, the tertile
// bounds as a table (text alternative), and the method.
import { useId, useSyncExternalStore } from 'react';
import { frBivariate as t } from '../i18n/fr.ts';
import { useAtlas, useAtlasState } from '../app/context.ts';
import type { IndicatorCatalogueEntry } from '../lib/indicator-format.ts';
import type { Level } from '../lib/levels.ts';
import type { PanelSectionProps } from '../components/panel/section.ts';
import { formatEntryValue } from '../indicators/format.ts';
import { IndicatorOptionGroups, indicatorGroups } from '../indicators/IndicatorOptions.tsx';
import { BIVARIATE_COLORS, cellTextColor, thirdRange, type Axis, type AxisClass } from './model.ts';
import { bivariateServiceFor, type BivariateService, type BivariateView } from './service.ts';
import './bivariate.css';

function useBivariateService(): BivariateService {
  return bivariateServiceFor(useAtlas().store);
}

function useBivariateView<T>(selector: (v: BivariateView) => T): T {
  const service = useBivariateService();
  return useSyncExternalStore(service.view.subscribe, () => selector(service.view.getState()), () => selector(service.view.getState()));
}

export function BivariateButton() {
  const service = useBivariateService();
  const on = useAtlasState((s) => s.bivariate !== null);
  return (
    <button
      type="button"
      className="fr-btn fr-btn--tertiary-no-outline fr-btn--sm fr-btn--icon-left fr-icon-layout-grid-line atlas-tool"
      title={t.openHint}
      aria-pressed={on}
      onClick={() => (on ? service.close() : void service.open())}
      data-testid="bivariate-open"
    >
      <span className="atlas-tool__label">{t.open}</span>
    </button>
  );
}

function IndicatorSelect({ label, value, entries, level, onChange, testId }: { label: string; value: string; entries: readonly IndicatorCatalogueEntry[]; level: Level; onChange: (id: string) => void; testId: string }) {
  const id = useId();
  const list = entries.filter((e) => (e.levels[level]?.available === true && !(e.categories && e.categories.length > 0)) || e.id === value);
  return (
    <div className="fr-select-group fr-mb-1w">
      <label className="fr-label" htmlFor={id}>
        {label}
      </label>
      <select id={id} className="fr-select" value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        {!list.some((e) => e.id === value) && <option value={value}>{value}</option>}
        <IndicatorOptionGroups groups={indicatorGroups(list)} />
      </select>
    </div>
  );
}

function rangeText(entry: IndicatorCatalogueEntry, axis: Axis, cls: AxisClass): string {
  const [low, high] = thirdRange(axis, cls);
  return t.range(low === null ? null : formatEntryValue(entry, low), high === null ? null : formatEntryValue(entry, high));
}

export function BivariatePanel() {
  const service = useBivariateService();
  const pair = useAtlasState((s) => s.bivariate);
  const view = useBivariateView((v) => v);
  if (!pair) return null;
  const { need, supply, result, status } = view;
  return (
    <aside className="atlas-panel bivariate-panel" aria-labelledby="bivariate-title" data-testid="bivariate-panel">
      <div className="atlas-panel__head">
        <p className="fr-text--sm fr-mb-0 atlas-panel__kicker">{t.kicker}</p>
        <button type="button" className="fr-btn--close fr-btn" title={t.close} aria-label={t.close} onClick={() => service.close()}>
          {t.close}
        </button>
      </div>
      <h2 id="bivariate-title" className="fr-h5 atlas-panel__title">
        {t.title}
      </h2>
      <IndicatorSelect label={t.needLabel} value={pair.need} entries={view.entries.filter((e) => e.theme !== 'offre')} level={view.level} onChange={(id) => service.setPair({ ...pair, need: id })} testId="bivariate-need" />
      <IndicatorSelect label={t.supplyLabel} value={pair.supply} entries={view.entries.filter((e) => e.theme === 'offre')} level={view.level} onChange={(id) => service.setPair({ ...pair, supply: id })} testId="bivariate-supply" />
      {status === 'loading' && <p role="status">{t.loading}</p>}
      {status === 'error' && <p className="fr-error-text">{t.error}</p>}
      {status === 'unavailable' && (
        <div className="fr-alert fr-alert--info fr-alert--sm" data-testid="bivariate-unavailable">
          <p className="fr-text--bold fr-mb-1v">{t.unavailable}</p>
          {view.reasons.map((r) => (
            <p key={r} className="fr-text--sm fr-mb-0">
              {r}
            </p>
          ))}
        </div>
      )}
      {status === 'ready' && result && need && supply && (
        <>
          <figure className="bivariate-legend" data-testid="bivariate-legend">
            <figcaption className="fr-text--sm fr-text--bold">{t.legendTitle}</figcaption>
            <div className="bivariate-legend__body">
              <span className="bivariate-legend__y">{t.needAxis(need.label)}</span>
              <div className="bivariate-legend__grid" role="table" aria-label={t.legendTitle}>
                {[2, 1, 0].map((n) => (
                  <div role="row" key={n} className="bivariate-legend__row">
                    {[0, 1, 2].map((s) => {
                      const count = result.counts[n]![s]!;
                      const color = BIVARIATE_COLORS[n]![s]!;
                      return (
                        <span
                          role="cell"
                          key={s}
                          className="bivariate-legend__cell"
                          style={{ background: color, color: cellTextColor(color) }}
                          title={`${t.cellLabel(n, s)} : ${t.cellCount(count)}`}
                          aria-label={`${t.cellLabel(n, s)} : ${t.cellCount(count)}`}
                          data-cell={n * 3 + s}
                          data-count={count}
                        >
                          {count}
                        </span>
                      );
                    })}
                  </div>
                ))}
              </div>
            </div>
            <span className="bivariate-legend__x">{t.supplyAxis(supply.label)}</span>
            <p className="fr-text--xs fr-mt-1w fr-mb-0">
              <span className="bivariate-legend__nodata" aria-hidden="true" /> {t.noData(result.noData)}
            </p>
          </figure>
          <table className="bivariate-ranges fr-text--xs">
            <caption className="fr-text--xs">{t.rangesCaption}</caption>
            <thead>
              <tr>
                <th scope="col" />
                {([0, 1, 2] as const).map((c) => (
                  <th scope="col" key={c}>
                    {t.third[c]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {(
                [
                  [need, result.need],
                  [supply, result.supply],
                ] as const
              ).map(([entry, axis]) => (
                <tr key={entry.id}>
                  <th scope="row">{entry.label}</th>
                  {([0, 1, 2] as const).map((c) => (
                    <td key={c}>{rangeText(entry, axis, c)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <p className="fr-text--xs">{t.method}</p>
          <p className="fr-text--xs">{t.overChoropleth}</p>
        </>
      )}
    </aside>
  );
}

/** Hover lines: both values and the cell. */
export function BivariateHoverLines({ level, code }: { level: Level; code: string }) {
  const service = useBivariateService();
  const status = useBivariateView((v) => v.status);
  const viewLevel = useBivariateView((v) => v.level);
  const need = useBivariateView((v) => v.need);
  const supply = useBivariateView((v) => v.supply);
  useBivariateView((v) => v.version);
  if (status !== 'ready' || viewLevel !== level || !need || !supply) return null;
  const v = service.valuesOf(code);
  return (
    <span className="atlas-tooltip__indicator" data-testid="tooltip-bivariate">
      <span>
        {need.label} : <strong>{v.need === null ? t.noValue : formatEntryValue(need, v.need)}</strong>
      </span>
      <span>
        {supply.label} : <strong>{v.supply === null ? t.noValue : formatEntryValue(supply, v.supply)}</strong>
      </span>
      {v.cell && <span>{t.tooltip(v.cell.need, v.cell.supply)}</span>}
    </span>
  );
}

/** Territory panel section: both values and the cell of the selected territory. */
export function BivariateSection({ territory }: PanelSectionProps) {
  const service = useBivariateService();
  const status = useBivariateView((v) => v.status);
  const viewLevel = useBivariateView((v) => v.level);
  const need = useBivariateView((v) => v.need);
  const supply = useBivariateView((v) => v.supply);
  useBivariateView((v) => v.version);
  if (status !== 'ready' || viewLevel !== territory.level || !need || !supply) return null;
  const v = service.valuesOf(territory.code);
  return (
    <>
    <h3 className="fr-text--md fr-mb-1w atlas-panel__section-title">{t.panelTitle}</h3>
    <dl className="atlas-facts fr-text--sm" data-testid="bivariate-section">
      <dt>{need.label}</dt>
      <dd>{v.need === null ? t.noValue : formatEntryValue(need, v.need)}</dd>
      <dt>{supply.label}</dt>
      <dd>{v.supply === null ? t.noValue : formatEntryValue(supply, v.supply)}</dd>
      {v.cell && (
        <>
          <dt className="fr-sr-only">Case</dt>
          <dd>
            <span className="bivariate-legend__swatch" style={{ background: BIVARIATE_COLORS[v.cell.need]![v.cell.supply] }} aria-hidden="true" /> {t.cellLabel(v.cell.need, v.cell.supply)}
          </dd>
        </>
      )}
    </dl>
    </>
  );
}
