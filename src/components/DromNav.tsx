// Buttons that frame the metropole or one of the five DROM.
import { ZONES } from '../lib/levels.ts';
import { fr } from '../i18n/fr.ts';
import { useAtlas } from '../app/context.ts';

export function DromNav() {
  const atlas = useAtlas();
  return (
    <nav className="atlas-zone-nav" aria-label={fr.zones.navLabel}>
      <ul className="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
        {ZONES.map((zone) => (
          <li key={zone}>
            <button
              type="button"
              className="fr-btn fr-btn--tertiary fr-btn--sm"
              data-zone={zone}
              title={fr.zones.label[zone]}
              onClick={() => atlas.flyToZone(zone)}
            >
              {fr.zones.short[zone]}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
