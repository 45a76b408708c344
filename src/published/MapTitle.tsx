// The map's title (the page's h1), kept in step with the indicator, level,
// zone and perimeter; also sets the document title.
import { useEffect } from 'react';
import { useAtlasState } from '../app/context.ts';
import { useIndicatorView } from '../indicators/hooks.ts';
import { ZONE_BBOX } from '../map/zones-view.ts';
import { fr, frPublished as t } from '../i18n/fr.ts';
import { mapTitle, zoneOfView } from './map-title.ts';

export function useMapTitle(): string {
  const level = useAtlasState((s) => s.level);
  const indicatorId = useAtlasState((s) => s.indicator);
  const zone = useAtlasState((s) => zoneOfView(s.view, ZONE_BBOX));
  const perimeter = useAtlasState((s) => (s.perimeter ? (s.perimeter.name ?? fr.perimeter.defaultName) : null));
  // The catalogue names the indicator as soon as it is loaded (a dropped CSV only through the view's entry).
  const entry = useIndicatorView((v) =>
    indicatorId ? (v.catalogue?.indicators.find((e) => e.id === indicatorId) ?? (v.entry?.id === indicatorId ? v.entry : null)) : null,
  );
  const indicator = entry ? { id: entry.id, label: entry.label } : null;
  return mapTitle({ indicator, level, zone, perimeter });
}

export function MapTitle() {
  const title = useMapTitle();
  useEffect(() => {
    document.title = t.documentTitle(title);
  }, [title]);
  return (
    <h1 className="atlas-map-title" data-testid="map-title">
      {title}
    </h1>
  );
}
