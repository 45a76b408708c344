// « Trouver des territoires »: the toolbar button, and the side panel while a
// query is set (the URL's `find`). The panel's code (FinderOpenPanel: editor,
// results, CSV) is a chunk of its own, fetched when the finder opens.
import { frFinder as t } from '../i18n/fr.ts';
import { useAtlasState } from '../app/context.ts';
import { useFinderService } from './hooks.ts';
import { lazyPanel } from '../components/lazy-panel.tsx';
import './finder.css';

const FinderOpenPanel = lazyPanel(() => import('./FinderOpenPanel.tsx').then((m) => m.FinderOpenPanel));

/** Toolbar button: open the finder. */
export function FinderButton() {
  const service = useFinderService();
  const open = useAtlasState((s) => s.finder !== null);
  return (
    <button
      type="button"
      className="fr-btn fr-btn--tertiary-no-outline fr-btn--sm fr-btn--icon-left fr-icon-search-line atlas-tool"
      title={t.openHint}
      aria-pressed={open}
      onClick={() => (open ? service.close() : service.open())}
      data-testid="finder-open"
    >
      <span className="atlas-tool__label">{t.open}</span>
    </button>
  );
}

export function FinderPanel({ onClosed }: { onClosed?: () => void }) {
  const open = useAtlasState((s) => s.finder !== null);
  return open ? <FinderOpenPanel onClosed={onClosed} /> : null;
}
