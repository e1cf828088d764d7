import { api } from './client';

/** One local day of the athlete's own wellness data; null where nothing was entered. */
export interface WellnessEntry {
  date: string;
  sleepHours: number | null;
  /** 1 (poor) to 5 (great). */
  sleepQuality: number | null;
  /** 1 (none) to 5 (very sore). */
  soreness: number | null;
  /** 1 (calm) to 5 (very stressed). */
  stress: number | null;
  /** 1 (none) to 5 (eager to train). */
  motivation: number | null;
  /** rMSSD in ms. */
  hrvRmssd: number | null;
  restingHr: number | null;
  weightKg: number | null;
  note: string | null;
  illness: boolean | null;
  injury: boolean | null;
  /** Who wrote it last: manual, csv, fit or restore. */
  source?: string;
}

/** A partial update: a field left out keeps its value, a field set to null is cleared. */
export type WellnessPatch = Partial<Omit<WellnessEntry, 'date' | 'source'>>;

export function getWellness(from: string, to: string): Promise<WellnessRange> {
  return api.get(`/api/wellness?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
}

/** 422 with the field for a value out of range. */
export function putWellness(date: string, patch: WellnessPatch): Promise<WellnessEntry> {
  return api.put(`/api/wellness/${encodeURIComponent(date)}`, patch);
}

export function deleteWellness(date: string): Promise<unknown> {
  return api.delete(`/api/wellness/${encodeURIComponent(date)}`);
}

/**
 * The engine's baselines on each day of a range (see README, "Train or rest"): HRV as the 7-day mean of rMSSD with
 * its normal range, resting HR as the 7-day mean against its 60-day baseline, sleep against the 30-day usual.
 * Null where there are too few values to have one yet.
 */
export interface WellnessTrendDay {
  date: string;
  hrv7: number | null;
  hrvLow: number | null;
  hrvHigh: number | null;
  restingHr7: number | null;
  restingHrBaseline: number | null;
  sleepUsual: number | null;
}

/** The days with an entry in the range, oldest first, and the baselines on each day of it. */
export interface WellnessRange {
  from: string;
  to: string;
  days: WellnessEntry[];
  trend?: WellnessTrendDay[];
}

/** What an import did: rows read, days stored, how each column was read, what was not used, the rows left out. */
export interface WellnessImport {
  rows: number;
  days: number;
  skipped: number;
  columns: Record<string, string>;
  unknownColumns: string[];
  ignoredColumns: { column: string; reason: string }[];
  errors: { line: number; column: string | null; message: string }[];
  errorCount: number;
}

/** A CSV with a header row: a date column and any of the wellness fields (common app column names are understood). */
export function importWellnessCsv(csv: Blob): Promise<WellnessImport> {
  return api.post('/api/wellness/import', csv.type ? csv : new Blob([csv], { type: 'text/csv' }));
}
