// The five DROM as small inset maps in a corner of the map, as on printed
// maps of France, coloured like the main map (same classification, same
// no-data grey); each frames its territory on the map, and the metropole
// button returns. Always visible, so the opening view says France includes
// them. On a narrow phone they are name buttons only.
import { ZONES } from '../lib/levels.ts';
import { fr, frPublished as t } from '../i18n/fr.ts';
import { useAtlas, useAtlasState } from '../app/context.ts';
import { ZONE_BBOX } from '../map/zones-view.ts';
import { useMedia } from '../components/ui-state.ts';
import { zoneOfView } from './map-title.ts';
import { INSET_FRAME } from './inset-model.ts';
import { useInsetMaps } from './use-inset-maps.ts';

/** Under this width the insets are name buttons only (they would take too much of a phone's map). */
export const INSET_MAP_MEDIA = '(min-width: 37.5em)';

export function DromInsets() {
  const atlas = useAtlas();
  const current = useAtlasState((s) => zoneOfView(s.view, ZONE_BBOX));
  const maps = useInsetMaps(useMedia(INSET_MAP_MEDIA));
  return (
    <nav className="atlas-insets" aria-label={t.insets} data-testid="drom-insets">
      <ul>
        {ZONES.map((zone) => {
          const map = maps?.find((m) => m.zone === zone);
          const name = fr.zones.short[zone] ?? zone;
          return (
            <li key={zone}>
              <button
                type="button"
                className={`atlas-inset${map ? ' atlas-inset--map' : ''}`}
                data-zone={zone}
                aria-current={zone === current ? 'true' : undefined}
                aria-label={zone === 'metro' ? undefined : t.insetMapLabel(name)}
                title={t.insetLabel(fr.zones.label[zone] ?? zone)}
                onClick={() => atlas.flyToZone(zone)}
              >
                {map && (
                  <svg className="atlas-inset__map" viewBox={`0 0 ${INSET_FRAME.width} ${INSET_FRAME.height}`} aria-hidden="true" focusable="false">
                    {map.shapes.map((s) => (
                      <path key={s.code} d={s.d} fill={s.fill} data-code={s.code} />
                    ))}
                  </svg>
                )}
                <span className="atlas-inset__name">{name}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
