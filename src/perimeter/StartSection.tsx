// Territory panel section: open the builder on this territory's communes, or
// (for a commune) compare the commune, its EPCI and its bassin de vie.
import { Button } from '@codegouvfr/react-dsfr/Button';
import { fr } from '../i18n/fr.ts';
import type { PanelSectionProps } from '../components/panel/section.ts';
import { usePerimeterSession } from './connect.ts';

const t = fr.perimeter;

export function PerimeterStartSection({ territory }: PanelSectionProps) {
  const session = usePerimeterSession();
  if (territory.level === 'region') return null;
  return (
    <ul className="fr-btns-group fr-btns-group--sm">
      <li>
        <Button
          priority="secondary"
          size="small"
         
          title={t.startFromHint(territory.name)}
          onClick={() => void session.startFrom(territory)}
          nativeButtonProps={{ 'data-testid': 'perimeter-start-from' } as never}
        >
          {t.startFrom}
        </Button>
      </li>
      {territory.level === 'commune' && (
        <li>
          <Button
            priority="secondary"
            size="small"
           
            title={t.compareLevelsHint(territory.name)}
            onClick={() => void session.compareLevelsOf(territory.code)}
            nativeButtonProps={{ 'data-testid': 'perimeter-compare-levels' } as never}
          >
            {t.compareLevels}
          </Button>
        </li>
      )}
    </ul>
  );
}

/** Toolbar button: open the builder from scratch. */
export function PerimeterEntryButton() {
  const session = usePerimeterSession();
  return (
    <Button
      priority="tertiary"
      size="small"
     
      title={t.openFromScratchHint}
      onClick={() => session.startFromScratch()}
      nativeButtonProps={{ 'data-testid': 'perimeter-open' } as never}
    >
      {t.openFromScratch}
    </Button>
  );
}
