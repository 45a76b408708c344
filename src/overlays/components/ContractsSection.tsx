// Panel section: is the selected territory covered by a CLS (all, some or
// none of its communes inside an active contract's perimeter), which
// contracts touch it, and which contracts lie in neighbouring communes.
import { useMemo } from 'react';
import type { PanelSectionProps } from '../../components/panel/section.ts';
import { CONTRACT_STATUS_LABELS } from '../../lib/contracts.ts';
import { getTerritory } from '../../data/territory-index.ts';
import { fr } from '../../i18n/fr.ts';
import { contractById, territoryContracts } from '../overlay-model.ts';
import { overlayData, useResource } from '../service.ts';
import { openContractCard } from '../state.ts';
import { useTerritoryCommunes } from './use-territory-communes.ts';
import type { ContractsOverlay } from '../../lib/overlay-format.ts';
import type { TerritoryRecord } from '../../data/types.ts';
import { RegistryNote } from './RegistryNote.tsx';

const t = fr.overlays;

const MAX_LISTED = 12;

function communeNames(codes: readonly string[]): string {
  const names = codes.slice(0, MAX_LISTED).map((c) => getTerritory('commune', c)?.name ?? c);
  return codes.length > MAX_LISTED ? `${names.join(', ')} ${t.coverage.more(codes.length - MAX_LISTED)}` : names.join(', ');
}

function ContractLink({ overlay, id, suffix }: { overlay: ContractsOverlay; id: string; suffix?: string }) {
  const entry = contractById(overlay, id);
  return (
    <li data-contract={id}>
      <button type="button" className="fr-link fr-text--sm" onClick={() => openContractCard([id])}>
        {entry?.name ?? id}
      </button>{' '}
      <span className="fr-text--xs">
        — {entry ? CONTRACT_STATUS_LABELS[entry.status].toLowerCase() : ''}
        {suffix ? `, ${suffix}` : ''}
      </span>
    </li>
  );
}

const percentFr = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 1, minimumFractionDigits: 1 });

/** The registry-based coverage indicator for the territory's département or région, and France. */
function CoverageIndicator({ overlay, territory }: { overlay: ContractsOverlay; territory: TerritoryRecord }) {
  const rows: Array<{ key: string; label: string; share: number | null }> = [];
  const { coverage } = overlay;
  if (territory.level === 'region') rows.push({ key: 'region', label: territory.name, share: coverage.region[territory.code]?.share ?? null });
  const dep = territory.level === 'departement' ? territory.code : territory.parents.departement;
  if (dep && territory.level !== 'region') {
    const name = territory.level === 'departement' ? territory.name : (getTerritory('departement', dep)?.name ?? dep);
    rows.push({ key: 'departement', label: name, share: coverage.departement[dep]?.share ?? null });
  }
  rows.push({ key: 'france', label: t.contracts.coverageIndicatorFrance, share: coverage.france.share });
  return (
    <div className="fr-mb-1w" data-testid="panel-contracts-indicator">
      <p className="fr-text--sm fr-text--bold fr-mb-0">{t.contracts.coverageIndicator}</p>
      <ul className="fr-text--sm fr-mb-0">
        {rows.map((r) => (
          <li key={r.key} data-scope={r.key} data-share={r.share ?? ''}>
            {t.contracts.coverageIndicatorValue(r.share === null ? t.card.unknown : percentFr.format(r.share), r.label)}
          </li>
        ))}
      </ul>
      <p className="fr-text--xs fr-mb-0 cls-legend__note">{t.contracts.coverageIndicatorNote}</p>
    </div>
  );
}

export function ContractsSection({ territory }: PanelSectionProps) {
  const communes = useTerritoryCommunes(territory);
  const contracts = useResource(overlayData.contracts);
  const neighbours = useResource(overlayData.neighbours);
  const list = communes.state === 'ready' ? communes.value : null;
  const result = useMemo(() => {
    if (!list || contracts.state !== 'ready' || neighbours.state !== 'ready') return null;
    return territoryContracts(list, contracts.value, neighbours.value);
  }, [list, contracts, neighbours]);

  const error = [communes, contracts, neighbours].find((r) => r.state === 'error');
  if (error && error.state === 'error') return <p className="fr-text--sm fr-error-text">{t.control.error(error.error)}</p>;
  if (!result || !list || contracts.state !== 'ready') return <p className="fr-text--sm">{t.control.loading}</p>;
  const { coverage, neighbours: next } = result;
  const overlay = contracts.value;
  const total = list.length;

  return (
    <div data-testid="panel-contracts" data-coverage={coverage.coverage}>
      <p className={`fr-badge fr-mb-1w ${coverage.coverage === 'covered' ? 'fr-badge--success' : coverage.coverage === 'partial' ? 'fr-badge--warning' : 'fr-badge--info'}`} data-testid="panel-coverage">
        {coverage.coverage === 'covered'
          ? t.coverage.covered
          : coverage.coverage === 'partial'
            ? t.coverage.partial(communeNames(coverage.covered))
            : coverage.otherContracts.length > 0
              ? t.coverage.noneInForce(overlay.registry.contracts)
              : t.coverage.none(overlay.registry.contracts)}
      </p>
      {coverage.coverage === 'partial' && (
        <p className="fr-text--xs fr-mb-1w">{t.coverage.communesIn(coverage.covered.length, total)}</p>
      )}
      {coverage.contracts.length > 0 && (
        <>
          <p className="fr-text--sm fr-text--bold fr-mb-0">{t.coverage.contractsHere}</p>
          <ul className="fr-mb-1w" data-testid="panel-contracts-here">
            {coverage.contracts.map((c) => (
              <ContractLink key={c.id} overlay={overlay} id={c.id} suffix={c.communesInTerritory.length < total ? t.coverage.communesIn(c.communesInTerritory.length, total) : undefined} />
            ))}
          </ul>
        </>
      )}
      {coverage.otherContracts.length > 0 && (
        <>
          <p className="fr-text--sm fr-text--bold fr-mb-0">{t.coverage.otherStatuses}</p>
          <ul className="fr-mb-1w" data-testid="panel-contracts-other">
            {coverage.otherContracts.map((c) => (
              <ContractLink key={c.id} overlay={overlay} id={c.id} />
            ))}
          </ul>
        </>
      )}
      <p className="fr-text--sm fr-text--bold fr-mb-0">{t.coverage.neighbours}</p>
      {next.length === 0 ? (
        <p className="fr-text--xs fr-mb-1w">{t.coverage.noNeighbours}</p>
      ) : (
        <ul className="fr-mb-1w" data-testid="panel-contracts-neighbours">
          {next.map((c) => (
            <ContractLink key={c.id} overlay={overlay} id={c.id} suffix={t.coverage.adjacent(c.adjacentCommunes.length)} />
          ))}
        </ul>
      )}
      <CoverageIndicator overlay={overlay} territory={territory} />
      <p className="fr-text--xs fr-mb-0 cls-legend__note">{t.coverage.rule}</p>
      <RegistryNote overlay={overlay} testId="panel-registry-note" />
    </div>
  );
}
