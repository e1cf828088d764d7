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
  /** The stored Strava API copies and when they go (absent from an older server). */
  copies?: StravaCopies | null;
  /** The latest background refresh that re-confirms the copies with Strava (absent or null: none). */
  refresh?: StravaRefresh | null;
}

export type CopiesRetention = 'strava_policy' | 'keep';
export type CopiesRisk = 'reconnect' | 'refresh_failing' | 'not_connected';

export interface StravaCopies {
  /** Strava API copies stored. */
  count: number;
  /** When Strava last confirmed the least recently confirmed copy (null: none). */
  oldestRefreshedAt: string | null;
  /** When that copy goes under the "strava_policy" retention (null under "keep", or with no copies). */
  expiresAt: string | null;
  retention: CopiesRetention | string;
  /** The copies will expire unless something changes. */
  atRisk: boolean;
  reason: CopiesRisk | string | null;
}

export interface StravaRefresh {
  state: 'running' | 'waiting-for-rate-limit' | 'done' | 'failed' | string;
  activitiesFetched: number;
  confirmed: number;
  removed: number;
  error: string | null;
  updatedAt: string | null;
  finishedAt: string | null;
}

export interface DisconnectResult {
  disconnected: boolean;
  revokedOnStrava: boolean;
  /** Strava API copies removed (absent from an older server). */
  stravaCopiesRemoved?: number;
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
