// Side panel for the portrait of a custom perimeter. The perimeter builder
// asks for it with a window event (OPEN_PORTRAIT_EVENT, detail = a
// PortraitSubject of kind 'perimeter'); the perimeter itself is read from the
// URL state (`per`), so `…&per=…&pt=per` reopens it from a permalink.
// Territory portraits live in the territory panel (PortraitSection).
import { useEffect, useRef } from 'react';
import { useAtlas, useAtlasState } from '../app/context.ts';
import { fr } from '../i18n/fr.ts';
import { LazyPortrait as Portrait } from './LazyPortrait.tsx';
import { perimeterSubject, type PortraitSubject } from './subject.ts';
import { SheetHandle } from '../components/SheetHandle.tsx';
import { useUi } from '../components/ui-state.ts';

/** Same name as the perimeter builder's event (src/perimeter/ImportExport.tsx). */
export const OPEN_PORTRAIT_EVENT = 'cls-atlas:open-portrait';

/** A stable id for a list of communes (FNV-1a), so the same perimeter keeps its key. */
export function perimeterIdOf(communes: readonly string[]): string {
  let h = 0x811c9dc5;
  for (const ch of [...communes].sort().join(',')) {
    h ^= ch.charCodeAt(0);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `p${communes.length}-${h.toString(36)}`;
}

export function PortraitHost({ onClosed }: { onClosed?: () => void }) {
  const atlas = useAtlas();
  const open = useAtlasState((s) => s.portrait === 'perimeter');
  const perimeter = useAtlasState((s) => s.perimeter);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const sheet = useUi((s) => s.sheets.portrait);

  useEffect(() => {
    const onOpen = (e: Event) => {
      const subject = (e as CustomEvent<PortraitSubject>).detail;
      if (subject?.kind !== 'perimeter') return;
      atlas.store.setState({ portrait: 'perimeter' });
      requestAnimationFrame(() => headingRef.current?.focus());
    };
    window.addEventListener(OPEN_PORTRAIT_EVENT, onOpen);
    return () => window.removeEventListener(OPEN_PORTRAIT_EVENT, onOpen);
  }, [atlas]);

  if (!open || !perimeter || perimeter.communes.length === 0) return null;
  const t = fr.portrait;
  const name = perimeter.name ?? t.perimeterLevel;
  const close = () => {
    atlas.store.setState({ portrait: null });
    onClosed?.();
  };
  return (
    <aside
      id="atlas-portrait-host"
      className="atlas-panel portrait-host"
      aria-labelledby="portrait-host-title"
      data-testid="portrait-host"
      data-sheet={sheet}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !(e.target instanceof HTMLInputElement)) {
          e.stopPropagation();
          close();
        }
      }}
    >
      <SheetHandle id="portrait" title={name} controls="atlas-portrait-host" />
      <div className="atlas-panel__head">
        <p className="fr-text--sm fr-mb-0 atlas-panel__kicker">{t.openPerimeter}</p>
        <button type="button" className="fr-btn--close fr-btn" title={t.close} aria-label={t.close} onClick={close}>
          {t.close}
        </button>
      </div>
      <h2 id="portrait-host-title" className="fr-h4 atlas-panel__title" tabIndex={-1} ref={headingRef}>
        {name}
      </h2>
      <section className="atlas-panel__section">
        <Portrait subject={perimeterSubject(perimeterIdOf(perimeter.communes), name, perimeter.communes)} />
      </section>
    </aside>
  );
}
