// Legend of the hospitals layer: one shape per category (same as the map
// icons), the clusters, a text alternative, the vintage caveat and credits.
import { hospitalLegendItems } from '../layers/care-offer.ts';
import { fr } from '../../i18n/fr.ts';
import { hospitalCountsByCategory } from '../overlay-model.ts';
import { overlayData, useResource } from '../service.ts';
import { ClusterSwatch, IconSwatch } from './Swatch.tsx';
import { OverlayCredits } from './OverlayCredits.tsx';

const t = fr.overlays;

export function HospitalLegend() {
  const hospitals = useResource(overlayData.hospitals);
  const manifest = useResource(overlayData.manifest);
  const counts = hospitals.state === 'ready' ? hospitalCountsByCategory(hospitals.value) : {};
  const items = hospitalLegendItems(t.care.categories, counts);
  const total = hospitals.state === 'ready' ? hospitals.value.features.length : 0;
  return (
    <div className="cls-legend" data-testid="legend-hospitals">
      <ul className="cls-legend__items">
        {items.map((item) => (
          <li key={item.category} data-category={item.category}>
            <IconSwatch shape={item.shape} color={item.color} />
            <span>{item.label}</span>
            {hospitals.state === 'ready' && <span className="cls-legend__count">{item.count}</span>}
          </li>
        ))}
        <li>
          <ClusterSwatch />
          <span className="fr-text--xs">{t.care.clusters}</span>
        </li>
      </ul>
      {hospitals.state === 'ready' && <p className="fr-sr-only">{t.care.textAlternative(total)}</p>}
      <p className="fr-text--xs fr-mb-1v cls-legend__note">{t.care.vintageNote}</p>
      {manifest.state === 'ready' && <OverlayCredits credits={manifest.value.layers.hospitals.sources} />}
    </div>
  );
}
