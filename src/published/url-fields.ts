// The published map's field of the URL state: `embed=1` shows the map, its
// title, legend and credits only (for an iframe in another page).
import type { UrlFieldCodec } from '../state/url-state.ts';

export const embedUrlCodec: UrlFieldCodec<boolean> = {
  key: 'embed',
  parse: (raw) => (raw === '1' ? true : raw === '0' ? false : undefined),
  serialize: (embed) => (embed ? '1' : undefined),
};
