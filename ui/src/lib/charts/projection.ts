import type { Pmc, PmcDay, PmcEvent } from '../api/load';
import { daysBefore } from '../format';

/** How far ahead the chart asks for a projection (the server allows up to 366 days). */
export const PROJECTION_HORIZON = 120;
/** Days shown ahead when anything is planned. */
export const AHEAD_DAYS = 28;

export interface ProjectionWindow {
  /** The last day shown. */
  end: string;
  /** The projected days after today, up to end. */
  days: PmcDay[];
  /** Events after today, up to end. */
  events: PmcEvent[];
}

const after = (date: string, n: number) => daysBefore(date, -n);

/**
 * The part of a projection the chart shows: four weeks ahead when anything is planned or an event is near, up to the
 * next A event when it is within the horizon; nothing when nothing lies ahead. Fields an older server leaves out are
 * read as absent.
 */
export function projectionWindow(today: string, pmc: Pmc | null): ProjectionWindow | null {
  if (!pmc) return null;
  const ahead = (pmc.days ?? []).filter((d) => d.date > today);
  const events = (pmc.events ?? []).filter((e) => e.date > today && e.date <= after(today, PROJECTION_HORIZON));
  const nextA = events.find((e) => e.priority === 'A');
  const planned = ahead.some((d) => (d.plannedLoad ?? 0) > 0);
  let end: string | null = null;
  if (nextA) end = nextA.date > after(today, AHEAD_DAYS) ? nextA.date : after(today, AHEAD_DAYS);
  else if (planned || events.some((e) => e.date <= after(today, AHEAD_DAYS))) end = after(today, AHEAD_DAYS);
  if (!end) return null;
  const last = end;
  return { end, days: ahead.filter((d) => d.date <= last), events: events.filter((e) => e.date <= last) };
}

/**
 * The window for the projection shown. With rest there may be no plan in the answer to tell how far to look: then the
 * plan's own window sets the end, so switching between the two keeps the same dates.
 */
export function shownWindow(today: string, shown: Pmc | null, plan: Pmc | null): ProjectionWindow | null {
  const planWindow = projectionWindow(today, plan);
  const own = projectionWindow(today, shown);
  const end = planWindow && own ? (planWindow.end > own.end ? planWindow.end : own.end) : (planWindow?.end ?? own?.end);
  if (!end || !shown) return null;
  const events = (shown.events?.length ? shown.events : (plan?.events ?? [])).filter((e) => e.date > today && e.date <= end);
  return { end, days: (shown.days ?? []).filter((d) => d.date > today && d.date <= end), events };
}
