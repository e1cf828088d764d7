import { describe, expect, it } from 'vitest';
import { addMonths, compliance, gridRange, mondayOf, parseMonth } from './month';

describe('the calendar month', () => {
  it('reads only real months from the address', () => {
    expect(parseMonth('2026-12')).toBe('2026-12');
    expect(parseMonth('2026-13')).toBeNull();
    expect(parseMonth('12-2026')).toBeNull();
    expect(parseMonth(null)).toBeNull();
  });

  it('spans whole Monday-to-Sunday weeks around the month', () => {
    // 1 Dec 2026 is a Tuesday, 31 Dec a Thursday.
    expect(gridRange('2026-12')).toEqual({ from: '2026-11-30', to: '2027-01-03' });
    // February 2027 starts on a Monday and ends on a Sunday: exactly four weeks.
    expect(gridRange('2027-02')).toEqual({ from: '2027-02-01', to: '2027-02-28' });
    expect(mondayOf('2026-12-06')).toBe('2026-11-30');
  });

  it('steps across years', () => {
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
  });

  it('says how closely a done workout followed the plan, load first', () => {
    const c = (loadRatio: number | null, durationRatio: number | null) =>
      compliance({ activityId: 'a', link: 'auto', doneDurationS: 1, doneLoad: 1, loadRatio, durationRatio });
    expect(c(0.95, 0.5)).toMatchObject({ level: 'good', label: 'Done, 95 % of plan' });
    expect(c(null, 0.7)).toMatchObject({ level: 'partial', label: 'Partly, 70 % of plan' });
    expect(c(1.8, null)).toMatchObject({ level: 'off', label: 'Off plan, 180 %' });
    expect(c(null, null)).toMatchObject({ level: 'good', label: 'Done' });
    expect(compliance(null)).toBeNull();
    // The athlete's word that no activity did it: no compliance to show.
    expect(compliance({ activityId: null, link: 'none', doneDurationS: null, doneLoad: null, loadRatio: null, durationRatio: null })).toBeNull();
  });
});
