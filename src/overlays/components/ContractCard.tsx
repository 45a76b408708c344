// The card of one contract, opened by a click on its perimeter or from a
// list: status, dates, duration, signatories, perimeter, ARS, sources (new
// tab), confidence. A non-modal dialog over the map; Échap closes it and
// focus returns where it came from.
import { useEffect, useRef } from 'react';
import { useAtlas } from '../../app/context.ts';
import { CONTRACT_STATUS_LABELS } from '../../lib/contracts.ts';
import { contractSwatch } from '../layers/contracts.ts';
import { fr } from '../../i18n/fr.ts';
import { contractById, contractCardModel } from '../overlay-model.ts';
import { overlayData, useResource } from '../service.ts';
import { closeContractCard, openContractCard, openContractId, useOverlayUi } from '../state.ts';
import { ContractSwatch } from './Swatch.tsx';

const t = fr.overlays;

const numberFr = new Intl.NumberFormat('fr-FR');

function Row({ label, value, testId }: { label: string; value: string | null | undefined; testId?: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd data-testid={testId}>{value ?? t.card.unknown}</dd>
    </div>
  );
}

export function ContractCard() {
  const atlas = useAtlas();
  const ids = useOverlayUi((s) => s.cardIds);
  const openId = useOverlayUi(openContractId);
  const contracts = useResource(openId ? overlayData.contracts : null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);

  useEffect(() => {
    if (!openId) return;
    if (!returnFocus.current && document.activeElement instanceof HTMLElement && document.activeElement !== document.body) {
      returnFocus.current = document.activeElement;
    }
    headingRef.current?.focus();
  }, [openId, contracts.state]);

  if (!openId || contracts.state !== 'ready') return null;
  const entry = contractById(contracts.value, openId);
  if (!entry) return null;
  const card = contractCardModel(entry);

  const close = () => {
    closeContractCard();
    const target = returnFocus.current;
    returnFocus.current = null;
    if (target && document.contains(target)) target.focus();
    else atlas.controller?.map.getCanvas().focus();
  };

  return (
    <div
      className="cls-contract-card"
      role="dialog"
      aria-modal="false"
      aria-labelledby="cls-contract-card-title"
      data-testid="contract-card"
      data-contract={card.id}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          close();
        }
      }}
    >
      <div className="cls-contract-card__head">
        <p className="fr-text--xs fr-mb-0">{t.card.title}</p>
        <button type="button" className="fr-btn--close fr-btn" title={t.card.close} aria-label={t.card.close} onClick={close}>
          {t.card.close}
        </button>
      </div>
      <h2 id="cls-contract-card-title" className="fr-h6 fr-mb-1w" tabIndex={-1} ref={headingRef} data-testid="contract-card-name">
        {card.name}
      </h2>
      <p className="fr-mb-1w cls-contract-card__status" data-testid="contract-card-status" data-status={card.status}>
        <ContractSwatch swatch={contractSwatch(card.status)} />
        <strong>{card.statusLabel}</strong>
        {card.statusAsOf && <span className="fr-text--xs" data-testid="contract-card-status-as-of"> {t.card.statusAsOf(card.statusAsOf, card.statusAsOfApproximate)}</span>}
      </p>
      {!card.mapped && (
        <p className="fr-text--sm fr-mb-1w" data-testid="contract-card-unmapped">
          {t.contracts.unmappedReason(card.unmappedReason ?? '')}
        </p>
      )}
      <dl className="cls-contract-card__facts">
        <Row label={t.card.generation} value={card.generation === null ? null : t.card.generationValue(card.generation)} testId="contract-card-generation" />
        <Row label={t.card.engagement} value={card.engagement} testId="contract-card-engagement" />
        <Row label={t.card.signature} value={card.signature} testId="contract-card-signature" />
        {card.start && <Row label={t.card.start} value={card.start} testId="contract-card-start" />}
        <Row label={t.card.end} value={card.end} testId="contract-card-end" />
        {card.period && <Row label={t.card.period} value={card.period} />}
        <Row label={t.card.duration} value={card.durationYears === null ? null : t.card.durationValue(card.durationYears)} testId="contract-card-duration" />
        <div>
          <dt>{t.card.signatories}</dt>
          <dd data-testid="contract-card-signatories">
            {card.signatories.length === 0 ? (
              t.card.unknown
            ) : (
              <ul className="fr-mb-0">
                {card.signatories.map((s) => (
                  <li key={s}>{s}</li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        <Row label={t.card.perimeter} value={card.mapped ? t.card.perimeterValue(card.perimeterLabel, card.communeCount) : card.perimeterLabel} testId="contract-card-perimeter" />
        {card.population !== null && <Row label={t.card.population} value={`${numberFr.format(card.population)} hab.`} />}
        <Row label={t.card.ars} value={card.ars} testId="contract-card-ars" />
        {card.coordinator && <Row label={t.card.coordinator} value={card.coordinator} />}
        <div>
          <dt>{card.sources.length > 1 ? t.card.sources : t.card.source}</dt>
          <dd data-testid="contract-card-sources">
            <ul className="fr-mb-0">
              {card.sources.map((s, i) => (
                <li key={i}>
                  {s.url ? (
                    <a href={s.url} target="_blank" rel="noopener noreferrer" title={`${s.label} — ${t.card.newTab}`}>
                      {s.label}
                    </a>
                  ) : (
                    s.label
                  )}
                  {s.says && <span className="fr-text--xs cls-contract-card__says"> — {s.says}</span>}
                </li>
              ))}
            </ul>
          </dd>
        </div>
        <Row label={t.card.confidence} value={t.card.confidenceValue[card.confidence]} testId="contract-card-confidence" />
        {card.notes && <Row label={t.card.notes} value={card.notes} />}
      </dl>
      {entry.bbox && (
        <button type="button" className="fr-btn fr-btn--sm fr-btn--secondary fr-mt-1w" onClick={() => atlas.controller?.fitBounds(entry.bbox!)}>
          {t.card.zoomTo}
        </button>
      )}
      {ids.length > 1 && (
        <div className="fr-mt-1w">
          <p className="fr-text--xs fr-text--bold fr-mb-0">{t.card.otherContracts}</p>
          <ul className="fr-text--xs fr-mb-0">
            {ids.map((id, i) => {
              const other = contractById(contracts.value, id);
              if (!other || id === openId) return null;
              return (
                <li key={id}>
                  <button type="button" className="fr-link fr-text--xs" onClick={() => openContractCard(ids, i)}>
                    {other.name}
                  </button>{' '}
                  — {CONTRACT_STATUS_LABELS[other.status].toLowerCase()}
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </div>
  );
}
