// The finder's table as a CSV for French Excel, with the conventions of the
// indicator export (BOM, ';', decimal comma, CRLF, codes as text): retained
// territories first, then those without a value for a criterion. Pure.
import { csvCell, excelNumber } from '../indicators/export-csv.ts';
import type { TableRow } from './model.ts';

export interface FinderCsvLabels {
  readonly header: { code: string; name: string; departement: string; population: string; status: string };
  readonly status: { match: string; undetermined: string };
  readonly flagValue: (v: boolean) => string;
}

export function finderCsv(criteria: readonly string[], rows: readonly TableRow[], undetermined: readonly TableRow[], labels: FinderCsvLabels): string {
  const h = labels.header;
  const lines = [[h.code, h.name, h.departement, h.population, ...criteria, h.status].map(csvCell).join(';')];
  const line = (r: TableRow, status: string) =>
    [
      csvCell(r.code),
      csvCell(r.name),
      csvCell(r.departement ?? ''),
      excelNumber(r.population),
      ...r.values.map((v) => (typeof v === 'boolean' ? labels.flagValue(v) : excelNumber(v))),
      status,
    ].join(';');
  for (const r of rows) lines.push(line(r, labels.status.match));
  for (const r of undetermined) lines.push(line(r, labels.status.undetermined));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
