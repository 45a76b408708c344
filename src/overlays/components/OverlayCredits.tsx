// Credits line (producer, vintage, licence) under each overlay legend.
import { fr } from '../../i18n/fr.ts';
import type { OverlayCredit } from '../../lib/overlay-format.ts';

const t = fr.overlays;

export function OverlayCredits({ credits }: { credits: readonly OverlayCredit[] }) {
  if (credits.length === 0) return null;
  return (
    <p className="fr-text--xs fr-mb-0 cls-overlay-credits" data-testid="overlay-credits">
      {t.control.credits} :{' '}
      {credits.map((c, i) => (
        <span key={c.id}>
          {i > 0 && ' ; '}
          {c.url ? (
            <a href={c.url} target="_blank" rel="noopener noreferrer">
              {c.producer}
            </a>
          ) : (
            c.producer
          )}
          , {c.title} ({c.vintage}), {c.licence}
        </span>
      ))}
    </p>
  );
}
