import { describe, expect, it } from 'vitest';
import type { Pmc, PmcDay } from '../api/load';
import { projectionWindow, shownWindow } from './projection';
import { daysBefore } from '../format';

const TODAY = '2026-12-07';
const after = (n: number) => daysBefore(TODAY, -n);
const day = (n: number, plannedLoad: number | null = null): PmcDay => ({
  date: after(n), load: 0, ctl: 50, atl: 40, tsb: 10, tsbAfter: 10, ramp: 0, zone: 'fresh', projected: n > 0, plannedLoad,
});
const pmc = (days: PmcDay[], events: Pmc['events'] = []): Pmc => ({ from: TODAY, to: after(120), today: TODAY, warmingUp: false, days, events });
const days = (planned: Record<number, number> = {}) => Array.from({ length: 121 }, (_, n) => day(n, planned[n] ?? null));

describe('the days ahead on the chart', () => {
  it('shows nothing ahead when nothing is planned and no event is near, or the server sends no future', () => {
    expect(projectionWindow(TODAY, pmc(days()))).toBeNull();
    expect(projectionWindow(TODAY, { from: TODAY, to: TODAY, today: TODAY, warmingUp: false, days: [day(0)] })).toBeNull();
  });

  it('shows four weeks when something is planned', () => {
    const w = projectionWindow(TODAY, pmc(days({ 3: 80 })))!;
    expect(w.end).toBe(after(28));
    expect(w.days).toHaveLength(28);
    expect(w.days[0].date).toBe(after(1));
  });

  it('reaches the next A event within 120 days, with its projected form', () => {
    const events = [
      { date: after(50), name: 'Half', priority: 'B' as const, sport: 'Run', form: 5 },
      { date: after(90), name: 'Marathon', priority: 'A' as const, sport: 'Run', form: 14 },
      { date: after(130), name: 'Late', priority: 'A' as const, sport: 'Run', form: 3 },
    ];
    const w = projectionWindow(TODAY, pmc(days({ 3: 80 }), events))!;
    expect(w.end).toBe(after(90));
    expect(w.events.map((e) => e.name)).toEqual(['Half', 'Marathon']);
  });

  it('keeps the plan\'s dates when the rest projection carries no plan', () => {
    const plan = pmc(days({ 3: 80 }));
    const rest = pmc(days());
    const w = shownWindow(TODAY, rest, plan)!;
    expect(w.end).toBe(after(28));
    expect(w.days).toHaveLength(28);
  });
});
