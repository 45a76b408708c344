// Panel section: number of communes and their population in each priority
// zone type for the selected territory.
import { useMemo } from 'react';
import type { PanelSectionProps } from '../../components/panel/section.ts';
import { ZONE_TYPE_LABELS } from '../../lib/priority-zones.ts';
import { MAPPED_ZONE_TYPES } from '../layers/priority-zones.ts';
import { fr } from '../../i18n/fr.ts';
import { zoneAggregateFor } from '../overlay-model.ts';
import { overlayData, useResource } from '../service.ts';
import { useTerritoryCommunes } from './use-territory-communes.ts';

const t = fr.overlays;

const numberFr = new Intl.NumberFormat('fr-FR');

export function PriorityZonesSection({ territory }: PanelSectionProps) {
  const communes = useTerritoryCommunes(territory);
  const zones = useResource(overlayData.zones);
  const list = communes.state === 'ready' ? communes.value : null;
  const agg = useMemo(
    () => (list && zones.state === 'ready' ? zoneAggregateFor(zones.value, territory.level, territory.code, list) : null),
    [list, zones, territory.level, territory.code],
  );
  if (zones.state === 'error') return <p className="fr-text--sm fr-error-text">{t.control.error(zones.error)}</p>;
  if (!agg) return <p className="fr-text--sm">{t.control.loading}</p>;
  return (
    <div data-testid="panel-zones">
      <table className="cls-zones-table fr-mb-1w">
        <caption className="fr-sr-only">{t.zones.title}</caption>
        <thead>
          <tr>
            <th scope="col">{t.zones.zone}</th>
            <th scope="col">{t.zones.communes}</th>
            <th scope="col">{t.zones.population}</th>
          </tr>
        </thead>
        <tbody>
          {MAPPED_ZONE_TYPES.map((type) => (
            <tr key={type} data-zone={type}>
              <th scope="row">{ZONE_TYPE_LABELS[type]}</th>
              <td data-testid={`panel-zone-${type}-communes`}>{t.zones.ofTotal(agg.zones[type].communes, agg.communes)}</td>
              <td data-testid={`panel-zone-${type}-population`}>{numberFr.format(agg.zones[type].population)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {agg.qpvCount > 0 && <p className="fr-text--xs fr-mb-1v" data-testid="panel-qpv-count">{t.zones.qpvCount(agg.qpvCount)}</p>}
      <p className="fr-text--xs fr-mb-0 cls-legend__note">{t.zones.populationNote}</p>
    </div>
  );
}
