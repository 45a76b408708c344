// Territory panel section "Portrait du territoire": a toggle that opens the
// full portrait of the selected territory in the panel (the `pt=sel` URL
// field, so a permalink reopens it). Registered in PANEL_SECTIONS.
import { useAtlas, useAtlasState } from '../app/context.ts';
import { fr } from '../i18n/fr.ts';
import type { PanelSectionProps } from '../components/panel/section.ts';
import { LazyPortrait as Portrait } from './LazyPortrait.tsx';
import { territorySubject } from './subject.ts';

export function PortraitSection({ territory }: PanelSectionProps) {
  const atlas = useAtlas();
  const open = useAtlasState((s) => s.portrait === 'territory');
  const t = fr.portrait;
  return (
    <div className="portrait-section">
      <button
        type="button"
        className={`fr-btn fr-btn--sm ${open ? 'fr-btn--secondary fr-icon-close-line' : 'fr-icon-file-text-line'} fr-btn--icon-left portrait-noprint`}
        aria-expanded={open}
        aria-controls="portrait-territory"
        data-testid="portrait-toggle"
        onClick={() => atlas.store.setState({ portrait: open ? null : 'territory' })}
      >
        {open ? t.close : t.open}
      </button>
      <div id="portrait-territory" hidden={!open}>
        {open && <Portrait subject={territorySubject(territory.level, territory.code)} />}
      </div>
    </div>
  );
}
