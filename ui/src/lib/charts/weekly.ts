import uPlot from 'uplot';
import { cssVar } from '../state/theme.svelte';
import { formatNumber } from '../format';
import { dateAxisValues, daysAfter, localSeconds } from './timeAxis';

/** A week's Monday at local midnight. */
export const weekSeconds = localSeconds;

/** One weekly series: bars (totals) or a line (averages). */
export function weeklyOptions(opts: {
  color: string;
  kind: 'bars' | 'line';
  weeks: number;
  format: (v: number) => string;
  onCursor: (idx: number | null) => void;
}): (width: number) => uPlot.Options {
  return (width) => {
    const color = cssVar(opts.color);
    const text = cssVar('--muted', '#666');
    const grid = cssVar('--grid', 'rgba(0,0,0,.08)');
    return {
      width,
      height: 170,
      padding: [8, 8, 0, 0],
      legend: { show: false },
      cursor: { drag: { x: false, y: false } },
      // A bar is drawn right of its Monday (align 1) and fills the week: without a week's room after the last
      // Monday, the current week's bar fell outside the plot and was clipped away.
      scales: { x: { time: true, range: (_u, min, max) => [min, daysAfter(max, 7)] }, y: { range: (_u, min, max) => [opts.kind === 'bars' ? 0 : Math.max(0, min - 5), Math.max(max * 1.1, 1)] } },
      series: [
        {},
        opts.kind === 'bars'
          ? { stroke: color, fill: color + 'cc', paths: uPlot.paths.bars!({ size: [0.7, 40], align: 1 }), points: { show: false } }
          : { stroke: color, width: 2, points: { show: opts.weeks <= 26, size: 5, fill: color }, spanGaps: true },
      ],
      axes: [
        {
          stroke: text,
          grid: { show: false },
          ticks: { show: false },
          font: '11px system-ui, sans-serif',
          space: 70,
          values: dateAxisValues(),
        },
        {
          stroke: text,
          grid: { stroke: grid },
          ticks: { show: false },
          font: '11px system-ui, sans-serif',
          size: 44,
          // Plain numbers on the axis; the unit is in the title and the hover readout.
          values: (_u, splits) => splits.map((s) => formatNumber(s, Math.abs(s) < 10 && s % 1 !== 0 ? 1 : 0)),
        },
      ],
      hooks: { setCursor: [(u) => opts.onCursor(u.cursor.idx ?? null)] },
    };
  };
}
