// What a link may ask for and what the atlas can show: a forged or stale link
// (an unknown territory, commune codes that do not exist, a portrait of
// nothing) lands on a coherent state, and says what it dropped. One pure
// function serves the page load and every later hash change, so both land on
// the same state. What the territory indexes are needed for (does this code
// exist? its parent?) is asked of `world`, which answers `undefined` until the
// index is loaded: the caller runs the function again once it is.
import type { UrlState } from './features-url.ts';
import type { InspectedLink, TerritoryRef } from './state/url-state.ts';
import { selectionAtLevel } from './state/selection.ts';
import type { SupraLevel } from './lib/levels.ts';

export interface LinkWorld {
  /** Whether a territory exists; undefined while its level's index is not loaded. */
  territoryExists(ref: TerritoryRef): boolean | undefined;
  /** The parent of a territory at a coarser level; undefined if unknown or not loaded. */
  parentOf(ref: TerritoryRef, level: SupraLevel): string | undefined;
  /** Whether a commune code exists today; undefined while the commune index is not loaded. */
  communeExists(code: string): boolean | undefined;
}

/** What a link lost, for the notice. */
export type LinkDrop =
  | { readonly kind: 'ignored'; readonly why: 'tooLong' | 'version' }
  | { readonly kind: 'unreadable'; readonly keys: readonly string[] }
  | { readonly kind: 'unknownTerritory'; readonly ref: TerritoryRef }
  | { readonly kind: 'selectionUnderPerimeter'; readonly ref: TerritoryRef }
  | { readonly kind: 'unknownCommunes'; readonly unknown: number; readonly total: number; readonly sample: readonly string[] }
  | { readonly kind: 'portrait'; readonly portrait: 'territory' | 'perimeter' };

export interface ReconciledLink {
  readonly state: UrlState;
  readonly dropped: readonly LinkDrop[];
}

/** The rules, in order; each one looks at the state the previous ones left. */
export function reconcileUrlState(input: UrlState, world: LinkWorld): ReconciledLink {
  let state = input;
  const dropped: LinkDrop[] = [];

  // Perimeter codes must be communes of today (the encoding can name any suffix).
  if (state.perimeter && state.perimeter.communes.length > 0) {
    const unknown = state.perimeter.communes.filter((c) => world.communeExists(c) === false);
    if (unknown.length > 0) {
      const kept = state.perimeter.communes.filter((c) => world.communeExists(c) !== false);
      dropped.push({ kind: 'unknownCommunes', unknown: unknown.length, total: state.perimeter.communes.length, sample: unknown.slice(0, 5) });
      state = { ...state, perimeter: kept.length > 0 ? { ...state.perimeter, communes: kept } : null };
    }
  }

  // The perimeter builder works on the communes, with no territory selected.
  if (state.perimeter) {
    if (state.selection) dropped.push({ kind: 'selectionUnderPerimeter', ref: state.selection });
    if (state.selection || state.level !== 'commune') state = { ...state, level: 'commune', selection: null };
  }

  if (state.selection) {
    if (world.territoryExists(state.selection) === false) {
      dropped.push({ kind: 'unknownTerritory', ref: state.selection });
      state = { ...state, selection: null };
    } else {
      // A selection finer than the level shown becomes its parent there (as when switching level).
      const selection = selectionAtLevel(state.selection, state.level, (ref, level) => world.parentOf(ref, level));
      if (selection !== state.selection) state = { ...state, selection };
    }
  }

  const portraitOk = state.portrait === 'territory' ? state.selection !== null : state.portrait === 'perimeter' ? (state.perimeter?.communes.length ?? 0) > 0 : true;
  if (!portraitOk && state.portrait) {
    dropped.push({ kind: 'portrait', portrait: state.portrait });
    state = { ...state, portrait: null };
  }
  return { state, dropped };
}

/** A parsed link, reconciled: the drops of the parse come first. */
export function reconcileLink(link: InspectedLink<UrlState>, world: LinkWorld): ReconciledLink {
  const reconciled = reconcileUrlState(link.state, world);
  const parseDrops: LinkDrop[] = [];
  if (link.ignored) parseDrops.push({ kind: 'ignored', why: link.ignored });
  if (link.invalid.length > 0) parseDrops.push({ kind: 'unreadable', keys: link.invalid });
  return { state: reconciled.state, dropped: [...parseDrops, ...reconciled.dropped] };
}

/**
 * The state after following a link, from any previous state: every URL field
 * comes from the link (the view only when the link has one), nothing from
 * before. The page load is this with the initial state as `previous`.
 */
export function followLink<S extends UrlState>(previous: S, reconciled: ReconciledLink): S {
  const { view, ...rest } = reconciled.state;
  return { ...previous, ...rest, view: view ?? previous.view };
}
