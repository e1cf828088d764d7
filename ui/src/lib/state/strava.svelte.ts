import { onMount } from 'svelte';
import {
  getStravaStatus,
  type DisconnectResult,
  type StravaCopies,
  type StravaRefresh,
  type StravaStatus,
  type SyncProgress,
} from '../api/strava';
import { errorMessage } from '../errors';
import { formatAgo, formatInstant, formatNumber } from '../format';
import { countOf } from '../locale';
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
      ? `Syncing… ${countOf(progress.pagesFetched, 'page')}, ${countOf(progress.activitiesFetched, 'activity', 'activities')} read, ${formatNumber(progress.activitiesNew)} new, ${formatNumber(progress.activitiesUpdated)} updated`
      : `Syncing… ${countOf(progress.activitiesFetched, 'activity', 'activities')} read, ${formatNumber(progress.activitiesNew)} new`;
  }
  if (progress?.state === 'failed') return `Last sync failed${progress.error ? `: ${progress.error}` : ''}.`;
  if (!lastSyncAt) return 'Not synced yet.';
  const totals = detailed && progress ? `: ${progress.activitiesNew} new, ${progress.activitiesUpdated} updated` : '';
  return `Last synced ${formatAgo(lastSyncAt)}${totals}.`;
}

function activities(n: number): string {
  return countOf(n, 'activity', 'activities');
}

/** The stored Strava API copies in one sentence: how many, and when Strava last confirmed the oldest of them. */
export function copiesSentence(copies: StravaCopies): string {
  if (copies.count <= 0) return 'No activities from Strava are stored yet.';
  const confirmed = copies.oldestRefreshedAt ? `; Strava last confirmed the oldest of them ${formatAgo(copies.oldestRefreshedAt)}` : '';
  const kept =
    copies.retention === 'keep'
      ? ' They stay until you disconnect.'
      : ' FitCoach has Strava re-confirm them about once a day.';
  return `${activities(copies.count)} from Strava stored${confirmed}.${kept}`;
}

/** The background refresh as a quiet line, or null when there has been none. */
export function refreshSentence(refresh: StravaRefresh | null | undefined): string | null {
  if (!refresh) return null;
  switch (refresh.state) {
    case 'running':
      return `Re-confirming your activities with Strava… ${formatNumber(refresh.activitiesFetched)} read, ${formatNumber(refresh.confirmed)} confirmed.`;
    case 'waiting-for-rate-limit':
      return `Re-confirming with Strava: paused for Strava’s rate limit (${formatNumber(refresh.confirmed)} confirmed so far).`;
    case 'done': {
      const removed = refresh.removed > 0 ? `, ${activities(refresh.removed)} removed because Strava no longer lists them` : '';
      return `Last re-confirmed with Strava ${formatAgo(refresh.finishedAt ?? refresh.updatedAt)}: ${formatNumber(refresh.confirmed)} confirmed${removed}.`;
    }
    case 'failed':
      return `The last re-confirmation with Strava failed${refresh.error ? `: ${refresh.error}` : ''}.`;
    default:
      return null;
  }
}

const RULE = 'and Strava’s rules do not allow keeping a copy it has not confirmed for 7 days.';

/** When copies are at risk: what happens when, why, and what to do (the caller adds the links). */
export function riskWords(copies: StravaCopies, refresh: StravaRefresh | null | undefined): { title: string; why: string; todo: string } {
  const when = copies.expiresAt ? `, starting ${formatInstant(copies.expiresAt)}` : ' soon';
  const title = `Your ${activities(copies.count)} from Strava will be removed${when}, unless Strava confirms them again.`;
  switch (copies.reason) {
    case 'reconnect':
      return { title, why: `Why: Strava asks you to reconnect, so FitCoach cannot re-confirm them, ${RULE}`, todo: 'Reconnect Strava to keep them.' };
    case 'not_connected':
      return { title, why: `Why: Strava is not connected, so FitCoach cannot re-confirm them, ${RULE}`, todo: 'Connect Strava again to keep them.' };
    case 'refresh_failing':
      return {
        title,
        why: `Why: re-confirming them with Strava keeps failing${refresh?.error ? ` (${refresh.error})` : ''}, ${RULE}`,
        todo: 'FitCoach keeps trying; if this goes on, reconnect Strava.',
      };
    default:
      return { title, why: `Why: Strava has not re-confirmed them, ${RULE}`, todo: 'Reconnect Strava to keep them.' };
  }
}

/** After disconnecting: the server's message, or the same said from its numbers. */
export function disconnectSentence(result: DisconnectResult): string {
  if (result.message) return result.message;
  const kept = `${activities(result.activitiesKept)} from files, exports and manual entries ${result.activitiesKept === 1 ? 'stays' : 'stay'}`;
  if (result.stravaCopiesRemoved == null) return `Strava is disconnected. Your ${kept}.`;
  return `Strava is disconnected. ${activities(result.stravaCopiesRemoved)} that only Strava’s API held were removed, as Strava’s rules require; your ${kept}.`;
}
