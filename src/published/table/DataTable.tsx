// The text alternative of the choropleth: the territories of the current
// level with their value and class, sortable and searchable, the same
// numbers as the map. A row's name selects the territory (and opens its
// panel), so the whole map can be used from the keyboard.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { frPublished } from '../../i18n/fr.ts';
import { useAtlas, useAtlasState } from '../../app/context.ts';
import { getLoadedIndex } from '../../data/territory-index.ts';
import { useIndicatorService, useIndicatorView } from '../../indicators/hooks.ts';
import { formatEntryValue, formatValue } from '../../indicators/format.ts';
import { SheetHandle } from '../../components/SheetHandle.tsx';
import { uiStore, useUi } from '../../components/ui-state.ts';
import { useMapTitle } from '../MapTitle.tsx';
import { SidebarFold, useSidebarFolded } from '../SidebarFold.tsx';
import { filterRows, sortRows, tableRows, type Sort, type SortKey } from './table-model.ts';

const t = frPublished.table;
const PAGE = 200;

export function DataTable() {
  const atlas = useAtlas();
  const service = useIndicatorService();
  const open = useUi((s) => s.tableOpen);
  const sheet = useUi((s) => s.sheets.table);
  const level = useAtlasState((s) => s.level);
  const indexVersion = useAtlasState((s) => s.indexVersion);
  const entry = useIndicatorView((v) => (v.status === 'ready' && v.level === level ? v.entry : null));
  const classification = useIndicatorView((v) => (v.status === 'ready' && v.level === level ? v.classification : null));
  const dataVersion = useIndicatorView((v) => v.dataVersion);
  const title = useMapTitle();
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<Sort>({ key: 'value', descending: false });
  const [shown, setShown] = useState(PAGE);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const filterId = useId();
  const folded = useSidebarFolded();

  useEffect(() => {
    if (open) void atlas.ensureIndex(level);
  }, [atlas, open, level]);
  useEffect(() => {
    if (open) headingRef.current?.focus();
  }, [open]);

  const rows = useMemo(() => {
    if (!open) return [];
    const index = getLoadedIndex(level);
    const values = entry ? service.currentValues() : null;
    const codes = new Set<string>(values?.keys() ?? []);
    if (index) for (const code of index.keys()) codes.add(code);
    return tableRows(codes, (c) => index?.get(c)?.name, (c) => values?.get(c), classification?.breaks ?? null);
    // indexVersion / dataVersion: the index or the values changed behind the same objects
  }, [open, level, entry, classification, service, indexVersion, dataVersion]); // eslint-disable-line react-hooks/exhaustive-deps
  const sorted = useMemo(() => sortRows(rows, entry ? sort : { key: sort.key === 'value' ? 'name' : sort.key, descending: sort.descending }), [rows, sort, entry]);
  const filtered = useMemo(() => filterRows(sorted, query), [sorted, query]);

  if (!open) return null;
  const close = () => {
    uiStore.setState({ tableOpen: false });
    document.querySelector<HTMLElement>('[data-testid="table-open"]')?.focus();
  };
  const header = (key: SortKey, label: string) => {
    const active = sort.key === key;
    return (
      <th scope="col" aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
        <button
          type="button"
          className="atlas-table__sort"
          data-sort={key}
          onClick={() => setSort({ key, descending: active ? !sort.descending : false })}
        >
          {label}
          <span className="fr-sr-only"> ({active && !sort.descending ? t.sortDesc : t.sortAsc})</span>
          <span aria-hidden="true">{active ? (sort.descending ? ' ▼' : ' ▲') : ' ↕'}</span>
        </button>
      </th>
    );
  };

  return (
    <aside
      id="atlas-data-table"
      className={`atlas-panel atlas-table${folded ? ' atlas-table--folded' : ''}`}
      aria-labelledby="atlas-table-title"
      data-testid="data-table"
      data-sheet={sheet}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !(e.target instanceof HTMLInputElement)) {
          e.stopPropagation();
          close();
        }
      }}
    >
      <SheetHandle id="table" title={t.open} controls="atlas-data-table" />
      <SidebarFold folded={folded} controls="atlas-data-table" />
      <div className="atlas-table__content">
      <div className="atlas-panel__head">
        <p className="fr-text--sm fr-mb-0 atlas-panel__kicker">{t.open}</p>
        <button type="button" className="fr-btn--close fr-btn" title={t.close} aria-label={t.close} onClick={close}>
          {t.close}
        </button>
      </div>
      <h2 id="atlas-table-title" className="fr-h6 atlas-panel__title" tabIndex={-1} ref={headingRef}>
        {t.title(title)}
      </h2>
      {!entry && <p className="fr-text--sm">{t.noIndicator}</p>}
      <div className="fr-input-group fr-mb-1w">
        <label className="fr-label" htmlFor={filterId}>
          {t.filter}
        </label>
        <input
          id={filterId}
          className="fr-input"
          type="search"
          value={query}
          data-testid="table-filter"
          onChange={(e) => {
            setQuery(e.target.value);
            setShown(PAGE);
          }}
        />
      </div>
      <p className="fr-text--xs fr-mb-1v" aria-live="polite" data-testid="table-count">
        {t.shown(Math.min(shown, filtered.length), filtered.length)}
      </p>
      <div className="atlas-table__scroll">
        <table className="atlas-table__table">
          <caption className="fr-sr-only">{t.caption(rows.length)}</caption>
          <thead>
            <tr>
              {header('name', t.name)}
              {header('code', t.code)}
              {entry && header('value', entry.unit ? `${t.value} (${entry.unit})` : t.value)}
              {entry && <th scope="col">{t.cls}</th>}
            </tr>
          </thead>
          <tbody>
            {filtered.slice(0, shown).map((row) => (
              <tr key={row.code} data-code={row.code} data-value={row.value ?? ''} data-cls={row.cls ?? ''}>
                <th scope="row">
                  <button
                    type="button"
                    className="atlas-table__select"
                    title={t.select(row.name)}
                    onClick={() => atlas.selectTerritory({ level, code: row.code }, { fly: true })}
                  >
                    {row.name}
                  </button>
                </th>
                <td>{row.code}</td>
                {entry && <td className="atlas-table__value">{row.value === null ? t.noValue : entry.categories ? formatEntryValue(entry, row.value) : formatValue(row.value, entry.decimals)}</td>}
                {entry && (
                  <td>
                    {row.cls === null ? (
                      '—'
                    ) : (
                      <span className="atlas-table__cls">
                        <span className="atlas-legend__swatch" style={{ background: classification?.colors[row.cls] }} aria-hidden="true" />
                        {classification?.labels[row.cls]}
                      </span>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {filtered.length > shown && (
        <button type="button" className="fr-btn fr-btn--sm fr-btn--secondary fr-mt-1w" onClick={() => setShown((n) => n + PAGE)}>
          {t.more}
        </button>
      )}
      </div>
    </aside>
  );
}
