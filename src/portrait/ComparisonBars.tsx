// Compact horizontal bars: the territory's value beside its département,
// région and France. Bars start at 0 so lengths compare; each bar is labelled
// with its value, and the whole chart has a text equivalent (aria-label).
import { fr } from '../i18n/fr.ts';
import { comparisonScaleMax, type IndicatorFigure } from './portrait-model.ts';

const ROW_H = 15;
const LABEL_W = 92;
const BAR_W = 110;
const VALUE_W = 58;
const WIDTH = LABEL_W + BAR_W + VALUE_W;

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function comparisonText(figure: IndicatorFigure): string {
  const t = fr.portrait;
  const d = figure.def.decimals ?? 1;
  const parts = [`${t.scopes.subject} : ${t.formatValue(figure.value, d)}`];
  for (const c of figure.comparisons) {
    const verdict = t.verdicts[c.verdict];
    const gap = t.formatGap(c.relativeDifferencePct);
    const extra = [gap, verdict].filter(Boolean).join(', ');
    parts.push(`${t.scopes[c.scope]} (${c.name}) : ${t.formatValue(c.value, d)}${extra ? ` — écart ${extra}` : ''}`);
  }
  return parts.join(' ; ');
}

export function ComparisonBars({ figure }: { figure: IndicatorFigure }) {
  const t = fr.portrait;
  const max = comparisonScaleMax(figure);
  const d = figure.def.decimals ?? 1;
  const rows = [
    { key: 'subject', label: t.scopes.subject, value: figure.value, verdict: null as string | null },
    ...figure.comparisons.map((c) => ({ key: c.scope, label: truncate(c.name, 14), value: c.value, verdict: c.verdict as string | null })),
  ];
  const height = rows.length * ROW_H + 2;
  return (
    <svg
      className="portrait-bars"
      viewBox={`0 0 ${WIDTH} ${height}`}
      width={WIDTH}
      height={height}
      role="img"
      aria-label={`${t.indicators.barLabel(figure.def.label)}. ${comparisonText(figure)}`}
      data-testid="portrait-bars"
    >
      {rows.map((r, i) => {
        const y = i * ROW_H + 1;
        const w = max !== null && r.value !== null && Number.isFinite(r.value) ? Math.max(1, (Math.abs(r.value) / max) * BAR_W) : 0;
        const cls = r.key === 'subject' ? 'portrait-bars__bar--subject' : `portrait-bars__bar--${r.verdict ?? 'unknown'}`;
        return (
          <g key={r.key}>
            <text x={0} y={y + ROW_H - 4} className="portrait-bars__label">
              {r.label}
            </text>
            <rect x={LABEL_W} y={y + 2} width={BAR_W} height={ROW_H - 5} className="portrait-bars__track" />
            {w > 0 && <rect x={LABEL_W} y={y + 2} width={w} height={ROW_H - 5} className={`portrait-bars__bar ${cls}`} />}
            <text x={LABEL_W + BAR_W + 4} y={y + ROW_H - 4} className="portrait-bars__value">
              {r.value === null ? 'n.d.' : t.formatValue(r.value, d)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
