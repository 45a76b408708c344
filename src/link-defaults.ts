// What a link opened cold shows (no import: the entry reads it before anything else).
/** Access to GPs (APL, 65 or under, latest vintage)… */
export const DEFAULT_INDICATOR = 'apl_mg_moins65_2023';
/** …by EPCI. */
export const DEFAULT_LEVEL = 'epci';
/** `ind=none`: a map with no indicator. */
export const NO_INDICATOR = 'none';
