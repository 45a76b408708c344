// The overlays a user can switch on, and how the set is written in the URL
// (`ov=contracts,qpv`): pure, tolerant of garbage, stable order.
import { MAPPED_ZONE_TYPES, type MappedZoneType } from './layers/priority-zones.ts';

export const OVERLAY_IDS = ['contracts', ...MAPPED_ZONE_TYPES, 'hospitals'] as const;
export type OverlayId = (typeof OVERLAY_IDS)[number];

export function isZoneOverlay(id: OverlayId): id is MappedZoneType {
  return (MAPPED_ZONE_TYPES as readonly string[]).includes(id);
}

/** Overlays shown when the URL says nothing: none, so the indicator map reads alone. */
export const DEFAULT_OVERLAYS: readonly OverlayId[] = [];

/** Canonical order (the order of OVERLAY_IDS), without duplicates. */
export function normaliseOverlays(ids: Iterable<string>): OverlayId[] {
  const set = new Set<string>(ids);
  return OVERLAY_IDS.filter((id) => set.has(id));
}

/** `'contracts,qpv'` → ['contracts', 'qpv']; unknown names are dropped; `''` → []. */
export function parseOverlays(raw: string): OverlayId[] | undefined {
  if (raw.length > 200) return undefined;
  if (raw === '' || raw === 'none') return [];
  return normaliseOverlays(raw.split(',').map((s) => s.trim()));
}

/** undefined (omit from the URL) when equal to the default. */
export function serializeOverlays(ids: readonly OverlayId[]): string | undefined {
  const list = normaliseOverlays(ids);
  const isDefault = list.length === DEFAULT_OVERLAYS.length && list.every((id, i) => id === DEFAULT_OVERLAYS[i]);
  return isDefault ? undefined : list.join(',');
}

export function toggleOverlay(ids: readonly OverlayId[], id: OverlayId, on: boolean): OverlayId[] {
  return normaliseOverlays(on ? [...ids, id] : ids.filter((x) => x !== id));
}

/** The `overlays` field of the URL state: `#…&ov=contracts,qpv`. */
export const overlaysUrlCodec = {
  key: 'ov',
  parse: parseOverlays,
  serialize: serializeOverlays,
};
