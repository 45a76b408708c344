// The portrait (assembly, checklist, CSV, print styles) is code the first view
// never runs: its chunk is fetched when a portrait is first opened.
import { lazy, Suspense } from 'react';
import { fr } from '../i18n/fr.ts';
import type { PortraitSubject } from './subject.ts';

const Portrait = lazy(() => import('./Portrait.tsx').then((m) => ({ default: m.Portrait })));

export function LazyPortrait({ subject }: { subject: PortraitSubject }) {
  return (
    <Suspense
      fallback={
        <p className="fr-text--sm" role="status">
          {fr.portrait.loading}
        </p>
      }
    >
      <Portrait subject={subject} />
    </Suspense>
  );
}
