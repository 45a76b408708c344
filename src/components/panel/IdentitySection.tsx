import { fr } from '../../i18n/fr.ts';
import type { PanelSectionProps } from './section.ts';

export function IdentitySection({ territory }: PanelSectionProps) {
  return (
    <dl className="atlas-facts">
      <div>
        <dt>{fr.panel.level}</dt>
        <dd data-testid="panel-level">{fr.levels.label(territory.level)}</dd>
      </div>
      <div>
        <dt>{fr.panel.codeOf(territory.level)}</dt>
        <dd data-testid="panel-code">{territory.code}</dd>
      </div>
      {territory.postcodes && territory.postcodes.length > 0 && (
        <div>
          <dt>{fr.panel.postcodes}</dt>
          <dd>{territory.postcodes.join(', ')}</dd>
        </div>
      )}
    </dl>
  );
}
