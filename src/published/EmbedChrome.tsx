// What the embed view (`embed=1`) adds around the map: the legend over the
// map, and a credits line with a link to the full atlas.
import { IndicatorLegend } from '../indicators/IndicatorLegend.tsx';
import { frPublished as t } from '../i18n/fr.ts';
import { useMapCredits, useMapLink } from './map-credits.ts';

export function EmbedLegend() {
  return (
    <div className="atlas-embed-legend" data-testid="embed-legend">
      <IndicatorLegend />
    </div>
  );
}

export function EmbedCredits() {
  const credits = useMapCredits();
  const link = useMapLink({ embed: false });
  return (
    <p className="atlas-embed-credits" data-testid="embed-credits">
      {credits.join(' · ')}
      {credits.length > 0 && ' · '}
      <a href={link} target="_blank" rel="noopener">
        {t.embedOpen}
      </a>
    </p>
  );
}
