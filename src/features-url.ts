// The URL state of the atlas: the core fields (level, selection, view) plus
// each feature's fields. To add a field: write its codec in the feature's
// folder, then add it to `UrlState`, `DEFAULT_URL_STATE` and `URL_FIELDS`
// here (the mapped type refuses a field without a codec). Pure: tests and the
// store import it without React or MapLibre.
import {
  CORE_URL_DEFAULTS,
  CORE_URL_FIELDS,
  createUrlCodec,
  type CoreUrlState,
  type UrlFields,
} from './state/url-state.ts';
import { classificationUrlCodec, DEFAULT_INDICATOR, indicatorUrlCodec } from './indicators/url-fields.ts';
import { DEFAULT_LEVEL } from './link-defaults.ts';
import { embedUrlCodec } from './published/url-fields.ts';
import { comparisonUrlCodec, type ComparedPerimeter } from './perimeter/comparison-url.ts';
import { DEFAULT_CLASSIFICATION, type ClassificationSettings } from './indicators/classification-settings.ts';
import { perimeterUrlCodec, type PerimeterUrlValue } from './perimeter/url-field.ts';
import { portraitUrlCodec, type PortraitUrlValue } from './portrait/url-field.ts';
import { DEFAULT_OVERLAYS, overlaysUrlCodec, type OverlayId } from './overlays/overlay-ids.ts';
import { finderUrlCodec, type FinderQuery } from './finder/query.ts';
import { bivariateUrlCodec, type BivariatePair } from './bivariate/url-field.ts';

export interface UrlState extends CoreUrlState {
  /** Indicator mapped as a choropleth (catalogue id), null = none. */
  readonly indicator: string | null;
  /** Classification of the choropleth. */
  readonly classification: ClassificationSettings;
  /** Custom perimeter being built: its communes and name, null = builder closed. */
  readonly perimeter: PerimeterUrlValue | null;
  /** Open portrait: of the selection ('territory'), of the perimeter ('perimeter'), null = closed. */
  readonly portrait: PortraitUrlValue;
  /** Overlays switched on: contracts, priority zones, hospitals. */
  readonly overlays: readonly OverlayId[];
  /** Perimeters kept for side-by-side comparison (with the builder). */
  readonly comparison: readonly ComparedPerimeter[];
  /** Embedded in another page (`embed=1`): the map, its title, legend and credits only. */
  readonly embed: boolean;
  /** Territory finder: its level and conditions, null = closed. */
  readonly finder: FinderQuery | null;
  /** Bivariate map: need and supply indicators, null = off. */
  readonly bivariate: BivariatePair | null;
}

export const DEFAULT_URL_STATE: UrlState = {
  ...CORE_URL_DEFAULTS,
  // A link opened cold shows something: access to GPs by EPCI.
  level: DEFAULT_LEVEL,
  indicator: DEFAULT_INDICATOR,
  classification: DEFAULT_CLASSIFICATION,
  perimeter: null,
  portrait: null,
  overlays: DEFAULT_OVERLAYS,
  comparison: [],
  embed: false,
  finder: null,
  bivariate: null,
};

export const URL_FIELDS: UrlFields<UrlState> = {
  ...CORE_URL_FIELDS,
  indicator: indicatorUrlCodec,
  classification: classificationUrlCodec,
  perimeter: perimeterUrlCodec,
  portrait: portraitUrlCodec,
  overlays: overlaysUrlCodec,
  comparison: comparisonUrlCodec,
  embed: embedUrlCodec,
  finder: finderUrlCodec,
  bivariate: bivariateUrlCodec,
};

export const URL_CODEC = createUrlCodec(URL_FIELDS, DEFAULT_URL_STATE);
export const parseUrlState = URL_CODEC.parse;
export const serializeUrlState = URL_CODEC.serialize;
