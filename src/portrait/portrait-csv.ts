// The portrait's figures as a CSV for spreadsheets used in France, written by
// the shared CSV writer (src/lib/csv-write.ts: BOM, ';', decimal comma,
// formula neutralisation). Pure: returns a string.
import type { RuleResult } from './checklist.ts';
import type { PortraitModel } from './portrait-model.ts';
import { toCsv, type CsvValue } from '../lib/csv-write.ts';
import { fr } from '../i18n/fr.ts';

export { CSV_BOM } from '../lib/csv-write.ts';

function round(value: number | null, decimals: number): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

export const CSV_HEADER = [
  'rubrique',
  'libelle',
  'valeur',
  'unite',
  'rang',
  'nombre_territoires',
  'percentile',
  'epci',
  'departement',
  'region',
  'france',
  'source',
] as const;

/** One CSV of the whole portrait: identity, indicators, zones, contracts, checklist. */
export function portraitToCsv(model: PortraitModel, checklist: readonly RuleResult[], generatedOn: string): string {
  const t = fr.portrait;
  const id = model.identity;
  const rows: CsvValue[][] = [];
  const push = (values: CsvValue[]) => rows.push(values);

  push([t.csv.identity, t.identity.name, id.name]);
  push([t.csv.identity, t.identity.code, id.code]);
  push([t.csv.identity, t.identity.level, id.level ? fr.levels.label(id.level) : t.perimeterLevel]);
  for (const p of id.parents) push([t.csv.identity, fr.levels.label(p.level), p.name ? `${p.name} (${p.code})` : p.code]);
  push([t.csv.identity, t.identity.population, id.population, 'hab.']);
  push([t.csv.identity, t.identity.area, round(id.areaKm2, 1), 'km²']);
  push([t.csv.identity, t.identity.communes, id.communes]);

  for (const f of model.indicators) {
    const ref = (scope: string) => {
      const c = f.comparisons.find((x) => x.scope === scope);
      // Full precision: rounding is for display only.
      return c ? c.value : null;
    };
    push([
      t.themes[f.def.theme],
      f.def.label,
      f.value,
      f.def.unit,
      f.rank?.rank,
      f.rank?.count,
      f.rank ? round(f.rank.percentile, 1) : null,
      ref('epci'),
      ref('departement'),
      ref('region'),
      ref('france'),
      f.def.source,
    ]);
  }

  const z = model.zones;
  if (z.available) {
    push([t.zones.title, t.zones.isolatedRural, z.isolatedRural.communes, 'communes']);
    push([t.zones.title, `${t.zones.isolatedRural} — ${t.zones.population}`, z.isolatedRural.population, 'hab.']);
    push([t.zones.title, t.zones.qpv, z.qpv.communes, 'communes']);
    push([t.zones.title, t.zones.qpvCount, z.qpv.quartiers, 'QPV']);
    push([t.zones.title, `${t.zones.qpv} — ${t.zones.population}`, z.qpv.population, 'hab.']);
    push([t.zones.title, t.zones.frr, z.frr.communes, 'communes']);
    push([t.zones.title, `${t.zones.frr} — ${t.zones.population}`, z.frr.population, 'hab.']);
  }

  if (model.contracts.available) {
    push([t.contracts.title, t.contracts.coverage, t.contracts.coverageLabel[model.contracts.coverage]]);
    for (const c of model.contracts.contracts) push([t.contracts.title, c.name, c.status, '', '', '', '', '', '', '', '', c.sourceUrl]);
  }

  if (model.careOffer.apl !== null) push([t.care.title, t.care.apl, round(model.careOffer.apl, 2), t.care.aplUnit]);
  if (model.careOffer.hospitals) push([t.care.title, t.care.hospitals, model.careOffer.hospitals.length]);

  for (const r of checklist) push([t.checklist.title, t.checklist.rules[r.id].title, t.checklist.statusText[r.status]]);

  push([t.csv.meta, t.csv.generatedOn, generatedOn]);
  for (const s of model.sources) push([t.csv.meta, t.sources, s]);
  return toCsv(CSV_HEADER, rows);
}

/** A file name without accents or spaces, e.g. "portrait-commune-77131.csv". */
export function portraitCsvFileName(model: PortraitModel): string {
  const id = model.identity;
  const slug = `${id.level ?? 'perimetre'}-${id.code}`.replace(/[^0-9A-Za-z_-]+/g, '-');
  return `portrait-${slug}.csv`;
}
