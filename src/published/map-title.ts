// The one-line title of the map: what it shows, at which level, where.
// Pure: the component and the PNG export build it from the same inputs.
import { frPublished as t } from '../i18n/fr.ts';
import { ZONE_LABELS, type Level, type Zone } from '../lib/levels.ts';
import type { BBox } from '../data/types.ts';
import type { MapView } from '../state/url-state.ts';

export interface MapTitleInput {
  readonly indicator: { readonly id: string; readonly label: string } | null;
  readonly level: Level;
  /** The zone the view is on (metro adds nothing). */
  readonly zone: Zone;
  /** Name of the custom perimeter being built, if any. */
  readonly perimeter: string | null;
}

export function mapTitle({ indicator, level, zone, perimeter }: MapTitleInput): string {
  const what = indicator ? `${t.headline(indicator.id, indicator.label)} ${t.titleLevel(level)}` : t.noIndicatorTitle(level);
  const where = perimeter !== null ? t.perimeterWhere(perimeter) : zone !== 'metro' ? ZONE_LABELS[zone] : null;
  return where ? `${what}${t.titleWhere(where)}` : what;
}

/** The zone whose framing holds the view's centre (metro when none or no view). */
export function zoneOfView(view: MapView | null, framings: Readonly<Record<Zone, BBox>>): Zone {
  if (!view) return 'metro';
  for (const [zone, [w, s, e, n]] of Object.entries(framings) as [Zone, BBox][]) {
    if (zone === 'metro') continue;
    // A DROM framing is tight: widen it a little so a slightly panned view still counts.
    const mx = (e - w) * 0.5;
    const my = (n - s) * 0.5;
    if (view.lng >= w - mx && view.lng <= e + mx && view.lat >= s - my && view.lat <= n + my) return zone;
  }
  return 'metro';
}
