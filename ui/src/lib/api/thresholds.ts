import { api } from './client';

/** ftp (W), lthr/max_hr/resting_hr (bpm), threshold_pace (s per km), weight (kg). */
export type ThresholdKind = 'ftp' | 'lthr' | 'max_hr' | 'resting_hr' | 'threshold_pace' | 'weight';

export const THRESHOLD_KINDS: ThresholdKind[] = ['ftp', 'lthr', 'max_hr', 'resting_hr', 'threshold_pace', 'weight'];

/** One dated value: in force from validFrom until the next entry of its kind. */
export interface ThresholdEntry {
  id: string;
  kind: ThresholdKind;
  validFrom: string;
  value: number;
  source: 'athlete' | 'migrated' | 'suggestion' | string;
  createdAt: string;
}

export interface ThresholdHistory {
  /** By kind, then newest first. */
  entries: ThresholdEntry[];
  current: {
    ftp: number | null;
    lthr: number | null;
    maxHr: number | null;
    restingHr: number | null;
    thresholdPace: number | null;
    weight: number | null;
  };
}

export interface ThresholdSuggestion {
  id: string;
  kind: ThresholdKind;
  value: number;
  current: number | null;
  validFrom: string;
  activityId: string | null;
  activityName: string | null;
  evidence: string;
  createdAt: string;
}

export function getThresholds(): Promise<ThresholdHistory> {
  return api.get<ThresholdHistory>('/api/settings/thresholds');
}

/** 409 when the kind already has an entry on that date; 422 with a field for a bad value or date. */
export function addThreshold(body: { kind: ThresholdKind; validFrom: string; value: number }): Promise<ThresholdEntry> {
  return api.post<ThresholdEntry>('/api/settings/thresholds', body);
}

export function updateThreshold(id: string, body: { validFrom?: string; value?: number }): Promise<ThresholdEntry> {
  return api.put<ThresholdEntry>(`/api/settings/thresholds/${encodeURIComponent(id)}`, body);
}

export function deleteThreshold(id: string): Promise<void> {
  return api.delete<void>(`/api/settings/thresholds/${encodeURIComponent(id)}`);
}

export function getSuggestions(): Promise<{ suggestions: ThresholdSuggestion[] }> {
  return api.get<{ suggestions: ThresholdSuggestion[] }>('/api/settings/thresholds/suggestions');
}

export function acceptSuggestion(id: string): Promise<{ entry: ThresholdEntry }> {
  return api.post<{ entry: ThresholdEntry }>(`/api/settings/thresholds/suggestions/${encodeURIComponent(id)}/accept`);
}

export function dismissSuggestion(id: string): Promise<void> {
  return api.post<void>(`/api/settings/thresholds/suggestions/${encodeURIComponent(id)}/dismiss`);
}
