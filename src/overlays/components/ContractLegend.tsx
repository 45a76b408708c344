// Legend of the contract perimeters: one swatch per status (same parameters
// as the map) with the count of mapped perimeters and a checkbox that shows
// or hides that status on the map; the registry's coverage and its count per
// région; the full list of contracts (each opens its card: keyboard access
// to every contract) including those that cannot be mapped, with their reason.
import { contractLegendModel } from '../layers/contracts.ts';
import { CONTRACT_STATUS_LABELS } from '../../lib/contracts.ts';
import { fr } from '../../i18n/fr.ts';
import { overlayData, useResource } from '../service.ts';
import { openContractCard, toggleContractStatus, useOverlayUi } from '../state.ts';
import { formatPartialDate } from '../overlay-model.ts';
import { ContractSwatch } from './Swatch.tsx';
import { OverlayCredits } from './OverlayCredits.tsx';
import { RegistryNote } from './RegistryNote.tsx';

const t = fr.overlays;

export function ContractLegend() {
  const contracts = useResource(overlayData.contracts);
  const manifest = useResource(overlayData.manifest);
  const shown = useOverlayUi((s) => s.contractStatuses);
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
      <RegistryNote overlay={overlay} testId="contracts-registry-note" />
      <fieldset className="cls-legend__filter" data-testid="contract-status-filter" aria-describedby="cls-contract-filter-hint">
        <legend className="fr-text--xs fr-mb-1v cls-legend__title">{t.contracts.filterTitle}</legend>
        <p id="cls-contract-filter-hint" className="fr-sr-only">
          {t.contracts.filterHint}
        </p>
        <ul className="cls-legend__items">
          {model.items.map((item) => (
            <li key={item.status} data-status={item.status}>
              <input
                type="checkbox"
                id={`cls-contract-status-${item.status}`}
                checked={shown.includes(item.status)}
                onChange={(e) => toggleContractStatus(item.status, e.target.checked)}
              />
              <label htmlFor={`cls-contract-status-${item.status}`} className="cls-legend__row">
                <ContractSwatch swatch={item.swatch} />
                <span>{item.label}</span>
                <span className="cls-legend__count">{t.contracts.count(item.count)}</span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <p className="fr-sr-only" data-testid="contracts-text-alternative">
        {t.contracts.textAlternative(mapped.length, overlay.contracts.length, byStatus)}
      </p>
      {model.unmapped.length > 0 && (
        <details className="cls-legend__unmapped" data-testid="contracts-unmapped">
          <summary className="fr-text--xs">
            <strong>{t.contracts.unmappedTitle(model.unmapped.length)}</strong> {t.contracts.unmappedHint}
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
      <details className="cls-legend__list" data-testid="contracts-by-region">
        <summary className="fr-text--xs">{t.contracts.byRegionTitle}</summary>
        <ul className="fr-text--xs fr-mb-0">
          {overlay.registry.regions.map((r) => (
            <li key={r.code ?? 'none'} data-region={r.code ?? ''} data-count={r.contracts}>
              {t.contracts.byRegionRow(r.name ?? t.contracts.regionUnknown, r.contracts, r.mapped, formatPartialDate(r.asOf))}
            </li>
          ))}
        </ul>
      </details>
      <p className="fr-text--xs fr-mb-1v cls-legend__note">{t.contracts.sample}</p>
      {manifest.state === 'ready' && <OverlayCredits credits={manifest.value.layers.contracts.sources} />}
    </div>
  );
}
