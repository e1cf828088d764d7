import type uPlot from 'uplot';
import { cssVar } from '../state/theme.svelte';
import { formatNumber } from '../format';
import { dateAxisValues } from './timeAxis';

/** One line of a daily wellness chart. `dash` draws a baseline; `band` pairs two lines as a shaded normal range. */
export interface DayLine {
  label: string;
  color: string;
  values: (number | null)[];
  dash?: boolean;
  /** Drawn as points only (days with a value), e.g. raw daily readings under their rolling mean. */
  points?: boolean;
}

/**
 * Daily values on a date axis: each line in order; when `band` names two of them (low, high) the range between them
 * is shaded, as HRV apps draw the normal range.
 */
export function dayOptions(opts: {
  lines: DayLine[];
  band?: [number, number];
  height: number;
  onCursor: (idx: number | null) => void;
}): (width: number) => uPlot.Options {
  return (width) => {
    const text = cssVar('--muted', '#666');
    const grid = cssVar('--grid', 'rgba(0,0,0,.08)');
    const series: uPlot.Series[] = [{}];
    for (const line of opts.lines) {
      const color = cssVar(line.color);
      series.push(line.points
        ? { label: line.label, stroke: color, width: 0, points: { show: true, size: 5, fill: color, stroke: color }, paths: () => null }
        : { label: line.label, stroke: color, width: line.dash ? 1.5 : 2, dash: line.dash ? [6, 4] : undefined, points: { show: false }, spanGaps: true });
    }
    const bands: uPlot.Band[] = opts.band
      ? [{ series: [opts.band[1] + 1, opts.band[0] + 1], fill: cssVar(opts.lines[opts.band[1]].color) + '2e' }]
      : [];
    return {
      width,
      height: opts.height,
      padding: [8, 8, 0, 0],
      legend: { show: false },
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: true } },
      series,
      bands,
      axes: [
        { stroke: text, grid: { show: false }, ticks: { show: false }, font: '11px system-ui, sans-serif', space: 70, values: dateAxisValues() },
        {
          stroke: text,
          grid: { stroke: grid },
          ticks: { show: false },
          font: '11px system-ui, sans-serif',
          size: 44,
          values: (_u, splits) => splits.map((s) => formatNumber(s, Math.abs(s) < 10 && s % 1 !== 0 ? 1 : 0)),
        },
      ],
      hooks: { setCursor: [(u) => opts.onCursor(u.cursor.idx ?? null)] },
    };
  };
}
