// The composition root: each feature's map layer modules, territory panel
// sections and URL fields, listed once here and handed down to the map
// controller (through Atlas), the panel (TerritoryPanel) and the URL codec.
// Lower folders (src/state, src/layers, src/map, src/components, src/lib)
// never import a feature.
import type { ComponentType } from 'react';
import type { Level } from './lib/levels.ts';
import type { MapLayerModule } from './map/layer-module.ts';
import type { PanelSection } from './components/panel/section.ts';
import type { UrlCodec } from './state/url-state.ts';
import { fr, frIndicators } from './i18n/fr.ts';
import { IdentitySection } from './components/panel/IdentitySection.tsx';
import { ParentsSection } from './components/panel/ParentsSection.tsx';
import { FiguresSection } from './components/panel/FiguresSection.tsx';
import { choroplethModule } from './indicators/choropleth-module.ts';
import { ComparisonSection, IndicatorHoverLines } from './indicators/ComparisonSection.tsx';
import { overlayMapModule } from './overlays/service.ts';
import { ContractsSection } from './overlays/components/ContractsSection.tsx';
import { PriorityZonesSection } from './overlays/components/PriorityZonesSection.tsx';
import { CareOfferSection } from './overlays/components/CareOfferSection.tsx';
import { perimeterLayer } from './perimeter/layer.ts';
import { PerimeterStartSection } from './perimeter/StartSection.tsx';
import { PortraitSection } from './portrait/PortraitSection.tsx';
import { URL_CODEC, type UrlState } from './features-url.ts';

export interface TooltipLineProps {
  readonly level: Level;
  readonly code: string;
}

export interface AtlasFeatures {
  /** Installed at start, in z-order within their bands. */
  readonly layerModules: readonly MapLayerModule[];
  /** Rendered in this order in the territory panel. */
  readonly panelSections: readonly PanelSection[];
  /** Extra lines of the map's hover tooltip. */
  readonly tooltipLines: readonly ComponentType<TooltipLineProps>[];
  readonly url: UrlCodec<UrlState>;
}

export const FEATURES: AtlasFeatures = {
  layerModules: [choroplethModule, overlayMapModule, perimeterLayer],
  panelSections: [
    { id: 'identity', Component: IdentitySection },
    { id: 'parents', title: fr.panel.parents, Component: ParentsSection },
    { id: 'figures', Component: FiguresSection },
    { id: 'indicator', title: frIndicators.comparisonTitle, Component: ComparisonSection },
    { id: 'contracts', title: fr.overlays.coverage.title, Component: ContractsSection },
    { id: 'zones', title: fr.overlays.zones.title, Component: PriorityZonesSection },
    { id: 'care-offer', title: fr.overlays.care.title, Component: CareOfferSection },
    { id: 'portrait', title: fr.portrait.title, Component: PortraitSection },
    { id: 'perimeter', title: fr.perimeter.sectionTitle, Component: PerimeterStartSection },
  ],
  tooltipLines: [IndicatorHoverLines],
  url: URL_CODEC,
};
