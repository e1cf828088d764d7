import { describe, expect, it } from 'vitest';
import type uPlot from 'uplot';
import { mondayTicks, weekSeconds, weekTickLabels, weeklyOptions } from './weekly';

/** The x range uPlot would use for data spanning [min, max]. */
function xRange(options: uPlot.Options, min: number, max: number): [number, number] {
  const range = options.scales?.x?.range;
  if (typeof range !== 'function') return [min, max]; // uPlot's default for a time scale: the data's own span
  return range({} as uPlot, min, max, 'x') as [number, number];
}

const WEEK = 7 * 86400;

describe('weekly bar charts', () => {
  it('keep the current week: the scale leaves room for the whole of the last bar, centred on its Monday', () => {
    const weeks = ['2026-11-16', '2026-11-23', '2026-11-30'];
    const xs = weeks.map(weekSeconds);
    const options = weeklyOptions({ color: '--c-load', kind: 'bars', weeks: 3, format: String, onCursor: () => {} })(600);
    const [lo, hi] = xRange(options, xs[0], xs[2]);
    // A bar is 70 % of a week wide: the current week's spans its Monday ± 0.35 week, the first one's likewise.
    const halfBar = 0.35 * WEEK;
    expect(hi).toBeGreaterThanOrEqual(xs[2] + halfBar);
    expect(lo).toBeLessThanOrEqual(xs[0] - halfBar);
    // and no more than half a week of empty room.
    expect(hi - xs[2]).toBeLessThanOrEqual(WEEK / 2);
  });

  it('label Mondays only, every k-th counted back from the current week', () => {
    const mondays = Array.from({ length: 10 }, (_, i) => weekSeconds('2026-09-28') + i * WEEK);
    expect(mondayTicks(mondays, WEEK)).toEqual(mondays);
    expect(mondayTicks(mondays, 3 * WEEK)).toEqual([mondays[0], mondays[3], mondays[6], mondays[9]]);
    expect(mondayTicks(mondays, 2 * 86400)).toEqual(mondays);
  });

  it('write "12 Oct", with the year where it changes', () => {
    const s = ['2025-12-08', '2025-12-29', '2026-01-19'].map(weekSeconds);
    expect(weekTickLabels(s, 2026)).toEqual(['8 Dec 2025', '29 Dec', '19 Jan 2026']);
    expect(weekTickLabels(s.slice(1), 2025)).toEqual(['29 Dec', '19 Jan 2026']);
  });

  it('place each week at its local Monday midnight', () => {
    const d = new Date(weekSeconds('2026-03-30') * 1000);
    expect([d.getFullYear(), d.getMonth(), d.getDate(), d.getHours()]).toEqual([2026, 2, 30, 0]);
  });
});
