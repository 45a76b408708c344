// What the registry is worth, said wherever contracts are shown: how many
// contracts it knows, that a territory without a known CLS may have one, up
// to when sources were read, and how to add or correct a contract.
import { dataUrl } from '../../data/data-url.ts';
import { fr } from '../../i18n/fr.ts';
import type { ContractsOverlay } from '../../lib/overlay-format.ts';
import { formatPartialDate } from '../overlay-model.ts';
import { overlayData, useResource } from '../service.ts';

const t = fr.overlays;

export function RegistryNote({ overlay, testId }: { overlay: ContractsOverlay; testId: string }) {
  const manifest = useResource(overlayData.manifest);
  const guide = manifest.state === 'ready' ? manifest.value.layers.contracts.guide : undefined;
  const asOf = formatPartialDate(overlay.registry.referenceDate);
  return (
    <p className="fr-text--xs fr-mb-1v cls-legend__note" data-testid={testId} data-contracts={overlay.registry.contracts}>
      {t.contracts.registryCoverage(overlay.registry.contracts)}
      {asOf && ` ${t.contracts.registryAsOf(asOf)}`}{' '}
      {guide && (
        <a href={dataUrl(guide)} target="_blank" rel="noopener noreferrer" title={t.contracts.howToAddTitle} data-testid="contracts-how-to-add">
          {t.contracts.howToAdd}
        </a>
      )}
    </p>
  );
}
