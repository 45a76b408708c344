// French display of indicator values: decimals from the catalogue, unit after
// a non-breaking space ("3,4 consultations/an/hab.", "12,5 %").
import type { IndicatorCatalogueEntry } from '../lib/indicator-format.ts';

export function formatValue(value: number | null | undefined, decimals: number, unit = ''): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return 'n.d.';
  const text = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: decimals, minimumFractionDigits: 0 }).format(value);
  return unit ? `${text}\u00a0${unit}` : text;
}

/** A value of an entry, with its unit (category label for categorical indicators). */
export function formatEntryValue(entry: Pick<IndicatorCatalogueEntry, 'decimals' | 'unit' | 'categories'>, value: number | null | undefined): string {
  if (value !== null && value !== undefined && entry.categories) {
    const cat = entry.categories.find((c) => c.value === value);
    if (cat) return cat.label;
  }
  return formatValue(value, entry.decimals, entry.unit);
}
