import { describe, expect, it } from 'vitest';
import {
  departementOfCommune,
  isPlmArrondissement,
  normaliseCommuneCode,
  normaliseDepartementCode,
  normaliseSiren,
  plmCommuneOf,
  zoneOfCode,
  byCode,
  compareCodes,
} from '../../src/lib/codes.ts';

describe('normaliseCommuneCode', () => {
  it('keeps valid codes as strings', () => {
    expect(normaliseCommuneCode('01001')).toBe('01001');
    expect(normaliseCommuneCode('77131')).toBe('77131');
    expect(normaliseCommuneCode('97611')).toBe('97611');
  });

  it('restores the leading zero a spreadsheet dropped', () => {
    expect(normaliseCommuneCode('1001')).toBe('01001');
    expect(normaliseCommuneCode(1001)).toBe('01001');
    expect(normaliseCommuneCode('1001.0')).toBe('01001');
    expect(normaliseCommuneCode(' "01001" ')).toBe('01001');
  });

  it('accepts Corsica in any case', () => {
    expect(normaliseCommuneCode('2a004')).toBe('2A004');
    expect(normaliseCommuneCode('2B033')).toBe('2B033');
  });

  it('rejects codes no commune can have', () => {
    for (const hostile of [null, undefined, '', '   ', 'abc', '123', '123456', '20004', '00123', '99100', '2C004', '2A04', '1e5', '-1001', '01001; DROP TABLE', {}, [], NaN, true]) {
      expect(normaliseCommuneCode(hostile), String(hostile)).toBeNull();
    }
  });
});

describe('PLM arrondissements', () => {
  it('maps each arrondissement to its commune', () => {
    expect(plmCommuneOf('75101')).toBe('75056');
    expect(plmCommuneOf('75120')).toBe('75056');
    expect(plmCommuneOf('69381')).toBe('69123');
    expect(plmCommuneOf('69389')).toBe('69123');
    expect(plmCommuneOf('13201')).toBe('13055');
    expect(plmCommuneOf('13216')).toBe('13055');
  });

  it('leaves other codes alone', () => {
    expect(plmCommuneOf('75056')).toBeNull();
    expect(plmCommuneOf('75121')).toBeNull();
    expect(plmCommuneOf('13217')).toBeNull();
    expect(plmCommuneOf('2A004')).toBeNull();
    expect(isPlmArrondissement('69385')).toBe(true);
    expect(isPlmArrondissement('69123')).toBe(false);
  });
});

describe('départements and zones', () => {
  it('derives the département of a commune, 3 characters overseas', () => {
    expect(departementOfCommune('01001')).toBe('01');
    expect(departementOfCommune('2A004')).toBe('2A');
    expect(departementOfCommune('97611')).toBe('976');
    expect(departementOfCommune('97101')).toBe('971');
  });

  it('normalises département codes', () => {
    expect(normaliseDepartementCode('1')).toBe('01');
    expect(normaliseDepartementCode(1)).toBe('01');
    expect(normaliseDepartementCode('2a')).toBe('2A');
    expect(normaliseDepartementCode('2B')).toBe('2B');
    expect(normaliseDepartementCode('971')).toBe('971');
    expect(normaliseDepartementCode('976')).toBe('976');
    for (const bad of ['20', '00', '96', '975', '977', '2C', '', null, 'xx']) {
      expect(normaliseDepartementCode(bad), String(bad)).toBeNull();
    }
  });

  it('finds the zone of commune and département codes', () => {
    expect(zoneOfCode('97611')).toBe('976');
    expect(zoneOfCode('971')).toBe('971');
    expect(zoneOfCode('2A004')).toBe('metro');
    expect(zoneOfCode('01001')).toBe('metro');
  });
});

describe('normaliseSiren', () => {
  it('keeps 9 digits and restores one lost leading zero', () => {
    expect(normaliseSiren('200090504')).toBe('200090504');
    expect(normaliseSiren('200 090 504')).toBe('200090504');
    expect(normaliseSiren(200090504)).toBe('200090504');
    expect(normaliseSiren('12345678')).toBe('012345678');
  });

  it('rejects what cannot be a SIREN', () => {
    for (const bad of ['1', '1234', '2000905041', 'ZZZZZZZZZ', '', null]) expect(normaliseSiren(bad), String(bad)).toBeNull();
  });
});

describe('compareCodes / byCode', () => {
  it('orders codes as strings: Corsica between 19 and 21, leading zeros kept', () => {
    expect(['21001', '2A004', '01001', '19001', '2B033'].sort(compareCodes)).toEqual(['01001', '19001', '21001', '2A004', '2B033']);
    expect([{ code: '75056' }, { code: '01001' }].sort(byCode).map((r) => r.code)).toEqual(['01001', '75056']);
    expect(compareCodes('01001', '01001')).toBe(0);
  });
});
