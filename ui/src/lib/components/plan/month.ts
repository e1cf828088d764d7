import type { Completion } from '../../api/plan';

/**
 * The month shown by the calendar and its grid: whole Monday-to-Sunday weeks from the week of the 1st to the week of
 * the last day (at most six weeks, 42 days, inside the server's 62-day limit).
 */

/** "2026-12" when it is a real month, else null. */
export function parseMonth(text: string | null | undefined): string | null {
  if (!text || !/^\d{4}-(0[1-9]|1[0-2])$/.test(text)) return null;
  const y = Number(text.slice(0, 4));
  return y >= 1970 && y <= 2200 ? text : null;
}

function utc(iso: string): Date {
  return new Date(Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)));
}

function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function addDays(date: string, n: number): string {
  const d = utc(date);
  d.setUTCDate(d.getUTCDate() + n);
  return iso(d);
}

/** The month n months after "2026-12". */
export function addMonths(month: string, n: number): string {
  const d = new Date(Date.UTC(+month.slice(0, 4), +month.slice(5, 7) - 1 + n, 1));
  return iso(d).slice(0, 7);
}

/** The Monday on or before a date. */
export function mondayOf(date: string): string {
  const dow = (utc(date).getUTCDay() + 6) % 7;
  return addDays(date, -dow);
}

/** The first and last day of the month's grid. */
export function gridRange(month: string): { from: string; to: string } {
  const first = `${month}-01`;
  const last = addDays(`${addMonths(month, 1)}-01`, -1);
  return { from: mondayOf(first), to: addDays(mondayOf(last), 6) };
}

/** "December 2026" in the browser's language. */
export function monthTitle(month: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(utc(`${month}-01`));
}

/** "Mon", "Tue", … in the browser's language, Monday first. */
export function weekdayNames(locale?: string, style: 'short' | 'long' = 'short'): string[] {
  const f = new Intl.DateTimeFormat(locale, { weekday: style, timeZone: 'UTC' });
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, i) => f.format(utc(addDays('2024-01-01', i))));
}

export type ComplianceLevel = 'good' | 'partial' | 'off';

/**
 * How closely a done workout followed its plan: the load ratio when there is one, else the duration ratio.
 * Within 20 % is on target; within 50 % partly; anything further is off.
 */
export function compliance(c: Completion | null): { level: ComplianceLevel; ratio: number | null; label: string } | null {
  if (!c || !c.activityId) return null;
  const ratio = c.loadRatio ?? c.durationRatio;
  if (ratio == null) return { level: 'good', ratio: null, label: 'Done' };
  const pct = Math.round(ratio * 100);
  const off = Math.abs(ratio - 1);
  if (off <= 0.2) return { level: 'good', ratio, label: `Done, ${pct} % of plan` };
  if (off <= 0.5) return { level: 'partial', ratio, label: `Partly, ${pct} % of plan` };
  return { level: 'off', ratio, label: `Off plan, ${pct} %` };
}
