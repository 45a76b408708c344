import { describe, expect, it } from 'vitest';
import {
  comparePartialDates,
  neighbouringContracts,
  normaliseStatus,
  parsePartialDate,
  parsePeriod,
  resolvePerimeter,
  rollupCoverage,
  resolveContractsAt,
  statusFreshness,
  statusText,
  validateRegistry,
  type CogLookup,
  type Contract,
  type ContractRegistry,
  type ResolvedContract,
} from '../../src/lib/contracts.ts';

// A tiny COG: two EPCI of three communes each, Corsica included.
const EPCI: Record<string, string[]> = {
  '200000001': ['01001', '01002', '01003'],
  '200000002': ['2A004', '2A006', '2A008'],
};
const cog: CogLookup = {
  hasCommune: (code) => Object.values(EPCI).some((list) => list.includes(code)),
  epciMembers: (siren) => EPCI[siren],
};

function contract(overrides: Partial<Contract> = {}): Contract {
  return {
    id: 'cls-a',
    name: 'CLS A',
    status: 'signe',
    statusReported: 'signé',
    statusAsOf: '2022',
    generation: 1,
    ars: { region: '84', name: 'ARS Auvergne-Rhône-Alpes' },
    dates: { engagement: '2020', signature: '2022-04-29', start: '2022', end: '2027' },
    periodReported: '2022-2027',
    durationYears: 5,
    signatories: [],
    perimeterType: 'commune',
    perimeter: { communes: ['01001'], epci: [] },
    departements: ['01'],
    coordinator: null,
    sources: [{ url: 'https://example.org/cls-a', says: 'signé le 29 avril 2022' }],
    confidence: 'high',
    notes: null,
    ...overrides,
  };
}

function registry(...contracts: Contract[]): ContractRegistry {
  return { version: 1, referenceDate: '2025-11', description: 'test', contracts };
}

const errors = (r: ContractRegistry) => validateRegistry(r, cog).filter((i) => i.level === 'error');
const warnings = (r: ContractRegistry) => validateRegistry(r, cog).filter((i) => i.level === 'warning');

describe('normaliseStatus', () => {
  it.each([
    ['signed', 'signe'],
    ['Signé', 'signe'],
    ['active', 'signe'],
    ['en cours (ORS list, undated)', 'signe'],
    ['signed (CLS created 2017, updated every 3 years)', 'signe'],
    ['signed; one-year CLS whose 4 action sheets prepare a pluriannual CLS', 'signe'],
    ['signed (expired)', 'termine'],
    ['expired/renewed', 'termine'],
    ['Terminé', 'termine'],
    ['échu', 'termine'],
    ['en renouvellement', 'en_renouvellement'],
    ['signé, en cours de révision', 'en_renouvellement'],
    ['in preparation (roadmap being finalised)', 'en_preparation'],
    ["en cours d'élaboration", 'en_preparation'],
    ['planned (diagnostic by ORS in 2017)', 'en_preparation'],
    ['interested (feasibility study)', 'envisage'],
    ['en réflexion', 'envisage'],
    ['signature prévue en 2026', 'envisage'],
    ['en_preparation', 'en_preparation'],
    ['en renouvellement', 'en_renouvellement'],
  ] as const)('%s → %s', (raw, expected) => {
    expect(normaliseStatus(raw)).toBe(expected);
  });

  it('returns null for unreadable or empty statuses', () => {
    expect(normaliseStatus('???')).toBeNull();
    expect(normaliseStatus('')).toBeNull();
    expect(normaliseStatus(undefined)).toBeNull();
  });
});

describe('dates', () => {
  it('keeps ISO partial dates and converts French dates, never invents one', () => {
    expect(parsePartialDate('2012')).toBe('2012');
    expect(parsePartialDate('2019-06')).toBe('2019-06');
    expect(parsePartialDate('29/04/2022')).toBe('2022-04-29');
    expect(parsePartialDate('4/2022')).toBe('2022-04');
    expect(parsePartialDate('planned mid-2018')).toBeNull();
    expect(parsePartialDate('2017-12/2018')).toBeNull();
    expect(parsePartialDate('2022-13')).toBeNull();
  });
  it('reads a period and compares partial dates at their common precision', () => {
    expect(parsePeriod('2019-2023')).toEqual({ start: '2019', end: '2023' });
    expect(parsePeriod('3-year programme')).toBeNull();
    expect(comparePartialDates('2022', '2022-04')).toBe(0);
    expect(comparePartialDates('2021', '2022-04')).toBe(-1);
    expect(comparePartialDates('2022-05-01', '2022-04')).toBe(1);
  });
});

describe('validateRegistry', () => {
  it('accepts a valid registry', () => {
    expect(validateRegistry(registry(contract()), cog)).toEqual([]);
  });

  it('reports an unknown commune code with the line and id', () => {
    const issues = errors(registry(contract(), contract({ id: 'cls-b', perimeter: { communes: ['01999'], epci: [] } })));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ id: 'cls-b', line: 2, field: 'perimeter.communes' });
    expect(issues[0]!.message).toContain('01999');
  });

  it('reports a SIREN that is not a 2025 EPCI, and a malformed one', () => {
    const issues = errors(registry(contract({ perimeterType: 'epci', perimeter: { communes: [], epci: ['200099999', '12345'] } })));
    expect(issues.map((i) => i.message)).toEqual([expect.stringContaining('200099999'), expect.stringContaining('12345')]);
  });

  it('reports two active contracts partly overlapping (neither inside the other) as an error', () => {
    const a = contract({ id: 'cls-a', perimeterType: 'epci', perimeter: { communes: [], epci: ['200000001'] } });
    const b = contract({ id: 'cls-b', status: 'en_renouvellement', perimeter: { communes: ['01002', '2A004'], epci: [] } });
    const issues = errors(registry(a, b));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ id: 'cls-b', line: 2, field: 'perimeter' });
    expect(issues[0]!.message).toContain('cls-a');
    expect(issues[0]!.message).toContain('01002');
    expect(issues[0]!.message).not.toContain('2A004');
  });

  it('accepts nested active contracts (a city CLS inside its EPCI CLS) and reports them as information', () => {
    const epci = contract({ id: 'cls-metropole', perimeterType: 'epci', perimeter: { communes: [], epci: ['200000001'] } });
    const city = contract({ id: 'cls-ville', perimeter: { communes: ['01002'], epci: [] } });
    for (const r of [registry(epci, city), registry(city, epci)]) {
      const issues = validateRegistry(r, cog);
      expect(issues.filter((i) => i.level !== 'info')).toEqual([]);
      const info = issues.filter((i) => i.level === 'info');
      expect(info).toHaveLength(1);
      expect(info[0]!.message).toMatch(/cls-ville .* imbriqué dans cls-metropole/);
    }
  });

  it('accepts two active contracts on the same perimeter only as nesting (equal sets nest both ways)', () => {
    const a = contract({ id: 'cls-a', perimeter: { communes: ['01001', '01002'], epci: [] } });
    const b = contract({ id: 'cls-b', perimeter: { communes: ['01002', '01001'], epci: [] } });
    expect(errors(registry(a, b))).toEqual([]);
  });

  it('only warns when an active contract shares communes with an ended or planned one', () => {
    const ended = contract({ id: 'cls-old', status: 'termine', dates: { engagement: null, signature: '2013', start: null, end: '2016' } });
    const planned = contract({ id: 'cls-next', status: 'envisage', dates: { engagement: null, signature: null, start: null, end: null } });
    const r = registry(ended, contract({ id: 'cls-new' }), planned);
    expect(errors(r)).toEqual([]);
    expect(warnings(r).filter((w) => w.field === 'perimeter')).toHaveLength(3);
  });

  it('reports an end date before the start', () => {
    const issues = errors(registry(contract({ dates: { engagement: null, signature: '2022-04-29', start: '2022', end: '2021' } })));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ field: 'dates.end' });
    expect(issues[0]!.message).toContain('2021');
  });

  it('reports a missing source, and a source with neither URL nor title', () => {
    expect(errors(registry(contract({ sources: [] })))[0]).toMatchObject({ field: 'sources', message: expect.stringContaining('source manquante') });
    const noUrl = errors(registry(contract({ sources: [{ url: null, says: 'x' }] })));
    expect(noUrl[0]).toMatchObject({ field: 'sources[0]', message: expect.stringContaining('source manquante') });
  });

  it('requires a public address: a titled non-public document completes one, never replaces it', () => {
    const document = { url: null, title: 'Présentation du projet', says: 'x' };
    expect(errors(registry(contract({ sources: [document] })))).toEqual([expect.objectContaining({ field: 'sources', message: expect.stringContaining('aucune adresse publique') })]);
    expect(validateRegistry(registry(contract({ sources: [{ url: 'https://example.org/cls', says: 'signé' }, document] })), cog)).toEqual([]);
  });

  it('reports a bad status', () => {
    const bad = contract({ status: 'signed' as Contract['status'] });
    expect(errors(registry(bad))[0]).toMatchObject({ field: 'status', message: expect.stringContaining('signed') });
  });

  it('reports bad dates, duplicate ids and an empty perimeter without reason', () => {
    const issues = errors(
      registry(
        contract({ dates: { engagement: 'c.2022', signature: null, start: null, end: null } }),
        contract({ id: 'cls-a', perimeter: { communes: ['2A004'], epci: [] } }),
        contract({ id: 'cls-c', perimeter: { communes: [], epci: [] } }),
      ),
    );
    expect(issues.map((i) => `${i.line}:${i.field}`)).toEqual(['1:dates.engagement', '2:id', '3:perimeter']);
  });

  it('accepts an unmapped contract with its reason', () => {
    const unmapped = contract({ id: 'cls-3-pays', perimeterType: 'inconnu', perimeter: { communes: [], epci: [] }, unmappedReason: 'Territoire non identifié' });
    expect(errors(registry(unmapped))).toEqual([]);
  });

  it("warns when a contract still 'signé' is past its end at the reference date", () => {
    const r = registry(contract({ statusAsOf: '2017', dates: { engagement: null, signature: '2017', start: '2017', end: '2022' } }));
    expect(errors(r)).toEqual([]);
    expect(warnings(r)[0]).toMatchObject({ field: 'status', message: expect.stringContaining('2022') });
  });

  it('rejects something that is not a registry', () => {
    expect(validateRegistry({ foo: 1 }, cog)[0]).toMatchObject({ level: 'error', field: 'contracts' });
  });
});

describe('resolvePerimeter', () => {
  it('expands EPCI to their communes, dedupes and sorts', () => {
    const c = contract({ perimeterType: 'epci_et_communes', perimeter: { communes: ['2A004', '01002'], epci: ['200000001'] } });
    expect(resolvePerimeter(c, cog)).toEqual(['01001', '01002', '01003', '2A004']);
  });
});

describe('rollupCoverage', () => {
  const contracts: ResolvedContract[] = [
    { id: 'signed-01', status: 'signe', communes: ['01001', '01002'] },
    { id: 'ended-01', status: 'termine', communes: ['01003'] },
    { id: 'planned-2a', status: 'en_preparation', communes: ['2A004', '2A006', '2A008'] },
  ];

  it('covered: every commune inside an active perimeter', () => {
    const r = rollupCoverage(['01001', '01002'], contracts);
    expect(r.coverage).toBe('covered');
    expect(r.contracts.map((c) => c.id)).toEqual(['signed-01']);
    expect(r.contracts[0]!.perimeterInside).toBe(true);
  });

  it('partial: lists covered and uncovered communes, and the ended contract apart', () => {
    const r = rollupCoverage(['01001', '01002', '01003'], contracts);
    expect(r.coverage).toBe('partial');
    expect(r.covered).toEqual(['01001', '01002']);
    expect(r.uncovered).toEqual(['01003']);
    expect(r.otherContracts.map((c) => c.id)).toEqual(['ended-01']);
  });

  it('none: a planned contract does not cover by default, but does when asked', () => {
    expect(rollupCoverage(['2A004', '2A006'], contracts).coverage).toBe('none');
    expect(rollupCoverage(['2A004', '2A006'], contracts, ['envisage', 'en_preparation', 'signe', 'en_renouvellement']).coverage).toBe('covered');
  });

  it('an empty territory is not covered', () => {
    expect(rollupCoverage([], contracts).coverage).toBe('none');
  });

  it('lists contracts of neighbouring territories through commune adjacency', () => {
    const adjacency: Record<string, string[]> = { '01003': ['01002', '2A004'], '01002': ['01001', '01003'] };
    const result = neighbouringContracts(['01003'], contracts, (code) => adjacency[code] ?? []);
    expect(result).toEqual([
      { id: 'planned-2a', status: 'en_preparation', adjacentCommunes: ['2A004'] },
      { id: 'signed-01', status: 'signe', adjacentCommunes: ['01002'] },
    ]);
  });
});

describe('status freshness', () => {
  const contract = (over: Partial<Pick<Contract, 'status' | 'statusAsOf' | 'dates' | 'durationYears'>>) => ({
    status: 'signe' as const,
    statusAsOf: null,
    dates: { engagement: null, signature: null, start: null, end: null },
    durationYears: null,
    ...over,
  });

  it('a status last reported longer ago than the contract lasts is « à confirmer » and does not cover', () => {
    // Coulommiers: a 1-year CLS « en renouvellement » as of 2012.
    const old = contract({ status: 'en_renouvellement', statusAsOf: '2012', durationYears: 1 });
    expect(statusFreshness(old, '2026-12-02')).toEqual({ confirmed: false, lastInformation: '2012' });
    expect(statusText(old, '2026-12-02')).toBe('statut à confirmer (dernière information : 2012)');
    const roll = rollupCoverage(['77131'], [{ id: 'c', status: 'en_renouvellement', communes: ['77131'], unconfirmed: true }]);
    expect(roll.coverage).toBe('none');
    expect(roll.otherContracts.map((s) => s.id)).toEqual(['c']);
  });

  it('5 years when the duration is unknown; the newest of the status date and the contract dates counts', () => {
    expect(statusFreshness(contract({ statusAsOf: '2021-12' }), '2026-11-30').confirmed).toBe(true);
    expect(statusFreshness(contract({ statusAsOf: '2018' }), '2026-12-02').confirmed).toBe(false);
    expect(statusFreshness(contract({ statusAsOf: '2018', dates: { engagement: null, signature: '2023-05', start: null, end: null } }), '2026-12-02')).toEqual({
      confirmed: true,
      lastInformation: '2023-05',
    });
    expect(statusText(contract({ statusAsOf: '2024' }), '2026-12-02')).toBe('Signé / en cours');
  });

  it('resolveContractsAt marks stale statuses unconfirmed and drops unmapped contracts', () => {
    const resolved = resolveContractsAt(
      [
        { id: 'old', mapped: true, communes: ['77131'], ...contract({ status: 'en_renouvellement', statusAsOf: '2012', durationYears: 1 }) },
        { id: 'new', mapped: true, communes: ['77284'], ...contract({ statusAsOf: '2024' }) },
        { id: 'nowhere', mapped: false, communes: [], ...contract({ statusAsOf: '2024' }) },
      ],
      '2026-12-02',
    );
    expect(resolved).toEqual([
      { id: 'old', status: 'en_renouvellement', communes: ['77131'], unconfirmed: true },
      { id: 'new', status: 'signe', communes: ['77284'] },
    ]);
  });

  it('ended contracts and undated statuses are left as they are', () => {
    expect(statusFreshness(contract({ status: 'termine', statusAsOf: '2010' }), '2026-12-02').confirmed).toBe(true);
    expect(statusFreshness(contract({}), '2026-12-02')).toEqual({ confirmed: true, lastInformation: null });
  });
});
