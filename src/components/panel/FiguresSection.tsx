import { fr } from '../../i18n/fr.ts';
import type { PanelSectionProps } from './section.ts';

export function FiguresSection({ territory }: PanelSectionProps) {
  return (
    <dl className="atlas-facts">
      <div>
        <dt>{fr.panel.population}</dt>
        <dd data-testid="panel-population">{fr.format.population(territory.population)}</dd>
      </div>
      <div>
        <dt>{fr.panel.area}</dt>
        <dd data-testid="panel-area">{fr.format.area(territory.areaKm2)}</dd>
      </div>
      {territory.level !== 'commune' && territory.communes !== undefined && (
        <div>
          <dt>{fr.panel.communes}</dt>
          <dd data-testid="panel-communes">{fr.format.number(territory.communes)}</dd>
        </div>
      )}
    </dl>
  );
}
