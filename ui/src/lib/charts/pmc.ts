import uPlot from 'uplot';
import type { PmcDay } from '../api/load';
import { cssVar } from '../state/theme.svelte';
import { formatShortDate, isoDate } from '../format';

/**
 * Columns for uPlot: x in seconds at the browser's local midnight of each date (so uPlot's local
 * time axis shows the dates as they are, without a costly time-zone conversion), then load, CTL, ATL, TSB.
 */
export function pmcColumns(days: PmcDay[]): uPlot.AlignedData {
  const n = days.length;
  const x = new Array<number>(n);
  const load = new Array<number | null>(n);
  const ctl = new Array<number>(n);
  const atl = new Array<number>(n);
  const tsb = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const d = days[i];
    x[i] = new Date(+d.date.slice(0, 4), +d.date.slice(5, 7) - 1, +d.date.slice(8, 10)).getTime() / 1000;
    load[i] = d.load > 0 ? d.load : null;
    ctl[i] = d.ctl;
    atl[i] = d.atl;
    tsb[i] = d.tsb;
  }
  return [x, load, ctl, atl, tsb];
}


/**
 * Daily load as one vertical stroke per day, in a single path: over years a day is narrower
 * than a pixel, and this draws 3,650 days several times faster than filled bar rectangles.
 */
const sticks: uPlot.Series.PathBuilder = (u, seriesIdx, idx0, idx1) => {
  const xs = u.data[0];
  const ys = u.data[seriesIdx];
  const path = new Path2D();
  const base = Math.round(u.valToPos(0, 'load', true));
  for (let i = idx0; i <= idx1; i++) {
    const v = ys[i];
    if (v == null || v <= 0) continue;
    const x = Math.round(u.valToPos(xs[i], 'x', true)) + 0.5;
    path.moveTo(x, base);
    path.lineTo(x, Math.round(u.valToPos(v, 'load', true)));
  }
  return { stroke: path, fill: null, clip: null, band: null, gaps: null, flags: 0 } as unknown as uPlot.Series.Paths;
};

/** The PMC: daily load as bars on its own right-hand scale, CTL, ATL and TSB as lines. */
export function pmcOptions(opts: { dayCount: number; onCursor: (idx: number | null) => void }): (width: number) => uPlot.Options {
  return (width) => {
    const text = cssVar('--muted', '#666');
    const grid = cssVar('--grid', 'rgba(0,0,0,.08)');
    const loadColor = cssVar('--c-load', '#94a3b8');
    const axis = (scale: string, side: number): uPlot.Axis => ({
      scale,
      side,
      stroke: text,
      grid: { stroke: grid, width: 1, show: side !== 1 },
      ticks: { show: false },
      font: '12px system-ui, sans-serif',
      size: side === 1 ? 40 : 44,
    });
    // Wide bars while there is room for them; a hairline per day over years.
    const pxPerDay = width / Math.max(1, opts.dayCount);
    return {
      width,
      height: 300,
      padding: [8, 4, 0, 0],
      legend: { show: false },
      cursor: { drag: { x: false, y: false }, points: { size: 7 } },
      scales: { x: { time: true }, load: { range: (_u, _min, max) => [0, Math.max(100, max) * 2.2] } },
      series: [
        {},
        pxPerDay > 3
          ? {
              label: 'Daily load',
              scale: 'load',
              stroke: loadColor,
              fill: loadColor,
              paths: uPlot.paths.bars!({ size: [0.7, 12, 1], align: 0 }),
              points: { show: false },
            }
          : {
              label: 'Daily load',
              scale: 'load',
              stroke: loadColor,
              width: Math.max(1, pxPerDay * 0.7),
              paths: sticks,
              points: { show: false },
            },
        { label: 'Fitness (CTL)', stroke: cssVar('--c-ctl'), width: 2, points: { show: false } },
        { label: 'Fatigue (ATL)', stroke: cssVar('--c-atl'), width: 1.5, points: { show: false } },
        { label: 'Form (TSB)', stroke: cssVar('--c-tsb'), width: 1.5, points: { show: false }, dash: [5, 3] },
      ],
      axes: [
        {
          ...axis('x', 2),
          size: 30,
          // Room for a short date ("12 Oct") and a gap: a phone still gets a label per month.
          space: 55,
          values: (_u, splits) => splits.map((s) => formatShortDate(isoDate(new Date(s * 1000)))),
        },
        axis('y', 3),
        axis('load', 1),
      ],
      hooks: {
        setCursor: [(u) => opts.onCursor(u.cursor.idx ?? null)],
        // The zero line of form: above it fresh, below it tired.
        drawAxes: [
          (u) => {
            const y = Math.round(u.valToPos(0, 'y', true)) + 0.5;
            if (y < u.bbox.top || y > u.bbox.top + u.bbox.height) return;
            const ctx = u.ctx;
            ctx.save();
            ctx.strokeStyle = text;
            ctx.globalAlpha = 0.45;
            ctx.lineWidth = 1;
            ctx.beginPath();
            ctx.moveTo(u.bbox.left, y);
            ctx.lineTo(u.bbox.left + u.bbox.width, y);
            ctx.stroke();
            ctx.restore();
          },
        ],
      },
    };
  };
}
