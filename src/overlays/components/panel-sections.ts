// The overlays' sections of the territory panel (registered in
// src/components/panel/sections.ts): CLS coverage, priority zones, care offer.
import type { PanelSection } from '../../components/panel/section.ts';
import { fr } from '../../i18n/fr.ts';
import { ContractsSection } from './ContractsSection.tsx';
import { ZonesSection } from './ZonesSection.tsx';
import { CareOfferSection } from './CareOfferSection.tsx';

const t = fr.overlays;

export const OVERLAY_PANEL_SECTIONS: readonly PanelSection[] = [
  { id: 'contracts', title: t.coverage.title, Component: ContractsSection },
  { id: 'zones', title: t.zones.title, Component: ZonesSection },
  { id: 'care-offer', title: t.care.title, Component: CareOfferSection },
];
