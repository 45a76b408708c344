// Display of perimeter figures: numbers in French, the reason an indicator
// has no value ("non agrégeable : médiane"), the spread line.
import { formatNumberFr } from '../lib/classify.ts';
import type { IndicatorCatalogueEntry } from '../lib/indicator-format.ts';
import { LEVEL_LABELS } from '../lib/levels.ts';
import type { PerimeterIndicatorValue } from './perimeter-stats.ts';
import { fr } from '../i18n/fr.ts';

const t = fr.perimeter;

export function formatValue(value: number | null, entry: Pick<IndicatorCatalogueEntry, 'decimals' | 'unit'>): string {
  if (value === null) return t.dataUnavailable;
  const unit = entry.unit ? (entry.unit === '%' ? ' %' : ` ${entry.unit}`) : '';
  return `${formatNumberFr(value, entry.decimals)}${unit}`;
}

/** What a cell says when there is no value, e.g. "non agrégeable : médiane". */
export function noValueText(result: PerimeterIndicatorValue | undefined, entry: IndicatorCatalogueEntry): string {
  if (!result) return fr.panel.loading;
  switch (result.reason) {
    case 'notAggregable':
      return entry.aggregationNote ? t.reasons.notAggregable(shortNote(entry.aggregationNote)) : t.reasons.notAggregableDefault;
    case 'notCommuneLevel':
      return t.reasons.notCommuneLevel(LEVEL_LABELS[entry.nativeLevel].toLowerCase());
    case 'incompleteCoverage':
      return t.reasons.incompleteCoverage(result.coverage);
    case 'empty':
    case null:
      return t.reasons.empty;
  }
}

/** "médiane" from a note such as "médiane : ne s'additionne pas…": the first clause, lower-cased. */
function shortNote(note: string): string {
  const first = note.split(/[:;.(]/)[0]!.trim();
  return first.length > 0 && first.length <= 60 ? first.charAt(0).toLowerCase() + first.slice(1) : note;
}

export function valueCell(result: PerimeterIndicatorValue | undefined, entry: IndicatorCatalogueEntry): string {
  return result && result.value !== null ? formatValue(result.value, entry) : noValueText(result, entry);
}

export function spreadText(result: PerimeterIndicatorValue | undefined, entry: IndicatorCatalogueEntry): string {
  const h = result?.homogeneity;
  if (!h) return '—';
  const parts = [t.spreadValue(formatValue(h.min, entry), formatValue(h.max, entry)), t.iqr(formatNumberFr(h.iqr, entry.decimals))];
  if (h.cv !== null) parts.push(t.cv(formatNumberFr(h.cv, 2)));
  return parts.join(' ; ');
}
