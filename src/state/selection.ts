// What happens to the selection when the user switches level: a finer
// territory is replaced by its parent at the new level (a commune becomes its
// EPCI); a coarser one is kept (the panel stays open on it).
import { LEVELS, type Level, type SupraLevel } from '../lib/levels.ts';
import type { TerritoryRef } from './url-state.ts';

export function isFinerThan(a: Level, b: Level): boolean {
  return LEVELS.indexOf(a) < LEVELS.indexOf(b);
}

export function selectionAtLevel(
  selection: TerritoryRef | null,
  level: Level,
  parentOf: (ref: TerritoryRef, parentLevel: SupraLevel) => string | undefined,
): TerritoryRef | null {
  if (!selection || !isFinerThan(selection.level, level)) return selection;
  const parent = parentOf(selection, level as SupraLevel);
  return parent ? { level, code: parent } : selection;
}
