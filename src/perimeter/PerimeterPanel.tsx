// The builder's side panel, shown instead of the territory panel while the
// perimeter mode is on: name, tools, undo/redo, add by search, the figures
// of the perimeter (critical mass, aggregated indicators with their spread,
// priority zones, contracts), the list of communes, import / export, and the
// comparison of up to three candidates.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { SegmentedControl } from '@codegouvfr/react-dsfr/SegmentedControl';
import { useAtlas, useAtlasState } from '../app/context.ts';
import { getLoadedIndex, getTerritory } from '../data/territory-index.ts';
import { fr } from '../i18n/fr.ts';
import { canRedo, canUndo } from './perimeter.ts';
import { CONTRACT_STATUS_LABELS } from '../lib/contracts.ts';
import { usePerimeterSession } from './connect.ts';
import { usePerimeterState, type PerimeterSession } from './session.ts';
import { ComparisonTable } from './ComparisonTable.tsx';
import { ImportExport } from './ImportExport.tsx';
import { spreadText, valueCell } from './format.ts';
import './perimeter.css';
import { SheetHandle } from '../components/SheetHandle.tsx';
import { useUi } from '../components/ui-state.ts';
import type { SupraLevel } from '../lib/levels.ts';

const t = fr.perimeter;

export function PerimeterPanel({ onClosed }: { onClosed?: () => void }) {
  const session = usePerimeterSession();
  const active = usePerimeterState(session, (s) => s.active);
  const message = usePerimeterState(session, (s) => s.message);
  const comparing = usePerimeterState(session, (s) => s.candidates.length > 1);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const sheet = useUi((s) => s.sheets.perimeter);
  useEffect(() => {
    if (active) headingRef.current?.focus();
  }, [active]);
  if (!active) return null;
  const close = () => {
    session.exit();
    onClosed?.();
  };
  return (
    <aside
      className={`atlas-panel perimeter-panel${comparing ? ' perimeter-panel--wide' : ''}`}
      id="atlas-perimeter-panel"
      aria-labelledby="perimeter-panel-title"
      data-testid="perimeter-panel"
      data-sheet={sheet}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !(e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement)) {
          e.stopPropagation();
          close();
        }
      }}
    >
      <SheetHandle id="perimeter" title={t.kicker} controls="atlas-perimeter-panel" />
      <div className="atlas-panel__head">
        <p className="fr-text--sm fr-mb-0 atlas-panel__kicker">{t.kicker}</p>
        <button type="button" className="fr-btn--close fr-btn" title={t.close} aria-label={t.close} onClick={close} data-testid="perimeter-close">
          {t.close}
        </button>
      </div>
      <NameField session={session} headingRef={headingRef} />
      <p className="fr-sr-only" aria-live="polite" data-testid="perimeter-announce">
        {message}
      </p>
      <Toolbar session={session} />
      <AddBySearch session={session} />
      <Figures session={session} />
      <ImportExport session={session} />
      <ComparisonTable session={session} />
    </aside>
  );
}

function NameField({ session, headingRef }: { session: PerimeterSession; headingRef: React.RefObject<HTMLHeadingElement | null> }) {
  const name = usePerimeterState(session, (s) => s.name);
  const id = useId();
  return (
    <>
      <h2 id="perimeter-panel-title" className="fr-h4 atlas-panel__title" tabIndex={-1} ref={headingRef} data-testid="perimeter-name">
        {name}
      </h2>
      <div className="fr-input-group fr-mb-2w">
        <label className="fr-label" htmlFor={id}>
          {t.name}
        </label>
        {/* Uncontrolled, re-created when the name changes from outside (a candidate reopened). */}
        <input
          key={name}
          id={id}
          className="fr-input"
          defaultValue={name}
          onBlur={(e) => session.setName(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') session.setName(e.currentTarget.value);
          }}
          data-testid="perimeter-name-input"
        />
      </div>
    </>
  );
}

function Toolbar({ session }: { session: PerimeterSession }) {
  const tool = usePerimeterState(session, (s) => s.tool);
  const history = usePerimeterState(session, (s) => s.history);
  const anchor = history.anchor ? getTerritory('commune', history.anchor) : undefined;
  return (
    <div className="perimeter-toolbar fr-mb-2w">
      <SegmentedControl
        small
        legend={t.tools}
        segments={[
          { label: t.toolClick, nativeInputProps: { checked: tool === 'click', onChange: () => session.setTool('click'), 'data-testid': 'perimeter-tool-click' } as never },
          { label: t.toolLasso, nativeInputProps: { checked: tool === 'lasso', onChange: () => session.setTool('lasso'), 'data-testid': 'perimeter-tool-lasso' } as never },
        ]}
      />
      <p className="fr-text--xs fr-mt-1w fr-mb-1w">{t.help}</p>
      <ul className="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
        <li>
          <Button priority="secondary" size="small" title={t.undoHint} disabled={!canUndo(history)} onClick={() => session.undo()} nativeButtonProps={{ 'data-testid': 'perimeter-undo' } as never}>
            {t.undo}
          </Button>
        </li>
        <li>
          <Button priority="secondary" size="small" title={t.redoHint} disabled={!canRedo(history)} onClick={() => session.redo()} nativeButtonProps={{ 'data-testid': 'perimeter-redo' } as never}>
            {t.redo}
          </Button>
        </li>
        <li>
          <Button priority="tertiary" size="small" disabled={history.present.communes.length === 0} onClick={() => session.dispatch({ type: 'clear' })}>
            {t.clear}
          </Button>
        </li>
        <li>
          <Button priority="tertiary" size="small" disabled={history.present.communes.length === 0} onClick={() => session.fitToPerimeter()}>
            {t.fit}
          </Button>
        </li>
      </ul>
      {anchor && <ParentButtons session={session} communeCode={anchor.code} />}
    </div>
  );
}

/** 'Ajouter tout l'EPCI / le bassin de vie' of the last clicked commune. */
function ParentButtons({ session, communeCode }: { session: PerimeterSession; communeCode: string }) {
  const commune = getTerritory('commune', communeCode);
  useAtlasState((s) => s.indexVersion);
  if (!commune) return null;
  const parents = (['epci', 'bv'] as const).flatMap((level) => {
    const code = commune.parents[level];
    const record = code ? getTerritory(level, code) : undefined;
    return code && record && !record.noEpci ? [{ level, code, name: record.name }] : [];
  });
  return (
    <div className="fr-mt-1w">
      <p className="fr-text--xs fr-mb-1v">{t.lastClicked(commune.name)}</p>
      <ul className="fr-btns-group fr-btns-group--sm">
        {parents.map((p) => (
          <li key={p.level}>
            <Button priority="tertiary" size="small" onClick={() => void session.addParent(p.level, p.code)}>
              {t.addParentOf(fr.levels.label(p.level), p.name)}
            </Button>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Keyboard path to every edit: search a commune, EPCI or bassin de vie and add it. */
function AddBySearch({ session }: { session: PerimeterSession }) {
  const atlas = useAtlas();
  const indexVersion = useAtlasState((s) => s.indexVersion);
  const [query, setQuery] = useState('');
  const id = useId();
  // The names searched come with the indexes: asked for when the builder opens.
  useEffect(() => void atlas.ensureSearchIndexes(), [atlas]);
  const results = useMemo(
    () => (query.trim().length < 2 ? [] : atlas.search.search(query, 20).filter((r) => r.record.level !== 'region').slice(0, 8)),
    // indexVersion: an index that arrives changes the results of the same query.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [atlas, query, indexVersion],
  );
  const add = (level: string, code: string) => {
    if (level === 'commune') session.dispatch({ type: 'add', codes: [code] });
    else void session.addParent(level as SupraLevel, code);
    setQuery('');
  };
  return (
    <div className="fr-input-group fr-mb-2w perimeter-add">
      <label className="fr-label" htmlFor={id}>
        {t.addLabel}
        <span className="fr-hint-text">{t.addHint}</span>
      </label>
      <input
        id={id}
        className="fr-input"
        type="search"
        value={query}
        placeholder={t.addPlaceholder}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && results[0]) add(results[0].record.level, results[0].record.code);
        }}
        data-testid="perimeter-add-input"
      />
      {results.length > 0 && (
        <ul className="perimeter-add__results" aria-label={fr.search.resultsCount(results.length)}>
          {results.map((r) => (
            <li key={`${r.record.level}:${r.record.code}`}>
              <button type="button" className="fr-btn fr-btn--tertiary-no-outline fr-btn--sm" onClick={() => add(r.record.level, r.record.code)}>
                {t.addResult(r.label, fr.levels.label(r.record.level))}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Figures({ session }: { session: PerimeterSession }) {
  const present = usePerimeterState(session, (s) => s.history.present);
  usePerimeterState(session, (s) => s.dataVersion);
  useAtlasState((s) => s.indexVersion);
  const communes = present.communes;
  if (communes.length === 0) return <p className="fr-text--sm">{t.empty}</p>;
  const stats = session.statsOf(communes);
  const { mass } = stats;
  const entries = session.indicators?.entries.filter((e) => session.indicators?.files.has(e.id)) ?? [];
  const index = getLoadedIndex('commune');
  return (
    <>
      <section className="atlas-panel__section" aria-labelledby="perimeter-figures">
        <h3 id="perimeter-figures" className="fr-text--md fr-mb-1w atlas-panel__section-title">
          {t.figures}
        </h3>
        <dl className="perimeter-figures">
          <div>
            <dt>{t.communes}</dt>
            <dd data-testid="perimeter-communes">{fr.format.number(mass.communes)}</dd>
          </div>
          <div>
            <dt>{t.population}</dt>
            <dd data-testid="perimeter-population" data-value={mass.population ?? ''}>
              {fr.format.population(mass.population)}
              {mass.communesWithoutPopulation > 0 && <span className="fr-hint-text">{t.populationPartial(mass.communesWithoutPopulation)}</span>}
            </dd>
          </div>
          <div>
            <dt>{t.area}</dt>
            <dd>{fr.format.area(mass.areaKm2)}</dd>
          </div>
          <div>
            <dt>{t.density}</dt>
            <dd>{mass.density === null ? t.dataUnavailable : t.densityValue(mass.density)}</dd>
          </div>
        </dl>
      </section>
      <section className="atlas-panel__section" aria-labelledby="perimeter-indicators">
        <h3 id="perimeter-indicators" className="fr-text--md fr-mb-1w atlas-panel__section-title">
          {t.indicators}
        </h3>
        <p className="fr-text--xs fr-mb-1w">{t.indicatorsIntro}</p>
        {!session.indicators ? (
          <p className="fr-text--sm">{t.indicatorsLoading}</p>
        ) : entries.length === 0 ? (
          <p className="fr-text--sm">{t.indicatorsNone}</p>
        ) : (
          <div className="fr-table fr-table--sm fr-table--no-caption fr-mb-1w perimeter-table">
            <table data-testid="perimeter-indicators">
              <caption>{t.indicators}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.indicator}</th>
                  <th scope="col">{t.value}</th>
                  <th scope="col" title={t.spreadHint}>
                    {t.spread}
                  </th>
                </tr>
              </thead>
              <tbody>
                {entries.map((entry) => {
                  const result = stats.indicators.get(entry.id);
                  return (
                    <tr key={entry.id} data-indicator={entry.id}>
                      <th scope="row">{entry.label}</th>
                      <td>
                        {valueCell(result, entry)}
                        {result && result.value !== null && result.coverage < 0.999 && <span className="fr-hint-text">{t.coverageNote(result.coverage)}</span>}
                      </td>
                      <td className="fr-text--xs">{spreadText(result, entry)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section className="atlas-panel__section" aria-labelledby="perimeter-zones">
        <h3 id="perimeter-zones" className="fr-text--md fr-mb-1w atlas-panel__section-title">
          {t.zones}
        </h3>
        {stats.zones ? (
          <ul className="fr-text--sm">
            <li>
              {fr.portrait.zones.isolatedRural} : {t.zoneRow(stats.zones.zones.rural_isole.communes, fr.format.population(stats.zones.zones.rural_isole.population))}
            </li>
            <li>
              {fr.portrait.zones.qpv} : {t.zoneRow(stats.zones.zones.qpv.communes, fr.format.population(stats.zones.zones.qpv.population))}, {t.qpvCount(stats.zones.qpvCount)}
            </li>
            <li>
              {fr.portrait.zones.frr} : {t.zoneRow(stats.zones.zones.frr.communes, fr.format.population(stats.zones.zones.frr.population))}
            </li>
          </ul>
        ) : (
          <p className="fr-text--sm">{t.dataUnavailable}</p>
        )}
        <h3 className="fr-text--md fr-mb-1w atlas-panel__section-title">{t.contracts}</h3>
        {stats.contracts ? (
          <>
            <p className="fr-text--sm fr-mb-1v">
              {t.contractsActive} : <strong>{t.coverageLabels[stats.contracts.active.coverage]}</strong> (
              {t.coveredCommunes(stats.contracts.active.covered.length, communes.length)})
            </p>
            {[...stats.contracts.ongoing.contracts, ...stats.contracts.ongoing.otherContracts].length === 0 ? (
              <p className="fr-text--sm">{t.noContract}</p>
            ) : (
              <ul className="fr-text--sm">
                {[...stats.contracts.ongoing.contracts, ...stats.contracts.ongoing.otherContracts].map((c) => (
                  <li key={c.id}>{t.contractOverlap(session.contractNames.get(c.id) ?? c.id, CONTRACT_STATUS_LABELS[c.status], c.communesInTerritory.length)}</li>
                ))}
              </ul>
            )}
          </>
        ) : (
          <p className="fr-text--sm">{t.dataUnavailable}</p>
        )}
      </section>
      <details className="atlas-panel__section perimeter-communes">
        <summary className="fr-text--md">{t.communeList(communes.length)}</summary>
        <ul data-testid="perimeter-commune-list">
          {communes.map((code) => {
            const name = index?.get(code)?.name ?? code;
            return (
              <li key={code}>
                <span>
                  {name} <span className="fr-hint-text fr-text--xs">{code}</span>
                </span>
                <button
                  type="button"
                  className="fr-btn fr-btn--tertiary-no-outline fr-btn--sm fr-icon-close-line"
                  title={t.remove(name)}
                  aria-label={t.remove(name)}
                  onClick={() => session.dispatch({ type: 'remove', codes: [code] })}
                />
              </li>
            );
          })}
        </ul>
      </details>
    </>
  );
}
