// Three ways a value can be absent, told apart everywhere a value is shown
// (legend, tooltip, panel, exports): the producer hides it (statistical
// secret), the source does not cover the territory (Mayotte in the 2021
// census), or it cannot be computed at this level (aggregation refused for
// want of coverage, a rate over a zero denominator, rows that do not merge).
// Pure: the build writes the kinds, the viewer reads them.

export type AbsenceKind = 'secret' | 'uncovered' | 'notComputable';
export const ABSENCE_KINDS: readonly AbsenceKind[] = ['secret', 'uncovered', 'notComputable'];

/**
 * The kinds of the null values of one level, compact: every null value is of
 * the `default` kind unless its code is listed under another kind.
 */
export type AbsenceBlock = { default: AbsenceKind } & Partial<Record<AbsenceKind, string[]>>;

/** Builds the compact block from the kind of each null value; undefined when there is none. */
export function encodeAbsence(kinds: ReadonlyMap<string, AbsenceKind>): AbsenceBlock | undefined {
  if (kinds.size === 0) return undefined;
  const byKind = new Map<AbsenceKind, string[]>();
  for (const [code, kind] of kinds) {
    const list = byKind.get(kind) ?? [];
    list.push(code);
    byKind.set(kind, list);
  }
  // The most frequent kind is the default (ties: the order of ABSENCE_KINDS).
  let best: AbsenceKind = 'uncovered';
  let bestCount = -1;
  for (const kind of ABSENCE_KINDS) {
    const n = byKind.get(kind)?.length ?? 0;
    if (n > bestCount) {
      best = kind;
      bestCount = n;
    }
  }
  const block: AbsenceBlock = { default: best };
  for (const kind of ABSENCE_KINDS) {
    if (kind === best) continue;
    const list = byKind.get(kind);
    if (list && list.length > 0) block[kind] = [...list].sort();
  }
  return block;
}

/** The kind of absence of one territory's value; null when the value is present. */
export function absenceOf(
  level: { values: Readonly<Record<string, number | null>>; absence?: AbsenceBlock } | undefined,
  code: string,
): AbsenceKind | null {
  if (!level) return 'uncovered';
  const v = level.values[code];
  if (typeof v === 'number' && Number.isFinite(v)) return null;
  const block = level.absence;
  return block ? listedKind(block, code) : 'uncovered';
}

/** The kind a block gives a code without a value: the kind that lists it, else the default. */
function listedKind(block: AbsenceBlock, code: string, lists = listedCodes(block)): AbsenceKind {
  for (const kind of ABSENCE_KINDS) if (lists[kind]?.has(code)) return kind;
  return block.default;
}

/** The codes a block lists under each kind, as sets (a commune map asks for thousands of codes). */
const listedSets = new WeakMap<AbsenceBlock, Partial<Record<AbsenceKind, ReadonlySet<string>>>>();
function listedCodes(block: AbsenceBlock): Partial<Record<AbsenceKind, ReadonlySet<string>>> {
  let sets = listedSets.get(block);
  if (!sets) {
    sets = {};
    for (const kind of ABSENCE_KINDS) {
      const list = block[kind];
      if (list) sets[kind] = new Set(list);
    }
    listedSets.set(block, sets);
  }
  return sets;
}

/** Number of null values of each kind, over the given codes (all codes of the level by default). */
export function absenceCounts(
  level: { values: Readonly<Record<string, number | null>>; absence?: AbsenceBlock } | undefined,
  codes?: Iterable<string>,
): Record<AbsenceKind, number> {
  const counts: Record<AbsenceKind, number> = { secret: 0, uncovered: 0, notComputable: 0 };
  if (!level) return counts;
  for (const code of codes ?? Object.keys(level.values)) {
    const kind = absenceOf(level, code);
    if (kind) counts[kind]++;
  }
  return counts;
}

/**
 * The kind of an aggregate left without a value: when none of its members
 * has a value and they all lack it for the same reason, that reason (a
 * département whose communes are all outside the source is not covered);
 * otherwise the aggregate was refused: not computable at this level.
 */
export function aggregateAbsence(coverage: number, memberKinds: readonly (AbsenceKind | null)[]): AbsenceKind {
  if (coverage > 0 || memberKinds.length === 0) return 'notComputable';
  const first = memberKinds[0];
  return first && memberKinds.every((k) => k === first) ? first : 'notComputable';
}

/**
 * Number of each kind among a level's `missingCount` territories without a
 * value, read from the codes the block lists (a few dozen) rather than from
 * every missing code (30,000 communes for a value published only above a
 * population threshold): a listed code that `isMissing` is of the first kind
 * listing it, every other missing code of the block's default kind. Gives
 * what `absenceCounts` gives over the same territories.
 */
export function absenceCountsOfLevel(
  level: { absence?: AbsenceBlock } | undefined,
  missingCount: number,
  isMissing: (code: string) => boolean,
): Record<AbsenceKind, number> {
  const counts: Record<AbsenceKind, number> = { secret: 0, uncovered: 0, notComputable: 0 };
  const block = level?.absence;
  if (!block) {
    counts.uncovered = missingCount;
    return counts;
  }
  const counted = new Set<string>();
  for (const kind of ABSENCE_KINDS) {
    for (const code of block[kind] ?? []) {
      if (counted.has(code) || !isMissing(code)) continue;
      counted.add(code);
      counts[kind]++;
    }
  }
  counts[block.default] += missingCount - counted.size;
  return counts;
}
