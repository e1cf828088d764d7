// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import WeekChart from './WeekChart.svelte';
import PmcChart from './PmcChart.svelte';
import type { WeekTotals } from '../api/analytics';
import type { PmcDay, PmcWeek } from '../api/load';

const week = (weekStart: string, load: number): WeekTotals => ({
  week: '',
  weekStart,
  distanceM: 0,
  durationS: 0,
  movingTimeS: 0,
  elevationGainM: 0,
  avgHr: null,
  load,
  sessions: 1,
});

describe('WeekChart read from the keyboard', () => {
  it('is a slider whose value is the current week, and the arrow keys, Home and End read the other weeks', async () => {
    // This year's dates: the short date leaves the year out then.
    const y = new Date().getFullYear();
    const weeks = [week(`${y}-11-16`, 250), week(`${y}-11-23`, 312), week(`${y}-11-30`, 95)];
    render(WeekChart, {
      title: 'Load',
      color: '--c-load',
      kind: 'bars',
      weeks,
      value: (w: WeekTotals) => w.load,
      format: (v: number) => `${v} TSS`,
      summary: '219 per week',
    });
    const slider = screen.getByRole('slider', { name: 'Load: week shown' });
    expect(slider.getAttribute('aria-valuetext')).toBe('Week of 30 Nov: 95 TSS');
    expect(slider.getAttribute('aria-valuenow')).toBe('2');
    await fireEvent.keyDown(slider, { key: 'ArrowLeft' });
    expect(slider.getAttribute('aria-valuetext')).toBe('Week of 23 Nov: 312 TSS');
    expect(screen.getByText('Week of 23 Nov · 312 TSS')).toBeTruthy();
    await fireEvent.keyDown(slider, { key: 'Home' });
    expect(slider.getAttribute('aria-valuetext')).toBe('Week of 16 Nov: 250 TSS');
    await fireEvent.keyDown(slider, { key: 'ArrowLeft' });
    expect(slider.getAttribute('aria-valuenow')).toBe('0');
    await fireEvent.keyDown(slider, { key: 'End' });
    expect(slider.getAttribute('aria-valuetext')).toBe('Week of 30 Nov: 95 TSS');
    await fireEvent.keyDown(slider, { key: 'Escape' });
    expect(screen.getByText('219 per week')).toBeTruthy();
  });
});

describe('PmcChart with weekly bars', () => {
  const day = (date: string, load: number, ctl: number): PmcDay => ({
    date,
    load,
    ctl,
    atl: ctl + 5,
    tsb: -5,
    tsbAfter: -5,
    ramp: 0,
    zone: 'neutral',
  });

  it("reads a day's fitness with its week's load from the server", async () => {
    const days = [day('2026-11-28', 40, 50), day('2026-11-29', 0, 49), day('2026-11-30', 70, 51), day('2026-12-01', 30, 52)];
    const weeks: PmcWeek[] = [
      { weekStart: '2026-11-23', last: '2026-11-29', days: 2, load: 40, ctl: 49, atl: 54, tsbAfter: -5 },
      { weekStart: '2026-11-30', last: '2026-12-01', days: 2, load: 100, ctl: 52, atl: 57, tsbAfter: -5 },
    ];
    render(PmcChart, { days, weeks });
    const slider = screen.getByRole('slider', { name: 'Day shown in the chart' });
    expect(slider.getAttribute('aria-valuetext')).toMatch(/fitness 52, .* load that week 100$/);
    expect(screen.getByText('Week load')).toBeTruthy();
    await fireEvent.keyDown(slider, { key: 'Home' });
    expect(slider.getAttribute('aria-valuetext')).toMatch(/fitness 50, .* load that week 40$/);
    await fireEvent.keyDown(slider, { key: 'ArrowRight', shiftKey: true });
    expect(slider.getAttribute('aria-valuenow')).toBe('3');
  });
});
