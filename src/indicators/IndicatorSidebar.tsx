// The indicator side bar: picker, definition and source, status (loading,
// not available at this level and why), legend, classification, export and
// CSV import. Announces each newly mapped indicator to screen readers.
import { frIndicators as t } from '../i18n/fr.ts';
import { IndicatorPicker } from './IndicatorPicker.tsx';
import { IndicatorAboutButton, IndicatorAboutModal } from './IndicatorAbout.tsx';
import { IndicatorLegend } from './IndicatorLegend.tsx';
import { ClassificationControls } from './ClassificationControls.tsx';
import { ExportButton } from './ExportButton.tsx';
import { ByoCsvImport } from './ByoCsvImport.tsx';
import { useIndicatorView } from './hooks.ts';
import './indicators.css';
import { SheetHandle } from '../components/SheetHandle.tsx';
import { SidebarFold, useSidebarFolded } from '../published/SidebarFold.tsx';
import { useUi } from '../components/ui-state.ts';
import { frPublished } from '../i18n/fr.ts';

export function IndicatorSidebar() {
  const entry = useIndicatorView((v) => v.entry);
  const status = useIndicatorView((v) => v.status);
  const level = useIndicatorView((v) => v.level);
  const reason = useIndicatorView((v) => v.unavailableReason);
  const announcement = useIndicatorView((v) => v.announcement);
  const catalogueError = useIndicatorView((v) => v.catalogueError);
  const sheet = useUi((s) => s.sheets.indicator);
  const folded = useSidebarFolded();
  return (
    <aside
      id="atlas-indicator-sidebar"
      className={`atlas-ind${folded ? ' atlas-ind--folded' : ''}`}
      aria-labelledby="atlas-ind-title"
      data-testid="indicator-sidebar"
      data-sheet={sheet}
    >
      <SheetHandle id="indicator" title={frPublished.indicatorSheet} controls="atlas-indicator-sidebar" />
      <SidebarFold folded={folded} controls="atlas-indicator-sidebar" />
      <div className="atlas-ind__content">
      <h2 id="atlas-ind-title" className="fr-h6 fr-mb-1w">
        {t.sectionTitle}
      </h2>
      {catalogueError && (
        <p className="fr-error-text fr-mt-0" role="alert">
          {catalogueError}
        </p>
      )}
      <IndicatorPicker />
      {entry && (
        <div className="atlas-ind__meta fr-mb-1w">
          <p className="fr-text--xs fr-mb-1v" data-testid="indicator-credit">
            {entry.source.id === 'byo' ? entry.producer : `${entry.producer}, ${entry.vintage} — ${entry.licence}`}
          </p>
          <IndicatorAboutButton />
        </div>
      )}
      <IndicatorAboutModal entry={entry} />
      {status === 'loading' && (
        <p className="fr-text--sm" role="status">
          {t.loading}
        </p>
      )}
      {status === 'unavailable' && entry && (
        <div className="fr-alert fr-alert--info fr-alert--sm fr-mb-2w" data-testid="indicator-unavailable">
          <p className="fr-text--bold fr-mb-1v">{t.unavailableTitle(level)}</p>
          <p>{reason}</p>
        </div>
      )}
      <IndicatorLegend />
      {entry && status !== 'unavailable' && <ClassificationControls />}
      <div className="atlas-ind__actions">
        <ExportButton />
        <ByoCsvImport />
      </div>
      <p className="fr-sr-only" aria-live="polite" aria-atomic="true" data-testid="indicator-announcement">
        {announcement}
      </p>
      </div>
    </aside>
  );
}
