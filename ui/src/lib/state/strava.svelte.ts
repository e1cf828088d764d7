import { onMount } from 'svelte';
import { getStravaStatus, type StravaStatus, type SyncProgress } from '../api/strava';
import { errorMessage } from '../errors';
import { formatAgo, formatInstant } from '../format';
import { live } from './live.svelte';

/**
 * Strava's connection and sync as the UI shows it: the status snapshot from the server, with the live progress from
 * the event bus taking over while a sync runs. Shared by the dashboard's sync line and the Settings section.
 */
export class StravaStatusState {
  status = $state.raw<StravaStatus | null>(null);
  loadError = $state<string | null>(null);

  /** Live progress wins over the status snapshot. */
  readonly progress = $derived.by<SyncProgress | null>(() => {
    const ev = live.sync;
    if (ev && 'jobId' in ev) return ev;
    return this.status?.sync ?? null;
  });

  readonly running = $derived(this.progress?.state === 'running' || this.progress?.state === 'waiting-for-rate-limit');

  async load(): Promise<void> {
    try {
      this.status = await getStravaStatus();
      this.loadError = null;
    } catch (e) {
      this.loadError = errorMessage(e);
    }
  }

  /**
   * Call while a component initialises: loads now, and again when a live sync ends or Strava access was revoked
   * (the snapshot then has the new totals and connection state).
   */
  follow(): this {
    onMount(() => {
      void this.load();
    });
    $effect(() => {
      const ev = live.sync;
      if (ev && (ev.state === 'done' || ev.state === 'failed' || ev.state === 'disconnected')) void this.load();
    });
    return this;
  }
}

/**
 * The sync in one sentence: while it runs, how far it got (with pages and updates when `detailed`) or when the rate
 * limit lets it go on; otherwise how the last one ended.
 */
export function syncSentence(progress: SyncProgress | null, lastSyncAt: string | null, running: boolean, detailed: boolean): string {
  if (running && progress) {
    if (progress.state === 'waiting-for-rate-limit') {
      return `Paused for Strava’s rate limit${progress.resumeAt ? `; resumes ${formatInstant(progress.resumeAt)}` : ''}.`;
    }
    return detailed
      ? `Syncing… ${progress.pagesFetched} pages, ${progress.activitiesFetched} activities read, ${progress.activitiesNew} new, ${progress.activitiesUpdated} updated`
      : `Syncing… ${progress.activitiesFetched} activities read, ${progress.activitiesNew} new`;
  }
  if (progress?.state === 'failed') return `Last sync failed${progress.error ? `: ${progress.error}` : ''}.`;
  if (!lastSyncAt) return 'Not synced yet.';
  const totals = detailed && progress ? `: ${progress.activitiesNew} new, ${progress.activitiesUpdated} updated` : '';
  return `Last synced ${formatAgo(lastSyncAt)}${totals}.`;
}
