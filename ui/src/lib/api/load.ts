import { api, withQuery, type RequestOptions } from './client';
import type { FormZone } from './activities';

export interface PmcDay {
  date: string;
  load: number;
  ctl: number;
  atl: number;
  /** Form at the start of the day (yesterday's CTL − ATL). */
  tsb: number;
  tsbAfter: number;
  ramp: number;
  zone: FormZone;
}

/** A Monday-to-Sunday week of a long chart (by=week): the server's total load and the numbers after its last day. */
export interface PmcWeek {
  weekStart: string;
  /** The week's last day in the chart. */
  last: string;
  /** How many of its days the chart holds (fewer than 7 at the ends). */
  days: number;
  load: number;
  ctl: number;
  atl: number;
  tsbAfter: number;
}

export interface Pmc {
  from: string;
  to: string;
  today: string;
  warmingUp: boolean;
  days: PmcDay[];
  /** Only with by=week. */
  weeks?: PmcWeek[];
}

/** Local dates, inclusive; the server defaults to the last 90 days. `by: 'week'` adds the weekly load bars. */
export function getPmc(range: { from?: string; to?: string; by?: 'day' | 'week' } = {}, options?: RequestOptions): Promise<Pmc> {
  return api.get<Pmc>(withQuery('/api/load/pmc', range), options);
}
