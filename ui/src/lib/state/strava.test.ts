import { describe, expect, it } from 'vitest';
import type { SyncProgress } from '../api/strava';
import { syncSentence } from './strava.svelte';

const P: SyncProgress = {
  jobId: 'j1', state: 'running', mode: 'backfill', pagesFetched: 3, activitiesFetched: 150, activitiesNew: 120,
  activitiesUpdated: 4, resumeAt: null, error: null, rateLimit: null, updatedAt: null,
};

describe('syncSentence', () => {
  it('says how far a running sync got, with pages and updates when detailed', () => {
    expect(syncSentence(P, null, true, false)).toBe('Syncing… 150 activities read, 120 new');
    expect(syncSentence(P, null, true, true)).toBe('Syncing… 3 pages, 150 activities read, 120 new, 4 updated');
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
