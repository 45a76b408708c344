// The `portrait` field of the URL state: which portrait is open.
//   #…&sel=commune:77131&pt=sel   → portrait of the selected territory
//   #…&per=…&pt=per               → portrait of the custom perimeter in `per`
// The subject itself lives in `sel` / `per`, so a permalink reopens the same
// territory or perimeter with its portrait.

/** 'territory' = the selection's portrait; 'perimeter' = the perimeter's; null = closed. */
export type PortraitUrlValue = 'territory' | 'perimeter' | null;

export const portraitUrlCodec = {
  key: 'pt',
  parse(raw: string): PortraitUrlValue | undefined {
    if (raw === 'sel') return 'territory';
    if (raw === 'per') return 'perimeter';
    return undefined;
  },
  serialize(value: PortraitUrlValue): string | undefined {
    return value === 'territory' ? 'sel' : value === 'perimeter' ? 'per' : undefined;
  },
};
