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

/** One leg's share of a multisport activity's load, computed by the server's engine for the leg's own sport. */
export interface LegLoad {
  load: number;
  method: string;
  usesEstimatedThreshold: boolean;
}

/** GET /api/activities/:id/leg-loads: each leg's load, in the order of the activity's legs (empty without legs). */
export function getLegLoads(id: string, options?: RequestOptions): Promise<{ activityId: string; legs: LegLoad[] }> {
  return api.get(`/api/activities/${encodeURIComponent(id)}/leg-loads`, options);
}
