import type uPlot from 'uplot';
import { cssVar } from '../state/theme.svelte';
import { formatClock } from '../format';

/** How the x axis reads when it is not elapsed time (e.g. distance in km): tick labels and steps. */
export interface StreamXAxis {
  format: (v: number) => string;
  incrs?: number[];
}

/** Draws a dashed vertical line at each x value (e.g. where a multisport leg starts). */
function markLines(marks: readonly number[], color: string): (u: uPlot) => void {
  return (u: uPlot) => {
    const ctx = u.ctx;
    ctx.save();
    ctx.strokeStyle = color;
    ctx.setLineDash([4, 4]);
    ctx.lineWidth = 1;
    for (const x of marks) {
      const px = Math.round(u.valToPos(x, 'x', true)) + 0.5;
      if (px < u.bbox.left || px > u.bbox.left + u.bbox.width) continue;
      ctx.beginPath();
      ctx.moveTo(px, u.bbox.top);
      ctx.lineTo(px, u.bbox.top + u.bbox.height);
      ctx.stroke();
    }
    ctx.restore();
  };
}

/** One activity stream against elapsed time (or `xAxis`): a filled line with its own y unit. */
export function streamOptions(opts: {
  label: string;
  color: string;
  unit: string;
  digits?: number;
  invert?: boolean;
  format?: (v: number) => string;
  height?: number;
  xAxis?: StreamXAxis;
  marks?: readonly number[];
}): (width: number) => uPlot.Options {
  return (width) => {
    const color = cssVar(opts.color);
    const text = cssVar('--muted', '#666');
    const grid = cssVar('--grid', 'rgba(0,0,0,.08)');
    const fmt = opts.format ?? ((v: number) => v.toFixed(opts.digits ?? 0));
    const xFmt = opts.xAxis?.format ?? ((v: number) => formatClock(v));
    return {
      width,
      height: opts.height ?? 150,
      padding: [8, 18, 0, 0],
      legend: { show: false },
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: false }, y: { dir: opts.invert ? -1 : 1 } },
      series: [
        { value: (_u, v) => (v == null ? '' : xFmt(v)) },
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
          incrs: opts.xAxis ? opts.xAxis.incrs : [60, 120, 300, 600, 900, 1200, 1800, 3600, 5400, 7200, 10800, 14400, 21600, 43200],
          values: (_u, splits) => splits.map((s) => xFmt(s)),
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
      ...(opts.marks?.length ? { hooks: { draw: [markLines(opts.marks, text)] } } : {}),
    };
  };
}
