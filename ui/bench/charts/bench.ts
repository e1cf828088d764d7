/**
 * Renders a 10-year PMC (3,650 days × load bars + CTL, ATL, TSB lines) with uPlot and with
 * Chart.js, several times each, and publishes the timings on window.__results for run.mjs.
 * Time = from constructing the chart to the end of its first complete draw.
 */
import uPlot from './uplot-entry';
import Chart from './chartjs-entry';
import { tenYears } from './data';
import { pmcColumns, pmcOptions } from '../../src/lib/charts/pmc';
import type { PmcDay } from '../../src/lib/api/load';

const data = tenYears();

function renderUplot(): Promise<number> {
  const el = document.getElementById('u')!;
  el.replaceChildren();
  return new Promise((resolve) => {
    const t0 = performance.now();
    const u: uPlot = new uPlot(
      {
        width: 1200,
        height: 360,
        scales: { x: { time: true } },
        series: [
          {},
          { label: 'Load', scale: 'load', paths: uPlot.paths.bars!({ size: [0.8, 4] }), fill: '#94a3b8', stroke: '#94a3b8' },
          { label: 'CTL', stroke: '#2563eb', width: 2 },
          { label: 'ATL', stroke: '#db2777', width: 1 },
          { label: 'TSB', stroke: '#0f766e', width: 1 },
        ],
        axes: [{}, {}, { scale: 'load', side: 1 }],
        hooks: {
          draw: [
            () => {
              const t = performance.now() - t0;
              queueMicrotask(() => u.destroy());
              resolve(t);
            },
          ],
        },
      },
      [data.x as unknown as number[], data.load as unknown as number[], data.ctl as unknown as number[], data.atl as unknown as number[], data.tsb as unknown as number[]],
      el,
    );
  });
}

/** The app's own PMC chart: its column builder and options, from the PmcDay objects the API returns. */
const apiDays: PmcDay[] = Array.from(data.x, (s, i) => ({
  date: new Date(s * 1000).toISOString().slice(0, 10),
  load: data.load[i],
  ctl: data.ctl[i],
  atl: data.atl[i],
  tsb: data.tsb[i],
  tsbAfter: data.tsb[i],
  ramp: 0,
  zone: 'neutral',
}));

function renderApp(): Promise<number> {
  const el = document.getElementById('u')!;
  el.replaceChildren();
  return new Promise((resolve) => {
    const t0 = performance.now();
    const opts = pmcOptions({ dayCount: apiDays.length, onCursor: () => {} })(1200);
    opts.hooks = { ...opts.hooks, draw: [() => { const t = performance.now() - t0; queueMicrotask(() => u.destroy()); resolve(t); }] };
    const u: uPlot = new uPlot({ ...opts, width: 1200, height: 300 }, pmcColumns(apiDays), el);
  });
}

function renderChartJs(): Promise<number> {
  const canvas = document.getElementById('c') as HTMLCanvasElement;
  const labels = Array.from(data.x, (s) => new Date(s * 1000).toISOString().slice(0, 10));
  return new Promise((resolve) => {
    const t0 = performance.now();
    let chart: Chart | null = null;
    chart = new Chart(canvas, {
      type: 'bar',
      data: {
        labels,
        datasets: [
          { type: 'bar', label: 'Load', data: Array.from(data.load), backgroundColor: '#94a3b8', yAxisID: 'load' },
          { type: 'line', label: 'CTL', data: Array.from(data.ctl), borderColor: '#2563eb', pointRadius: 0, borderWidth: 2 },
          { type: 'line', label: 'ATL', data: Array.from(data.atl), borderColor: '#db2777', pointRadius: 0, borderWidth: 1 },
          { type: 'line', label: 'TSB', data: Array.from(data.tsb), borderColor: '#0f766e', pointRadius: 0, borderWidth: 1 },
        ],
      },
      options: {
        animation: false,
        responsive: false,
        scales: { load: { position: 'right' } },
        plugins: { tooltip: { enabled: true } },
      },
      plugins: [
        {
          id: 'timing',
          afterRender: () => {
            const t = performance.now() - t0;
            queueMicrotask(() => chart?.destroy());
            resolve(t);
          },
        },
      ],
    });
  });
}

/** ?lib=uplot|chartjs|app: render that library `rounds` times in this (fresh) page. */
async function run() {
  const params = new URLSearchParams(location.search);
  const lib = params.get('lib') ?? 'app';
  const rounds = Number(params.get('rounds') ?? 9);
  const render = lib === 'uplot' ? renderUplot : lib === 'chartjs' ? renderChartJs : renderApp;
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    times.push(await render());
    await new Promise((r) => requestAnimationFrame(() => r(null)));
  }
  (window as unknown as { __results: unknown }).__results = { lib, days: data.x.length, times: times.map((t) => +t.toFixed(1)) };
}

void run();
