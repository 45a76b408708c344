// What a map shown outside the atlas must carry: the indicator's source,
// the boundaries' source, and a link back (embed, PNG export).
import { useAtlas, useAtlasState } from '../app/context.ts';
import { useSourceCredits } from '../components/Credits.tsx';
import { useIndicatorView } from '../indicators/hooks.ts';
import { frPublished as t } from '../i18n/fr.ts';
import type { LegendInput } from './export/png-export.ts';

const BOUNDARIES_SOURCE = 'cog2025-communes-geometry';

/** Source lines: the mapped indicator's, then the boundaries'. */
export function useMapCredits(): string[] {
  const sources = useSourceCredits();
  const entry = useIndicatorView((v) => (v.status === 'ready' || v.status === 'unavailable' ? v.entry : null));
  const lines: string[] = [];
  if (entry) lines.push(entry.source.id === 'byo' ? entry.producer : `${entry.label} : ${entry.producer}, ${entry.vintage} — ${entry.licence}`);
  const boundaries = sources.find((s) => s.id === BOUNDARIES_SOURCE);
  if (boundaries) lines.push(`${boundaries.title} : ${boundaries.producer}, ${boundaries.vintage} — ${boundaries.licence}`);
  return lines;
}

/** The link to the map as it is now (full atlas, never the embed view). */
export function useMapLink(options: { embed: boolean }): string {
  const atlas = useAtlas();
  // re-render when any URL field changes
  useAtlasState((s) => atlas.features.url.serialize(atlas.features.url.pick(s)));
  const url = atlas.features.url;
  const hash = url.serialize({ ...url.pick(atlas.store.getState()), embed: options.embed });
  return `${window.location.origin}${window.location.pathname}${window.location.search}${hash}`;
}

/** The legend as drawn on the exported image (same rows as the on-screen legend). */
export function useLegendInput(): LegendInput | null {
  const legend = useIndicatorView((v) => v.legend);
  const entry = useIndicatorView((v) => v.entry);
  if (!legend || !entry) return null;
  return {
    caption: entry.unit ? `${entry.label} (${entry.unit})` : entry.label,
    rows: [...legend.classes.map((c) => ({ color: c.color, label: c.label })), { color: legend.noData.color, label: legend.noData.label, hatched: true }],
  };
}

export function todayFr(): string {
  return new Date().toLocaleDateString('fr-FR', { day: 'numeric', month: 'long', year: 'numeric' });
}

export const exportFooter = (credits: readonly string[], link: string): string[] => [
  ...credits.map((c) => `${t.exportSource} : ${c}`),
  `${t.exportDate(todayFr())} — ${t.exportAddress(link)}`,
];
