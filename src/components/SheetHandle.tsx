// The grab bar of a bottom sheet (phones, tablets): tap or Enter toggles
// between half and peek, a drag up or down moves one size at a time.
// Hidden on wider screens, where panels are side columns.
import { useRef } from 'react';
import { frPublished as t } from '../i18n/fr.ts';
import { setSheet, stepSheet, useUi, type SheetId } from './ui-state.ts';

const DRAG_PX = 32;

export function SheetHandle({ id, title, controls }: { id: SheetId; title: string; controls: string }) {
  const size = useUi((s) => s.sheets[id]);
  const drag = useRef<{ y: number; moved: boolean } | null>(null);
  const expanded = size !== 'peek';
  return (
    <button
      type="button"
      className="atlas-sheet__handle"
      aria-expanded={expanded}
      aria-controls={controls}
      data-testid={`sheet-handle-${id}`}
      onPointerDown={(e) => {
        drag.current = { y: e.clientY, moved: false };
        e.currentTarget.setPointerCapture(e.pointerId);
      }}
      onPointerMove={(e) => {
        const d = drag.current;
        if (!d || Math.abs(e.clientY - d.y) < DRAG_PX) return;
        setSheet(id, stepSheet(size, e.clientY < d.y ? -1 : 1));
        drag.current = { y: e.clientY, moved: true };
      }}
      onPointerUp={() => {
        // a drag already resized: the click that follows must not toggle back
        if (drag.current?.moved) setTimeout(() => (drag.current = null), 0);
        else drag.current = null;
      }}
      onClick={() => {
        if (drag.current?.moved) return;
        setSheet(id, expanded ? 'peek' : 'half');
      }}
    >
      <span className="atlas-sheet__grip" aria-hidden="true" />
      <span className="atlas-sheet__title">{t.sheetHandle(title, expanded)}</span>
    </button>
  );
}
