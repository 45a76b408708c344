// Page layout: DSFR header, the toolbar (search, level, zones), the map with
// its side panel, the footer with credits.
import { useCallback } from 'react';
import { Header } from '@codegouvfr/react-dsfr/Header';
import { fr } from './i18n/fr.ts';
import { AtlasContext } from './app/context.ts';
import type { Atlas } from './app/atlas.ts';
import { SearchBox } from './components/SearchBox.tsx';
import { LevelSwitch } from './components/LevelSwitch.tsx';
import { DromNav } from './components/DromNav.tsx';
import { MapView } from './components/MapView.tsx';
import { SkipLinks } from './components/SkipLinks.tsx';
import { TerritoryPanel } from './components/TerritoryPanel.tsx';
import { PerimeterPanel } from './perimeter/PerimeterPanel.tsx';
import { PortraitHost } from './portrait/PortraitHost.tsx';
import { PerimeterEntryButton } from './perimeter/StartSection.tsx';
import { Credits } from './components/Credits.tsx';
import { OverlayControl } from './overlays/components/OverlayControl.tsx';
import { IndicatorSidebar } from './indicators/IndicatorSidebar.tsx';

export function App({ atlas }: { atlas: Atlas }) {
  const focusMap = useCallback(() => atlas.controller?.map.getCanvas().focus(), [atlas]);
  return (
    <AtlasContext.Provider value={atlas}>
      <SkipLinks
        links={[
          { label: fr.app.skipToSearch, id: 'atlas-search-input', target: () => document.getElementById('atlas-search-input') },
          { label: fr.app.skipToMap, id: 'atlas-map', target: () => atlas.controller?.map.getCanvas() },
        ]}
      />
      <Header
        brandTop={<>République<br />Française</>}
        homeLinkProps={{ href: '#', title: fr.app.homeTitle }}
        serviceTitle={fr.app.title}
        serviceTagline={fr.app.tagline}
      />
      <main className="atlas-main" id="contenu">
        <div className="atlas-toolbar">
          <SearchBox />
          <LevelSwitch />
          <DromNav />
          <PerimeterEntryButton />
        </div>
        <div className="atlas-body">
          <IndicatorSidebar />
          <MapView tooltipLines={atlas.features.tooltipLines} />
          <OverlayControl />
          <TerritoryPanel sections={atlas.features.panelSections} onClosed={focusMap} />
          <PerimeterPanel onClosed={focusMap} />
          <PortraitHost onClosed={focusMap} />
        </div>
      </main>
      <Credits />
    </AtlasContext.Provider>
  );
}
