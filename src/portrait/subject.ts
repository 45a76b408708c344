// What a portrait is about: a territory of one of the levels, or a custom
// perimeter (a list of communes) built by the perimeter builder.
// Shared contract between src/portrait/** and src/perimeter/**.
import type { Level } from '../lib/levels.ts';

export type PortraitSubject =
  | { kind: 'territory'; level: Level; code: string }
  | { kind: 'perimeter'; id: string; name: string; communes: string[] };

export type TerritorySubject = Extract<PortraitSubject, { kind: 'territory' }>;
export type PerimeterSubject = Extract<PortraitSubject, { kind: 'perimeter' }>;

export function territorySubject(level: Level, code: string): TerritorySubject {
  return { kind: 'territory', level, code };
}

export function perimeterSubject(id: string, name: string, communes: readonly string[]): PerimeterSubject {
  return { kind: 'perimeter', id, name, communes: [...communes] };
}

/** A stable key, e.g. for React keys and caches: "territory:commune:77131", "perimeter:p1". */
export function subjectKey(subject: PortraitSubject): string {
  return subject.kind === 'territory' ? `territory:${subject.level}:${subject.code}` : `perimeter:${subject.id}`;
}

