// The `comparison` field of the URL state (#…&cmp=77.3n-3p~Nord*77.4a~Sud):
// the candidates kept for side-by-side comparison, each its commune codes
// (the compact encoding of `per`) and its name, so a shared link reopens
// the comparison.
import type { UrlFieldCodec } from '../state/url-state.ts';
import { decodePerimeterCodes, encodePerimeterCodes } from './perimeter-io.ts';

export interface ComparedPerimeter {
  readonly name: string;
  readonly communes: readonly string[];
}

const MAX_CANDIDATES = 3;

/** Percent-encoded, '*' and '~' too (they separate candidates and codes from names). */
const encodeName = (name: string) => encodeURIComponent(name).replace(/\*/g, '%2A').replace(/~/g, '%7E');
const MAX_NAME = 120;

export const comparisonUrlCodec: UrlFieldCodec<readonly ComparedPerimeter[]> = {
  key: 'cmp',
  parse(raw) {
    const parts = raw.split('*');
    if (parts.length === 0 || parts.length > MAX_CANDIDATES) return undefined;
    const out: ComparedPerimeter[] = [];
    for (const part of parts) {
      const cut = part.indexOf('~');
      const communes = decodePerimeterCodes(cut < 0 ? part : part.slice(0, cut));
      if (!communes || communes.length === 0) return undefined;
      let name: string;
      try {
        name = cut < 0 ? '' : decodeURIComponent(part.slice(cut + 1)).trim().slice(0, MAX_NAME);
      } catch {
        return undefined;
      }
      out.push({ name, communes });
    }
    return out;
  },
  serialize(value) {
    if (value.length === 0) return undefined;
    return value
      .slice(0, MAX_CANDIDATES)
      .map((c) => `${encodePerimeterCodes(c.communes)}~${encodeName(c.name)}`)
      .join('*');
  },
};

/** A CSV of the comparison table for French Excel (UTF-8 BOM, ';', CRLF): one column per perimeter. */
export function comparisonCsv(header: readonly string[], rows: readonly { label: string; cells: readonly string[] }[]): string {
  const cell = (text: string) => (/[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  const lines = [header.map(cell).join(';'), ...rows.map((r) => [r.label, ...r.cells].map(cell).join(';'))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
