// Panel section: is the selected territory covered by a CLS (all, some or
// none of its communes inside an active contract's perimeter), which
// contracts touch it, and which contracts lie in neighbouring communes.
import { useMemo } from 'react';
import type { PanelSectionProps } from '../../components/panel/section.ts';
import { statusText } from '../../lib/contracts.ts';
import { getTerritory } from '../../data/territory-index.ts';
import { fr } from '../../i18n/fr.ts';
import { contractById, territoryContracts } from '../overlay-model.ts';
import { overlayData, useResource } from '../service.ts';
import { openContractCard } from '../state.ts';
import { useTerritoryCommunes } from './use-territory-communes.ts';
import type { ContractsOverlay } from '../../lib/overlay-format.ts';

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
        — {entry ? statusText(entry, new Date().toISOString().slice(0, 10)).toLowerCase() : ''}
        {suffix ? `, ${suffix}` : ''}
      </span>
    </li>
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
              ? t.coverage.none
              : t.coverage.noneKnown(overlay.contracts.length)}
      </p>
      {coverage.coverage === 'none' && coverage.otherContracts.length === 0 && (
        <p className="fr-text--xs fr-mb-1w">
          <a href={t.coverage.howToAddHref} data-testid="panel-contracts-howto">
            {t.coverage.howToAdd}
          </a>
        </p>
      )}
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
      <p className="fr-text--xs fr-mb-0 cls-legend__note">
        {t.coverage.rule} {t.contracts.sample}
      </p>
    </div>
  );
}
