// Legend of the contract perimeters: one swatch per status (same parameters
// as the map), the count of mapped perimeters, the full list of contracts
// (each opens its card: keyboard access to every contract) including those
// that cannot be mapped, with their reason.
import { contractLegendModel } from '../layers/contracts.ts';
import { CONTRACT_STATUS_LABELS } from '../../lib/contracts.ts';
import { fr } from '../../i18n/fr.ts';
import { overlayData, useResource } from '../service.ts';
import { openContractCard } from '../state.ts';
import { ContractSwatch } from './Swatch.tsx';
import { OverlayCredits } from './OverlayCredits.tsx';

const t = fr.overlays;

export function ContractLegend() {
  const contracts = useResource(overlayData.contracts);
  const manifest = useResource(overlayData.manifest);
  if (contracts.state !== 'ready') return null;
  const overlay = contracts.value;
  const model = contractLegendModel(overlay.contracts);
  const mapped = overlay.contracts.filter((c) => c.mapped);
  const byStatus = model.items
    .filter((i) => i.count > 0)
    .map((i) => `${i.label.toLowerCase()} : ${i.count}`)
    .join(', ');
  const sorted = [...overlay.contracts].sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  return (
    <div className="cls-legend" data-testid="legend-contracts">
      <p className="fr-text--xs fr-mb-1v cls-legend__title">{t.contracts.legendTitle}</p>
      <ul className="cls-legend__items">
        {model.items.map((item) => (
          <li key={item.status} data-status={item.status}>
            <ContractSwatch swatch={item.swatch} />
            <span>{item.label}</span>
            <span className="cls-legend__count">{t.contracts.count(item.count)}</span>
          </li>
        ))}
      </ul>
      <p className="fr-sr-only" data-testid="contracts-text-alternative">
        {t.contracts.textAlternative(mapped.length, overlay.contracts.length, byStatus)}
      </p>
      {model.unmapped.length > 0 && (
        <details className="cls-legend__unmapped" data-testid="contracts-unmapped">
          <summary className="fr-text--xs">
            <strong>{t.contracts.unmappedTitle(model.unmapped.length)}</strong> : {model.unmapped.map((u) => u.name).join(', ')}
          </summary>
          <ul className="fr-text--xs fr-mb-0">
            {model.unmapped.map((u) => (
              <li key={u.id} data-contract={u.id}>
                <button type="button" className="fr-link fr-text--xs" onClick={() => openContractCard([u.id])}>
                  {u.name}
                </button>{' '}
                — {CONTRACT_STATUS_LABELS[u.status].toLowerCase()}, {t.contracts.unmappedReason(u.reason)}
              </li>
            ))}
          </ul>
        </details>
      )}
      <details className="cls-legend__list">
        <summary className="fr-text--xs">{t.contracts.listTitle(overlay.contracts.length)}</summary>
        <ul className="fr-text--xs fr-mb-0" data-testid="contracts-list">
          {sorted.map((c) => (
            <li key={c.id} data-contract={c.id}>
              <button type="button" className="fr-link fr-text--xs" title={t.contracts.open(c.name)} onClick={() => openContractCard([c.id])}>
                {c.name}
              </button>{' '}
              — {c.statusLabel.toLowerCase()}
              {!c.mapped && ` (${t.contracts.unmapped})`}
            </li>
          ))}
        </ul>
      </details>
      <p className="fr-text--xs fr-mb-1v cls-legend__note">{t.contracts.sample}</p>
      {manifest.state === 'ready' && <OverlayCredits credits={manifest.value.layers.contracts.sources} />}
    </div>
  );
}
