// Portrait block « Évolutions »: every series with several vintages at the
// territory's level, as a small line chart (Observable Plot, imported only
// when a portrait shows one) with the France line where the source gives it,
// and the same figures as a table (the chart's text alternative).
import { useEffect, useRef, useState } from 'react';
import { frTrends as t } from '../i18n/fr.ts';
import type { PortraitSubject } from '../portrait/subject.ts';
import type { Level } from '../lib/levels.ts';
import type { SeriesFile } from '../lib/series-format.ts';
import { formatValue } from '../indicators/format.ts';
import { getTerritory } from '../data/territory-index.ts';
import { loadSeries, loadSeriesIndex } from './data.ts';
import './trends.css';

interface Trend {
  readonly series: SeriesFile;
  readonly values: readonly (number | null)[];
}

async function trendsOf(level: Level, code: string): Promise<Trend[]> {
  const index = await loadSeriesIndex();
  const files = await Promise.all(index.series.filter((s) => s.levels.includes(level)).map((s) => loadSeries(s.file)));
  return files.flatMap((series) => {
    const values = series.levels[level]?.[code];
    return values && values.filter((v) => v !== null).length >= 2 ? [{ series, values }] : [];
  });
}

export function TrendsSection({ subject }: { subject: PortraitSubject }) {
  const key = subject.kind === 'territory' ? `${subject.level}:${subject.code}` : '';
  const [state, setState] = useState<{ key: string; trends: Trend[] | null } | null>(null);
  useEffect(() => {
    if (subject.kind !== 'territory') return;
    let live = true;
    trendsOf(subject.level, subject.code).then(
      (trends) => live && setState({ key, trends }),
      () => live && setState({ key, trends: null }),
    );
    return () => {
      live = false;
    };
  }, [key]); // eslint-disable-line react-hooks/exhaustive-deps -- `subject` is identified by key
  if (subject.kind !== 'territory') return null;
  const current = state?.key === key ? state : null;
  const name = getTerritory(subject.level, subject.code)?.name ?? subject.code;
  return (
    <section className="portrait-block" aria-labelledby="trends-title" data-testid="portrait-trends">
      <h3 id="trends-title" className="fr-h5 portrait-block__title">
        {t.title}
      </h3>
      {!current && <p className="fr-text--sm" role="status">{t.loading}</p>}
      {current && current.trends === null && <p className="fr-error-text">{t.error}</p>}
      {current?.trends?.length === 0 && <p className="fr-text--sm">{t.none}</p>}
      <div className="trends-grid">
        {current?.trends?.map((trend) => <TrendFigure key={trend.series.id} trend={trend} name={name} />)}
      </div>
    </section>
  );
}

function TrendFigure({ trend, name }: { trend: Trend; name: string }) {
  const { series, values } = trend;
  const chartRef = useRef<HTMLDivElement>(null);
  const [drawn, setDrawn] = useState(false);
  useEffect(() => {
    let live = true;
    const host = chartRef.current;
    void import('@observablehq/plot').then((Plot) => {
      if (!live || !host) return;
      const rows = [
        ...series.vintages.map((vintage, i) => ({ vintage, who: name, value: values[i] ?? NaN })),
        ...(series.france ? series.vintages.map((vintage, i) => ({ vintage, who: t.france, value: series.france![i] ?? NaN })) : []),
      ];
      const chart = Plot.plot({
        width: 320,
        height: 170,
        marginLeft: 52,
        marginRight: 12,
        style: { fontSize: '11px', background: 'transparent' },
        x: { type: 'point', label: null, domain: series.vintages, tickRotate: series.vintages.length > 4 ? -35 : 0 },
        y: { label: series.unit, grid: true, tickFormat: (d: number) => d.toLocaleString('fr-FR') },
        color: { domain: [name, t.france], range: ['#000091', '#8a8a8a'], legend: series.france !== null },
        marks: [
          Plot.lineY(rows, { x: 'vintage', y: 'value', stroke: 'who', strokeWidth: 2 }),
          Plot.dot(rows, { x: 'vintage', y: 'value', fill: 'who', r: 2.5 }),
        ],
      });
      host.replaceChildren(chart);
      setDrawn(true);
    });
    return () => {
      live = false;
    };
  }, [series, values, name]);
  const fmt = (v: number | null | undefined) => (v === null || v === undefined ? t.noValue : formatValue(v, series.decimals));
  return (
    <figure className="trends-figure" data-testid="trend" data-series={series.id}>
      <figcaption className="fr-text--sm fr-text--bold">
        {series.label} ({series.unit})
      </figcaption>
      <div className="trends-chart" aria-hidden="true" data-drawn={drawn ? 'true' : 'false'}>
        {!drawn && <span className="fr-text--xs">{t.chartLoading}</span>}
        {/* Plot's SVG goes here, outside React's children. */}
        <div ref={chartRef} />
      </div>
      <table className="portrait-table trends-table">
        <caption className="fr-sr-only">{t.tableCaption(series.label)}</caption>
        <thead>
          <tr>
            <th scope="col">{t.vintage}</th>
            <th scope="col">{name}</th>
            {series.france && <th scope="col">{t.france}</th>}
          </tr>
        </thead>
        <tbody>
          {series.vintages.map((v, i) => (
            <tr key={v}>
              <th scope="row">{v}</th>
              <td>{fmt(values[i])}</td>
              {series.france && <td>{fmt(series.france[i])}</td>}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="fr-text--xs fr-mb-0">
        {t.source(series.source)} {series.france ? '' : t.franceMissing} {series.note ?? ''}
      </p>
    </figure>
  );
}
