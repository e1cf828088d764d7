import { api, request } from './client';

export type Units = 'metric' | 'imperial';

export interface Profile {
  sex: 'male' | 'female' | 'other' | null;
  birthYear: number | null;
  weightKg: number | null;
  heightCm: number | null;
  maxHr: number | null;
  restingHr: number | null;
  lthr: number | null;
  ftpWatts: number | null;
  thresholdPaceSPerKm: number | null;
  vo2max: number | null;
  units: Units;
  /** IANA time zone name. */
  timeZone: string;
  goals: string | null;
  preferences: string | null;
  updatedAt: string | null;
}

export type ProviderId = 'anthropic' | 'openai';

export interface ProviderKey {
  provider: ProviderId;
  source: 'stored' | 'environment';
  last4: string | null;
  baseUrl: string | null;
  model: string | null;
  updatedAt: string | null;
}

export interface ApiKeyRequest {
  provider: ProviderId;
  key?: string;
  baseUrl?: string;
  model?: string;
}

export interface DataPolicy {
  alwaysEligible: string[];
  allowStravaApi: boolean;
  stravaApiAcknowledgedAt: string | null;
  stravaRetention: 'keep' | 'strava_policy';
  /** The exact text to send back as `acknowledgement` to turn Strava API data on. */
  acknowledgementText: string;
  localModelNote: string;
  updatedAt: string | null;
}

export interface DataPolicyUpdate {
  allowStravaApi?: boolean;
  acknowledgement?: string;
  stravaRetention?: 'keep' | 'strava_policy';
}

export interface RestoreResult {
  activities: number;
  streams: number;
  chatSessions: number;
  chatMessages: number;
  weeklyReports: number;
  recommendations: number;
  insights: number;
  millis: number;
}

export function getProfile(): Promise<Profile> {
  return api.get<Profile>('/api/settings/profile');
}

/** Present fields are set (null clears), absent ones kept. */
export function updateProfile(changes: Partial<Omit<Profile, 'updatedAt'>>): Promise<Profile> {
  return api.put<Profile>('/api/settings/profile', changes);
}

export function getApiKeys(): Promise<{ providers: ProviderKey[] }> {
  return api.get<{ providers: ProviderKey[] }>('/api/settings/apikey');
}

export function saveApiKey(body: ApiKeyRequest): Promise<ProviderKey> {
  return api.post<ProviderKey>('/api/settings/apikey', body);
}

export function deleteApiKey(provider: ProviderId): Promise<{ ok: boolean }> {
  return api.delete<{ ok: boolean }>(`/api/settings/apikey/${provider}`);
}

export function getDataPolicy(): Promise<DataPolicy> {
  return api.get<DataPolicy>('/api/settings/data-policy');
}

export function updateDataPolicy(update: DataPolicyUpdate): Promise<DataPolicy> {
  return api.put<DataPolicy>('/api/settings/data-policy', update);
}

/** A plain link downloads the zip (the browser sends the cookie). */
export const EXPORT_URL = '/api/export';

/** Restores an export zip into an account with no data; 409 not_empty, 422 not_a_fitcoach_export. */
export function restoreExport(file: File): Promise<RestoreResult> {
  const form = new FormData();
  form.append('file', file, file.name);
  return request<RestoreResult>('POST', '/api/export/restore', form);
}

export function loadDemo(body: { years?: number; sessionsPerWeek?: number } = {}): Promise<{ activities: number; millis: number }> {
  return api.post<{ activities: number; millis: number }>('/api/demo', body);
}

export function removeDemo(): Promise<{ removed: number }> {
  return api.delete<{ removed: number }>('/api/demo');
}
