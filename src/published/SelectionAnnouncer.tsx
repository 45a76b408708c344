// Announces each newly selected territory to screen readers (the panel
// opens beside or under the map, possibly out of the reading position).
import { useAtlas, useAtlasState } from '../app/context.ts';
import { fr, frPublished as t } from '../i18n/fr.ts';

export function SelectionAnnouncer() {
  const atlas = useAtlas();
  const selection = useAtlasState((s) => s.selection);
  useAtlasState((s) => s.indexVersion);
  const record = atlas.territory(selection);
  return (
    <p className="fr-sr-only" aria-live="polite" aria-atomic="true" data-testid="selection-announcement">
      {record ? t.announceSelected(record.name, fr.levels.label(record.level)) : ''}
    </p>
  );
}
