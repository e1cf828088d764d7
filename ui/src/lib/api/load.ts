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
  /** A day after today: the numbers are projected from the plan (or rest), not from training done. */
  projected?: boolean;
  /** The load planned on a projected day. */
  plannedLoad?: number | null;
}

/** A race or goal day in the chart's range, with the form projected for it. */
export interface PmcEvent {
  date: string;
  name: string;
  priority: 'A' | 'B' | 'C';
  sport: string;
  form: number | null;
}

/** What the days after today are projected from: the planned workouts, or rest. */
export type Projection = 'plan' | 'rest';

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
  /** Events in the range (with a future `to`). */
  events?: PmcEvent[];
}

/**
 * Local dates, inclusive; the server defaults to the last 90 days. `by: 'week'` adds the weekly load bars. A `to` after
 * today projects the days ahead from the plan (`projection: 'plan'`, the default) or from rest.
 */
export function getPmc(range: { from?: string; to?: string; by?: 'day' | 'week'; projection?: Projection } = {}, options?: RequestOptions): Promise<Pmc> {
  return api.get<Pmc>(withQuery('/api/load/pmc', range), options);
}

/** One activity an estimate rests on (copied when the change was recorded). */
export interface EstimateEvidence {
  activityId: string;
  date: string | null;
  name: string | null;
  sportType: string | null;
  maxHr: number | null;
}

/** A change of an estimated threshold, recorded when the loads were recomputed. */
export interface EstimateChange {
  id: string;
  kind: 'max_hr' | 'lthr' | 'resting_hr' | 'ftp';
  oldValue: number;
  newValue: number;
  /** What the new estimate rests on: observed activities, the athlete's age, a value they entered, or the default. */
  basis: 'observed' | 'age' | 'entered' | 'default';
  evidence: EstimateEvidence[];
  /** The activity that joined the evidence and moved the estimate, if one did. */
  causeActivityId: string | null;
  /** Stored loads of other activities that the recompute changed. */
  loadsChanged: number;
  changedAt: string;
  dismissedAt: string | null;
}

/** Newest first. */
export function getEstimateChanges(): Promise<{ changes: EstimateChange[] }> {
  return api.get<{ changes: EstimateChange[] }>('/api/load/estimate-changes');
}

export function dismissEstimateChanges(ids: string[]): Promise<{ dismissed: number }> {
  return api.post<{ dismissed: number }>('/api/load/estimate-changes/dismiss', { ids });
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
