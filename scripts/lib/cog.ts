// The COG 2025 commune table: every commune with its parents at each level.
// This is the join spine every other source is matched against.
import { readFileSync } from 'node:fs';
import type { BuildContext } from './context.ts';
import { resolveSource } from './sources.ts';
import { byCode, NO_EPCI } from '../../src/lib/codes.ts';
import { readCsv } from '../../src/lib/csv.ts';

export interface CommuneRecord {
  code: string;
  name: string;
  /** EPCI SIREN, or null for the 4 island communes outside any EPCI. */
  epci: string | null;
  epciName: string | null;
  bv: string;
  bvName: string;
  departement: string;
  departementName: string;
  region: string;
  regionName: string;
}

export interface EpciRecord {
  code: string;
  name: string;
  nature: string;
  seatDepartement: string;
}

export interface CogTables {
  communes: CommuneRecord[];
  communeByCode: Map<string, CommuneRecord>;
  epci: EpciRecord[];
  /** Old commune code (any vintage) → COG 2025 code(s). */
  historicalPassage: Map<string, string[]>;
}

/** The rows of a producer's table (header on the first line), keyed by column; throws on a malformed line. */
export function readCsvRecords(text: string): Record<string, string>[] {
  return readCsv(text, { headerRow: 1, strict: true }).rows;
}

/** Joins the supra table and the zonage table into commune records (pure). */
export function buildCommuneRecords(
  supraRows: Record<string, string>[],
  zonageRows: Record<string, string>[],
): CommuneRecord[] {
  const bvByCode = new Map(zonageRows.map((r) => [r.DEPCOM!, { bv: r.BV2022!, bvName: r.LIB_BV2022! }]));
  const records = supraRows.map((r): CommuneRecord => {
    const code = r.DEPCOM!;
    const bv = bvByCode.get(code);
    if (!bv) throw new Error(`Commune ${code} has no bassin de vie in the zonage table`);
    const noEpci = r.EPCI === NO_EPCI;
    return {
      code,
      name: r.NOM_DEPCOM!,
      epci: noEpci ? null : r.EPCI!,
      epciName: noEpci ? null : r.NOM_EPCI!,
      bv: bv.bv,
      bvName: bv.bvName,
      departement: r.DEP!,
      departementName: r.NOM_DEP!,
      region: r.REG!,
      regionName: r.NOM_REG!,
    };
  });
  return records.sort(byCode);
}

export function buildHistoricalPassage(rows: Record<string, string>[]): Map<string, string[]> {
  const passage = new Map<string, string[]>();
  for (const r of rows) {
    const list = passage.get(r.DEPCOM_HIST!) ?? [];
    if (!list.includes(r.DEPCOM!)) list.push(r.DEPCOM!);
    passage.set(r.DEPCOM_HIST!, list);
  }
  return passage;
}

let cached: { key: string; tables: CogTables } | null = null;

export async function loadCogTables(ctx: BuildContext): Promise<CogTables> {
  if (cached && cached.key === ctx.mirrorDir) return cached.tables;
  const read = async (id: string) => readCsvRecords(readFileSync(await resolveSource(ctx, id), 'utf8'));
  const communes = buildCommuneRecords(await read('cog2025-communes-supra'), await read('cog2025-zonages'));
  const epci = (await read('cog2025-epci'))
    .map((r) => ({ code: r.EPCI!, name: r.NOM_EPCI!, nature: r.NATURE_EPCI!, seatDepartement: r.DEP_SIEGE_EPCI! }))
    .sort(byCode);
  const historicalPassage = buildHistoricalPassage(await read('cog2025-passage-historique'));
  const tables: CogTables = {
    communes,
    communeByCode: new Map(communes.map((c) => [c.code, c])),
    epci,
    historicalPassage,
  };
  cached = { key: ctx.mirrorDir, tables };
  return tables;
}
