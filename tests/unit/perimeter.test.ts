import { describe, expect, it } from 'vitest';
import {
  applyPerimeterAction,
  canRedo,
  canUndo,
  communesInRing,
  communesOfParent,
  convexHull,
  createHistory,
  HISTORY_LIMIT,
  perimeterOf,
  pointInRing,
  pointInside,
  rangeBetween,
  redo,
  undo,
  type CommuneLookup,
  type PerimeterCommune,
} from '../../src/perimeter/perimeter.ts';

// A 4 × 3 grid of 1° × 1° communes: code "770xy" at column x, row y.
function gridLookup(): CommuneLookup {
  const communes = new Map<string, PerimeterCommune>();
  for (let x = 0; x < 4; x++)
    for (let y = 0; y < 3; y++) {
      const code = `770${x}${y}`;
      communes.set(code, { code, parents: { epci: x < 2 ? '200000001' : '200000002', bv: `77${y}00` }, bbox: [x, y, x + 1, y + 1] });
    }
  return { communes };
}

describe('perimeter edits', () => {
  it('toggles a commune on click and keeps codes sorted', () => {
    const lookup = gridLookup();
    let h = createHistory();
    h = applyPerimeterAction(h, { type: 'click', code: '77021' }, lookup);
    h = applyPerimeterAction(h, { type: 'click', code: '77000' }, lookup);
    expect(h.present.communes).toEqual(['77000', '77021']);
    h = applyPerimeterAction(h, { type: 'click', code: '77021' }, lookup);
    expect(h.present.communes).toEqual(['77000']);
  });

  it('adds a whole EPCI or bassin de vie through the index parents', () => {
    const lookup = gridLookup();
    expect(communesOfParent(lookup, 'epci', '200000002')).toEqual(['77020', '77021', '77022', '77030', '77031', '77032']);
    const h = applyPerimeterAction(createHistory(), { type: 'addParent', level: 'bv', code: '77100' }, lookup);
    expect(h.present.communes).toEqual(['77001', '77011', '77021', '77031']);
  });

  it('shift-click adds the corridor between the anchor and the new commune', () => {
    const lookup = gridLookup();
    // Same row: the hull of the two bboxes is the row itself.
    expect(rangeBetween(lookup, '77000', '77030')).toEqual(['77000', '77010', '77020', '77030']);
    let h = applyPerimeterAction(createHistory(), { type: 'click', code: '77001' }, lookup);
    h = applyPerimeterAction(h, { type: 'click', code: '77031', shift: true }, lookup);
    expect(h.present.communes).toEqual(['77001', '77011', '77021', '77031']);
    // Diagonal: the corridor holds the communes along the diagonal, not the far corners.
    const diagonal = rangeBetween(lookup, '77000', '77022');
    expect(diagonal).toContain('77011');
    expect(diagonal).not.toContain('77020');
    expect(diagonal).not.toContain('77002');
  });

  it('lasso adds the communes whose representative point is inside the ring, and removes with the remove flag', () => {
    const lookup = gridLookup();
    const ring = [
      [0.2, 0.2],
      [1.8, 0.2],
      [1.8, 1.8],
      [0.2, 1.8],
    ] as const;
    expect(communesInRing(lookup, ring)).toEqual(['77000', '77001', '77010', '77011']);
    let h = applyPerimeterAction(createHistory(perimeterOf(['77000', '77032'])), { type: 'lasso', ring, remove: true }, lookup);
    expect(h.present.communes).toEqual(['77032']);
    h = applyPerimeterAction(h, { type: 'lasso', ring }, lookup);
    expect(h.present.communes).toEqual(['77000', '77001', '77010', '77011', '77032']);
  });

  it('uses true representative points when given, not bbox centres', () => {
    const lookup = gridLookup();
    const points = new Map([['77000', [0.9, 0.9] as const]]);
    const pointOf = (code: string) => points.get(code) ?? null;
    const ring = [
      [0.8, 0.8],
      [1.0, 0.8],
      [1.0, 1.0],
      [0.8, 1.0],
    ] as const;
    expect(communesInRing({ ...lookup, pointOf }, ring)).toEqual(['77000']);
    expect(communesInRing(lookup, ring)).toEqual([]);
  });

  it('computes a convex hull', () => {
    const hull = convexHull([
      [0, 0],
      [2, 0],
      [1, 1],
      [2, 2],
      [0, 2],
    ]);
    expect(hull).toHaveLength(4);
  });
});

describe('perimeter history', () => {
  it('undoes and redoes every edit, and a new edit clears the redo stack', () => {
    const lookup = gridLookup();
    let h = createHistory();
    h = applyPerimeterAction(h, { type: 'click', code: '77000' }, lookup);
    h = applyPerimeterAction(h, { type: 'addParent', level: 'epci', code: '200000002' }, lookup);
    expect(h.present.communes).toHaveLength(7);
    h = undo(h);
    expect(h.present.communes).toEqual(['77000']);
    h = undo(h);
    expect(h.present.communes).toEqual([]);
    expect(canUndo(h)).toBe(false);
    h = redo(h);
    expect(h.present.communes).toEqual(['77000']);
    expect(canRedo(h)).toBe(true);
    h = applyPerimeterAction(h, { type: 'click', code: '77010' }, lookup);
    expect(canRedo(h)).toBe(false);
    expect(h.present.communes).toEqual(['77000', '77010']);
  });

  it('an edit that changes nothing adds no undo step', () => {
    const lookup = gridLookup();
    let h = applyPerimeterAction(createHistory(), { type: 'add', codes: ['77000'] }, lookup);
    const before = h.past.length;
    h = applyPerimeterAction(h, { type: 'add', codes: ['77000'] }, lookup);
    expect(h.past.length).toBe(before);
  });

  it('keeps at most HISTORY_LIMIT steps', () => {
    const lookup = gridLookup();
    let h = createHistory();
    for (let i = 0; i < HISTORY_LIMIT + 20; i++) h = applyPerimeterAction(h, { type: 'click', code: '77000' }, lookup);
    expect(h.past.length).toBe(HISTORY_LIMIT);
  });
});

describe('pointInside', () => {
  it('returns the centroid of a convex commune', () => {
    expect(pointInside({ type: 'Polygon', coordinates: [[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]] })).toEqual([1, 1]);
  });

  it('finds a point inside a U-shaped commune whose centroid falls outside', () => {
    const ring = [[0, 0], [3, 0], [3, 3], [2, 3], [2, 1], [1, 1], [1, 3], [0, 3], [0, 0]];
    const p = pointInside({ type: 'Polygon', coordinates: [ring] })!;
    expect(pointInRing(p, ring as [number, number][])).toBe(true);
  });

  it('uses the largest part of a multipolygon', () => {
    const p = pointInside({
      type: 'MultiPolygon',
      coordinates: [[[[10, 10], [10.1, 10], [10.1, 10.1], [10, 10.1], [10, 10]]], [[[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]]]],
    });
    expect(p).toEqual([2, 2]);
  });
});
