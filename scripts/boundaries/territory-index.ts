// The territory index of every level, computed from the communes: names from
// the COG, parents from the COG tables, populations and areas summed up.
import type { CommuneRecord, EpciRecord } from '../lib/cog.ts';
import { departementOfCommune, zoneOfCode } from '../../src/lib/codes.ts';
import type { Level, SupraLevel } from '../../src/lib/levels.ts';
import { compareCodes } from '../../src/lib/codes.ts';
import type { BBox, CommuneFacts, CommuneMembership, CommuneShape, TerritoryEntry, TerritoryIndex } from './types.ts';

/** Commune → its territory at each supra level; communes without EPCI are their own EPCI-level territory. */
export function toMemberships(records: readonly CommuneRecord[]): CommuneMembership[] {
  return records.map((r) => ({
    code: r.code,
    name: r.name,
    zone: zoneOfCode(r.code),
    epci: r.epci ?? r.code,
    noEpci: r.epci === null,
    bv: r.bv,
    departement: r.departement,
    region: r.region,
  }));
}

export function parentOf(m: CommuneMembership, level: SupraLevel): string {
  return m[level];
}

export interface IndexInputs {
  communes: readonly CommuneRecord[];
  shapes: ReadonlyMap<string, Pick<CommuneShape, 'areaM2' | 'bbox'>>;
  facts: ReadonlyMap<string, CommuneFacts>;
  epci: readonly EpciRecord[];
}

const round = (value: number, digits: number): number => {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
};

/** Rounded outwards to 4 decimals (≈ 10 m) so the box still contains the territory. */
export function roundBBox([w, s, e, n]: BBox): BBox {
  // The epsilon absorbs float noise (48.84 * 1e4 = 488400.00000000006).
  const down = (x: number) => Math.floor(x * 1e4 + 1e-6) / 1e4;
  const up = (x: number) => Math.ceil(x * 1e4 - 1e-6) / 1e4;
  return [down(w), down(s), up(e), up(n)];
}

export function unionBBox(a: BBox, b: BBox): BBox {
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
}

/** Sum of known populations; null only if no commune's population is known. */
export function sumPopulation(values: ReadonlyArray<number | null>): number | null {
  let total: number | null = null;
  for (const v of values) if (v !== null) total = (total ?? 0) + v;
  return total;
}

export function buildTerritoryIndexes(inputs: IndexInputs): Record<Level, TerritoryIndex> {
  const memberships = toMemberships(inputs.communes);
  const communeByCode = new Map(inputs.communes.map((c) => [c.code, c]));
  const regionOfDepartement = new Map(inputs.communes.map((c) => [c.departement, c.region]));
  const epciByCode = new Map(inputs.epci.map((e) => [e.code, e]));

  const communeEntries: TerritoryEntry[] = memberships.map((m) => {
    const shape = inputs.shapes.get(m.code);
    if (!shape) throw new Error(`Commune ${m.code} is in the COG table but has no geometry`);
    const facts = inputs.facts.get(m.code);
    return {
      code: m.code,
      name: m.name,
      level: 'commune',
      parents: { epci: m.epci, bv: m.bv, departement: m.departement, region: m.region },
      population: facts?.population ?? null,
      areaKm2: round(shape.areaM2 / 1e6, 2),
      bbox: roundBBox(shape.bbox),
      zone: m.zone,
      postcodes: facts?.postcodes ?? [],
    };
  });

  // Everything a supra territory needs beyond its own identity is summed from its communes.
  const aggregate = (level: SupraLevel, describe: (code: string, first: CommuneMembership) => Omit<TerritoryEntry, 'code' | 'population' | 'areaKm2' | 'bbox' | 'communes' | 'level' | 'zone'>) => {
    const groups = new Map<string, number[]>();
    memberships.forEach((m, i) => {
      const key = parentOf(m, level);
      const list = groups.get(key);
      if (list) list.push(i);
      else groups.set(key, [i]);
    });
    return [...groups.keys()].sort(compareCodes).map((code): TerritoryEntry => {
      const members = groups.get(code)!;
      const first = memberships[members[0]!]!;
      let areaM2 = 0;
      let bbox: BBox | null = null;
      for (const i of members) {
        const shape = inputs.shapes.get(memberships[i]!.code)!;
        areaM2 += shape.areaM2;
        bbox = bbox ? unionBBox(bbox, shape.bbox) : shape.bbox;
      }
      const { name, parents, ...extras } = describe(code, first);
      return {
        code,
        name,
        level,
        parents,
        population: sumPopulation(members.map((i) => communeEntries[i]!.population)),
        areaKm2: round(areaM2 / 1e6, 2),
        bbox: roundBBox(bbox!),
        zone: first.zone,
        communes: members.length,
        ...extras,
      };
    });
  };

  const epciEntries = aggregate('epci', (code, first) => {
    if (first.noEpci) {
      return { name: first.name, parents: { departement: first.departement, region: first.region }, noEpci: true };
    }
    const epci = epciByCode.get(code);
    if (!epci) throw new Error(`EPCI ${code} (of commune ${first.code}) is missing from the EPCI table`);
    const region = regionOfDepartement.get(epci.seatDepartement);
    if (!region) throw new Error(`EPCI ${code}: seat département ${epci.seatDepartement} is unknown`);
    return { name: epci.name, parents: { departement: epci.seatDepartement, region }, nature: epci.nature, siren: code };
  });

  const bvEntries = aggregate('bv', (code, first) => {
    // A bassin de vie is named after, and coded as, its pole commune.
    const pole = communeByCode.get(code);
    const departement = pole?.departement ?? departementOfCommune(code);
    const region = regionOfDepartement.get(departement);
    if (!region) throw new Error(`Bassin de vie ${code}: département ${departement} is unknown`);
    return { name: communeByCode.get(first.code)!.bvName, parents: { departement, region } };
  });

  const departementEntries = aggregate('departement', (_code, first) => {
    const record = communeByCode.get(first.code)!;
    return { name: record.departementName, parents: { region: record.region } };
  });

  const regionEntries = aggregate('region', (_code, first) => ({ name: communeByCode.get(first.code)!.regionName, parents: {} }));

  return {
    commune: { level: 'commune', territories: communeEntries },
    epci: { level: 'epci', territories: epciEntries },
    bv: { level: 'bv', territories: bvEntries },
    departement: { level: 'departement', territories: departementEntries },
    region: { level: 'region', territories: regionEntries },
  };
}
