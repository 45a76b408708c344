// « Exporter en image »: the map as a PNG with its title, legend, sources,
// date and the atlas's address, at screen size or A4 landscape (300 dpi).
import { useState } from 'react';
import { frPublished as t } from '../../i18n/fr.ts';
import { useAtlas, useAtlasState } from '../../app/context.ts';
import { Dialog } from '../Dialog.tsx';
import { exportFooter, useLegendInput, useMapCredits, useMapLink } from '../map-credits.ts';
import { useMapTitle } from '../MapTitle.tsx';
import { exportMapPng } from './png-export.ts';
import { useInsetMaps } from '../use-inset-maps.ts';
import { useUi } from '../../components/ui-state.ts';

function fileName(indicator: string | null, level: string, size: string): string {
  const safe = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9-]+/g, '-').toLowerCase();
  return `cls-atlas_${safe(indicator ?? 'territoires')}_${safe(level)}_${size}.png`;
}

function ExportContent() {
  const atlas = useAtlas();
  const title = useMapTitle();
  const legend = useLegendInput();
  const credits = useMapCredits();
  const link = useMapLink({ embed: false });
  const level = useAtlasState((s) => s.level);
  const indicator = useAtlasState((s) => s.indicator);
  // The insets' shapes load when the dialog opens, if the screen did not load them already.
  const insets = useInsetMaps(useUi((s) => s.dialog === 'export'));
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ text: string; size?: string; legend?: string; insets?: string } | null>(null);
  const run = async (size: 'screen' | 'print') => {
    const map = atlas.controller?.map;
    if (!map || busy) return;
    setBusy(true);
    try {
      const { blob, layout, insets: insetBoxes } = await exportMapPng(map, { title, legend, insets: insets ?? [], footer: exportFooter(credits, link) }, size);
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = fileName(indicator, level, size === 'screen' ? 'ecran' : 'a4');
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      const box = layout.legend;
      setResult({ text: t.exportDone(layout.width, layout.height), size: `${layout.width}x${layout.height}`, legend: legend ? `${box.x},${box.y},${box.w},${box.h}` : '', insets: insetBoxes.map((b) => `${b.x},${b.y},${b.w},${b.h}`).join(';') });
    } catch {
      setResult({ text: t.exportFailed });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <ul className="fr-btns-group fr-btns-group--inline-sm">
        <li>
          <button type="button" className="fr-btn fr-icon-download-line fr-btn--icon-left" disabled={busy} data-testid="png-screen" onClick={() => void run('screen')}>
            {t.exportScreen}
          </button>
        </li>
        <li>
          <button type="button" className="fr-btn fr-btn--secondary fr-icon-download-line fr-btn--icon-left" disabled={busy} data-testid="png-print" onClick={() => void run('print')}>
            {t.exportPrint}
          </button>
        </li>
      </ul>
      <p className="fr-text--sm" role="status" data-testid="png-status" data-size={result?.size ?? ''} data-legend-box={result?.legend ?? ''} data-inset-boxes={result?.insets ?? ''}>
        {result?.text ?? ''}
      </p>
    </>
  );
}

export function ExportDialog() {
  return (
    <Dialog id="export" title={t.exportTitle}>
      <ExportContent />
    </Dialog>
  );
}
