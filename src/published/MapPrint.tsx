// What Ctrl+P prints of the map when no portrait is open: a still copy of
// the map with its legend and sources, under the map's title (print.css).
// The WebGL canvas prints blank (its buffer is cleared after each frame), so
// on `beforeprint` the map is redrawn synchronously and copied, in the same
// task, into a 2D canvas, which prints like an image.
import { useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useAtlas, useAtlasState } from '../app/context.ts';
import { frPublished as t } from '../i18n/fr.ts';
import { PrintLegend } from './PrintLegend.tsx';
import { useMapCredits, useMapLink } from './map-credits.ts';
import { useMedia } from '../components/ui-state.ts';
import './map-print.css';

export function MapPrint() {
  const atlas = useAtlas();
  const portrait = useAtlasState((s) => s.portrait);
  // The bivariate map is not coloured by the indicator: its legend would mislead.
  const bivariate = useAtlasState((s) => s.bivariate !== null);
  const credits = useMapCredits();
  const link = useMapLink({ embed: false });
  const copy = useRef<HTMLCanvasElement>(null);
  // The printed legend is written once a print is asked for, not at every change of the map: each
  // restyle of the commune map would otherwise rebuild a list nobody sees.
  const printMedia = useMedia('print');
  const [printed, setPrinted] = useState(false);

  useEffect(() => {
    const onBeforePrint = () => {
      flushSync(() => setPrinted(true));
      const map = atlas.controller?.map;
      const out = copy.current;
      if (!map || !out) return;
      map.redraw();
      const source = map.getCanvas();
      out.width = source.width;
      out.height = source.height;
      out.getContext('2d')?.drawImage(source, 0, 0);
    };
    window.addEventListener('beforeprint', onBeforePrint);
    return () => window.removeEventListener('beforeprint', onBeforePrint);
  }, [atlas]);

  if (portrait) return null;
  return (
    <figure className="atlas-print-map" data-testid="map-print">
      <canvas ref={copy} className="atlas-print-map__image" data-testid="map-print-image" />
      {!bivariate && (printed || printMedia) && <PrintLegend />}
      <figcaption className="atlas-print-map__credits">
        {credits.join(' · ')}
        {credits.length > 0 && ' · '}
        {t.printedFrom(link)}
      </figcaption>
    </figure>
  );
}
