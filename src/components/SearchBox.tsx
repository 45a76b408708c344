// Territory search: DSFR input + listbox, ARIA 1.2 combobox pattern
// (↑/↓ move, Entrée selects, Échap closes then clears).
import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { fr } from '../i18n/fr.ts';
import { useAtlas, useAtlasState } from '../app/context.ts';
import type { SearchResult } from '../search/rank.ts';
import { isIndexLoaded } from '../data/territory-index.ts';
import { LEVELS } from '../lib/levels.ts';

const MAX_RESULTS = 10;

export function SearchBox() {
  const atlas = useAtlas();
  const indexVersion = useAtlasState((s) => s.indexVersion);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const baseId = useId();
  const listId = `${baseId}-list`;
  const optionId = (i: number) => `${baseId}-opt-${i}`;

  const results = useMemo(
    () => (query.trim() === '' ? [] : atlas.search.search(query, MAX_RESULTS)),
    // indexVersion: a newly loaded level (communes) must refresh the results.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [atlas, query, indexVersion],
  );
  const indexesLoading = !LEVELS.every(isIndexLoaded);
  const expanded = open && query.trim() !== '';
  const activeIndex = Math.min(active, Math.max(results.length - 1, 0));

  const choose = (result: SearchResult | undefined) => {
    if (!result) return;
    atlas.selectTerritory({ level: result.record.level, code: result.record.code }, { fly: true });
    setQuery(result.label);
    setOpen(false);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        setOpen(true);
        setActive(results.length ? (activeIndex + 1) % results.length : 0);
        break;
      case 'ArrowUp':
        e.preventDefault();
        setOpen(true);
        setActive(results.length ? (activeIndex - 1 + results.length) % results.length : 0);
        break;
      case 'Enter':
        if (expanded) {
          e.preventDefault();
          choose(results[activeIndex]);
        }
        break;
      case 'Escape':
        if (expanded) setOpen(false);
        else setQuery('');
        break;
    }
  };

  return (
    <div className="atlas-search" role="search">
      <Input
        label={fr.search.label}
        hintText={fr.search.hint}
        iconId="fr-icon-search-line"
        nativeInputProps={{
          id: 'atlas-search-input',
          type: 'text',
          role: 'combobox',
          autoComplete: 'off',
          spellCheck: false,
          placeholder: fr.search.placeholder,
          'aria-autocomplete': 'list',
          'aria-expanded': expanded,
          'aria-controls': listId,
          'aria-activedescendant': expanded && results.length > 0 ? optionId(activeIndex) : undefined,
          value: query,
          onChange: (e) => {
            setQuery(e.target.value);
            setActive(0);
            setOpen(true);
          },
          onFocus: () => void atlas.ensureSearchIndexes(),
          onBlur: () => setOpen(false),
          onKeyDown,
        }}
      />
      <ul id={listId} role="listbox" aria-label={fr.search.label} className="atlas-search__list" hidden={!expanded}>
        {results.map((r, i) => (
          <li
            key={`${r.record.level}:${r.record.code}`}
            id={optionId(i)}
            role="option"
            aria-selected={i === activeIndex}
            className="atlas-search__option"
            data-level={r.record.level}
            data-code={r.record.code}
            onMouseDown={(e) => e.preventDefault()}
            onMouseEnter={() => setActive(i)}
            onClick={() => choose(r)}
          >
            <span className="atlas-search__name">{r.label}</span>
            <span className="atlas-search__meta">
              {fr.levels.label(r.record.level)} · {r.record.code}
              {r.postcode ? ` · ${fr.search.postcode(r.postcode)}` : ''}
            </span>
          </li>
        ))}
        {results.length === 0 && (
          <li className="atlas-search__empty" role="option" aria-selected={false} aria-disabled>
            {indexesLoading ? fr.search.loadingTerritories : fr.search.noResult}
          </li>
        )}
      </ul>
      <p className="fr-sr-only" aria-live="polite">
        {expanded ? fr.search.resultsCount(results.length) : ''}
      </p>
    </div>
  );
}
