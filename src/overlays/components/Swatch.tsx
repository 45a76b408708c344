// Legend swatches drawn in SVG from the same style parameters as the map
// (layers/*.ts), so the legend cannot drift from what is drawn.
import { useId } from 'react';
import type { SwatchModel } from '../layers/contracts.ts';
import type { PatternSpec, IconShape } from '../patterns.ts';

const W = 34;
const H = 20;

function PatternDef({ id, pattern }: { id: string; pattern: PatternSpec }) {
  const s = pattern.size;
  if (pattern.kind === 'dots') {
    return (
      <pattern id={id} width={s} height={s} patternUnits="userSpaceOnUse">
        <circle cx={s / 2} cy={s / 2} r={pattern.radius} fill={pattern.color} />
      </pattern>
    );
  }
  const rotate = pattern.angle === 45 ? -45 : pattern.angle === 135 ? 45 : pattern.angle === 90 ? 90 : 0;
  const period = pattern.angle === 45 || pattern.angle === 135 ? s / Math.SQRT2 : s;
  return (
    <pattern id={id} width={period} height={period} patternUnits="userSpaceOnUse" patternTransform={`rotate(${rotate})`}>
      <line x1={0} y1={period / 2} x2={period} y2={period / 2} stroke={pattern.color} strokeWidth={pattern.lineWidth} />
    </pattern>
  );
}

export function ContractSwatch({ swatch }: { swatch: SwatchModel }) {
  const id = useId().replace(/:/g, '');
  const inset = swatch.lineWidth / 2 + 1;
  return (
    <svg width={W} height={H} viewBox={`0 0 ${W} ${H}`} aria-hidden="true" focusable="false" className="cls-swatch">
      {swatch.hatch && (
        <defs>
          <PatternDef id={id} pattern={{ kind: 'hatch', size: swatch.hatch.size, angle: swatch.hatch.angle, lineWidth: swatch.hatch.lineWidth, color: swatch.color }} />
        </defs>
      )}
      <rect x={0} y={0} width={W} height={H} fill="#ffffff" />
      <rect
        x={inset}
        y={inset}
        width={W - 2 * inset}
        height={H - 2 * inset}
        fill={swatch.fill === 'hatch' ? `url(#${id})` : swatch.fill === 'solid' ? swatch.color : 'none'}
        fillOpacity={swatch.fill === 'solid' ? swatch.fillOpacity : 1}
        stroke={swatch.color}
        strokeWidth={swatch.lineWidth}
        strokeDasharray={swatch.dashPx ? swatch.dashPx.join(' ') : undefined}
      />
    </svg>
  );
}

export function PatternSwatch({ pattern, color, lineWidth, dashPx }: { pattern: PatternSpec; color: string; lineWidth: number; dashPx: readonly number[] | null }) {
  const id = useId().replace(/:/g, '');
  const inset = lineWidth / 2 + 1;
  return (
    <svg width={W} height={H} viewBox={`0 0 ${W} ${H}`} aria-hidden="true" focusable="false" className="cls-swatch">
      <defs>
        <PatternDef id={id} pattern={pattern} />
      </defs>
      <rect x={0} y={0} width={W} height={H} fill="#ffffff" />
      <rect
        x={inset}
        y={inset}
        width={W - 2 * inset}
        height={H - 2 * inset}
        fill={`url(#${id})`}
        stroke={color}
        strokeWidth={lineWidth}
        strokeDasharray={dashPx ? dashPx.join(' ') : undefined}
      />
    </svg>
  );
}

function shapePath(shape: IconShape, c: number, r: number): string {
  switch (shape) {
    case 'circle':
      return `M ${c - r} ${c} a ${r} ${r} 0 1 0 ${2 * r} 0 a ${r} ${r} 0 1 0 ${-2 * r} 0`;
    case 'square': {
      const h = r * 0.82;
      return `M ${c - h} ${c - h} h ${2 * h} v ${2 * h} h ${-2 * h} Z`;
    }
    case 'diamond': {
      const h = r * 0.8 * Math.SQRT2;
      return `M ${c} ${c - h} L ${c + h} ${c} L ${c} ${c + h} L ${c - h} ${c} Z`;
    }
    case 'triangle': {
      const h = r * 1.05;
      return `M ${c} ${c - h} L ${c + h * 0.95} ${c + h * 0.7} L ${c - h * 0.95} ${c + h * 0.7} Z`;
    }
    case 'cross': {
      const a = r * 0.36;
      return `M ${c - a} ${c - r} h ${2 * a} v ${r - a} h ${r - a} v ${2 * a} h ${a - r} v ${r - a} h ${-2 * a} v ${a - r} h ${a - r} v ${-2 * a} h ${r - a} Z`;
    }
  }
}

export function IconSwatch({ shape, color }: { shape: IconShape; color: string }) {
  const size = 16;
  const c = size / 2;
  return (
    <svg width={size} height={size} viewBox={`0 0 ${size} ${size}`} aria-hidden="true" focusable="false" className="cls-swatch">
      <path d={shapePath(shape, c, c - 1.5)} fill={color} stroke="#ffffff" strokeWidth={1.5} />
    </svg>
  );
}

export function ClusterSwatch() {
  return (
    <svg width={20} height={20} viewBox="0 0 20 20" aria-hidden="true" focusable="false" className="cls-swatch">
      <circle cx={10} cy={10} r={8.5} fill="#3a3a3a" fillOpacity={0.85} stroke="#ffffff" strokeWidth={1.5} />
      <text x={10} y={13.5} textAnchor="middle" fontSize={9} fontWeight="bold" fill="#ffffff">
        12
      </text>
    </svg>
  );
}
