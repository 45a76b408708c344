import { describe, expect, it } from 'vitest';
import { CSV_BOM, CSV_HEADER, portraitCsvFileName, portraitToCsv } from '../../src/portrait/portrait-csv.ts';
import { buildPortraitModel } from '../../src/portrait/portrait-model.ts';
import { evaluateChecklist } from '../../src/portrait/checklist.ts';

const model = buildPortraitModel({
  identity: {
    kind: 'territory',
    level: 'commune',
    code: '2A004',
    name: 'Ajaccio; "ville"',
    parents: [{ level: 'departement', code: '2A', name: 'Corse-du-Sud' }],
    population: 73000,
    areaKm2: 82.03,
    communes: 1,
  },
  indicators: [
    {
      def: { id: 'apl', label: 'APL', theme: 'offre', polarity: 'higher-better', unit: 'c/an/hab', decimals: 1, source: 'DREES, APL 2023' },
      value: 3.25,
      peers: new Map([['2A004', 3.25], ['2A001', 2]]),
      references: [
        { scope: 'departement', code: '2A', name: 'Corse-du-Sud', value: 3.5 },
        { scope: 'france', code: 'france', name: 'France', value: null },
      ],
    },
  ],
  contracts: { available: true, coverage: 'none', contracts: [], neighbours: [] },
  communeZones: [{ code: '2A004', population: 73000, isolatedRural: false, qpvCount: 2, frr: false }],
  careOffer: { apl: 3.25, aplLabel: 'APL', nurseZoning: null, hospitals: [] },
});

describe('portrait CSV', () => {
  const checklist = evaluateChecklist({
    level: 'commune',
    population: 73000,
    communes: 1,
    contracts: model.contracts,
    zones: model.zones,
    indicators: model.indicators,
    epci: null,
  });
  const csv = portraitToCsv(model, checklist, '1 janvier 2026');
  const lines = csv.slice(1).trimEnd().split('\r\n');

  it('starts with a UTF-8 BOM and a ;-separated header', () => {
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    expect(lines[0]).toBe(CSV_HEADER.join(';'));
  });

  it('keeps codes as text, quotes separators, uses a decimal comma', () => {
    expect(lines).toContain('identite;Code;2A004');
    expect(lines).toContain('identite;Nom;"Ajaccio; ""ville"""');
    const apl = lines.find((l) => l.startsWith('Offre de soins de premier recours;APL;'));
    // Full precision (3.25, not the 1-decimal display 3,3): a spreadsheet rounds it once, as the screen does.
    expect(apl).toBe('Offre de soins de premier recours;APL;3,25;c/an/hab;1;2;100;;3,5;;;DREES, APL 2023');
  });

  it('leaves missing values empty, never 0', () => {
    const apl = lines.find((l) => l.includes(';APL;'))!.split(';');
    expect(apl[CSV_HEADER.indexOf('france')]).toBe('');
  });

  it('lists the checklist statuses and a safe file name', () => {
    expect(lines.some((l) => l.startsWith('Faut-il engager un CLS ?;Pas de CLS en vigueur sur le territoire;Critère rempli'))).toBe(true);
    expect(portraitCsvFileName(model)).toBe('portrait-commune-2A004.csv');
  });
});
