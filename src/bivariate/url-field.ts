// The bivariate map in the URL: `bi=need,supply` (two catalogue ids), absent = off.
export interface BivariatePair {
  readonly need: string;
  readonly supply: string;
}

const ID_RE = /^[A-Za-z0-9_:-]{1,64}$/;

export const bivariateUrlCodec = {
  key: 'bi',
  parse: (raw: string): BivariatePair | null | undefined => {
    const parts = raw.split(',');
    if (parts.length !== 2 || !parts.every((p) => ID_RE.test(p))) return undefined;
    return { need: parts[0]!, supply: parts[1]! };
  },
  serialize: (pair: BivariatePair | null): string | undefined => (pair ? `${pair.need},${pair.supply}` : undefined),
};
