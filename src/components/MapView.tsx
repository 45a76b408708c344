// The map container: creates the MapLibre map once through the Atlas, shows
// the hover tooltip (DOM, no map glyphs) and a text alternative of the map.
import { useLayoutEffect, useRef, useState, type ComponentType } from 'react';
import { fr, frInput } from '../i18n/fr.ts';
import { useAtlas, useAtlasState } from '../app/context.ts';
import type { TerritoryRef } from '../state/url-state.ts';
import { getLoadedIndex } from '../data/territory-index.ts';
import { useMedia } from './ui-state.ts';

interface Hover {
  readonly ref: TerritoryRef;
  readonly x: number;
  readonly y: number;
}

/** Extra tooltip lines, one component each (listed in src/features.ts). */
export type TooltipLine = ComponentType<{ level: TerritoryRef['level']; code: string }>;

export function MapView({ tooltipLines }: { tooltipLines: readonly TooltipLine[] }) {
  const atlas = useAtlas();
  const containerRef = useRef<HTMLDivElement>(null);
  const [hover, setHover] = useState<Hover | null>(null);
  const level = useAtlasState((s) => s.level);
  const status = useAtlasState((s) => s.levelStatus[s.level]);
  const error = useAtlasState((s) => s.error);
  const linkNotice = useAtlasState((s) => s.linkNotice);
  const selection = useAtlasState((s) => s.selection);
  useAtlasState((s) => s.indexVersion);
  // A tap emulates a hover: on a touch screen the tooltip would stay over the map, and the sheet says it all.
  const canHover = useMedia('(hover: hover)');

  // Before the first paint (not after it, as an effect would): the map's style, worker and tiles start sooner.
  useLayoutEffect(() => {
    const controller = atlas.attachMap(containerRef.current!);
    return controller.on('hover', (ref, point) => setHover(ref && point ? { ref, x: point.x, y: point.y } : null));
  }, [atlas]);

  const hovered = hover ? atlas.territory(hover.ref) : undefined;
  const selected = atlas.territory(selection);
  const count = getLoadedIndex(level)?.size ?? null;

  return (
    <div className="atlas-map-wrap">
      <div
        ref={containerRef}
        className="atlas-map"
        id="atlas-map"
        role="region"
        aria-label={fr.map.ariaLabel}
        aria-describedby="atlas-map-summary"
        data-testid="map"
      />
      {hover && canHover && (
        <div className="atlas-tooltip" role="presentation" style={{ transform: `translate(${hover.x + 12}px, ${hover.y + 12}px)` }}>
          <strong>{hovered?.name ?? hover.ref.code}</strong>
          <span>
            {fr.levels.label(hover.ref.level)}
            {hovered?.level === 'commune' && hovered.parents.departement ? ` (${hovered.parents.departement})` : ''}
          </span>
          {tooltipLines.map((Line, i) => (
            <Line key={i} level={hover.ref.level} code={hover.ref.code} />
          ))}
        </div>
      )}
      {status === 'loading' && (
        <p className="atlas-map-status" role="status">
          {fr.app.loading}
        </p>
      )}
      {error && (
        <p className="atlas-map-status atlas-map-status--error" role="alert">
          {error}
        </p>
      )}
      {linkNotice && (
        <div className="atlas-map-status atlas-link-notice" role="status" data-testid="link-notice">
          <p className="fr-text--sm fr-mb-0">{linkNotice}</p>
          <button type="button" className="fr-btn fr-btn--tertiary-no-outline fr-btn--sm fr-icon-close-line" title={frInput.linkNoticeClose} aria-label={frInput.linkNoticeClose} onClick={() => atlas.store.setState({ linkNotice: null })}>
            {frInput.linkNoticeClose}
          </button>
        </div>
      )}
      <div id="atlas-map-summary" className="fr-sr-only" aria-live="polite">
        <p>{fr.map.summary(level, status === 'ready' ? count : null)}</p>
        <p>{selected ? fr.map.selected(selected.name) : fr.map.noSelection}</p>
        <p>{fr.map.help}</p>
      </div>
    </div>
  );
}
