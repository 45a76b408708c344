// Legend of one priority-zone overlay: the pattern (same parameters as the
// map), the rule that selects the communes (from src/lib/zones.ts, the one
// place it is written), the caveats, the count and the credits.
import { ZONE_RULES, ZONE_TYPE_LABELS } from '../../lib/priority-zones.ts';
import { zoneLegendItem, type MappedZoneType } from '../layers/priority-zones.ts';
import type { OverlayCredit } from '../../lib/overlay-format.ts';
import { fr } from '../../i18n/fr.ts';
import { overlayData, useResource } from '../service.ts';
import { PatternSwatch } from './Swatch.tsx';
import { OverlayCredits } from './OverlayCredits.tsx';

const t = fr.overlays;

/** What the rule text (src/lib/zones.ts) does not already say. */
const CAVEATS: Record<MappedZoneType, string | null> = {
  qpv: null,
  rural_isole: null,
  frr: null,
};

/** The credits that concern one zone type (all of them when the ids do not tell). */
function creditsFor(type: MappedZoneType, credits: readonly OverlayCredit[]): OverlayCredit[] {
  const key = type === 'qpv' ? /qpv/i : type === 'frr' ? /frr/i : /dens|aav|zonage|ruralit|grille/i;
  const matching = credits.filter((c) => key.test(c.id) || key.test(c.title));
  return matching.length > 0 ? matching : [...credits];
}

export function PriorityZoneLegend({ type }: { type: MappedZoneType }) {
  const zones = useResource(overlayData.zones);
  const manifest = useResource(overlayData.manifest);
  const count = zones.state === 'ready' ? zones.value.codesByType[type].length : 0;
  const rule = (zones.state === 'ready' ? zones.value.rules[type] : undefined) ?? ZONE_RULES[type];
  const item = zoneLegendItem(type, { label: ZONE_TYPE_LABELS[type], rule, caveat: CAVEATS[type] }, count);
  return (
    <div className="cls-legend" data-testid={`legend-${type}`}>
      <div className="cls-legend__items">
        <div className="cls-legend__row">
          <PatternSwatch pattern={item.pattern} color={item.color} lineWidth={item.lineWidth} dashPx={item.dashPx} />
          <span>{item.label}</span>
          {zones.state === 'ready' && <span className="cls-legend__count">{t.zones.legendCount(item.communes)}</span>}
        </div>
      </div>
      <p className="fr-text--xs fr-mb-1v cls-legend__rule" data-testid={`rule-${type}`}>
        {item.rule}
      </p>
      {item.caveat && <p className="fr-text--xs fr-mb-1v cls-legend__note">{item.caveat}</p>}
      {zones.state === 'ready' && <p className="fr-sr-only">{t.zones.textAlternative(item.label, item.communes)}</p>}
      {manifest.state === 'ready' && <OverlayCredits credits={creditsFor(type, manifest.value.layers.zones.sources)} />}
    </div>
  );
}
