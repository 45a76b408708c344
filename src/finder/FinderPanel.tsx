// « Trouver des territoires »: the query editor (level, ready-made queries,
// indicator conditions, zone and contract flags), the count, the territories
// without a value listed apart, and the sortable table (a row opens the
// territory; CSV export). The query lives in the URL (`find`).
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { frFinder as t } from '../i18n/fr.ts';
import { useAtlas, useAtlasState } from '../app/context.ts';
import type { Level } from '../lib/levels.ts';
import { formatEntryValue } from '../indicators/format.ts';
import { exportFileName } from '../indicators/export-csv.ts';
import { useFinderService, useFinderView } from './hooks.ts';
import { useIndicatorView } from '../indicators/hooks.ts';
import { FINDER_LEVELS, FLAG_IDS, type Condition, type FinderLevel, type FinderQuery, type FlagId } from './query.ts';
import { FINDER_PRESETS } from './presets.ts';
import { sortRows, type SortKey, type TableRow } from './model.ts';
import { ConditionEditor, availableAt } from './ConditionEditor.tsx';
import { finderCsv } from './csv.ts';
import type { CriterionInfo } from './service.ts';
import './finder.css';

const PAGE = 100;

function download(filename: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function criterionLabel(info: CriterionInfo): string {
  const c = info.condition;
  if (c.kind === 'flag') return t.flags[c.flag] ?? c.flag;
  return info.entry?.label ?? c.indicator;
}

function cellText(info: CriterionInfo, value: number | boolean | null): string {
  if (value === null) return t.missingValue;
  if (typeof value === 'boolean') return t.flagValue(value);
  return info.entry ? formatEntryValue(info.entry, value) : String(value);
}

/** Toolbar button: open the finder. */
export function FinderButton() {
  const service = useFinderService();
  const open = useAtlasState((s) => s.finder !== null);
  return (
    <button
      type="button"
      className="fr-btn fr-btn--tertiary-no-outline fr-btn--sm fr-btn--icon-left fr-icon-search-line atlas-tool"
      title={t.openHint}
      aria-pressed={open}
      onClick={() => (open ? service.close() : service.open())}
      data-testid="finder-open"
    >
      <span className="atlas-tool__label">{t.open}</span>
    </button>
  );
}

export function FinderPanel({ onClosed }: { onClosed?: () => void }) {
  const atlas = useAtlas();
  const service = useFinderService();
  const query = useAtlasState((s) => s.finder);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const wasOpen = useRef(false);
  useEffect(() => {
    if (query && !wasOpen.current) headingRef.current?.focus();
    wasOpen.current = query !== null;
  }, [query]);
  if (!query) return null;
  const close = () => {
    service.close();
    onClosed?.();
  };
  return (
    <aside
      className="atlas-panel finder-panel"
      aria-labelledby="finder-title"
      data-testid="finder-panel"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !(e.target instanceof HTMLInputElement) && !(e.target instanceof HTMLSelectElement)) {
          e.stopPropagation();
          close();
        }
      }}
    >
      <div className="atlas-panel__head">
        <p className="fr-text--sm fr-mb-0 atlas-panel__kicker">{t.kicker}</p>
        <button type="button" className="fr-btn--close fr-btn" title={t.close} aria-label={t.close} onClick={close}>
          {t.close}
        </button>
      </div>
      <h2 id="finder-title" className="fr-h4 atlas-panel__title" tabIndex={-1} ref={headingRef}>
        {t.title}
      </h2>
      <CountSummary level={query.level} />
      <QueryEditor query={query} onChange={(q) => service.setQuery(q)} />
      <Results level={query.level} onOpen={(code) => atlas.selectTerritory({ level: query.level, code }, { fly: true })} />
    </aside>
  );
}

function QueryEditor({ query, onChange }: { query: FinderQuery; onChange: (q: FinderQuery) => void }) {
  const id = useId();
  const catalogueEntries = useFinderView((v) => v.entries);
  // A CSV imported while the finder is open is a criterion at once.
  const custom = useIndicatorView((v) => v.customEntries);
  const entries = useMemo(() => [...catalogueEntries, ...custom.filter((c) => !catalogueEntries.some((e) => e.id === c.id))], [catalogueEntries, custom]);
  const criteria = useFinderView((v) => v.criteria);
  const unplaced = useFinderView((v) => v.unplacedContracts);
  const setConditions = (conditions: Condition[]) => onChange({ ...query, conditions });
  const indicatorConditions = query.conditions
    .map((c, i) => ({ c, i }))
    .filter((x): x is { c: Extract<Condition, { kind: 'threshold' | 'quantile' }>; i: number } => x.c.kind !== 'flag');
  const flags = new Set(query.conditions.flatMap((c) => (c.kind === 'flag' ? [c.flag] : [])));
  const toggleFlag = (flag: FlagId, on: boolean) =>
    setConditions(on ? [...query.conditions, { kind: 'flag', flag }] : query.conditions.filter((c) => !(c.kind === 'flag' && c.flag === flag)));
  const addCondition = () => {
    const first = entries.find((e) => availableAt(e, query.level) && e.polarity !== 'neutral') ?? entries.find((e) => availableAt(e, query.level));
    if (!first) return;
    setConditions([...query.conditions, { kind: 'quantile', indicator: first.id, parts: 5, side: first.polarity === 'neutral' ? 'high' : 'worst' }]);
  };
  const infoOf = (c: Condition) => criteria.find((x) => x.condition === c) ?? criteria[query.conditions.indexOf(c)];

  return (
    <div className="finder-editor">
      <div className="fr-select-group">
        <label className="fr-label" htmlFor={`${id}-level`}>
          {t.level}
          <span className="fr-hint-text">{t.levelHint}</span>
        </label>
        <select
          id={`${id}-level`}
          className="fr-select"
          value={query.level}
          onChange={(e) => onChange({ ...query, level: e.target.value as FinderLevel })}
          data-testid="finder-level"
        >
          {FINDER_LEVELS.map((l) => (
            <option key={l} value={l}>
              {levelOption(l)}
            </option>
          ))}
        </select>
      </div>
      <details className="finder-presets fr-mb-2w" open={query.conditions.length === 0}>
        <summary className="fr-text--md">{t.presetsTitle}</summary>
        <p className="fr-text--xs fr-mb-1w">{t.presetsHint}</p>
        <ul className="finder-presets__list">
          {FINDER_PRESETS.map((p) => (
            <li key={p.id}>
              <button type="button" className="fr-btn fr-btn--secondary fr-btn--sm" title={t.presetApply(p.title)} onClick={() => onChange(p.query)} data-testid={`finder-preset-${p.id}`}>
                {p.title}
              </button>
              <p className="fr-text--xs fr-mb-1w">{p.description}</p>
            </li>
          ))}
        </ul>
      </details>
      <h3 className="fr-text--md fr-mb-1w">{t.conditionsTitle}</h3>
      {query.conditions.length === 0 && <p className="fr-text--sm">{t.noCondition}</p>}
      <ul className="finder-conditions">
        {indicatorConditions.map(({ c, i }) => (
          <ConditionEditor
            key={i}
            condition={c}
            info={infoOf(c)}
            entries={entries}
            level={query.level}
            onChange={(next) => setConditions(query.conditions.map((x, j) => (j === i ? next : x)))}
            onRemove={() => setConditions(query.conditions.filter((_, j) => j !== i))}
          />
        ))}
      </ul>
      <button type="button" className="fr-btn fr-btn--secondary fr-btn--sm fr-icon-add-line fr-btn--icon-left fr-mb-2w" onClick={addCondition} disabled={entries.length === 0} data-testid="finder-add">
        {t.addCondition}
      </button>
      <fieldset className="fr-fieldset finder-flags">
        <legend className="fr-fieldset__legend fr-text--md">{t.flagsTitle}</legend>
        {FLAG_IDS.map((flag) => (
          <div className="fr-fieldset__element" key={flag}>
            <div className="fr-checkbox-group fr-checkbox-group--sm">
              <input type="checkbox" id={`${id}-flag-${flag}`} checked={flags.has(flag)} onChange={(e) => toggleFlag(flag, e.target.checked)} data-testid={`finder-flag-${flag}`} />
              <label className="fr-label" htmlFor={`${id}-flag-${flag}`}>
                {t.flags[flag]}
                <span className="fr-hint-text">{t.flagHints[flag]}</span>
              </label>
            </div>
          </div>
        ))}
      </fieldset>
      {flags.has('no_cls') && unplaced > 0 && <p className="fr-text--xs">{t.unplaced(unplaced)}</p>}
    </div>
  );
}

/** The count right under the title, so it stays in sight while editing. */
function CountSummary({ level }: { level: FinderLevel }) {
  const result = useFinderView((v) => (v.query?.level === level ? v.result : null));
  const population = useFinderView((v) => v.population);
  if (!result) return null;
  return (
    <p className="fr-text--sm fr-text--bold fr-mb-1w finder-summary">
      <a href="#finder-results">{t.count(level, result.matches.length, result.total, population)}</a>
    </p>
  );
}

function levelOption(level: Level): string {
  return { epci: 'EPCI', commune: 'Communes', bv: 'Bassins de vie 2022', departement: 'Départements', region: 'Régions' }[level];
}

function Results({ level, onOpen }: { level: FinderLevel; onOpen: (code: string) => void }) {
  const status = useFinderView((v) => v.status);
  const result = useFinderView((v) => v.result);
  const criteria = useFinderView((v) => v.criteria);
  const rows = useFinderView((v) => v.rows);
  const undeterminedRows = useFinderView((v) => v.undeterminedRows);
  const population = useFinderView((v) => v.population);
  const populationUnknown = useFinderView((v) => v.populationUnknown);
  const error = useFinderView((v) => v.error);
  const viewLevel = useFinderView((v) => v.query?.level);

  if (status === 'error') return <p className="fr-error-text" role="alert">{`${t.error} ${error ?? ''}`}</p>;
  if (!result || viewLevel !== level) return <p className="fr-text--sm" role="status">{t.loading}</p>;
  const labels = criteria.map(criterionLabel);
  const exportCsv = () =>
    download(
      exportFileName('recherche', level),
      finderCsv(labels, rows, undeterminedRows, { header: t.csvHeader, status: t.csvStatus, flagValue: t.flagValue }),
    );
  return (
    <div className="finder-results" id="finder-results" aria-busy={status === 'loading'}>
      <p className="fr-text--lg fr-text--bold fr-mb-1v" data-testid="finder-count" data-count={result.matches.length} data-total={result.total}>
        {t.count(level, result.matches.length, result.total, population)}
      </p>
      {populationUnknown > 0 && <p className="fr-text--xs fr-mb-1v">{t.populationUnknown(populationUnknown)}</p>}
      <p className="fr-text--xs fr-mb-1w">{t.mapLegend}</p>
      <ul className="fr-text--sm finder-missing" data-testid="finder-missing">
        {criteria.map((_, i) =>
          (result.missingByCriterion[i] ?? 0) > 0 ? <li key={i}>{t.missing(level, result.missingByCriterion[i]!, labels[i]!)}</li> : null,
        )}
      </ul>
      <button type="button" className="fr-btn fr-btn--tertiary fr-btn--sm fr-icon-download-line fr-btn--icon-left fr-mb-1w" onClick={exportCsv} data-testid="finder-export">
        {t.export}
      </button>
      <ResultTable caption={t.tableCaption(level)} rows={rows} criteria={criteria} labels={labels} onOpen={onOpen} testId="finder-table" />
      {undeterminedRows.length > 0 && (
        <details className="fr-mt-2w" data-testid="finder-undetermined">
          <summary className="fr-text--sm">{t.undeterminedTitle(level, undeterminedRows.length)}</summary>
          <ResultTable caption={t.undeterminedCaption} rows={undeterminedRows} criteria={criteria} labels={labels} onOpen={onOpen} testId="finder-undetermined-table" />
        </details>
      )}
      <p className="fr-sr-only" aria-live="polite">
        {status === 'ready' ? t.announce(level, result.matches.length, result.total) : ''}
      </p>
    </div>
  );
}

function ResultTable({
  caption,
  rows,
  criteria,
  labels,
  onOpen,
  testId,
}: {
  caption: string;
  rows: readonly TableRow[];
  criteria: readonly CriterionInfo[];
  labels: readonly string[];
  onOpen: (code: string) => void;
  testId: string;
}) {
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: { column: 'population' }, desc: true });
  const [shown, setShown] = useState(PAGE);
  const sorted = useMemo(() => sortRows(rows, sort.key, sort.desc), [rows, sort]);
  const same = (a: SortKey, b: SortKey) => a.column === b.column && (a.column !== 'criterion' || (b.column === 'criterion' && a.index === b.index));
  const header = (key: SortKey, label: string) => {
    const active = same(key, sort.key);
    return (
      <th scope="col" aria-sort={active ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
        <button
          type="button"
          className="finder-sort"
          title={t.sortBy(label)}
          onClick={() => setSort({ key, desc: active ? !sort.desc : key.column === 'population' || key.column === 'criterion' })}
        >
          {label}
          <span aria-hidden="true">{active ? (sort.desc ? ' ▼' : ' ▲') : ''}</span>
        </button>
      </th>
    );
  };
  return (
    <div className="finder-table-wrap">
      <table className="finder-table" data-testid={testId}>
        <caption className="fr-sr-only">{caption}</caption>
        <thead>
          <tr>
            {header({ column: 'name' }, t.columns.name)}
            {header({ column: 'departement' }, t.columns.departement)}
            {header({ column: 'population' }, t.columns.population)}
            {labels.map((l, i) => (
              <th key={i} scope="col" aria-sort={same({ column: 'criterion', index: i }, sort.key) ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
                <button
                  type="button"
                  className="finder-sort"
                  title={t.sortBy(l)}
                  onClick={() => setSort((s) => ({ key: { column: 'criterion', index: i }, desc: same(s.key, { column: 'criterion', index: i }) ? !s.desc : true }))}
                >
                  {l}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sorted.slice(0, shown).map((r) => (
            <tr key={r.code} data-code={r.code}>
              <th scope="row">
                <button type="button" className="finder-open-row" title={t.openTerritory(r.name)} onClick={() => onOpen(r.code)}>
                  {r.name}
                </button>
                <span className="finder-code">{r.code}</span>
              </th>
              <td>{r.departement ?? ''}</td>
              <td className="finder-num">{r.population === null ? t.missingValue : r.population.toLocaleString('fr-FR')}</td>
              {r.values.map((v, i) => (
                <td key={i} className={typeof v === 'number' ? 'finder-num' : undefined}>
                  {cellText(criteria[i]!, v)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {sorted.length > shown && (
        <button type="button" className="fr-btn fr-btn--tertiary-no-outline fr-btn--sm" onClick={() => setShown((n) => n + PAGE)} data-testid={`${testId}-more`}>
          {t.showMore(Math.min(PAGE, sorted.length - shown))}
        </button>
      )}
    </div>
  );
}
