// "Définition et source": one click from the picker, a DSFR modal with the
// definition, unit, producer, vintage, licence, how the value aggregates and
// where it is (not) available, with the catalogue's reasons.
import { useState } from 'react';
import { createModal } from '@codegouvfr/react-dsfr/Modal';
import { isModalBound, openModal } from '../app/dsfr.ts';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { frIndicators as t, fr } from '../i18n/fr.ts';
import { FRANCE, LEVELS } from '../lib/levels.ts';
import type { IndicatorCatalogueEntry } from '../lib/indicator-format.ts';
import { formatEntryValue } from './format.ts';

const aboutModal = createModal({ id: 'atlas-indicator-about', isOpenedByDefault: false });

export function IndicatorAboutButton() {
  const [unavailable, setUnavailable] = useState(false);
  return (
    <>
      <Button
        priority="tertiary"
        size="small"
        iconId="fr-icon-information-line"
        nativeButtonProps={
          {
            ...aboutModal.buttonProps,
            'data-testid': 'indicator-about',
            // Pressed before the design system's script has bound the modal (it then opens it itself).
            onClick: () => {
              setUnavailable(false);
              if (!isModalBound(aboutModal.id)) openModal(aboutModal).catch(() => setUnavailable(true));
            },
          } as never
        }
      >
        {t.aboutButton}
      </Button>
      {unavailable && (
        <p className="fr-error-text" role="alert" data-testid="indicator-about-unavailable">
          {t.aboutUnavailable}
        </p>
      )}
    </>
  );
}

export function IndicatorAboutModal({ entry }: { entry: IndicatorCatalogueEntry | null }) {
  return (
    <aboutModal.Component title={entry ? t.aboutTitle(entry.label) : t.aboutButton} size="large">
      {entry && <IndicatorAboutBody entry={entry} />}
    </aboutModal.Component>
  );
}

export function IndicatorAboutBody({ entry }: { entry: IndicatorCatalogueEntry }) {
  const franceAvailability = entry.levels[FRANCE];
  return (
    <div data-testid="indicator-about-body">
      <dl className="atlas-ind-about">
        <dt>{t.definition}</dt>
        <dd>{entry.definition}</dd>
        <dt>{t.unit}</dt>
        <dd data-testid="indicator-unit">
          {entry.unit || '—'}
          {entry.unitCheck && (
            <p className="fr-text--xs fr-mt-1v fr-mb-0">
              {t.unitCheck(
                new Intl.NumberFormat('fr-FR').format(entry.unitCheck.impliedTotal),
                entry.unitCheck.impliedUnit,
                new Intl.NumberFormat('fr-FR').format(entry.unitCheck.expected.total),
                entry.unitCheck.expected.what,
              )}{' '}
              {t.unitCheckSource} :{' '}
              <a href={entry.unitCheck.expected.url} target="_blank" rel="noopener noreferrer">
                {entry.unitCheck.expected.source}
              </a>
            </p>
          )}
        </dd>
        {entry.estimateNote && (
          <>
            <dt>{t.estimate}</dt>
            <dd>{entry.estimateNote}</dd>
          </>
        )}
        <dt>{t.source}</dt>
        <dd>
          {entry.source.title}
          {entry.source.url && (
            <>
              {' — '}
              <a href={entry.source.url} target="_blank" rel="noopener noreferrer">
                {t.sourceLink}
              </a>
            </>
          )}
        </dd>
        <dt>{t.producer}</dt>
        <dd>{entry.producer}</dd>
        <dt>{t.vintage}</dt>
        <dd>{entry.vintage}</dd>
        <dt>{t.licence}</dt>
        <dd>
          {entry.licence}
          {entry.licenceToVerify && <p className="fr-badge fr-badge--warning fr-badge--sm fr-mt-1v">{t.licenceToVerify}</p>}
        </dd>
        <dt>{t.nativeLevel}</dt>
        <dd>{fr.levels.label(entry.nativeLevel)}</dd>
        <dt>{t.aggregation}</dt>
        <dd>
          {t.aggregationLabel[entry.aggregation] ?? entry.aggregation}
          {entry.aggregationNote && <> — {entry.aggregationNote}</>}
        </dd>
        <dt>{t.polarity}</dt>
        <dd>{t.polarityLabel[entry.polarity] ?? entry.polarity}</dd>
        {entry.france !== null && (
          <>
            <dt>{t.france}</dt>
            <dd>
              {formatEntryValue(entry, entry.france)}
              {entry.franceNote && <> — {entry.franceNote}</>}
            </dd>
          </>
        )}
      </dl>
      <h3 className="fr-h6 fr-mt-2w">{t.availability}</h3>
      <ul className="atlas-ind-availability">
        {LEVELS.map((level) => {
          const a = entry.levels[level];
          return (
            <li key={level}>
              <strong>{fr.levels.label(level)}</strong> : {a?.available ? t.available : `${t.notAvailable}${a && !a.available ? ` — ${a.reason}` : ''}`}
            </li>
          );
        })}
        {franceAvailability && !franceAvailability.available && (
          <li>
            <strong>{t.france}</strong> : {t.notAvailable} — {franceAvailability.reason}
          </li>
        )}
      </ul>
    </div>
  );
}
