// The skip link « Aller au tableau des données » opens the table and moves
// focus to it, without touching the location hash (it carries the state).
import { useEffect } from 'react';
import { uiStore } from '../../components/ui-state.ts';

export const TABLE_ID = 'atlas-data-table';

export function useSkipToTable(): void {
  useEffect(() => {
    const onClick = (e: MouseEvent) => {
      const link = (e.target as Element | null)?.closest?.(`a[href="#${TABLE_ID}"]`);
      if (!link) return;
      e.preventDefault();
      uiStore.setState({ tableOpen: true });
      // already open: the heading takes the focus again
      requestAnimationFrame(() => document.getElementById('atlas-table-title')?.focus());
    };
    document.addEventListener('click', onClick, true);
    return () => document.removeEventListener('click', onClick, true);
  }, []);
}
