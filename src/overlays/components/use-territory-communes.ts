// The communes of the selected territory, from the commune index's parents
// (a commune's parent at the selected level is the selected code).
import { useMemo } from 'react';
import { loadManifest } from '../../data/manifest.ts';
import { loadTerritoryIndex, type TerritoryLookup } from '../../data/territory-index.ts';
import type { TerritoryRecord } from '../../data/types.ts';
import { communesOfTerritory } from '../overlay-model.ts';
import { useResource, type Resource } from '../service.ts';

const loadCommuneIndex = async (): Promise<TerritoryLookup> => loadTerritoryIndex(await loadManifest(), 'commune');

export function useCommuneIndex(): Resource<TerritoryLookup> {
  return useResource(loadCommuneIndex);
}

export function useTerritoryCommunes(territory: Pick<TerritoryRecord, 'level' | 'code'>): Resource<string[]> {
  const index = useCommuneIndex();
  const { level, code } = territory;
  const communes = useMemo(() => (index.state === 'ready' ? communesOfTerritory(level, code, index.value) : null), [index, level, code]);
  if (index.state !== 'ready') return index;
  return { state: 'ready', value: communes ?? [] };
}
