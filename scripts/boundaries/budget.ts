// Size budget of the commune layer (all zones, gzip level 9), asserted by the
// integration test. Why this figure: docs/DATA-BUDGET.md.
export const COMMUNE_LAYER_GZIP_BUDGET = 1_700_000;
