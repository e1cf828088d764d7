import type uPlot from 'uplot';
import type { PmcDay, PmcWeek } from '../api/load';
import { cssVar } from '../state/theme.svelte';
import { dateAxisValues, daysAfter, localSeconds } from './timeAxis';
import { barPaths } from './uplot';

/**
 * Columns for uPlot: x in seconds at the browser's local midnight of each date (so uPlot's local
 * time axis shows the dates as they are, without a costly time-zone conversion), then load, CTL, ATL, TSB.
 * With weeks (long ranges), each day's load is its week's total from the server, drawn as one bar per week.
 * With projected days ahead, four more columns follow: the planned load and the projected CTL, ATL and TSB (joined to
 * the last day done, so the dashed lines carry on from the solid ones).
 */
export function pmcColumns(days: PmcDay[], weeks?: PmcWeek[] | null, future: PmcDay[] = []): uPlot.AlignedData {
  const lastDone = days.length > 0 ? days[days.length - 1].date : '';
  const ahead = future.filter((d) => d.date > lastDone);
  const all = ahead.length > 0 ? days.concat(ahead) : days;
  const n = all.length;
  const past = days.length;
  const x = new Array<number>(n);
  const load = new Array<number | null>(n);
  const ctl = new Array<number | null>(n);
  const atl = new Array<number | null>(n);
  const tsb = new Array<number | null>(n);
  for (let i = 0; i < n; i++) {
    const d = all[i];
    x[i] = localSeconds(d.date);
    const done = i < past;
    load[i] = done && d.load > 0 ? d.load : null;
    ctl[i] = done ? d.ctl : null;
    atl[i] = done ? d.atl : null;
    tsb[i] = done ? d.tsb : null;
  }
  if (weeks) weekLoads(days, weeks, load);
  if (ahead.length === 0) return [x, load, ctl, atl, tsb] as uPlot.AlignedData;
  const planned = new Array<number | null>(n).fill(null);
  const pc = new Array<number | null>(n).fill(null);
  const pa = new Array<number | null>(n).fill(null);
  const pt = new Array<number | null>(n).fill(null);
  for (let i = Math.max(0, past - 1); i < n; i++) {
    const d = all[i];
    if (i >= past) planned[i] = (d.plannedLoad ?? 0) > 0 ? d.plannedLoad! : null;
    pc[i] = d.ctl;
    pa[i] = d.atl;
    pt[i] = d.tsb;
  }
  return [x, load, ctl, atl, tsb, planned, pc, pa, pt] as uPlot.AlignedData;
}

/** The days of the chart, done then projected, in the order of the columns. */
export function chartDays(days: PmcDay[], future: PmcDay[] = []): PmcDay[] {
  const lastDone = days.length > 0 ? days[days.length - 1].date : '';
  const ahead = future.filter((d) => d.date > lastDone).map((d) => ({ ...d, projected: true }));
  return ahead.length > 0 ? days.concat(ahead) : days;
}

/** Each day gets its week's load: the server's weeks cover the days in order, `days` of them each. */
function weekLoads(days: PmcDay[], weeks: PmcWeek[], load: (number | null)[]): void {
  let i = 0;
  for (const w of weeks) {
    for (let k = 0; k < w.days && i < days.length; k++, i++) load[i] = w.load > 0 ? w.load : null;
  }
  for (; i < load.length; i++) load[i] = null;
}

/** One filled bar per week, Monday to Sunday, with a small gap; clamped to the plot at the chart's ends. */
function weekBars(weeks: PmcWeek[]): uPlot.Series.PathBuilder {
  return (u) => {
    const path = new Path2D();
    const base = Math.round(u.valToPos(0, 'load', true));
    const left = u.bbox.left;
    const right = u.bbox.left + u.bbox.width;
    for (const w of weeks) {
      if (w.load <= 0) continue;
      const start = localSeconds(w.weekStart);
      let x0 = u.valToPos(start, 'x', true);
      let x1 = u.valToPos(daysAfter(start, 7), 'x', true);
      const gap = Math.min(2 * devicePixelRatio, (x1 - x0) * 0.2);
      x0 = Math.max(left, x0 + gap / 2);
      x1 = Math.min(right, x1 - gap / 2);
      if (x1 <= x0) continue;
      const top = Math.round(u.valToPos(w.load, 'load', true));
      path.rect(x0, top, Math.max(1, x1 - x0), base - top);
    }
    return { stroke: path, fill: path, clip: null, band: null, gaps: null, flags: 0 } as unknown as uPlot.Series.Paths;
  };
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
export function pmcOptions(opts: {
  dayCount: number;
  /** Long ranges: one load bar per week. */
  weeks?: PmcWeek[] | null;
  onCursor: (idx: number | null) => void;
  /** After a drag-select or a reset: whether the x scale shows less than all the days. */
  onZoom?: (zoomed: boolean, min: number, max: number) => void;
  /** The columns hold projected days (four more series, dashed). */
  projected?: boolean;
  /** Events to flag on their day: the date and a short label ("A"). */
  events?: { date: string; label: string }[];
}): (width: number) => uPlot.Options {
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
      // Drag across the chart to zoom to those dates; a double click (or the Reset button) shows all again.
      cursor: { drag: { x: true, y: false, setScale: true }, points: { size: 7 } },
      scales: { x: { time: true, range: (u, min, max) => xRange(u, min, max, opts.weeks) }, load: { range: (_u, _min, max) => [0, Math.max(100, max) * 2.2] } },
      series: [
        {},
        opts.weeks
          ? {
              label: 'Weekly load',
              scale: 'load',
              stroke: loadColor,
              fill: loadColor,
              paths: weekBars(opts.weeks),
              points: { show: false },
            }
          : pxPerDay > 3
          ? {
              label: 'Daily load',
              scale: 'load',
              stroke: loadColor,
              fill: loadColor,
              paths: barPaths({ size: [0.7, 12, 1], align: 0 }),
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
        ...(opts.projected ? projectedSeries(loadColor) : []),
      ],
      axes: [
        {
          ...axis('x', 2),
          size: 30,
          // Room for a short date ("12 Oct") and a gap; over years the labels become months, then years.
          space: 55,
          values: dateAxisValues(),
        },
        axis('y', 3),
        axis('load', 1),
      ],
      hooks: {
        setCursor: [(u) => opts.onCursor(u.cursor.idx ?? null)],
        setScale: [
          (u, key) => {
            if (key === 'x') opts.onZoom?.(isZoomed(u), u.scales.x.min ?? 0, u.scales.x.max ?? 0);
          },
        ],
        // The tick labels as drawn, for tests that check they never overlap (the canvas has no text to read).
        draw: [(u) => (u.root.dataset.xTicks = JSON.stringify(tickPositions(u))), (u) => drawEvents(u, opts.events ?? [], text)],
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

/**
 * All days, plus the rest of the current week when bars are weekly (its bar is drawn to the week's end).
 * A zoomed range (a drag-select inside the data) is kept as it is.
 */
function xRange(u: uPlot, min: number, max: number, weeks: PmcWeek[] | null | undefined): uPlot.Range.MinMax {
  const xs = u.data?.[0];
  if (!xs || xs.length === 0) return [min, max];
  const first = xs[0];
  const last = xs[xs.length - 1];
  if (min > first || max < last) return [min, max];
  // Idempotent: uPlot may pass an already widened range back in.
  if (weeks && weeks.length > 0) return [first, Math.max(last, daysAfter(localSeconds(weeks[weeks.length - 1].weekStart), 7))];
  // Daily bars are centred on their day: half a day of room at each end keeps the first and last whole.
  return [first - 43200, last + 43200];
}

/** Whether the x scale shows less than all the days (after a drag-select or a keyboard zoom). */
export function isZoomed(u: uPlot): boolean {
  const xs = u.data[0];
  if (xs.length === 0) return false;
  return (u.scales.x.min ?? xs[0]) > xs[0] + 1 || (u.scales.x.max ?? xs[xs.length - 1]) < xs[xs.length - 1] - 1;
}

/** The x axis labels and their centres in CSS pixels. */
function tickPositions(u: uPlot): { text: string; x: number }[] {
  const axis = u.axes[0] as uPlot.Axis & { _splits?: number[]; _values?: string[] };
  const splits = axis._splits ?? [];
  const values = axis._values ?? [];
  return splits.map((s, i) => ({ text: String(values[i] ?? ''), x: Math.round(u.valToPos(s, 'x')) })).filter((t) => t.text !== '');
}

/** The days ahead: the planned load as outlined bars, fitness, fatigue and form dashed and fainter. */
function projectedSeries(loadColor: string): uPlot.Series[] {
  return [
    {
      label: 'Planned load',
      scale: 'load',
      stroke: loadColor,
      fill: 'transparent',
      width: 1,
      dash: [3, 2],
      paths: barPaths({ size: [0.7, 12, 1], align: 0 }),
      points: { show: false },
    },
    { label: 'Fitness (CTL), projected', stroke: cssVar('--c-ctl'), width: 2, dash: [6, 4], alpha: 0.75, points: { show: false } },
    { label: 'Fatigue (ATL), projected', stroke: cssVar('--c-atl'), width: 1.5, dash: [6, 4], alpha: 0.75, points: { show: false } },
    { label: 'Form (TSB), projected', stroke: cssVar('--c-tsb'), width: 1.5, dash: [2, 3], alpha: 0.75, points: { show: false } },
  ];
}

/** A thin line and a flag with the event's priority on each event's day. */
function drawEvents(u: uPlot, events: { date: string; label: string }[], color: string): void {
  if (events.length === 0) return;
  const ctx = u.ctx;
  const top = u.bbox.top;
  const bottom = u.bbox.top + u.bbox.height;
  ctx.save();
  ctx.strokeStyle = color;
  ctx.fillStyle = color;
  ctx.lineWidth = 1;
  ctx.setLineDash([2, 3]);
  ctx.font = `${Math.round(11 * devicePixelRatio)}px system-ui, sans-serif`;
  for (const e of events) {
    const x = Math.round(u.valToPos(localSeconds(e.date), 'x', true)) + 0.5;
    if (x < u.bbox.left || x > u.bbox.left + u.bbox.width) continue;
    ctx.beginPath();
    ctx.moveTo(x, top);
    ctx.lineTo(x, bottom);
    ctx.stroke();
    ctx.fillText(`⚑${e.label}`, x + 2, top + 12 * devicePixelRatio);
  }
  ctx.restore();
}
