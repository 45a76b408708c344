// The indicator picker: a search box that filters a native <select> grouped by
// theme (keyboard and screen readers get the browser's own listbox), and the
// button that opens the selected indicator's definition and source.
import { useId, useMemo, useState } from 'react';
import { frIndicators as t } from '../i18n/fr.ts';
import { THEMES, type IndicatorCatalogueEntry } from '../lib/indicator-format.ts';
import { IndicatorOptionGroups, indicatorGroups } from './IndicatorOptions.tsx';
import { useIndicatorService, useIndicatorView } from './hooks.ts';
import { useAtlasState } from '../app/context.ts';

function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

export function matchesQuery(entry: Pick<IndicatorCatalogueEntry, 'label' | 'definition' | 'theme' | 'producer'>, query: string, themeLabel: string): boolean {
  const words = normalise(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = normalise(`${entry.label} ${themeLabel} ${entry.producer} ${entry.definition}`);
  return words.every((w) => haystack.includes(w));
}

export function IndicatorPicker() {
  const service = useIndicatorService();
  const catalogue = useIndicatorView((v) => v.catalogue);
  const customEntries = useIndicatorView((v) => v.customEntries);
  const selected = useAtlasState((s) => s.indicator);
  const [query, setQuery] = useState('');
  const searchId = useId();
  const selectId = useId();

  const groups = useMemo(() => {
    const themes = catalogue?.themes ?? THEMES;
    const themeLabel = new Map<string, string>([...themes.map((th) => [th.id, th.label] as const), ['custom', t.customTheme]]);
    return indicatorGroups([...(catalogue?.indicators ?? []), ...customEntries], themes)
      .map((g) => ({ ...g, entries: g.entries.filter((e) => matchesQuery(e, query, themeLabel.get(g.id) ?? '')) }))
      .filter((g) => g.entries.length > 0);
  }, [catalogue, customEntries, query]);

  const visibleCount = groups.reduce((s, g) => s + g.entries.length, 0);
  const selectedHidden = selected !== null && !groups.some((g) => g.entries.some((e) => e.id === selected));
  const selectedEntry = selected ? (catalogue?.indicators.find((e) => e.id === selected) ?? customEntries.find((e) => e.id === selected)) : undefined;

  return (
    <div className="atlas-ind-picker">
      <div className="fr-input-group fr-mb-1w">
        <label className="fr-label" htmlFor={searchId}>
          {t.pickerLabel}
          <span className="fr-hint-text">{t.pickerHint}</span>
        </label>
        <input
          id={searchId}
          className="fr-input"
          type="search"
          value={query}
          placeholder={t.searchPlaceholder}
          aria-controls={selectId}
          data-testid="indicator-search"
          onChange={(e) => setQuery(e.target.value)}
        />
      </div>
      <div className="fr-select-group fr-mb-1w">
        <label className="fr-label fr-sr-only" htmlFor={selectId}>
          {t.pickerLabel}
        </label>
        <select
          id={selectId}
          className="fr-select"
          value={selected ?? ''}
          data-testid="indicator-select"
          aria-describedby={`${selectId}-count`}
          onChange={(e) => service.select(e.target.value === '' ? null : e.target.value)}
        >
          <option value="">{t.none}</option>
          {selectedHidden && selectedEntry && <option value={selectedEntry.id}>{selectedEntry.label}</option>}
          <IndicatorOptionGroups groups={groups} />
        </select>
        <p id={`${selectId}-count`} className="fr-hint-text fr-mt-1v" aria-live="polite">
          {catalogue === null ? t.catalogueLoading : visibleCount === 0 ? t.noMatch : `${visibleCount} indicateur${visibleCount > 1 ? 's' : ''}`}
        </p>
      </div>
    </div>
  );
}
