import { api, withQuery } from './client';
import type { WeekMetrics } from './ai';

/** A week's numbers from the engine, with no AI involved, and the bounds of the week picker. */
export interface WeekNumbers {
  /** The week's Monday. */
  weekStart: string;
  metrics: WeekMetrics;
  /** The Monday of the first week with history; null when there is none yet. */
  firstWeek: string | null;
  /** The Monday of this week (the athlete's today). */
  thisWeek: string;
}

/** start: a date in the week (YYYY-MM-DD) or "2026-W47"; omitted, this week. */
export function getWeekNumbers(start?: string | null): Promise<WeekNumbers> {
  return api.get<WeekNumbers>(withQuery('/api/reports/week', { start: start ?? undefined }));
}
