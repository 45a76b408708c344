// The indicator's fields of the URL state: the mapped indicator (catalogue id,
// null = none) and its classification.
import type { UrlFieldCodec } from '../state/url-state.ts';
import {
  parseClassificationSettings,
  parseIndicatorId,
  serializeClassificationSettings,
  type ClassificationSettings,
} from './classification-settings.ts';

export const indicatorUrlCodec: UrlFieldCodec<string | null> = {
  key: 'ind',
  parse: (raw) => parseIndicatorId(raw),
  // A dropped CSV ("byo:…") lives only in this tab: never in a shared link.
  serialize: (id) => (id && !id.startsWith('byo:') ? id : undefined),
};

export const classificationUrlCodec: UrlFieldCodec<ClassificationSettings> = {
  key: 'cls',
  parse: (raw) => parseClassificationSettings(raw),
  serialize: (settings) => serializeClassificationSettings(settings),
};
