// The finder's table as a CSV, by the shared CSV writer (src/lib/csv-write.ts:
// BOM, ';', decimal comma, CRLF, formula-looking names neutralised): retained
// territories first, then those without a value for a criterion. Pure.
import { toCsv, type CsvValue } from '../lib/csv-write.ts';
import type { TableRow } from './model.ts';

export interface FinderCsvLabels {
  readonly header: { code: string; name: string; departement: string; population: string; status: string };
  readonly status: { match: string; undetermined: string };
  readonly flagValue: (v: boolean) => string;
}

export function finderCsv(criteria: readonly string[], rows: readonly TableRow[], undetermined: readonly TableRow[], labels: FinderCsvLabels): string {
  const h = labels.header;
  const line = (r: TableRow, status: string): CsvValue[] => [
    r.code,
    r.name,
    r.departement,
    r.population,
    ...r.values.map((v) => (typeof v === 'boolean' ? labels.flagValue(v) : v)),
    status,
  ];
  return toCsv([h.code, h.name, h.departement, h.population, ...criteria, h.status], [
    ...rows.map((r) => line(r, labels.status.match)),
    ...undetermined.map((r) => line(r, labels.status.undetermined)),
  ]);
}
