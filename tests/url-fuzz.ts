// Generated links for the URL coherence tests (unit and browser): every URL
// key with valid, stale and hostile values, mixed by a seeded PRNG, so a
// failure always replays.

/** Small deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES: Record<string, readonly string[]> = {
  v: ['1', '2', '', 'x'],
  level: ['commune', 'epci', 'bv', 'departement', 'region', 'pays', ''],
  sel: ['commune:77131', 'commune:99999', 'departement:77', 'departement:99', 'epci:200090504', 'epci:123', 'region:94', 'bv:2A004', 'x:1', 'commune:', '<b>'],
  at: ['2.35,48.85,9', '0,0,0', 'NaN,1,2', '200,0,3', '3.1,48.8'],
  per: ['77.3n', '77.00-rr', '77.01', '2A.04', '', '99.aa', '77!A', 'zz', '77.3n~=HYPERLINK("x")'],
  pt: ['sel', 'per', 'x', ''],
  ind: ['apl_mg_2023', 'byo:1', 'zz', ''],
  ov: ['contracts', 'zones,hospitals', 'x'],
};

export function generatedHashes(count: number, seed: number): string[] {
  const random = rng(seed);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const parts: string[] = [];
    for (const [key, values] of Object.entries(PIECES)) {
      if (random() < 0.45) parts.push(`${key}=${encodeURIComponent(values[Math.floor(random() * values.length)]!).replace(/%3A/g, ':').replace(/%2C/g, ',')}`);
    }
    out.push(`#${parts.join('&')}`);
  }
  return out;
}

