// Page layout: a slim header (search, level, tools), then the map at full
// height with its title, DROM insets and side panels (bottom sheets on a
// phone); the footer's content lives behind « À propos et sources ».
// In embed mode (`embed=1`): the map, its title, legend and credits only.
import { useCallback } from 'react';
import { fr, frPublished } from './i18n/fr.ts';
import { AtlasContext, useAtlasState } from './app/context.ts';
import type { Atlas } from './app/atlas.ts';
import { MapView } from './components/MapView.tsx';
import { SkipLinks } from './components/SkipLinks.tsx';
import { TerritoryPanel } from './components/TerritoryPanel.tsx';
import { PerimeterPanel } from './perimeter/PerimeterPanel.tsx';
import { PortraitHost } from './portrait/PortraitHost.tsx';
import { Credits } from './components/Credits.tsx';
import { OverlayControl } from './overlays/components/OverlayControl.tsx';
import { IndicatorSidebar } from './indicators/IndicatorSidebar.tsx';
import { AppHeader } from './published/AppHeader.tsx';
import { Dialog } from './published/Dialog.tsx';
import { DromInsets } from './published/DromInsets.tsx';
import { MapTitle } from './published/MapTitle.tsx';
import { MapPrint } from './published/MapPrint.tsx';
import { useKeepSelectionInView, useMapPadding } from './published/map-padding.ts';
import './published/published.css';
import { useSelectedLabel } from './labels/use-selected-label.ts';
import { DataTable } from './published/table/DataTable.tsx';
import { SelectionAnnouncer } from './published/SelectionAnnouncer.tsx';
import { useMapKeyboard } from './published/map-keyboard.ts';
import { ShareDialog } from './published/ShareDialog.tsx';
import { ExportDialog } from './published/export/ExportDialog.tsx';
import { EmbedCredits, EmbedLegend } from './published/EmbedChrome.tsx';
import { TABLE_ID, useSkipToTable } from './published/table/skip-link.ts';

function Shell({ atlas }: { atlas: Atlas }) {
  const focusMap = useCallback(() => atlas.controller?.map.getCanvas().focus(), [atlas]);
  const embed = useAtlasState((s) => s.embed);
  useMapPadding(atlas);
  useKeepSelectionInView(atlas);
  useSelectedLabel(atlas);
  useMapKeyboard(atlas);
  useSkipToTable();
  return (
    <div className={`atlas-app${embed ? ' atlas-app--embed' : ''}`}>
      {!embed && (
        <SkipLinks
          links={[
            { label: fr.app.skipToMap, id: 'atlas-map', target: () => atlas.controller?.map.getCanvas() },
            { label: fr.app.skipToSearch, id: 'atlas-search-input', target: () => document.getElementById('atlas-search-input') },
            // useSkipToTable opens the table first; the link then focuses its heading.
            { label: frPublished.table.skip, id: TABLE_ID, target: () => document.getElementById('atlas-table-title') },
          ]}
        />
      )}
      {!embed && <AppHeader extraTools={atlas.features.toolbarItems.map((Item, i) => <Item key={i} />)} />}
      <main className="atlas-main" id="contenu">
        <div className="atlas-body">
          {!embed && <IndicatorSidebar />}
          {!embed && <DataTable />}
          <div className="atlas-map-col">
            <MapTitle />
            <div className="atlas-map-stage">
              <MapView tooltipLines={atlas.features.tooltipLines} />
              <DromInsets />
              {!embed && <OverlayControl />}
              {embed && <EmbedLegend />}
            </div>
            {embed && <EmbedCredits />}
            {!embed && <MapPrint />}
          </div>
          {!embed && atlas.features.sidePanels.map((Panel, i) => <Panel key={i} onClosed={focusMap} />)}
          {!embed && <TerritoryPanel sections={atlas.features.panelSections} onClosed={focusMap} />}
          {!embed && <PerimeterPanel onClosed={focusMap} />}
          {!embed && <PortraitHost onClosed={focusMap} />}
        </div>
        <SelectionAnnouncer />
      </main>
      {!embed && (
        <>
          <Dialog id="about" title={frPublished.aboutTitle}>
            <Credits />
          </Dialog>
          <ShareDialog />
          <ExportDialog />
        </>
      )}
    </div>
  );
}

export function App({ atlas }: { atlas: Atlas }) {
  return (
    <AtlasContext.Provider value={atlas}>
      <Shell atlas={atlas} />
    </AtlasContext.Provider>
  );
}
