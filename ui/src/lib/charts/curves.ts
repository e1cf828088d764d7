import type uPlot from 'uplot';
import { cssVar } from '../state/theme.svelte';
import { formatCurveDuration } from '../format';
import type { CurvePoint } from '../api/analysis';

/** Durations an athlete reads a curve by, in seconds: 1s 5s 15s 30s 1m 2m 5m 10m 20m 30m 1h 2h 3h 6h. */
export const CURVE_TICKS = [1, 5, 15, 30, 60, 120, 300, 600, 1200, 1800, 3600, 7200, 10800, 21600];
/** The ones kept when space is short. */
const MAIN_TICKS = [1, 5, 30, 60, 300, 1200, 3600, 21600];

/**
 * Tick positions for a log time axis from min to max seconds: the familiar durations inside the range, thinned to
 * the main ones when more than `maxTicks` would crowd the axis.
 */
export function logTicks(min: number, max: number, maxTicks = CURVE_TICKS.length): number[] {
  const inside = (list: number[]) => list.filter((t) => t >= min - 1e-9 && t <= max + 1e-9);
  const all = inside(CURVE_TICKS);
  if (all.length <= maxTicks) return all;
  const main = inside(MAIN_TICKS);
  if (main.length <= maxTicks) return main;
  // Still too many: every other one, keeping both ends.
  return main.filter((_, i) => i % 2 === 0 || i === main.length - 1);
}

/** One line of a duration curve chart. */
export interface CurveSeries {
  label: string;
  /** A CSS variable name for the colour. */
  color: string;
  dash?: number[];
}

/** One range's curve as the chart draws it. */
export interface CurveLine {
  key: string;
  label: string;
  color: string;
  dash?: number[];
  points: CurvePoint[];
}

/**
 * Options for duration curves: x is seconds on a log scale, one line per series; `invert` puts lower values higher
 * (pace, where lower is better).
 */
export function curveOptions(opts: {
  series: CurveSeries[];
  height: number;
  invert?: boolean;
  formatY: (v: number) => string;
  onCursor: (idx: number | null, top: number | null) => void;
}): (width: number) => uPlot.Options {
  return (width) => {
    const text = cssVar('--muted', '#666');
    const grid = cssVar('--grid', 'rgba(0,0,0,.08)');
    return {
      width,
      height: opts.height,
      padding: [8, 12, 0, 0],
      legend: { show: false },
      cursor: { drag: { x: false, y: false }, points: { size: 7 } },
      scales: { x: { time: false, distr: 3, log: 10 }, y: { dir: opts.invert ? -1 : 1 } },
      series: [
        {},
        ...opts.series.map((s) => ({
          label: s.label,
          stroke: cssVar(s.color),
          width: 2,
          dash: s.dash,
          points: { show: false },
          spanGaps: true,
        })),
      ],
      axes: [
        {
          stroke: text,
          grid: { stroke: grid },
          ticks: { show: false },
          font: '11px system-ui, sans-serif',
          splits: (u) => {
            const min = u.scales.x.min ?? 1;
            const max = u.scales.x.max ?? 21600;
            return logTicks(min, max, Math.max(3, Math.floor(u.bbox.width / devicePixelRatio / 48)));
          },
          // uPlot's log axes blank every label but 1-2-5 steps by default; these ticks are chosen already.
          filter: (_u, splits) => splits,
          values: (_u, splits) => splits.map((s) => formatCurveDuration(s)),
        },
        {
          stroke: text,
          grid: { stroke: grid },
          ticks: { show: false },
          font: '11px system-ui, sans-serif',
          size: 52,
          values: (_u, splits) => splits.map((s) => opts.formatY(s)),
        },
      ],
      hooks: { setCursor: [(u) => opts.onCursor(u.cursor.idx ?? null, u.cursor.top ?? null)] },
    };
  };
}
