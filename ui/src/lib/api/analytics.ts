import { api, withQuery, type RequestOptions } from './client';

export interface WeekTotals {
  /** ISO week, e.g. 2026-W48. */
  week: string;
  weekStart: string;
  distanceM: number;
  durationS: number;
  movingTimeS: number;
  elevationGainM: number;
  /** Moving-time weighted; null without heart rate. */
  avgHr: number | null;
  load: number;
  sessions: number;
}

export interface SportTotals {
  sport: string;
  sessions: number;
  distanceM: number;
  movingTimeS: number;
  elevationGainM: number;
  load: number;
  lastActivity: string | null;
}

export function getWeekly(
  query: { weeks?: number; sport?: string } = {},
  options?: RequestOptions,
): Promise<{ weeks: WeekTotals[] }> {
  return api.get<{ weeks: WeekTotals[] }>(withQuery('/api/analytics/weekly', query), options);
}

export function getSports(
  query: { from?: string; to?: string } = {},
  options?: RequestOptions,
): Promise<{ sports: SportTotals[] }> {
  return api.get<{ sports: SportTotals[] }>(withQuery('/api/analytics/sports', query), options);
}
