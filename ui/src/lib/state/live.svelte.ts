import { LiveBus, UserChannels, type ActivityEvent, type BusStatus, type SyncEvent } from '../stream/eventbus';
import type { ImportJob } from '../api/imports';

/**
 * Live updates for the signed-in athlete over the event-bus bridge: screens read the latest
 * sync and import progress here, and reload their activities when `activitiesVersion` moves.
 */
export class Live {
  status = $state<BusStatus>('idle');
  /** Bumped whenever an activity arrives, changes or goes (webhook, sync, import). */
  activitiesVersion = $state(0);
  lastActivityEvent = $state.raw<ActivityEvent | null>(null);
  sync = $state.raw<SyncEvent | null>(null);
  importJob = $state.raw<ImportJob | null>(null);
  channels = $state.raw<UserChannels | null>(null);

  readonly #makeBus: () => LiveBus;
  #bus: LiveBus | null = null;
  #offs: (() => void)[] = [];
  #lastSyncNew = -1;
  #lastImportNew = -1;

  constructor(makeBus: () => LiveBus = () => new LiveBus()) {
    this.#makeBus = makeBus;
  }

  start(userId: string): void {
    if (this.#bus) return;
    const bus = this.#makeBus();
    this.#bus = bus;
    const channels = new UserChannels(bus, userId);
    this.channels = channels;
    this.#offs = [
      bus.onStatus((s) => (this.status = s)),
      channels.activities((e) => {
        this.lastActivityEvent = e;
        this.activitiesVersion++;
      }),
      channels.sync((e) => {
        this.sync = e;
        // New activities from a sync count as changes too (the sync does not publish each one).
        const n = 'activitiesNew' in e ? e.activitiesNew + e.activitiesUpdated : -1;
        if (n > this.#lastSyncNew || ('state' in e && e.state === 'done')) this.activitiesVersion++;
        this.#lastSyncNew = n;
      }),
      channels.imports((job) => {
        this.importJob = job;
        const n = job.activitiesNew + job.activitiesMerged;
        if (n !== this.#lastImportNew) this.activitiesVersion++;
        this.#lastImportNew = n;
      }),
    ];
    void bus.connect();
  }

  stop(): void {
    for (const off of this.#offs) off();
    this.#offs = [];
    this.#bus?.close();
    this.#bus = null;
    this.channels = null;
    this.status = 'idle';
    this.sync = null;
    this.importJob = null;
  }
}

export const live = new Live();
