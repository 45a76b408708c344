// Panel section: the selected territory's value against its département, its
// région and France, as compact bars (with the numbers as text: a table).
import { frIndicators as t, fr } from '../i18n/fr.ts';
import { useAtlas } from '../app/context.ts';
import type { PanelSectionProps } from '../components/panel/section.ts';
import type { Level } from '../lib/levels.ts';
import { useIndicatorService, useIndicatorView } from './hooks.ts';
import { formatEntryValue } from './format.ts';
import { formatRank } from './indicator-choropleth.ts';
import type { AbsenceKind } from '../lib/absence.ts';
import type { IndicatorCatalogueEntry } from '../lib/indicator-format.ts';

interface Row {
  key: string;
  label: string;
  name: string;
  value: number | null;
  current: boolean;
  /** Why the value is missing (secret, not covered, not computable). */
  absence: AbsenceKind | null;
  /** An estimate's method and share covered, said beside the value. */
  estimate: string | null;
}

function coverageText(share: number | null): string | null {
  return share === null ? null : t.partialCoverage(share);
}

/** "estimation : … — part des personnes … : 74 %" for an estimated value, else null. */
function estimateText(entry: IndicatorCatalogueEntry, e: { method: string; share: number | null } | null): string | null {
  if (!e || !entry.methods) return null;
  return t.estimateLine(entry.methods[e.method] ?? e.method, e.share);
}

export function ComparisonSection({ territory }: PanelSectionProps) {
  const atlas = useAtlas();
  const service = useIndicatorService();
  const entry = useIndicatorView((v) => v.entry);
  const status = useIndicatorView((v) => v.status);
  const france = useIndicatorView((v) => v.france);
  useIndicatorView((v) => v.dataVersion);
  if (!entry || status === 'none') return <p className="fr-text--sm fr-mb-0">{t.comparisonNone}</p>;

  const rows: Row[] = [];
  const add = (level: Level, code: string, current: boolean) => {
    const v = service.valueAt(level, code);
    rows.push({
      key: `${level}:${code}`,
      label: fr.levels.label(level),
      name: atlas.territory({ level, code })?.name ?? code,
      value: v ?? null,
      current,
      // A level the indicator cannot be shown at: not computable there.
      absence: v === null || v === undefined ? (entry.levels[level]?.available === false ? 'notComputable' : (service.absenceAt(level, code) ?? null)) : null,
      estimate: estimateText(entry, service.estimateAt(level, code)) ?? coverageText(service.coverageAt(level, code)),
    });
  };
  add(territory.level, territory.code, true);
  for (const level of ['departement', 'region'] as const) {
    const code = territory.parents[level];
    if (code && level !== territory.level) add(level, code, false);
  }
  const franceInfo = service.franceInfo();
  rows.push({
    key: 'france',
    label: t.france,
    name: t.france,
    value: france,
    current: false,
    absence: france === null ? franceInfo.absence : null,
    estimate:
      estimateText(entry, franceInfo.method && franceInfo.method !== 'bvWeightedMean' ? { method: franceInfo.method, share: null } : null) ??
      coverageText(franceInfo.coverage),
  });
  const max = Math.max(0, ...rows.map((r) => (r.value !== null ? Math.abs(r.value) : 0)));
  const rank = territory.level === atlas.store.getState().level ? service.rankOf(territory.code) : null;

  return (
    <div className="atlas-compare" data-testid="indicator-comparison">
      <p className="fr-text--xs fr-mb-1w">{entry.label}</p>
      <table className="atlas-compare__table">
        <caption className="fr-sr-only">{t.comparisonCaption(entry.label)}</caption>
        <thead className="fr-sr-only">
          <tr>
            <th scope="col">{t.territoryColumn}</th>
            <th scope="col">{t.valueColumn}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} className={r.current ? 'atlas-compare__row--current' : undefined} data-row={r.key}>
              <th scope="row">
                <span className="atlas-compare__name">{r.name}</span>
                {r.key !== 'france' && <span className="atlas-compare__level">{r.label}</span>}
              </th>
              <td>
                <span className="atlas-compare__bar" aria-hidden="true">
                  <span style={{ width: r.value !== null && max > 0 ? `${(Math.abs(r.value) / max) * 100}%` : '0' }} />
                </span>
                <span className="atlas-compare__value" data-absence={r.absence ?? undefined}>
                  {r.value === null ? (r.absence ? t.absence[r.absence] : t.noValue) : formatEntryValue(entry, r.value)}
                </span>
                {r.estimate && (
                  <span className="atlas-compare__estimate fr-text--xs" data-testid="indicator-estimate">
                    {r.estimate}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {entry.franceNote && <p className="fr-text--xs fr-mt-1w fr-mb-0">{t.franceNote(entry.franceNote)}</p>}
      {rank && (
        <p className="fr-text--xs fr-mt-1w fr-mb-0" data-testid="indicator-rank">
          {t.rank(formatRank(rank.rank, rank.of))} {t.rankHint}
        </p>
      )}
    </div>
  );
}

/** Lines added to the map's hover tooltip: value, rank, national value. */
export function IndicatorHoverLines({ level, code }: { level: Level; code: string }) {
  const service = useIndicatorService();
  const entry = useIndicatorView((v) => v.entry);
  const status = useIndicatorView((v) => v.status);
  const viewLevel = useIndicatorView((v) => v.level);
  const france = useIndicatorView((v) => v.france);
  useIndicatorView((v) => v.dataVersion);
  if (!entry || status !== 'ready' || viewLevel !== level) return null;
  const value = service.valueOf(code);
  const rank = service.rankOf(code);
  const absence = value === null || value === undefined ? service.absenceAt(level, code) : null;
  const estimate = estimateText(entry, service.estimateAt(level, code));
  return (
    <span className="atlas-tooltip__indicator" data-testid="tooltip-indicator">
      <span>
        {entry.label} : <strong>{value === null || value === undefined ? (absence ? t.absence[absence] : t.noValue) : formatEntryValue(entry, value)}</strong>
      </span>
      {estimate && <span>{estimate}</span>}
      {rank && <span>{t.rank(formatRank(rank.rank, rank.of))}</span>}
      {france !== null && (
        <span>
          {t.franceValue(formatEntryValue(entry, france))}
          {service.franceInfo().coverage !== null && ` (${t.partialCoverage(service.franceInfo().coverage!)})`}
        </span>
      )}
    </span>
  );
}
