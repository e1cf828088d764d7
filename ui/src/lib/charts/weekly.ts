import type uPlot from 'uplot';
import { cssVar } from '../state/theme.svelte';
import { formatNumber, formatShortDate, isoDate } from '../format';
import { localSeconds } from './timeAxis';
import { barPaths } from './uplot';

const WEEK_S = 7 * 86400;
const HALF_WEEK_S = WEEK_S / 2;

/** A week's Monday at local midnight. */
export const weekSeconds = localSeconds;

/** Every k-th Monday, the last (current) week always among them; k from the spacing uPlot found room for. */
export function mondayTicks(mondays: number[], incr: number): number[] {
  const k = Math.max(1, Math.round(incr / WEEK_S));
  return mondays.filter((_, i) => (mondays.length - 1 - i) % k === 0);
}

/** "12 Oct", with the year where it changes from the label before (and on the first, when not this year). */
export function weekTickLabels(splits: number[], thisYear = new Date().getFullYear()): string[] {
  let year = thisYear;
  return splits.map((s, i) => {
    const d = new Date(s * 1000);
    const label = formatShortDate(isoDate(d), i === 0 ? thisYear : year);
    year = d.getFullYear();
    return label;
  });
}

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
      // Each bar is centred on its Monday, under that Monday's label, with half a week of room at both ends:
      // the scale used to end at the last Monday, so the current week's bar (drawn right of it) was clipped away.
      scales: { x: { time: true, range: (_u, min, max) => [min - HALF_WEEK_S, max + HALF_WEEK_S] }, y: { range: (_u, min, max) => [opts.kind === 'bars' ? 0 : Math.max(0, min - 5), Math.max(max * 1.1, 1)] } },
      series: [
        {},
        opts.kind === 'bars'
          ? { stroke: color, fill: color + 'cc', paths: barPaths({ size: [0.7, 40], align: 0 }), points: { show: false } }
          : { stroke: color, width: 2, points: { show: opts.weeks <= 26, size: 5, fill: color }, spanGaps: true },
      ],
      axes: [
        {
          stroke: text,
          grid: { show: false },
          ticks: { show: false },
          font: '11px system-ui, sans-serif',
          space: 70,
          // Labels on the weeks' Mondays (every k-th, counted back from the current week), never between them.
          splits: (u, _axis, _min, _max, incr) => mondayTicks(u.data[0] as number[], incr),
          values: (_u, splits) => weekTickLabels(splits),
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
