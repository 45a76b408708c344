// The overlay toggles and their legends, in a collapsible box over the map.
// Toggles are DSFR toggle switches (native checkboxes: keyboard and screen
// reader ready); each active overlay shows its legend, a text alternative of
// what is drawn and its credits (producer, vintage, licence).
import { useEffect, useState } from 'react';
import { ToggleSwitch } from '@codegouvfr/react-dsfr/ToggleSwitch';
import { useAtlas, useAtlasState } from '../../app/context.ts';
import { fr } from '../../i18n/fr.ts';
import { toggleOverlay, type OverlayId } from '../overlay-ids.ts';
import { overlayData, overlayMapModule, useResource } from '../service.ts';
import { useOverlayUi } from '../state.ts';
import { ContractLegend } from './ContractLegend.tsx';
import { PriorityZoneLegend } from './PriorityZoneLegend.tsx';
import { HospitalLegend } from './HospitalLegend.tsx';
import { ContractCard } from './ContractCard.tsx';
import '../overlays.css';

const t = fr.overlays;

const GROUPS: ReadonlyArray<{ title: string; ids: readonly OverlayId[] }> = [
  { title: t.control.groupContracts, ids: ['contracts'] },
  { title: t.control.groupZones, ids: ['qpv', 'rural_isole', 'frr'] },
  { title: t.control.groupCare, ids: ['hospitals'] },
];

function Legend({ id }: { id: OverlayId }) {
  if (id === 'contracts') return <ContractLegend />;
  if (id === 'hospitals') return <HospitalLegend />;
  return <PriorityZoneLegend type={id} />;
}

/** Keeps the map's overlays in step with the app state (the URL field `ov`). */
function useOverlaySync(active: readonly OverlayId[]): void {
  useEffect(() => {
    overlayMapModule.setActive(active);
  }, [active]);
}

export function OverlayControl() {
  const atlas = useAtlas();
  const active = useAtlasState((s) => s.overlays);
  const status = useOverlayUi((s) => s.status);
  // Open when the link switches overlays on (their legends matter); otherwise a small box leaves the map free.
  const [open, setOpen] = useState(() => atlas.store.getState().overlays.length > 0);
  // Its list of what is not available is read when the box opens: not a request of the first view.
  const manifest = useResource(open ? overlayData.manifest : null);
  useOverlaySync(active);

  const set = (id: OverlayId, on: boolean) => atlas.store.setState((s) => ({ overlays: toggleOverlay(s.overlays, id, on) }));

  return (
    <>
      <section className={`cls-overlay-control${open ? '' : ' cls-overlay-control--closed'}`} aria-labelledby="cls-overlay-title" data-testid="overlay-control">
        <div className="cls-overlay-control__head">
          <h2 id="cls-overlay-title" className="fr-text--md fr-mb-0">
            {t.control.title}
            {!open && active.length > 0 && <span className="fr-badge fr-badge--sm fr-badge--info fr-ml-1w">{active.length}</span>}
          </h2>
          <button
            type="button"
            className="fr-btn fr-btn--tertiary-no-outline fr-btn--sm"
            aria-expanded={open}
            aria-controls="cls-overlay-body"
            title={`${open ? t.control.hide : t.control.show} : ${t.control.title.toLowerCase()}`}
            onClick={() => setOpen(!open)}
          >
            {open ? t.control.hide : t.control.show}
          </button>
        </div>
        <div id="cls-overlay-body" className="cls-overlay-control__body" hidden={!open}>
          {GROUPS.map((group) => (
            <fieldset key={group.title} className="cls-overlay-group">
              <legend className="fr-text--sm fr-text--bold fr-mb-1v">{group.title}</legend>
              {group.ids.map((id) => {
                const on = active.includes(id);
                const s = status[id];
                return (
                  <div key={id} className="cls-overlay-item" data-overlay={id}>
                    <ToggleSwitch
                      id={`cls-overlay-toggle-${id}`}
                      label={t.toggles[id]}
                      checked={on}
                      showCheckedHint={false}
                      labelPosition="right"
                      classes={{ root: 'cls-overlay-toggle' }}
                      onChange={(checked) => set(id, checked)}
                    />
                    {on && s?.state === 'loading' && (
                      <p className="fr-text--xs fr-mb-0" role="status">
                        {t.control.loading}
                      </p>
                    )}
                    {on && s?.state === 'error' && (
                      <p className="fr-text--xs fr-mb-0 fr-error-text" role="alert">
                        {t.control.error(s.error ?? '')}
                      </p>
                    )}
                    {on && <Legend id={id} />}
                  </div>
                );
              })}
              {group.ids.includes('hospitals') && (
                <div className="cls-overlay-unavailable" data-testid="care-unavailable">
                  <p className="fr-text--xs fr-text--bold fr-mb-0">{t.care.unavailable}</p>
                  <ul className="fr-text--xs fr-mb-0">
                    {(manifest.state === 'ready' && manifest.value.unavailable.length > 0
                      ? manifest.value.unavailable.map((u) => u.label)
                      : t.care.unavailableItems
                    ).map((label) => (
                      <li key={label}>{label}</li>
                    ))}
                  </ul>
                </div>
              )}
            </fieldset>
          ))}
        </div>
      </section>
      <ContractCard />
    </>
  );
}
