// Panel section: hospitals located in the selected territory (FINESS 2020),
// by category, and what the sources do not hold.
import { useMemo } from 'react';
import type { PanelSectionProps } from '../../components/panel/section.ts';
import { HOSPITAL_CATEGORIES, HOSPITAL_CATEGORY_STYLES } from '../layers/care-offer.ts';
import { HOSPITAL_TYPES } from '../../lib/overlay-format.ts';
import { fr } from '../../i18n/fr.ts';
import { hospitalsInTerritory } from '../overlay-model.ts';
import { overlayData, useResource } from '../service.ts';
import { IconSwatch } from './Swatch.tsx';
import { useTerritoryCommunes } from './use-territory-communes.ts';

const t = fr.overlays;

export function CareOfferSection({ territory }: PanelSectionProps) {
  const communes = useTerritoryCommunes(territory);
  const hospitals = useResource(overlayData.hospitals);
  const list = communes.state === 'ready' ? communes.value : null;
  const count = useMemo(() => (list && hospitals.state === 'ready' ? hospitalsInTerritory(hospitals.value, list) : null), [list, hospitals]);
  if (hospitals.state === 'error') return <p className="fr-text--sm fr-error-text">{t.control.error(hospitals.error)}</p>;
  if (!count) return <p className="fr-text--sm">{t.control.loading}</p>;
  return (
    <div data-testid="panel-care">
      <p className="fr-text--sm fr-text--bold fr-mb-1v" data-testid="panel-hospitals-count" data-count={count.total}>
        {count.total === 0 ? t.care.none : t.care.inTerritory(count.total)}
      </p>
      {count.total > 0 && (
        <ul className="fr-text--xs fr-mb-1w cls-care-categories">
          {HOSPITAL_CATEGORIES.filter((c) => count.byCategory[c] > 0).map((c) => (
            <li key={c}>
              <IconSwatch shape={HOSPITAL_CATEGORY_STYLES[c].shape} color={HOSPITAL_CATEGORY_STYLES[c].color} /> {t.care.categories[c]} : {count.byCategory[c]}
            </li>
          ))}
        </ul>
      )}
      {count.total > 0 && count.total <= 30 && (
        <details className="fr-mb-1w">
          <summary className="fr-text--xs">{t.care.list}</summary>
          <ul className="fr-text--xs fr-mb-0">
            {count.hospitals.map((h) => (
              <li key={h.finess}>
                {h.name} <span className="cls-legend__note">({HOSPITAL_TYPES[h.type as keyof typeof HOSPITAL_TYPES] ?? h.type})</span>
              </li>
            ))}
          </ul>
        </details>
      )}
      <p className="fr-text--xs fr-text--bold fr-mb-0">{t.care.unavailable}</p>
      <ul className="fr-text--xs fr-mb-0">
        {t.care.unavailableItems.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </div>
  );
}
