// The five DROM as small inset maps in a corner of the map, as on printed
// maps of France, coloured like the main map (same classification, same
// no-data grey); each frames its territory on the map, and the metropole
// button returns. Always visible, so the opening view says France includes
// them. Their shapes load after the map's first idle (the first view's
// requests stay the map's); on a narrow phone they are name buttons only.
import { useEffect, useMemo, useState } from 'react';
import { ZONES, type Level, type Zone } from '../lib/levels.ts';
import { fr, frPublished as t } from '../i18n/fr.ts';
import { useAtlas, useAtlasState } from '../app/context.ts';
import { ZONE_BBOX } from '../map/zones-view.ts';
import { useIndicatorService, useIndicatorView } from '../indicators/hooks.ts';
import { useMedia } from '../components/ui-state.ts';
import { zoneOfView } from './map-title.ts';
import { loadInsetData, type InsetZoneData } from './inset-data.ts';
import { INSET_FRAME, insetFills, insetShapes, type InsetShape } from './inset-model.ts';

/** Under this width the insets are name buttons only (they would take too much of a phone's map). */
export const INSET_MAP_MEDIA = '(min-width: 37.5em)';

function useInsetShapes(level: Level, enabled: boolean): { level: Level; shapes: Map<Zone, InsetShape[]> } | null {
  const atlas = useAtlas();
  const [loaded, setLoaded] = useState<{ level: Level; shapes: Map<Zone, InsetShape[]> } | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    void atlas.ready
      .then(() => loadInsetData(level))
      .then((zones: readonly InsetZoneData[]) => {
        if (live) setLoaded({ level, shapes: new Map(zones.map((z) => [z.zone, insetShapes(z.features, z.bbox)])) });
      })
      // No inset map without its shapes: the name buttons still frame each DROM.
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [atlas, level, enabled]);
  return loaded?.level === level ? loaded : null;
}

export function DromInsets() {
  const atlas = useAtlas();
  const current = useAtlasState((s) => zoneOfView(s.view, ZONE_BBOX));
  const level = useAtlasState((s) => s.level);
  const wide = useMedia(INSET_MAP_MEDIA);
  const loaded = useInsetShapes(level, wide);
  const service = useIndicatorService();
  const view = useIndicatorView((v) => v);

  const fills = useMemo(() => {
    if (!loaded) return null;
    const codes = [...loaded.shapes.values()].flatMap((shapes) => shapes.map((s) => s.code));
    const sameLevel = view.level === level;
    return insetFills(codes, sameLevel ? view.status : 'none', sameLevel ? service.currentValues() : null, view.classification);
    // dataVersion: the values behind currentValues() changed
  }, [loaded, level, view.level, view.status, view.classification, view.dataVersion, service]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <nav className="atlas-insets" aria-label={t.insets} data-testid="drom-insets">
      <ul>
        {ZONES.map((zone) => {
          const shapes = zone === 'metro' ? undefined : loaded?.shapes.get(zone);
          const name = fr.zones.short[zone] ?? zone;
          return (
            <li key={zone}>
              <button
                type="button"
                className={`atlas-inset${shapes ? ' atlas-inset--map' : ''}`}
                data-zone={zone}
                aria-current={zone === current ? 'true' : undefined}
                aria-label={zone === 'metro' ? undefined : t.insetMapLabel(name)}
                title={t.insetLabel(fr.zones.label[zone] ?? zone)}
                onClick={() => atlas.flyToZone(zone)}
              >
                {shapes && fills && (
                  <svg className="atlas-inset__map" viewBox={`0 0 ${INSET_FRAME.width} ${INSET_FRAME.height}`} aria-hidden="true" focusable="false">
                    {shapes.map((s) => (
                      <path key={s.code} d={s.d} fill={fills.get(s.code)} data-code={s.code} />
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
