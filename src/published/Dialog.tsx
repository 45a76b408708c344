// A modal dialog on the native <dialog> element (focus trap, Échap, inert
// page for free), opened from the UI store.
import { useEffect, useRef, type ReactNode } from 'react';
import { frPublished as t } from '../i18n/fr.ts';
import { uiStore, useUi, type DialogId } from '../components/ui-state.ts';

export function Dialog({ id, title, children, wide }: { id: Exclude<DialogId, null>; title: string; children: ReactNode; wide?: boolean }) {
  const open = useUi((s) => s.dialog === id);
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (open && !el.open) el.showModal();
    if (!open && el.open) el.close();
  }, [open]);
  const titleId = `atlas-dialog-${id}-title`;
  return (
    <dialog
      ref={ref}
      className={`atlas-dialog${wide ? ' atlas-dialog--wide' : ''}`}
      aria-labelledby={titleId}
      data-testid={`dialog-${id}`}
      onClose={() => {
        if (uiStore.getState().dialog === id) uiStore.setState({ dialog: null });
      }}
    >
      <div className="atlas-dialog__head">
        <h2 id={titleId} className="fr-h5 fr-mb-0">
          {title}
        </h2>
        <button type="button" className="fr-btn--close fr-btn" title={t.closeDialog} aria-label={t.closeDialog} onClick={() => uiStore.setState({ dialog: null })}>
          {t.closeDialog}
        </button>
      </div>
      {open && <div className="atlas-dialog__body">{children}</div>}
    </dialog>
  );
}
