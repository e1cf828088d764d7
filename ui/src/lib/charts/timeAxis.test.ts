import { describe, expect, it } from 'vitest';
import { cursorKey, dateTickLabels, daysAfter, localSeconds } from './timeAxis';

const DAY = 86400;

describe('date axis labels', () => {
  const at = (...dates: string[]) => dates.map(localSeconds);

  it('are years between years, months between months (the year at January), dates between days', () => {
    expect(dateTickLabels(at('2024-01-01', '2025-01-01', '2026-01-01'), 365 * DAY)).toEqual(['2024', '2025', '2026']);
    expect(dateTickLabels(at('2025-10-01', '2025-12-01', '2026-01-01', '2026-03-01'), 61 * DAY)).toEqual(['Oct', 'Dec', '2026', 'Mar']);
    expect(dateTickLabels(at('2025-10-04', '2025-10-13'), 9 * DAY)).toEqual(['4 Oct', '13 Oct']);
  });

  it('stay short: never a date with its year, at most six characters', () => {
    const labels = dateTickLabels(at('2019-06-30', '2023-11-05'), 7 * DAY);
    expect(labels).toEqual(['30 Jun', '5 Nov']);
  });
});

describe('local days', () => {
  it('count calendar days across a daylight-saving change', () => {
    const d = new Date(daysAfter(localSeconds('2026-03-28'), 2) * 1000);
    expect([d.getMonth(), d.getDate(), d.getHours()]).toEqual([2, 30, 0]);
  });
});

describe('keyboard cursor', () => {
  it('moves by one, by `big` with Shift, by `page` with the Page keys, and stops at the ends', () => {
    expect(cursorKey('ArrowLeft', false, 5, 10, 4, 8)).toBe(4);
    expect(cursorKey('ArrowRight', true, 5, 10, 4, 8)).toBe(9);
    expect(cursorKey('ArrowRight', true, 8, 10, 4, 8)).toBe(9);
    expect(cursorKey('PageUp', false, 5, 10, 4, 8)).toBe(0);
    expect(cursorKey('PageDown', false, 1, 10, 4, 8)).toBe(9);
    expect(cursorKey('Home', false, 5, 10, 4, 8)).toBe(0);
    expect(cursorKey('End', false, 5, 10, 4, 8)).toBe(9);
    expect(cursorKey('Escape', false, 5, 10, 4, 8)).toBeNull();
    expect(cursorKey('a', false, 5, 10, 4, 8)).toBeUndefined();
  });
});
