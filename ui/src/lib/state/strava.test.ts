import { describe, expect, it } from 'vitest';
import type { StravaCopies, StravaRefresh, SyncProgress } from '../api/strava';
import { copiesSentence, disconnectSentence, refreshSentence, riskWords, syncSentence } from './strava.svelte';

const P: SyncProgress = {
  jobId: 'j1', state: 'running', mode: 'backfill', pagesFetched: 3, activitiesFetched: 150, activitiesNew: 120,
  activitiesUpdated: 4, resumeAt: null, error: null, rateLimit: null, updatedAt: null,
};

describe('syncSentence', () => {
  it('says how far a running sync got, with pages and updates when detailed', () => {
    expect(syncSentence(P, null, true, false)).toBe('Syncing… 150 activities read, 120 new');
    expect(syncSentence(P, null, true, true)).toBe('Syncing… 3 pages, 150 activities read, 120 new, 4 updated');
  });
  it('counts one page and one activity in the singular', () => {
    const first = { ...P, pagesFetched: 1, activitiesFetched: 1, activitiesNew: 1, activitiesUpdated: 0 };
    expect(syncSentence(first, null, true, true)).toBe('Syncing… 1 page, 1 activity read, 1 new, 0 updated');
    expect(syncSentence(first, null, true, false)).toBe('Syncing… 1 activity read, 1 new');
  });
  it('says when a rate-limit pause ends', () => {
    const waiting = { ...P, state: 'waiting-for-rate-limit' as const, resumeAt: '2026-11-24T09:15:00Z' };
    expect(syncSentence(waiting, null, true, false)).toMatch(/^Paused for Strava’s rate limit; resumes .+\.$/);
  });
  it('says how the last sync ended', () => {
    expect(syncSentence({ ...P, state: 'failed', error: 'token revoked' }, null, false, true)).toBe('Last sync failed: token revoked.');
    expect(syncSentence(null, null, false, true)).toBe('Not synced yet.');
    const done = { ...P, state: 'done' as const };
    expect(syncSentence(done, new Date().toISOString(), false, true)).toMatch(/^Last synced .+: 120 new, 4 updated\.$/);
    expect(syncSentence(done, new Date().toISOString(), false, false)).toMatch(/^Last synced [^:]+\.$/);
  });
});

const HOUR = 3_600_000;
const ago = (h: number) => new Date(Date.now() - h * HOUR).toISOString();
const COPIES: StravaCopies = {
  count: 300, oldestRefreshedAt: ago(72), expiresAt: new Date(Date.now() + 96 * HOUR).toISOString(),
  retention: 'strava_policy', atRisk: false, reason: null,
};
const REFRESH: StravaRefresh = {
  state: 'done', activitiesFetched: 200, confirmed: 198, removed: 2, error: null, updatedAt: ago(2), finishedAt: ago(2),
};

describe('copiesSentence', () => {
  it('says how many copies are stored, when Strava last confirmed the oldest and how they stay', () => {
    expect(copiesSentence(COPIES)).toBe(
      '300 activities from Strava stored; Strava last confirmed the oldest of them 3 days ago. FitCoach has Strava re-confirm them about once a day.',
    );
    expect(copiesSentence({ ...COPIES, retention: 'keep', oldestRefreshedAt: null, expiresAt: null })).toBe(
      '300 activities from Strava stored. They stay until you disconnect.',
    );
    expect(copiesSentence({ ...COPIES, count: 0 })).toBe('No activities from Strava are stored yet.');
  });
});

describe('refreshSentence', () => {
  it('says how a running or finished refresh went, quietly', () => {
    expect(refreshSentence({ ...REFRESH, state: 'running', finishedAt: null })).toBe(
      'Re-confirming your activities with Strava… 200 read, 198 confirmed.',
    );
    expect(refreshSentence(REFRESH)).toBe(
      'Last re-confirmed with Strava 2 h ago: 198 confirmed, 2 activities removed because Strava no longer lists them.',
    );
    expect(refreshSentence({ ...REFRESH, removed: 0 })).toBe('Last re-confirmed with Strava 2 h ago: 198 confirmed.');
    expect(refreshSentence({ ...REFRESH, state: 'failed', error: 'Strava answered 500' })).toBe(
      'The last re-confirmation with Strava failed: Strava answered 500.',
    );
    expect(refreshSentence({ ...REFRESH, state: 'waiting-for-rate-limit' })).toMatch(/paused for Strava’s rate limit/);
    expect(refreshSentence(null)).toBeNull();
    expect(refreshSentence(undefined)).toBeNull();
  });
});

describe('riskWords', () => {
  it('says when the copies go, why and what to do, by reason', () => {
    const r = riskWords({ ...COPIES, atRisk: true, reason: 'reconnect' }, null);
    expect(r.title).toMatch(/^Your 300 activities from Strava will be removed, starting .+, unless Strava confirms them again\.$/);
    expect(r.why).toMatch(/^Why: Strava asks you to reconnect/);
    expect(r.why).toMatch(/7 days/);
    expect(r.todo).toBe('Reconnect Strava to keep them.');
    expect(riskWords({ ...COPIES, atRisk: true, reason: 'not_connected' }, null).why).toMatch(/^Why: Strava is not connected/);
    const failing = riskWords({ ...COPIES, atRisk: true, reason: 'refresh_failing' }, { ...REFRESH, state: 'failed', error: 'timeout' });
    expect(failing.why).toMatch(/^Why: re-confirming them with Strava keeps failing \(timeout\)/);
    expect(riskWords({ ...COPIES, atRisk: true, reason: null, expiresAt: null }, null).title).toMatch(/removed soon/);
  });
});

describe('disconnectSentence', () => {
  it('shows the server’s message, or says the same from its numbers', () => {
    expect(disconnectSentence({ disconnected: true, revokedOnStrava: true, stravaCopiesRemoved: 302, activitiesKept: 14, message: 'From the server.' })).toBe(
      'From the server.',
    );
    expect(disconnectSentence({ disconnected: true, revokedOnStrava: true, stravaCopiesRemoved: 302, activitiesKept: 14, message: '' })).toBe(
      'Strava is disconnected. 302 activities that only Strava’s API held were removed, as Strava’s rules require; your 14 activities from files, exports and manual entries stay.',
    );
    expect(disconnectSentence({ disconnected: true, revokedOnStrava: false, activitiesKept: 1, message: '' })).toBe(
      'Strava is disconnected. Your 1 activity from files, exports and manual entries stays.',
    );
  });
});
