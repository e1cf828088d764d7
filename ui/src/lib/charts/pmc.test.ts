import { describe, expect, it } from 'vitest';
import type { PmcDay } from '../api/load';
import { chartDays, pmcColumns } from './pmc';

const day = (date: string, ctl: number, more: Partial<PmcDay> = {}): PmcDay => ({
  date, load: 50, ctl, atl: ctl - 5, tsb: 5, tsbAfter: 5, ramp: 0, zone: 'neutral', ...more,
});

describe('the performance chart with days ahead', () => {
  it('keeps five columns without a projection', () => {
    expect(pmcColumns([day('2026-12-06', 40), day('2026-12-07', 41)])).toHaveLength(5);
  });

  it('draws the days ahead in their own columns, joined to the last day done, with the planned load', () => {
    const done = [day('2026-12-06', 40), day('2026-12-07', 41)];
    // The projection repeats today: it is left to the days done.
    const future = [day('2026-12-07', 41), day('2026-12-08', 42, { load: 0, plannedLoad: 80, projected: true }), day('2026-12-09', 41.5, { load: 0, plannedLoad: 0, projected: true })];
    const cols = pmcColumns(done, null, future);
    expect(cols).toHaveLength(9);
    const [x, load, ctl, , , planned, ctlAhead] = cols as (number | null)[][];
    expect(x).toHaveLength(4);
    expect(load).toEqual([50, 50, null, null]);
    expect(ctl).toEqual([40, 41, null, null]);
    expect(planned).toEqual([null, null, 80, null]);
    expect(ctlAhead).toEqual([null, 41, 42, 41.5]);
    expect(chartDays(done, future).map((d) => !!d.projected)).toEqual([false, false, true, true]);
  });
});
