// Skip links (DSFR markup). The location hash is the app state, so a link
// must not navigate to "#atlas-map": each one moves focus itself, to the
// search input or to the map canvas (focusable, labelled by MapLibre, and
// driven by the keyboard: arrows pan, + and − zoom).
import type { MouseEvent } from 'react';
import { fr } from '../i18n/fr.ts';

export interface SkipLink {
  readonly label: string;
  /** The element to focus (resolved at click time: the map canvas does not exist at first render). */
  readonly target: () => HTMLElement | null | undefined;
  readonly id: string;
}

export function SkipLinks({ links }: { links: readonly SkipLink[] }) {
  const go = (e: MouseEvent<HTMLAnchorElement>, link: SkipLink) => {
    e.preventDefault();
    const target = link.target();
    if (!target) return;
    target.focus();
    target.scrollIntoView?.({ block: 'nearest' });
  };
  return (
    <div className="fr-skiplinks">
      <nav className="fr-container" role="navigation" aria-label={fr.app.skipLinks}>
        <ul className="fr-skiplinks__list">
          {links.map((link) => (
            <li key={link.id}>
              <a className="fr-link" href={`#${link.id}`} data-testid={`skip-${link.id}`} onClick={(e) => go(e, link)}>
                {link.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}
