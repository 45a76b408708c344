// The five DROM as inset frames in a corner of the map, as on printed maps of
// France: each frames its territory on the map (and the metropole frame
// returns). Always visible, so the opening view says France includes them.
import { ZONES } from '../lib/levels.ts';
import { fr, frPublished as t } from '../i18n/fr.ts';
import { useAtlas, useAtlasState } from '../app/context.ts';
import { ZONE_BBOX } from '../map/zones-view.ts';
import { zoneOfView } from './map-title.ts';

export function DromInsets() {
  const atlas = useAtlas();
  const current = useAtlasState((s) => zoneOfView(s.view, ZONE_BBOX));
  return (
    <nav className="atlas-insets" aria-label={t.insets} data-testid="drom-insets">
      <ul>
        {ZONES.map((zone) => (
          <li key={zone}>
            <button
              type="button"
              className="atlas-inset"
              data-zone={zone}
              aria-current={zone === current ? 'true' : undefined}
              title={t.insetLabel(fr.zones.label[zone] ?? zone)}
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
