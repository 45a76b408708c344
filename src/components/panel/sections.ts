// The territory panel renders these sections in order. To add one (indicator
// values — issue 3, CLS situation and zones — issue 4, portrait — issue 5):
// write a component taking PanelSectionProps in this folder and append it here.
import { fr } from '../../i18n/fr.ts';
import type { PanelSection } from './section.ts';
import { IdentitySection } from './IdentitySection.tsx';
import { ParentsSection } from './ParentsSection.tsx';
import { FiguresSection } from './FiguresSection.tsx';
import { PortraitSection } from '../../portrait/PortraitSection.tsx';
import { PerimeterStartSection } from '../../perimeter/StartSection.tsx';
import { OVERLAY_PANEL_SECTIONS } from '../../overlays/components/panel-sections.ts';
import { ComparisonSection } from '../../indicators/ComparisonSection.tsx';
import { frIndicators } from '../../i18n/fr.ts';

export const PANEL_SECTIONS: readonly PanelSection[] = [
  { id: 'identity', Component: IdentitySection },
  { id: 'parents', title: fr.panel.parents, Component: ParentsSection },
  { id: 'figures', Component: FiguresSection },
  { id: 'indicator', title: frIndicators.comparisonTitle, Component: ComparisonSection },
  ...OVERLAY_PANEL_SECTIONS,
  { id: 'portrait', title: fr.portrait.title, Component: PortraitSection },
  { id: 'perimeter', title: fr.perimeter.sectionTitle, Component: PerimeterStartSection },
];
