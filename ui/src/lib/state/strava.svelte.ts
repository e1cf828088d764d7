import { onMount } from 'svelte';
import { getStravaStatus, type StravaStatus, type SyncProgress } from '../api/strava';
import { errorMessage } from '../errors';
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
