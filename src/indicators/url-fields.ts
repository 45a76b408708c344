// The indicator's fields of the URL state: the mapped indicator (catalogue id,
// null = none) and its classification.
import type { UrlFieldCodec } from '../state/url-state.ts';
import {
  parseClassificationSettings,
  parseIndicatorId,
  serializeClassificationSettings,
  type ClassificationSettings,
} from './classification-settings.ts';

import { DEFAULT_INDICATOR, NO_INDICATOR } from '../link-defaults.ts';

export { DEFAULT_INDICATOR };

export const indicatorUrlCodec: UrlFieldCodec<string | null> = {
  key: 'ind',
  parse: (raw) => (raw === NO_INDICATOR ? null : parseIndicatorId(raw)),
  // Written even when it is the default, so that a shared link keeps showing the same map if
  // the default changes. A dropped CSV ("byo:…") lives only in this tab: a shared link opens
  // the default map instead.
  serialize: (id) => (id === null ? NO_INDICATOR : id.startsWith('byo:') ? undefined : id),
};

export const classificationUrlCodec: UrlFieldCodec<ClassificationSettings> = {
  key: 'cls',
  parse: (raw) => parseClassificationSettings(raw),
  serialize: (settings) => serializeClassificationSettings(settings),
};
