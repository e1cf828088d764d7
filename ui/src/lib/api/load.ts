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

export interface Pmc {
  from: string;
  to: string;
  today: string;
  warmingUp: boolean;
  days: PmcDay[];
}

/** Local dates, inclusive; the server defaults to the last 90 days. */
export function getPmc(range: { from?: string; to?: string } = {}, options?: RequestOptions): Promise<Pmc> {
  return api.get<Pmc>(withQuery('/api/load/pmc', range), options);
}
