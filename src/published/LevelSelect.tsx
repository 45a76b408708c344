// The level as a native select, for narrow screens where the five-way
// segmented control would not fit (CSS shows one or the other).
import { LEVELS, type Level } from '../lib/levels.ts';
import { fr, frPublished as t } from '../i18n/fr.ts';
import { useAtlas, useAtlasState } from '../app/context.ts';

export function LevelSelect() {
  const atlas = useAtlas();
  const level = useAtlasState((s) => s.level);
  return (
    <div className="atlas-level-select">
      <label className="fr-sr-only" htmlFor="atlas-level-select">
        {t.levelSelect}
      </label>
      <select id="atlas-level-select" className="fr-select" value={level} onChange={(e) => atlas.setLevel(e.target.value as Level)}>
        {LEVELS.map((l) => (
          <option key={l} value={l}>
            {fr.levels.label(l)}
          </option>
        ))}
      </select>
    </div>
  );
}
