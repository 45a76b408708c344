// The blocks of a portrait, rendered from the model: identity, key
// indicators per theme, CLS situation, priority zones, care offer.
import { useId, type ReactNode } from 'react';
import { fr } from '../i18n/fr.ts';
import { groupByTheme, hospitalsByType, type IndicatorFigure, type PortraitModel } from './portrait-model.ts';
import { ComparisonBars } from './ComparisonBars.tsx';

const t = () => fr.portrait;

function Block({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="portrait-block" aria-labelledby={id} data-testid={testId}>
      <h3 id={id} className="fr-h5 portrait-block__title">
        {title}
      </h3>
      {children}
    </section>
  );
}

function IdentityBlock({ model }: { model: PortraitModel }) {
  const p = t();
  const id = model.identity;
  const rows: [string, string][] = [
    [p.identity.level, id.level ? fr.levels.label(id.level) : p.perimeterLevel],
    [id.level ? fr.panel.codeOf(id.level) : p.identity.code, id.code],
    ...id.parents.map((x): [string, string] => [fr.levels.label(x.level), x.name ? `${x.name} (${x.code})` : x.code]),
    [p.identity.population, fr.format.population(id.population)],
    [p.identity.area, fr.format.area(id.areaKm2)],
    [p.identity.communes, id.communes === null ? p.notAvailable : fr.format.number(id.communes)],
  ];
  return (
    <Block title={p.identity.title} testId="portrait-identity">
      <table className="portrait-table portrait-table--kv">
        <tbody>
          {rows.map(([k, v]) => (
            <tr key={k}>
              <th scope="row">{k}</th>
              <td>{v}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Block>
  );
}

function rankText(f: IndicatorFigure, model: PortraitModel): string {
  const p = t();
  if (model.identity.level === null) return p.indicators.noRankPerimeter;
  if (!f.rank) return p.indicators.noRank;
  return `${p.indicators.rankText(f.rank.rank, f.rank.count, fr.levels.plural(model.identity.level))} · ${p.indicators.percentileText(f.rank.percentile)}`;
}

function polarityText(f: IndicatorFigure): string {
  const p = t().indicators;
  return f.def.polarity === 'higher-better' ? p.higherBetter : f.def.polarity === 'higher-worse' ? p.higherWorse : p.neutral;
}

function IndicatorsBlock({ model }: { model: PortraitModel }) {
  const p = t();
  return (
    <Block title={p.indicators.title} testId="portrait-indicators">
      {groupByTheme(model.indicators).map(({ theme, figures }) => (
        <div key={theme} className="portrait-theme" data-theme={theme}>
          <h4 className="fr-text--md fr-mb-1v portrait-theme__title">{p.themes[theme]}</h4>
          {figures.length === 0 ? (
            <p className="fr-text--sm portrait-muted">{p.indicators.noIndicator}</p>
          ) : (
            <table className="portrait-table portrait-table--indicators">
              <thead>
                <tr>
                  <th scope="col">{p.indicators.indicator}</th>
                  <th scope="col">{p.indicators.comparison}</th>
                </tr>
              </thead>
              <tbody>
                {figures.map((f) => (
                  <tr key={f.def.id} data-indicator={f.def.id}>
                    <th scope="row">
                      <span className="portrait-ind__label">{f.def.label}</span>
                      <span className="portrait-ind__value" data-testid="portrait-value">
                        {p.formatValue(f.value, f.def.decimals ?? 1)}
                        {f.value !== null && f.def.unit ? ` ${f.def.unit}` : ''}
                      </span>
                      <span className="portrait-ind__meta">{rankText(f, model)}</span>
                      <span className="portrait-ind__meta">{polarityText(f)}</span>
                      {f.note && <span className="portrait-ind__meta">{f.note}</span>}
                      {f.quintile !== undefined && (
                        <span className="portrait-ind__meta" data-testid="portrait-quintile">
                          {p.quintile(f.quintile)}
                        </span>
                      )}
                      {f.estimate && <span className="portrait-ind__meta">{f.estimate}</span>}
                    </th>
                    <td>
                      <ComparisonBars figure={f} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      ))}
    </Block>
  );
}

function ContractsBlock({ model }: { model: PortraitModel }) {
  const p = t();
  const c = model.contracts;
  return (
    <Block title={p.contracts.title} testId="portrait-contracts">
      {!c.available ? (
        <p className="fr-text--sm">{p.notAvailable}</p>
      ) : (
        <>
          <p className="fr-text--sm fr-mb-1w" data-testid="portrait-coverage" data-coverage={c.coverage}>
            <strong>{p.contracts.coverageLabel[c.coverage]}</strong>
          </p>
          {c.contracts.length === 0 ? (
            <p className="fr-text--sm">
              {p.contracts.none} {c.registrySize !== undefined && p.contracts.registrySize(c.registrySize)}
            </p>
          ) : (
            <table className="portrait-table">
              <thead>
                <tr>
                  <th scope="col">CLS</th>
                  <th scope="col">{p.contracts.status}</th>
                  <th scope="col">{p.contracts.signature}</th>
                  <th scope="col">{p.contracts.period}</th>
                </tr>
              </thead>
              <tbody>
                {c.contracts.map((k) => (
                  <tr key={k.id} data-contract={k.id}>
                    <td>
                      {k.sourceUrl ? (
                        <a href={k.sourceUrl} target="_blank" rel="noreferrer noopener" title={`${k.name} — ${p.contracts.source} (nouvelle fenêtre)`}>
                          {k.name}
                        </a>
                      ) : (
                        k.name
                      )}
                      <span className="portrait-ind__meta">{p.contracts.communesCovered(k.communesCovered, model.identity.communes)}</span>
                    </td>
                    <td>{k.status}</td>
                    <td>{k.signatureDate ?? p.notAvailable}</td>
                    <td>{k.period ?? p.notAvailable}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h4 className="fr-text--md fr-mt-2w fr-mb-1v">{p.contracts.neighbours}</h4>
          {c.neighbours.length === 0 ? (
            <p className="fr-text--sm">{p.contracts.noNeighbours}</p>
          ) : (
            <ul className="fr-text--sm" data-testid="portrait-neighbours">
              {c.neighbours.map((n) => (
                <li key={n.id}>
                  {n.name} — {n.status} ({n.territory})
                </li>
              ))}
            </ul>
          )}
          <p className="fr-text--xs portrait-muted">{p.contracts.sampleWarning}</p>
        </>
      )}
    </Block>
  );
}

function ZonesBlock({ model }: { model: PortraitModel }) {
  const p = t();
  const z = model.zones;
  const pop = (n: number | null) => (n === null ? p.notAvailable : fr.format.population(n));
  const count = (n: number | null) => (n === null ? p.notAvailable : fr.format.number(n));
  const rows: [string, number | null, number | null][] = [
    [p.zones.isolatedRural, z.isolatedRural.communes, z.isolatedRural.population],
    [p.zones.qpv, z.qpv.communes, z.qpv.population],
    [p.zones.frr, z.frr.communes, z.frr.population],
    [p.zones.any, z.any.communes, z.any.population],
  ];
  return (
    <Block title={p.zones.title} testId="portrait-zones">
      {!z.available ? (
        <p className="fr-text--sm">{p.notAvailable}</p>
      ) : (
        <>
          <table className="portrait-table">
            <thead>
              <tr>
                <th scope="col">{p.zones.title}</th>
                <th scope="col">{p.zones.communesCol}</th>
                <th scope="col">{p.zones.populationCol}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(([label, c, n]) => (
                <tr key={label}>
                  <th scope="row">{label}</th>
                  <td>
                    {count(c)} / {fr.format.number(z.totalCommunes)}
                  </td>
                  <td>{pop(n)}</td>
                </tr>
              ))}
              <tr>
                <th scope="row">{p.zones.qpvCount}</th>
                <td>{count(z.qpv.quartiers)}</td>
                <td>{p.notAvailable}</td>
              </tr>
            </tbody>
          </table>
          <p className="fr-text--xs portrait-muted">{p.zones.note}</p>
        </>
      )}
    </Block>
  );
}

function CareBlock({ model }: { model: PortraitModel }) {
  const p = t();
  const c = model.careOffer;
  return (
    <Block title={p.care.title} testId="portrait-care">
      <table className="portrait-table portrait-table--kv">
        <tbody>
          <tr>
            <th scope="row">{c.aplLabel ?? p.care.apl}</th>
            <td>{c.apl === null ? p.notAvailable : `${p.formatValue(c.apl, 2)} ${p.care.aplUnit}`}</td>
          </tr>
        </tbody>
      </table>
      <h4 className="fr-text--md fr-mt-2w fr-mb-1v">{p.care.nurseZoning}</h4>
      {c.nurseZoning === null ? (
        <p className="fr-text--sm">{p.notAvailable}</p>
      ) : (
        <table className="portrait-table portrait-table--kv">
          <tbody>
            {[...c.nurseZoning].map(([label, n]) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                <td>{fr.format.number(n)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h4 className="fr-text--md fr-mt-2w fr-mb-1v">{p.care.hospitals}</h4>
      {c.hospitals === null ? (
        <p className="fr-text--sm">{p.notAvailable}</p>
      ) : c.hospitals.length === 0 ? (
        <p className="fr-text--sm">{p.care.noHospital}</p>
      ) : (
        <>
          <table className="portrait-table" data-testid="portrait-hospitals">
            <thead>
              <tr>
                <th scope="col">{p.care.hospitalType}</th>
                <th scope="col">{p.care.count}</th>
              </tr>
            </thead>
            <tbody>
              {hospitalsByType(c.hospitals).map((h) => (
                <tr key={h.type}>
                  <td>{h.type}</td>
                  <td>{h.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <ul className="fr-text--xs portrait-hospital-list">
            {c.hospitals.slice(0, 12).map((h) => (
              <li key={h.id}>{h.name}</li>
            ))}
            {c.hospitals.length > 12 && <li>… (+{c.hospitals.length - 12})</li>}
          </ul>
        </>
      )}
      <p className="fr-text--xs portrait-muted">{p.care.missing}</p>
    </Block>
  );
}

export function PortraitView({ model }: { model: PortraitModel }) {
  return (
    <>
      <IdentityBlock model={model} />
      <IndicatorsBlock model={model} />
      <ContractsBlock model={model} />
      <ZonesBlock model={model} />
      <CareBlock model={model} />
    </>
  );
}
