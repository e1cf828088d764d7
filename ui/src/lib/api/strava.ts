import { api } from './client';

export interface RateLimit {
  shortUsage: number;
  shortLimit: number;
  dailyUsage: number;
  dailyLimit: number;
  readShortUsage: number;
  readShortLimit: number;
  readDailyUsage: number;
  readDailyLimit: number;
}

export type SyncState = 'running' | 'waiting-for-rate-limit' | 'done' | 'failed' | 'pending' | string;

export interface SyncProgress {
  jobId: string;
  state: SyncState;
  mode: string;
  pagesFetched: number;
  activitiesFetched: number;
  activitiesNew: number;
  activitiesUpdated: number;
  /** When a rate-limit pause ends. */
  resumeAt: string | null;
  error: string | null;
  rateLimit: RateLimit | null;
  updatedAt: string | null;
}

export interface StravaStatus {
  configured: boolean;
  connected: boolean;
  athleteId: number | null;
  athleteName: string | null;
  scopes: string[];
  needsReauth: boolean;
  lastSyncAt: string | null;
  sync: SyncProgress | null;
  rateLimit: RateLimit | null;
}

export interface DisconnectResult {
  disconnected: boolean;
  revokedOnStrava: boolean;
  activitiesKept: number;
  message: string;
}

/** Full-page navigation target: the server redirects to Strava's authorize page. */
export const STRAVA_CONNECT_URL = '/api/strava/connect';

/** The SSE feed of sync progress (`event: progress`). */
export const SYNC_EVENTS_URL = '/api/strava/sync/events';

export function getStravaStatus(): Promise<StravaStatus> {
  return api.get<StravaStatus>('/api/strava/status');
}

/** 202 with the job's progress; 409 strava_not_connected / strava_reauth_needed. */
export function startSync(): Promise<SyncProgress & { alreadyRunning: boolean }> {
  return api.post<SyncProgress & { alreadyRunning: boolean }>('/api/strava/sync');
}

export function disconnectStrava(): Promise<DisconnectResult> {
  return api.delete<DisconnectResult>('/api/strava/disconnect');
}
