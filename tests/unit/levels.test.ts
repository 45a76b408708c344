import { describe, expect, it } from 'vitest';
import { isLevel, LEVELS, nestsIn, PARENT_CHAIN, SUPRA_LEVELS } from '../../src/lib/levels.ts';
import { isFinerThan, selectionAtLevel } from '../../src/state/selection.ts';

describe('level hierarchy', () => {
  it('lists the five levels finest first', () => {
    expect(LEVELS).toEqual(['commune', 'epci', 'bv', 'departement', 'region']);
    expect(SUPRA_LEVELS).toEqual(LEVELS.slice(1));
  });
  it('isLevel accepts only known levels', () => {
    for (const l of LEVELS) expect(isLevel(l)).toBe(true);
    for (const v of ['Commune', 'pays', '', null, undefined, 3, {}]) expect(isLevel(v)).toBe(false);
  });
  it('a commune has a parent at every supra level; a région none', () => {
    expect(PARENT_CHAIN.commune).toEqual(['epci', 'bv', 'departement', 'region']);
    expect(PARENT_CHAIN.region).toEqual([]);
    for (const l of LEVELS) for (const p of PARENT_CHAIN[l]) expect(isFinerThan(l, p)).toBe(true);
  });
  it('only communes and départements nest for sure', () => {
    expect(nestsIn('commune', 'epci')).toBe(true);
    expect(nestsIn('departement', 'region')).toBe(true);
    expect(nestsIn('epci', 'departement')).toBe(false);
    expect(nestsIn('bv', 'region')).toBe(false);
  });
});

describe('selectionAtLevel', () => {
  const parents: Record<string, Record<string, string>> = {
    'commune:77131': { epci: '200090504', bv: '77131', departement: '77', region: '11' },
  };
  const parentOf = (ref: { level: string; code: string }, level: string) => parents[`${ref.level}:${ref.code}`]?.[level];

  it('replaces a finer selection by its parent at the new level', () => {
    expect(selectionAtLevel({ level: 'commune', code: '77131' }, 'epci', parentOf)).toEqual({ level: 'epci', code: '200090504' });
    expect(selectionAtLevel({ level: 'commune', code: '77131' }, 'bv', parentOf)).toEqual({ level: 'bv', code: '77131' });
    expect(selectionAtLevel({ level: 'commune', code: '77131' }, 'region', parentOf)).toEqual({ level: 'region', code: '11' });
  });
  it('keeps a coarser or same-level selection, or one whose parent is unknown', () => {
    expect(selectionAtLevel({ level: 'departement', code: '77' }, 'commune', parentOf)).toEqual({ level: 'departement', code: '77' });
    expect(selectionAtLevel({ level: 'epci', code: '1' }, 'epci', parentOf)).toEqual({ level: 'epci', code: '1' });
    expect(selectionAtLevel({ level: 'commune', code: '00000' }, 'epci', parentOf)).toEqual({ level: 'commune', code: '00000' });
    expect(selectionAtLevel(null, 'epci', parentOf)).toBeNull();
  });
});
