// Side panel of the selected territory: a heading, a close button (and Échap,
// which also closes its portrait), then the sections listed in src/features.ts.
// Focus moves to the heading when a territory is picked on the map, and back
// to the map when the panel closes.
import { useEffect, useRef } from 'react';
import { fr } from '../i18n/fr.ts';
import { useAtlas, useAtlasState } from '../app/context.ts';
import type { PanelSection } from './panel/section.ts';
import type { TerritoryRef } from '../state/url-state.ts';
import { SheetHandle } from './SheetHandle.tsx';
import { useUi } from './ui-state.ts';
import { consumeMapKeyboardMove } from '../app/map-keyboard-intent.ts';

export function TerritoryPanel({ sections, onClosed }: { sections: readonly PanelSection[]; onClosed: () => void }) {
  const atlas = useAtlas();
  const selection = useAtlasState((s) => s.selection);
  useAtlasState((s) => s.indexVersion);
  const territory = atlas.territory(selection);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const panelRef = useRef<HTMLElement>(null);
  const selectionKey = selection ? `${selection.level}:${selection.code}` : '';
  const sheet = useUi((s) => s.sheets.territory);

  useEffect(() => {
    if (selectionKey === '') return;
    // Move focus to the panel only when it was on nothing, on the map (a click on a
    // territory) or in the data table (a row picked); a control the user is working
    // (search box, level switch, perimeter tools…) keeps it, so arrows on the level
    // switch keep moving between levels. An Alt + arrow move on the map keeps it on
    // the map (the change is announced), so the next arrow moves again.
    const active = document.activeElement;
    const idle = !active || active === document.body || !!active.closest('#atlas-map') || !!active.closest('#atlas-data-table');
    const keyboardMove = consumeMapKeyboardMove();
    if (idle && !keyboardMove && !panelRef.current?.contains(active)) headingRef.current?.focus();
    if (!atlas.territory(selection)) void atlas.ensureIndex(selection!.level);
  }, [selectionKey]); // eslint-disable-line react-hooks/exhaustive-deps

  if (!selection) return null;

  const close = () => {
    atlas.clearSelection();
    onClosed();
  };
  const select = (ref: TerritoryRef) => atlas.selectTerritory(ref, { fly: true });

  return (
    <aside
      ref={panelRef}
      id="atlas-territory-panel"
      className="atlas-panel"
      aria-labelledby="atlas-panel-title"
      data-testid="territory-panel"
      data-sheet={sheet}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          close();
        }
      }}
    >
      <SheetHandle id="territory" title={territory?.name ?? fr.panel.title} controls="atlas-territory-panel" />
      <div className="atlas-panel__head">
        <p className="fr-text--sm fr-mb-0 atlas-panel__kicker">{fr.panel.title}</p>
        <button type="button" className="fr-btn--close fr-btn" title={fr.panel.close} aria-label={fr.panel.close} onClick={close}>
          {fr.panel.close}
        </button>
      </div>
      <h2 id="atlas-panel-title" className="fr-h4 atlas-panel__title" tabIndex={-1} ref={headingRef} data-testid="panel-name">
        {territory ? territory.name : fr.panel.loading}
      </h2>
      {territory &&
        sections.map(({ id, title, Component }) => (
          <section key={id} className="atlas-panel__section" data-section={id} aria-label={title}>
            {title && <h3 className="fr-text--md fr-mb-1w atlas-panel__section-title">{title}</h3>}
            <Component territory={territory} onSelect={select} />
          </section>
        ))}
    </aside>
  );
}
