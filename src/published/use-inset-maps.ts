// The DROM inset maps of the current level, ready to draw (on screen and in
// the PNG export): each territory's path and the fill the main map gives it.
// Their shapes load once the first view is drawn and the map quiet, and only once `enabled`.
import { useEffect, useMemo, useState } from 'react';
import type { Level, Zone } from '../lib/levels.ts';
import { fr } from '../i18n/fr.ts';
import { useAtlas, useAtlasState } from '../app/context.ts';
import { useIndicatorService, useIndicatorView } from '../indicators/hooks.ts';
import { loadInsetData } from './inset-data.ts';
import { insetFills, insetShapes, type InsetShape } from './inset-model.ts';

export interface InsetMap {
  readonly zone: Zone;
  readonly name: string;
  readonly shapes: readonly (InsetShape & { readonly fill: string })[];
}

export function useInsetMaps(enabled: boolean): readonly InsetMap[] | null {
  const atlas = useAtlas();
  const level = useAtlasState((s) => s.level);
  const [loaded, setLoaded] = useState<{ level: Level; zones: { zone: Zone; shapes: InsetShape[] }[] } | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    void atlas.quiet
      .then(() => loadInsetData(level))
      .then((zones) => {
        if (live) setLoaded({ level, zones: zones.map((z) => ({ zone: z.zone, shapes: insetShapes(z.features, z.bbox) })) });
      })
      // No inset map without its shapes: the name buttons still frame each DROM.
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [atlas, level, enabled]);

  const service = useIndicatorService();
  const view = useIndicatorView((v) => v);
  const current = loaded?.level === level ? loaded : null;
  return useMemo(() => {
    if (!current) return null;
    const sameLevel = view.level === level;
    const codes = current.zones.flatMap((z) => z.shapes.map((s) => s.code));
    const fills = insetFills(codes, sameLevel ? view.status : 'none', sameLevel ? service.currentValues() : null, view.classification);
    return current.zones.map(({ zone, shapes }) => ({
      zone,
      name: fr.zones.short[zone] ?? zone,
      shapes: shapes.map((s) => ({ ...s, fill: fills.get(s.code)! })),
    }));
    // dataVersion: the values behind currentValues() changed
  }, [current, level, view.level, view.status, view.classification, view.dataVersion, service]); // eslint-disable-line react-hooks/exhaustive-deps
}
