// Side-by-side comparison of up to three candidate perimeters: one column per
// perimeter, one row per criterion (critical mass, each indicator, its spread,
// priority zones, contracts). The column colour matches its dashed outline.
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useAtlasState } from '../app/context.ts';
import { fr } from '../i18n/fr.ts';
import { formatNumberFr } from '../lib/classify.ts';
import type { PerimeterStats } from './perimeter-stats.ts';
import { MAX_CANDIDATES, usePerimeterState, type Candidate, type PerimeterSession } from './session.ts';
import { PERIMETER_STYLE } from './layer.ts';
import { valueCell } from './format.ts';

const t = fr.perimeter;

interface Row {
  readonly key: string;
  readonly label: string;
  readonly cell: (stats: PerimeterStats, candidate: Candidate) => string;
}

export function ComparisonTable({ session }: { session: PerimeterSession }) {
  const candidates = usePerimeterState(session, (s) => s.candidates);
  const communes = usePerimeterState(session, (s) => s.history.present.communes);
  usePerimeterState(session, (s) => s.dataVersion);
  useAtlasState((s) => s.indexVersion);

  const entries = session.indicators?.entries.filter((e) => session.indicators?.files.has(e.id)) ?? [];
  const rows: Row[] = [
    { key: 'communes', label: t.communes, cell: (s) => fr.format.number(s.mass.communes) },
    { key: 'population', label: t.population, cell: (s) => fr.format.population(s.mass.population) },
    { key: 'area', label: t.area, cell: (s) => fr.format.area(s.mass.areaKm2) },
    ...entries.flatMap((entry): Row[] => [
      { key: `ind:${entry.id}`, label: entry.label, cell: (s) => valueCell(s.indicators.get(entry.id), entry) },
      ...(entry.aggregation !== 'count' && entry.nativeLevel === 'commune'
        ? [
            {
              key: `hom:${entry.id}`,
              label: t.homogeneity(entry.label),
              cell: (s: PerimeterStats) => {
                const h = s.indicators.get(entry.id)?.homogeneity;
                return h ? formatNumberFr(h.iqr, entry.decimals) : '—';
              },
            },
          ]
        : []),
    ]),
    {
      key: 'rural',
      label: t.ruralIsolated,
      cell: (s) => (s.zones ? t.zoneRow(s.zones.zones.rural_isole.communes, fr.format.population(s.zones.zones.rural_isole.population)) : t.dataUnavailable),
    },
    {
      key: 'qpv',
      label: t.qpvCommunes,
      cell: (s) => (s.zones ? `${t.zoneRow(s.zones.zones.qpv.communes, fr.format.population(s.zones.zones.qpv.population))}, ${t.qpvCount(s.zones.qpvCount)}` : t.dataUnavailable),
    },
    {
      key: 'contracts',
      label: t.activeCoverage,
      cell: (s, c) =>
        s.contracts
          ? `${t.coverageLabels[s.contracts.active.coverage]} (${t.coveredCommunes(s.contracts.active.covered.length, c.communes.length)})${
              s.contracts.ongoing.contracts.length > 0
                ? ` — ${s.contracts.ongoing.contracts.map((x) => session.contractNames.get(x.id) ?? x.id).join(', ')}`
                : ''
            }`
          : t.dataUnavailable,
    },
  ];

  return (
    <section className="atlas-panel__section" aria-labelledby="perimeter-compare">
      <h3 id="perimeter-compare" className="fr-text--md fr-mb-1w atlas-panel__section-title">
        {t.compareTitle}
      </h3>
      <p className="fr-text--xs fr-mb-1w">{t.compareIntro}</p>
      <Button
        priority="secondary"
        size="small"
       
        title={candidates.length >= MAX_CANDIDATES ? t.compareFull : t.keepHint}
        disabled={communes.length === 0}
        onClick={() => session.keepForComparison()}
        nativeButtonProps={{ 'data-testid': 'perimeter-keep' } as never}
      >
        {t.keep}
      </Button>
      {candidates.length === 0 ? (
        <p className="fr-text--sm fr-mt-1w">{t.compareEmpty}</p>
      ) : (
        <div className="fr-table fr-table--sm fr-table--no-scroll fr-mt-1w perimeter-table perimeter-compare">
          <table data-testid="perimeter-compare-table">
            <caption className="fr-sr-only">{t.compareCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.criterion}</th>
                {candidates.map((c, i) => (
                  <th scope="col" key={c.id} data-candidate={c.id} style={{ borderTop: `4px dashed ${PERIMETER_STYLE.candidates[i]}` }}>
                    <span className="perimeter-compare__name">{c.name}</span>
                    <span className="perimeter-compare__actions">
                      <button type="button" className="fr-link fr-text--xs" title={t.edit(c.name)} aria-label={t.edit(c.name)} onClick={() => session.editCandidate(c.id)}>
                        {t.editShort}
                      </button>
                      <button type="button" className="fr-btn fr-btn--tertiary-no-outline fr-btn--sm fr-icon-close-line" title={t.removeCandidate(c.name)} aria-label={t.removeCandidate(c.name)} onClick={() => session.removeCandidate(c.id)} />
                    </span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.key} data-row={row.key}>
                  <th scope="row">{row.label}</th>
                  {candidates.map((c) => (
                    <td key={c.id}>{row.cell(session.statsOf(c.communes), c)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
