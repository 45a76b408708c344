// The indicators of a <select>, grouped by theme in the catalogue's order,
// the user's imported files last in a group of their own. One grouping for
// the indicator picker, the finder's conditions and the bivariate axes.
import { frIndicators as t } from '../i18n/fr.ts';
import { THEMES, type IndicatorCatalogueEntry } from '../lib/indicator-format.ts';

export interface IndicatorGroup {
  readonly id: string;
  readonly label: string;
  readonly entries: readonly IndicatorCatalogueEntry[];
}

const isImported = (e: IndicatorCatalogueEntry) => e.source.id === 'byo';

/** Non-empty groups: one per theme, then the imported files. */
export function indicatorGroups(entries: readonly IndicatorCatalogueEntry[], themes: readonly { id: string; label: string }[] = THEMES): IndicatorGroup[] {
  const groups: IndicatorGroup[] = themes.map((theme) => ({ id: theme.id, label: theme.label, entries: entries.filter((e) => !isImported(e) && e.theme === theme.id) }));
  groups.push({ id: 'custom', label: t.customTheme, entries: entries.filter(isImported) });
  return groups.filter((g) => g.entries.length > 0);
}

export function IndicatorOptionGroups({ groups }: { groups: readonly IndicatorGroup[] }) {
  return groups.map((g) => (
    <optgroup key={g.id} label={g.label}>
      {g.entries.map((e) => (
        <option key={e.id} value={e.id}>
          {e.label}
        </option>
      ))}
    </optgroup>
  ));
}
