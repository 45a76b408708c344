// « Partager »: the link to the map as it is (copied to the clipboard) and
// the iframe snippet of its embed view (`embed=1`).
import { useState } from 'react';
import { frPublished as t } from '../i18n/fr.ts';
import { Dialog } from './Dialog.tsx';
import { useMapLink } from './map-credits.ts';
import { useMapTitle } from './MapTitle.tsx';

function escapeAttr(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

export function embedSnippet(src: string, title: string): string {
  return `<iframe src="${escapeAttr(src)}" title="${escapeAttr(title)}" width="100%" height="560" style="border:0" loading="lazy"></iframe>`;
}

function CopyField({ label, value, button, testId, multiline }: { label: string; value: string; button: string; testId: string; multiline?: boolean }) {
  const [status, setStatus] = useState<string>('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setStatus(t.shareCopied);
    } catch {
      setStatus(t.shareCopyFailed);
    }
  };
  return (
    <div className="fr-input-group fr-mb-2w">
      <label className="fr-label" htmlFor={`${testId}-field`}>
        {label}
      </label>
      {multiline ? (
        <textarea id={`${testId}-field`} className="fr-input" readOnly rows={3} value={value} data-testid={`${testId}-field`} onFocus={(e) => e.currentTarget.select()} />
      ) : (
        <input id={`${testId}-field`} className="fr-input" readOnly value={value} data-testid={`${testId}-field`} onFocus={(e) => e.currentTarget.select()} />
      )}
      <button type="button" className="fr-btn fr-btn--sm fr-btn--secondary fr-icon-clipboard-line fr-btn--icon-left fr-mt-1w" data-testid={`${testId}-copy`} onClick={() => void copy()}>
        {button}
      </button>
      <p className="fr-text--xs fr-mt-1v fr-mb-0" role="status" data-testid={`${testId}-status`}>
        {status}
      </p>
    </div>
  );
}

function ShareContent() {
  const link = useMapLink({ embed: false });
  const embed = useMapLink({ embed: true });
  const title = useMapTitle();
  return (
    <>
      <CopyField label={t.shareLink} value={link} button={t.shareCopy} testId="share-link" />
      <h3 className="fr-text--md fr-mb-1v">{t.embedTitle}</h3>
      <p className="fr-text--xs fr-mb-1w">{t.embedHint}</p>
      <CopyField label={t.embedCode} value={embedSnippet(embed, title)} button={t.embedCopy} testId="share-embed" multiline />
    </>
  );
}

export function ShareDialog() {
  return (
    <Dialog id="share" title={t.shareTitle}>
      <ShareContent />
    </Dialog>
  );
}
