import uPlot from 'uplot';
import { cssVar } from '../state/theme.svelte';
import { formatClock } from '../format';

/** One activity stream against elapsed time: a filled line with its own y unit. */
export function streamOptions(opts: {
  label: string;
  color: string;
  unit: string;
  digits?: number;
  invert?: boolean;
  format?: (v: number) => string;
}): (width: number) => uPlot.Options {
  return (width) => {
    const color = cssVar(opts.color);
    const text = cssVar('--muted', '#666');
    const grid = cssVar('--grid', 'rgba(0,0,0,.08)');
    const fmt = opts.format ?? ((v: number) => v.toFixed(opts.digits ?? 0));
    return {
      width,
      height: 150,
      padding: [8, 18, 0, 0],
      legend: { show: false },
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: false }, y: { dir: opts.invert ? -1 : 1 } },
      series: [
        { value: (_u, v) => (v == null ? '' : formatClock(v)) },
        {
          label: opts.label,
          stroke: color,
          width: 1.5,
          fill: color + '22',
          points: { show: false },
          value: (_u, v) => (v == null ? '—' : `${fmt(v)} ${opts.unit}`),
        },
      ],
      axes: [
        {
          stroke: text,
          grid: { stroke: grid },
          ticks: { show: false },
          font: '11px system-ui, sans-serif',
          space: 70,
          incrs: [60, 120, 300, 600, 900, 1200, 1800, 3600, 5400, 7200, 10800, 14400, 21600, 43200],
          values: (_u, splits) => splits.map((s) => formatClock(s)),
        },
        {
          stroke: text,
          grid: { stroke: grid },
          ticks: { show: false },
          font: '11px system-ui, sans-serif',
          size: 48,
          values: (_u, splits) => splits.map((s) => fmt(s)),
        },
      ],
    };
  };
}
