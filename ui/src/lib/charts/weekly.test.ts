import { describe, expect, it } from 'vitest';
import type uPlot from 'uplot';
import { weekSeconds, weeklyOptions } from './weekly';

/** The x range uPlot would use for data spanning [min, max]. */
function xRange(options: uPlot.Options, min: number, max: number): [number, number] {
  const range = options.scales?.x?.range;
  if (typeof range !== 'function') return [min, max]; // uPlot's default for a time scale: the data's own span
  return range({} as uPlot, min, max, 'x') as [number, number];
}

describe('weekly bar charts', () => {
  it('keep the current week: each bar is drawn right of its Monday, so the scale ends a week after the last Monday', () => {
    const weeks = ['2026-11-16', '2026-11-23', '2026-11-30'];
    const xs = weeks.map(weekSeconds);
    const options = weeklyOptions({ color: '--c-load', kind: 'bars', weeks: 3, format: String, onCursor: () => {} })(600);
    const [lo, hi] = xRange(options, xs[0], xs[2]);
    const nextMonday = weekSeconds('2026-12-07');
    // The last (current) week's bar covers [Monday, next Monday): all of it lies inside the scale.
    expect(lo).toBeLessThanOrEqual(xs[0]);
    expect(hi).toBeGreaterThanOrEqual(nextMonday - 3600); // an hour's slack for a daylight-saving change
    expect(hi).toBeLessThanOrEqual(nextMonday + 3600);
  });

  it('place each week at its local Monday midnight', () => {
    const d = new Date(weekSeconds('2026-03-30') * 1000);
    expect([d.getFullYear(), d.getMonth(), d.getDate(), d.getHours()]).toEqual([2026, 2, 30, 0]);
  });
});
