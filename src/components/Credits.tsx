// What the footer used to say, behind the header's « À propos et sources »:
// description, legal mentions and the credits of every data source
// (producer, vintage, licence), read from manifest.json.
import { useEffect, useState } from 'react';
import { fr } from '../i18n/fr.ts';
import { useAtlas } from '../app/context.ts';
import type { SourceCredit } from '../data/types.ts';

export function useSourceCredits(): readonly SourceCredit[] {
  const atlas = useAtlas();
  const [sources, setSources] = useState<readonly SourceCredit[]>([]);
  useEffect(() => {
    atlas.manifest().then((m) => setSources(m.sources), () => setSources([]));
  }, [atlas]);
  return sources;
}

export function Credits() {
  const sources = useSourceCredits();
  return (
    <div className="atlas-about">
      <p className="fr-text--sm">{fr.footer.description}</p>
      <p className="fr-text--sm" id="mentions-legales">
        <strong>{fr.footer.legal}.</strong> {fr.footer.legalText}
      </p>
      {sources.length > 0 && (
        <div className="atlas-credits" data-testid="credits">
          <h3 className="fr-text--md fr-mb-1v">{fr.footer.creditsTitle}</h3>
          <ul className="fr-text--xs">
            {sources.map((s) => (
              <li key={s.id}>{fr.footer.credit(s.producer, s.title, s.vintage, s.licence)}</li>
            ))}
          </ul>
        </div>
      )}
      <p className="fr-text--xs fr-mb-0">
        {fr.footer.licence} {fr.footer.accessibility}
      </p>
    </div>
  );
}
