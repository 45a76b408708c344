import type { ComponentType } from 'react';
import type { TerritoryRecord } from '../../data/types.ts';
import type { TerritoryRef } from '../../state/url-state.ts';

export interface PanelSectionProps {
  readonly territory: TerritoryRecord;
  /** Selects another territory (e.g. a parent) and frames it. */
  readonly onSelect: (ref: TerritoryRef) => void;
}

/** One block of the territory panel, listed in src/features.ts. */
export interface PanelSection {
  readonly id: string;
  /** Heading shown above the section (none for the identity block). */
  readonly title?: string;
  readonly Component: ComponentType<PanelSectionProps>;
}
