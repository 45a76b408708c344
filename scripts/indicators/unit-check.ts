// A density's implied national total: France's value × population base /
// scale, compared with a published total (catalogue `unitCheck`). Pure.
import type { UnitCheck } from '../../data/indicators.ts';
import type { UnitCheckSummary } from '../../src/lib/indicator-format.ts';

export function impliedNationalTotal(check: UnitCheck, franceValue: number, population: number): number {
  return (franceValue * population * check.baseShare) / check.scale;
}

/** Whether the implied total is within the declared tolerance of the published one. */
export function withinOrderOfMagnitude(check: UnitCheck, implied: number): boolean {
  const ratio = implied / check.expected.total;
  return ratio >= check.tolerance[0] && ratio <= check.tolerance[1];
}

export function unitCheckSummary(check: UnitCheck, franceValue: number | null, populationByTerritory: ReadonlyMap<string, number>): UnitCheckSummary | undefined {
  if (franceValue === null) return undefined;
  let population = 0;
  for (const p of populationByTerritory.values()) population += p;
  return {
    impliedUnit: check.impliedUnit,
    impliedTotal: Math.round(impliedNationalTotal(check, franceValue, population)),
    expected: check.expected,
  };
}
