// The portrait's figures as a CSV for spreadsheets used in France: UTF-8 with
// a BOM (Excel otherwise reads it as Latin-1), ';' separators, decimal comma,
// missing values left empty (never 0). Pure: returns a string.
import type { RuleResult } from './checklist.ts';
import type { PortraitModel } from './portrait-model.ts';
import { fr } from '../i18n/fr.ts';

export const CSV_BOM = '\uFEFF';

function cell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value).replace('.', ',') : '') : value;
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function row(values: readonly (string | number | null | undefined)[]): string {
  return values.map(cell).join(';');
}

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
  const lines: string[] = [row(CSV_HEADER)];
  const push = (values: (string | number | null | undefined)[]) => lines.push(row(values));

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
      return c ? round(c.value, f.def.decimals ?? 2) : null;
    };
    push([
      t.themes[f.def.theme],
      f.def.label,
      round(f.value, f.def.decimals ?? 2),
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
  return CSV_BOM + lines.join('\r\n') + '\r\n';
}

/** A file name without accents or spaces, e.g. "portrait-commune-77131.csv". */
export function portraitCsvFileName(model: PortraitModel): string {
  const id = model.identity;
  const slug = `${id.level ?? 'perimetre'}-${id.code}`.replace(/[^0-9A-Za-z_-]+/g, '-');
  return `portrait-${slug}.csv`;
}
