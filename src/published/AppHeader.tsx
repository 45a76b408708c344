// The slim application header: brand, search, level, and the map's tools
// (perimeter builder, data table, share, image export, about). One row on a
// laptop; two on a phone (tools, then search and level).
import type { ReactNode } from 'react';
import { frPublished as t } from '../i18n/fr.ts';
import { SearchBox } from '../components/SearchBox.tsx';
import { LevelSwitch } from '../components/LevelSwitch.tsx';
import { PerimeterEntryButton } from '../perimeter/StartSection.tsx';
import { LevelSelect } from './LevelSelect.tsx';
import { uiStore, useUi, type DialogId } from '../components/ui-state.ts';

function ToolButton({ icon, label, onClick, pressed, testId, controls }: { icon: string; label: string; onClick: () => void; pressed?: boolean; testId: string; controls?: string }) {
  return (
    <button
      type="button"
      className={`fr-btn fr-btn--tertiary-no-outline fr-btn--sm fr-btn--icon-left ${icon} atlas-tool`}
      aria-pressed={pressed}
      aria-controls={controls}
      title={label}
      data-testid={testId}
      onClick={onClick}
    >
      <span className="atlas-tool__label">{label}</span>
    </button>
  );
}

const openDialog = (dialog: DialogId) => uiStore.setState({ dialog });

export function AppHeader({ extraTools }: { extraTools?: ReactNode }) {
  const tableOpen = useUi((s) => s.tableOpen);
  return (
    <header className="atlas-header" role="banner">
      <a className="atlas-header__brand" href="#" title={t.brandTagline}>
        <span className="atlas-header__name">{t.brand}</span>
        <span className="atlas-header__tagline">{t.brandTagline}</span>
      </a>
      <div className="atlas-toolbar">
        <SearchBox />
        <LevelSwitch />
        <LevelSelect />
      </div>
      <nav className="atlas-tools" aria-label={t.toolbar}>
        <PerimeterEntryButton />
        <ToolButton
          icon="fr-icon-table-line"
          label={t.table.open}
          pressed={tableOpen}
          controls={tableOpen ? 'atlas-data-table' : undefined}
          testId="table-open"
          onClick={() => uiStore.setState({ tableOpen: !tableOpen })}
        />
        {extraTools}
        <ToolButton icon="fr-icon-share-line" label={t.share} testId="share-open" onClick={() => openDialog('share')} />
        <ToolButton icon="fr-icon-image-line" label={t.exportPng} testId="png-open" onClick={() => openDialog('export')} />
        <ToolButton icon="fr-icon-information-line" label={t.about} testId="about-open" onClick={() => openDialog('about')} />
      </nav>
    </header>
  );
}
