// The contracts registry on disk (data/contracts/registry.json) and the COG
// 2025 lookups it is validated and resolved against.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../lib/context.ts';
import type { CogTables } from '../lib/cog.ts';
import type { CogLookup, Contract, ContractRegistry } from '../../src/lib/contracts.ts';

export const REGISTRY_FILE = path.join(PROJECT_ROOT, 'data', 'contracts', 'registry.json');

export function readRegistry(file = REGISTRY_FILE): ContractRegistry {
  return JSON.parse(readFileSync(file, 'utf8')) as ContractRegistry;
}

/** Key order of a registry line on disk (the order of docs/contracts.md). */
export const CONTRACT_KEY_ORDER: readonly (keyof Contract)[] = [
  'id', 'name', 'status', 'statusReported', 'statusAsOf', 'statusAsOfApproximate', 'generation', 'ars', 'dates',
  'periodReported', 'durationYears', 'signatories', 'perimeterType', 'perimeter', 'unmappedReason', 'departements',
  'coordinator', 'sources', 'confidence', 'notes',
];

/** Stable, readable serialisation: canonical key order, 2-space indent, trailing newline. */
export function serialiseRegistry(registry: ContractRegistry): string {
  const contracts = registry.contracts.map((c) =>
    Object.fromEntries(CONTRACT_KEY_ORDER.filter((k) => c[k] !== undefined).map((k) => [k, c[k]])),
  );
  const ordered = {
    $schema: registry.$schema ?? './registry.schema.json',
    version: registry.version,
    referenceDate: registry.referenceDate,
    description: registry.description,
    contracts,
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

export function writeRegistry(registry: ContractRegistry, file = REGISTRY_FILE): void {
  writeFileSync(file, serialiseRegistry(registry));
}

/** COG lookups from the loaded tables (pure). */
export function cogLookupFromTables(tables: Pick<CogTables, 'communes'>): CogLookup {
  const communes = new Set<string>();
  const members = new Map<string, string[]>();
  for (const c of tables.communes) {
    communes.add(c.code);
    if (c.epci) {
      const list = members.get(c.epci);
      if (list) list.push(c.code);
      else members.set(c.epci, [c.code]);
    }
  }
  return {
    hasCommune: (code) => communes.has(code),
    epciMembers: (siren) => members.get(siren),
  };
}
