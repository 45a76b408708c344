// Footer: description, legal mentions and the credits of every data source
// (producer, vintage, licence), read from manifest.json.
import { useEffect, useState } from 'react';
import { Footer } from '@codegouvfr/react-dsfr/Footer';
import { fr } from '../i18n/fr.ts';
import { useAtlas } from '../app/context.ts';
import type { SourceCredit } from '../data/types.ts';

export function Credits() {
  const atlas = useAtlas();
  const [sources, setSources] = useState<readonly SourceCredit[]>([]);
  useEffect(() => {
    atlas.manifest().then((m) => setSources(m.sources), () => setSources([]));
  }, [atlas]);

  return (
    <Footer
      accessibility="non compliant"
      brandTop={<>République<br />Française</>}
      homeLinkProps={{ href: '#', title: fr.app.homeTitle }}
      domains={[]}
      contentDescription={
        <>
          {fr.footer.description}
          <span className="atlas-legal" id="mentions-legales">
            <strong>{fr.footer.legal}.</strong> {fr.footer.legalText}
          </span>
          {sources.length > 0 && (
            <span className="atlas-credits" data-testid="credits">
              <strong>{fr.footer.creditsTitle}</strong>
              <ul>
                {sources.map((s) => (
                  <li key={s.id}>{fr.footer.credit(s.producer, s.title, s.vintage, s.licence)}</li>
                ))}
              </ul>
            </span>
          )}
        </>
      }
      license={fr.footer.licence}
    />
  );
}
