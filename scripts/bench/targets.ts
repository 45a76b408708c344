// The targets of ../shared/PERFORMANCE.md, checked against what was measured
// (medians for browser figures). A verdict, never an assertion.
import type { BuildTiming } from './build-timing.ts';
import type { PipelineRun } from './boundary-compare.ts';
import type { SizeReport } from './sizes.ts';
import { mb, ms, kb, summarise, type Summary } from './stats.ts';

export interface TargetCheck {
  target: string;
  measured: string;
  /** null = not measured in this run. */
  met: boolean | null;
}

export interface TargetInputs {
  build: BuildTiming | null;
  compare: PipelineRun[];
  sizes: SizeReport | null;
  browser: {
    metrics: Record<string, Summary | null>;
    firstView: { dataWireBytes: Summary | null };
    communeLayer: { wireBytes: Summary | null; sessionWireBytes: Summary | null };
  } | null;
}

const FIRST_MEANINGFUL_MS = 1300;
const RESTYLE_MS = 100;
const COMMUNE_GZIP_BYTES = 1.5e6;
const FIRST_VIEW_BYTES = 300e3;

const fmtRange = (s: Summary) => (s.n === 1 ? ms(s.median) : `median ${ms(s.median)} (${ms(s.min)}–${ms(s.max)})`);

export function evaluateTargets({ build, compare, sizes, browser }: TargetInputs): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const fm = browser?.metrics['first meaningful frame'] ?? null;
  const fi = browser?.metrics['first map idle (default level)'] ?? null;
  checks.push({
    target: `first meaningful map ≤ ${ms(FIRST_MEANINGFUL_MS)}`,
    measured: fm ? `${fmtRange(fm)}${fi ? `; first idle ${fmtRange(fi)}` : ''}` : 'n/a',
    met: fm ? fm.median <= FIRST_MEANINGFUL_MS : null,
  });
  const restyles = Object.entries(browser?.metrics ?? {}).filter(
    ([name, s]) => s && /^(indicator change|classification change|palette change)/.test(name) && name.endsWith('→ idle'),
  );
  if (restyles.length === 0) checks.push({ target: `indicator / classification / palette change ≤ ${RESTYLE_MS} ms to idle`, measured: 'n/a', met: null });
  for (const [name, s] of restyles) {
    checks.push({ target: `${name.replace(/ → idle$/, '')} ≤ ${RESTYLE_MS} ms to idle`, measured: fmtRange(s!), met: s!.median <= RESTYLE_MS });
  }
  const communeGroup = sizes?.groups.find((g) => g.group === 'geometry: commune');
  const wire = browser?.communeLayer.wireBytes ?? null;
  const session = browser?.communeLayer.sessionWireBytes ?? null;
  const parts: string[] = [];
  if (wire) parts.push(`level switch fetched ${mb(wire.median)} of commune geometry${session ? ` (${mb(session.median)} over the session with zooms)` : ''}`);
  if (communeGroup) parts.push(`the commune TopoJSON is ${mb(communeGroup.gzip)} gzip -9 / ${mb(communeGroup.brotli)} brotli`);
  checks.push({
    target: `commune layer ≤ ${mb(COMMUNE_GZIP_BYTES)} gzip on the wire`,
    measured: parts.length > 0 ? parts.join('; ') : 'n/a',
    met: wire ? wire.median <= COMMUNE_GZIP_BYTES : communeGroup ? communeGroup.gzip <= COMMUNE_GZIP_BYTES : null,
  });
  const fv = browser?.firstView.dataWireBytes ?? null;
  checks.push({
    target: `first view ≤ ${kb(FIRST_VIEW_BYTES)} gzip of data`,
    measured: fv ? `${kb(fv.median)} of data requested before the first idle` : 'n/a',
    met: fv ? fv.median <= FIRST_VIEW_BYTES : null,
  });
  const ours = summarise(compare.filter((c) => c.tool === 'cls-atlas').map((c) => c.seconds));
  const theirs = summarise(compare.filter((c) => c.tool === 'mapshaper').map((c) => c.seconds));
  const boundaryStep = build?.steps.find((s) => s.step.startsWith('boundaries'));
  const secs = (s: Summary) => (s.n === 1 ? `${s.median.toFixed(1)} s` : `median ${s.median.toFixed(1)} s (${s.min.toFixed(1)}–${s.max.toFixed(1)})`);
  if (ours && theirs) {
    checks.push({
      target: 'boundaries geometry no slower than mapshaper (same work, same inputs)',
      measured: `ours ${secs(ours)} vs mapshaper ${secs(theirs)}${boundaryStep ? `; whole boundaries step (+ indexes, populations, checksums) ${boundaryStep.seconds.toFixed(1)} s` : ''}`,
      met: ours.median <= theirs.median,
    });
  } else {
    checks.push({ target: 'data build no slower than mapshaper', measured: 'n/a', met: null });
  }
  return checks;
}
