// Exports the current indicator at the current level as a CSV for French
// Excel (code;nom;valeur;classe;intervalle;absence;methode), built in the browser.
import { frIndicators as t } from '../i18n/fr.ts';
import { useAtlasState } from '../app/context.ts';
import { getLoadedIndex } from '../data/territory-index.ts';
import { useIndicatorService, useIndicatorView } from './hooks.ts';
import { exportFileName, indicatorCsv, type ExportRow } from './export-csv.ts';

export function ExportButton() {
  const service = useIndicatorService();
  const level = useAtlasState((s) => s.level);
  const entry = useIndicatorView((v) => v.entry);
  const classification = useIndicatorView((v) => v.classification);
  const status = useIndicatorView((v) => v.status);
  if (!entry || !classification || status !== 'ready') return null;
  const download = () => {
    const values = service.currentValues();
    if (!values) return;
    const index = getLoadedIndex(level);
    const codes = new Set(values.keys());
    if (index) for (const code of index.keys()) codes.add(code);
    const rows: ExportRow[] = [...codes].map((code) => {
      const value = values.get(code) ?? null;
      const absence = value === null ? service.absenceAt(level, code) : null;
      const estimate = service.estimateAt(level, code);
      return {
        code,
        name: index?.get(code)?.name ?? '',
        value,
        absence: absence ? t.absence[absence] : null,
        method: estimate ? (entry.methods?.[estimate.method] ?? estimate.method) : null,
      };
    });
    const blob = new Blob([indicatorCsv(rows, classification)], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = exportFileName(entry.id, level);
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  return (
    <button type="button" className="fr-btn fr-btn--secondary fr-btn--sm fr-btn--icon-left fr-icon-download-line" title={t.exportHint} data-testid="indicator-export" onClick={download}>
      {t.exportButton}
    </button>
  );
}
