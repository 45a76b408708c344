// Folds the left column (indicator side bar, data table) into a narrow rail
// on a laptop, so the map keeps its width: automatically while a wide panel
// (portrait, perimeter builder) is open on a screen under 1600 px, or when
// the user asks.
import { frPublished as t } from '../i18n/fr.ts';
import { useAtlasState } from '../app/context.ts';
import { uiStore, useMedia, useUi } from '../components/ui-state.ts';

export function useSidebarFolded(): boolean {
  const choice = useUi((s) => s.sidebarFolded);
  const narrow = useMedia('(max-width: 100em)');
  const widePanel = useAtlasState((s) => s.portrait !== null || s.perimeter !== null);
  return choice ?? (narrow && widePanel);
}

export function SidebarFold({ folded, controls }: { folded: boolean; controls: string }) {
  return (
    <button
      type="button"
      className={`fr-btn fr-btn--tertiary-no-outline fr-btn--sm atlas-fold ${folded ? 'fr-icon-arrow-right-s-line' : 'fr-icon-arrow-left-s-line'}`}
      aria-expanded={!folded}
      aria-controls={controls}
      title={folded ? t.expand : t.collapse}
      data-testid="sidebar-fold"
      onClick={() => uiStore.setState({ sidebarFolded: !folded })}
    >
      {folded ? t.expand : t.collapse}
    </button>
  );
}
