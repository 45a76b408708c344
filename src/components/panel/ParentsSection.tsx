// The territories the selection belongs to, each a button that selects it.
import { PARENT_CHAIN } from '../../lib/levels.ts';
import { fr } from '../../i18n/fr.ts';
import { useAtlas, useAtlasState } from '../../app/context.ts';
import type { PanelSectionProps } from './section.ts';

export function ParentsSection({ territory, onSelect }: PanelSectionProps) {
  const atlas = useAtlas();
  useAtlasState((s) => s.indexVersion); // names arrive with the indexes
  const chain = PARENT_CHAIN[territory.level].filter((level) => territory.parents[level] !== undefined);
  if (chain.length === 0) return null;
  return (
    <ul className="atlas-parents" data-testid="panel-parents">
      {chain.map((level) => {
        const code = territory.parents[level]!;
        const parent = atlas.territory({ level, code });
        const name = parent?.name ?? code;
        const pseudo = parent?.noEpci === true;
        return (
          <li key={level} data-level={level} data-code={code}>
            <span className="atlas-parents__level">{fr.levels.label(level)}</span>
            {pseudo ? (
              <span>{fr.panel.noEpci}</span>
            ) : (
              <button
                type="button"
                className="fr-link atlas-parents__link"
                title={fr.panel.selectParent(fr.levels.label(level), name)}
                onClick={() => onSelect({ level, code })}
              >
                {name}
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
