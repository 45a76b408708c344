// The `perimeter` field of the URL state (#…&per=77.3n-3p~Mon%20territoire):
// commune codes in the compact encoding of src/lib/perimeter-io.ts, then an
// optional name after "~". A permalink reopens the builder on that perimeter.
import { decodePerimeterCodes, encodePerimeterCodes } from './perimeter-io.ts';

export interface PerimeterUrlValue {
  readonly communes: readonly string[];
  /** null = the default name. */
  readonly name: string | null;
}

/** Longest name kept from a URL. */
const MAX_NAME = 120;

export const perimeterUrlCodec = {
  key: 'per',
  parse(raw: string): PerimeterUrlValue | null | undefined {
    const cut = raw.indexOf('~');
    const codes = decodePerimeterCodes(cut < 0 ? raw : raw.slice(0, cut));
    if (!codes) return undefined;
    const name = cut < 0 ? null : raw.slice(cut + 1).trim().slice(0, MAX_NAME) || null;
    return { communes: codes, name };
  },
  serialize(value: PerimeterUrlValue | null): string | undefined {
    if (!value) return undefined;
    const codes = encodePerimeterCodes(value.communes);
    return value.name ? `${codes}~${value.name}` : codes;
  },
};
