// Portrait block « Territoires comparables »: the 10 nearest territories of
// the same level on the declared criteria (method stated), which of them
// have a CLS, and the territory against the peer group (median, range), its
// département, région and France.
import { useEffect, useState } from 'react';
import { frPeers as t } from '../i18n/fr.ts';
import { useAtlas } from '../app/context.ts';
import { formatEntryValue, formatValue } from '../indicators/format.ts';
import type { PortraitSubject } from '../portrait/subject.ts';
import { loadPeers, type PeersResult } from './data.ts';

type State = { key: string; result: PeersResult | null; error: boolean };

const levelWords: Record<string, string> = { commune: 'communes', epci: 'EPCI', bv: 'bassins de vie', departement: 'départements', region: 'régions' };

export function PeersSection({ subject }: { subject: PortraitSubject }) {
  const atlas = useAtlas();
  const key = subject.kind === 'territory' ? `${subject.level}:${subject.code}` : '';
  const [state, setState] = useState<State | null>(null);
  useEffect(() => {
    if (subject.kind !== 'territory') return;
    let live = true;
    loadPeers(subject.level, subject.code).then(
      (result) => live && setState({ key, result, error: false }),
      () => live && setState({ key, result: null, error: true }),
    );
    return () => {
      live = false;
    };
  }, [key]); // eslint-disable-line react-hooks/exhaustive-deps -- `subject` is identified by key
  if (subject.kind !== 'territory') return null;
  const current = state && state.key === key ? state : null;
  return (
    <section className="portrait-block" aria-labelledby="peers-title" data-testid="portrait-peers">
      <h3 id="peers-title" className="fr-h5 portrait-block__title">
        {t.title}
      </h3>
      {!current && (
        <p className="fr-text--sm" role="status">
          {t.loading}
        </p>
      )}
      {current?.error && <p className="fr-error-text">{t.error}</p>}
      {current?.result && <PeersBody result={current.result} onSelect={(code) => atlas.selectTerritory({ level: subject.level, code }, { fly: true })} />}
    </section>
  );
}

function PeersBody({ result, onSelect }: { result: PeersResult; onSelect: (code: string) => void }) {
  if (result.peers.length === 0) return <p className="fr-text--sm">{t.none}</p>;
  const withCls = result.peers.filter((p) => p.contract?.active).length;
  const fmt = (entry: PeersResult['comparison'][number]['entry'], v: number | null) => (v === null ? t.noValue : formatEntryValue(entry, v));
  return (
    <>
      <p className="fr-text--xs" data-testid="peers-method">
        {t.method(result.peers.length, levelWords[result.level] ?? result.level, result.compared, result.used.map((u) => u.label.toLowerCase()).join(', '))}
      </p>
      {result.skipped.length > 0 && <p className="fr-text--xs">{t.skipped(result.skipped.join(', ').toLowerCase())}</p>}
      <table className="portrait-table" data-testid="peers-table">
        <caption className="fr-sr-only">{t.peersCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.columns.name}</th>
            {result.level !== 'departement' && <th scope="col">{t.columns.departement}</th>}
            <th scope="col">{t.columns.distance}</th>
            <th scope="col">{t.columns.cls}</th>
          </tr>
        </thead>
        <tbody>
          {result.peers.map((p) => (
            <tr key={p.code} data-code={p.code}>
              <th scope="row">
                <button type="button" className="fr-link fr-text--sm" title={t.select(p.name)} onClick={() => onSelect(p.code)}>
                  {p.name}
                </button>
              </th>
              {result.level !== 'departement' && <td>{p.departement ?? ''}</td>}
              <td>{p.distance.toLocaleString('fr-FR', { maximumFractionDigits: 2, minimumFractionDigits: 2 })}</td>
              <td>{p.contract ? p.contract.label : t.noCls}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="fr-text--sm fr-mt-1w" data-testid="peers-cls">
        {t.withCls(withCls, result.peers.length)}
      </p>
      {result.comparison.length > 0 && (
        <>
          <h4 className="fr-text--md fr-mb-1w">{t.comparisonTitle}</h4>
          <table className="portrait-table" data-testid="peers-comparison">
            <caption className="fr-sr-only">{t.comparisonCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.comparisonColumns.indicator}</th>
                <th scope="col">{t.comparisonColumns.value}</th>
                <th scope="col">{t.comparisonColumns.peers}</th>
                {result.departementName && <th scope="col">{result.departementName}</th>}
                {result.regionName && <th scope="col">{result.regionName}</th>}
                <th scope="col">{t.comparisonColumns.france}</th>
              </tr>
            </thead>
            <tbody>
              {result.comparison.map((row) => (
                <tr key={row.entry.id}>
                  <th scope="row">{row.entry.label}</th>
                  <td>{fmt(row.entry, row.value)}</td>
                  <td>
                    {row.peers.median === null
                      ? t.noValue
                      : t.range(fmt(row.entry, row.peers.median), formatValue(row.peers.min, row.entry.decimals), formatValue(row.peers.max, row.entry.decimals), row.peers.n)}
                  </td>
                  {result.departementName && <td>{fmt(row.entry, row.departement)}</td>}
                  {result.regionName && <td>{fmt(row.entry, row.region)}</td>}
                  <td>{fmt(row.entry, row.france)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}
