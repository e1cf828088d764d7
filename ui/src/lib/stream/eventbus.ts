/**
 * Live updates over the Vert.x event-bus bridge at /eventbus, through its raw WebSocket with our
 * small client (bridge-socket.ts). The client reconnects by itself (enableReconnect) but
 * forgets its handlers on every new socket, so this wrapper keeps the subscriptions and
 * registers them again each time the socket opens. The bridge is outbound only and lets a
 * browser register only its own user's addresses.
 */
import { BridgeSocket, websocketUrl, type BridgeHandler } from './bridge-socket';
import type { SyncProgress } from '../api/strava';
import type { ImportJob } from '../api/imports';
import type { ToolDoneFrame, ToolFrame } from '../api/ai';
import type { SseEvent } from './sse-parser';

/** The part of the client's EventBus this wrapper uses (a fake in tests). */
export interface BridgeClient {
  state: number;
  onopen: (() => void) | null;
  onclose: ((event?: unknown) => void) | null;
  onerror: (error: unknown) => void;
  enableReconnect(enable: boolean): void;
  registerHandler(address: string, headers: Record<string, string>, callback: BridgeHandler): void;
  unregisterHandler(address: string, headers: Record<string, string>, callback: BridgeHandler): void;
  close(): void;
}

export type BridgeFactory = (url: string) => Promise<BridgeClient>;

const OPEN = 1;

/** Opens the bridge's WebSocket on this page's origin. */
export const loadBridge: BridgeFactory = async (url) =>
  new BridgeSocket(websocketUrl(url, window.location), { reconnectDelayMaxMs: 10_000 });

export type BusStatus = 'idle' | 'connecting' | 'open' | 'reconnecting' | 'closed';

/** User-scoped addresses, as the server publishes them. */
export const addresses = {
  activities: (userId: string) => `fitcoach.user.${userId}.activities`,
  sync: (userId: string) => `fitcoach.user.${userId}.sync`,
  import: (userId: string) => `fitcoach.user.${userId}.import`,
  chat: (userId: string) => `fitcoach.user.${userId}.chat`,
  coach: (userId: string, streamId: string) => `fitcoach.user.${userId}.coach.${streamId}`,
};

/** An activity arrived, changed or was deleted by a Strava webhook. */
export interface ActivityEvent {
  change: 'created' | 'updated' | 'deleted' | string;
  source: string;
  externalId?: string;
}

/** Sync progress, or `{state: "disconnected"}` when the athlete revoked access on Strava. */
export type SyncEvent = SyncProgress | { state: 'disconnected' };

/** A chat session got its generated title. */
export interface ChatEvent {
  type: 'title';
  sessionId: string;
  title: string;
}

/** A coach answer over the bridge: tokens and lookups (tool, tool_done) in order, then done or error. */
export type CoachEvent =
  | { type: 'token'; seq: number; text: string }
  | ({ type: 'tool'; seq?: number } & ToolFrame)
  | ({ type: 'tool_done'; seq?: number } & ToolDoneFrame)
  | ({ type: 'done'; status: string } & Record<string, unknown>)
  | ({ type: 'error'; code: string; message: string; partial?: boolean } & Record<string, unknown>);

type Listener = (body: unknown) => void;

export class LiveBus {
  readonly #factory: BridgeFactory;
  readonly #url: string;
  #client: BridgeClient | null = null;
  #closed = false;
  #everOpened = false;
  /** address → our listeners; one bridge handler per address fans out to them. */
  readonly #listeners = new Map<string, Set<Listener>>();
  readonly #bridgeHandlers = new Map<string, BridgeHandler>();
  readonly #statusListeners = new Set<(status: BusStatus) => void>();
  #status: BusStatus = 'idle';

  constructor(factory: BridgeFactory = loadBridge, url = '/eventbus') {
    this.#factory = factory;
    this.#url = url;
  }

  get status(): BusStatus {
    return this.#status;
  }

  onStatus(listener: (status: BusStatus) => void): () => void {
    this.#statusListeners.add(listener);
    return () => this.#statusListeners.delete(listener);
  }

  /** Opens the bridge once; later calls do nothing. */
  async connect(): Promise<void> {
    if (this.#client || this.#closed || this.#status === 'connecting') return;
    this.#setStatus('connecting');
    let client: BridgeClient;
    try {
      client = await this.#factory(this.#url);
    } catch {
      this.#setStatus('closed');
      return;
    }
    if (this.#closed) {
      client.close();
      return;
    }
    this.#client = client;
    client.enableReconnect(true);
    client.onopen = () => {
      this.#everOpened = true;
      // A new socket knows no handlers: register every address again.
      this.#bridgeHandlers.clear();
      for (const address of this.#listeners.keys()) this.#register(address);
      this.#setStatus('open');
    };
    client.onclose = () => {
      if (!this.#closed) this.#setStatus(this.#everOpened ? 'reconnecting' : 'connecting');
    };
    // Refused registrations and socket errors: the subscription simply gets no messages.
    client.onerror = () => {};
  }

  /** Listens on an address until the returned function is called. */
  subscribe<T>(address: string, listener: (body: T) => void): () => void {
    let set = this.#listeners.get(address);
    if (!set) {
      set = new Set();
      this.#listeners.set(address, set);
    }
    const l = listener as Listener;
    set.add(l);
    if (set.size === 1 && this.#client?.state === OPEN) this.#register(address);
    return () => this.#unsubscribe(address, l);
  }

  /** Closes the socket for good (sign-out); subscriptions are dropped. */
  close(): void {
    this.#closed = true;
    this.#listeners.clear();
    this.#bridgeHandlers.clear();
    const client = this.#client;
    this.#client = null;
    if (client) {
      client.onclose = null;
      try {
        client.close();
      } catch {
        // The server closes a signed-out session's sockets, sometimes before we get here; a client that then
        // holds no socket must not turn sign-out into an error.
      }
    }
    this.#setStatus('closed');
  }

  #register(address: string) {
    const client = this.#client;
    if (!client || client.state !== OPEN || this.#bridgeHandlers.has(address)) return;
    const handler: BridgeHandler = (error, message) => {
      if (error) return;
      for (const l of [...(this.#listeners.get(address) ?? [])]) {
        try {
          l(message.body);
        } catch (e) {
          console.error('FitCoach: live update handler failed', e);
        }
      }
    };
    this.#bridgeHandlers.set(address, handler);
    client.registerHandler(address, {}, handler);
  }

  #unsubscribe(address: string, listener: Listener) {
    const set = this.#listeners.get(address);
    if (!set || !set.delete(listener) || set.size > 0) return;
    this.#listeners.delete(address);
    const handler = this.#bridgeHandlers.get(address);
    this.#bridgeHandlers.delete(address);
    const client = this.#client;
    if (handler && client && client.state === OPEN) client.unregisterHandler(address, {}, handler);
  }

  #setStatus(status: BusStatus) {
    if (this.#status === status) return;
    this.#status = status;
    for (const l of this.#statusListeners) l(status);
  }
}

/** The typed subscriptions of one signed-in user. */
export class UserChannels {
  constructor(
    readonly bus: LiveBus,
    readonly userId: string,
  ) {}

  activities(listener: (e: ActivityEvent) => void): () => void {
    return this.bus.subscribe(addresses.activities(this.userId), listener);
  }

  sync(listener: (e: SyncEvent) => void): () => void {
    return this.bus.subscribe(addresses.sync(this.userId), listener);
  }

  imports(listener: (e: ImportJob) => void): () => void {
    return this.bus.subscribe(addresses.import(this.userId), listener);
  }

  chat(listener: (e: ChatEvent) => void): () => void {
    return this.bus.subscribe(addresses.chat(this.userId), listener);
  }

  /** Following an answer over the bridge starts it (POST with ?transport=eventbus). */
  coach(streamId: string, listener: (e: CoachEvent) => void): () => void {
    return this.bus.subscribe(addresses.coach(this.userId, streamId), listener);
  }
}

/**
 * Follows a coach answer over the bridge as the same events the SSE transport yields (event =
 * the frame's type, id = its seq, data = the frame without its type), so one consumer
 * (AnswerStream) reads both. Ends after `done` or `error`, or when the signal aborts. A frame
 * seen again after the socket came back (seq not past the last one) is dropped; lookups are
 * also keyed by their id downstream, so a repeated tool frame changes nothing either way.
 */
export async function* followOverBridge(
  channels: Pick<UserChannels, 'coach'>,
  streamId: string,
  signal?: AbortSignal,
): AsyncGenerator<SseEvent> {
  const queue: SseEvent[] = [];
  let wake: (() => void) | null = null;
  let lastSeq = 0;
  const poke = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  const unsubscribe = channels.coach(streamId, (frame) => {
    if (!frame || typeof frame !== 'object' || typeof frame.type !== 'string') return;
    const { type, ...payload } = frame as { type: string } & Record<string, unknown>;
    let id = '';
    // Tokens and lookups share one sequence; done and error have none.
    const seq = typeof payload.seq === 'number' ? payload.seq : null;
    if (seq !== null) {
      if (seq <= lastSeq) return;
      lastSeq = seq;
      id = String(seq);
    }
    queue.push({ event: type, id, data: JSON.stringify(payload) });
    poke();
  });
  signal?.addEventListener('abort', poke, { once: true });
  try {
    for (;;) {
      while (queue.length === 0) {
        if (signal?.aborted) return;
        await new Promise<void>((resolve) => (wake = resolve));
      }
      if (signal?.aborted) return;
      const event = queue.shift()!;
      yield event;
      if (event.event === 'done' || event.event === 'error') return;
    }
  } finally {
    signal?.removeEventListener('abort', poke);
    unsubscribe();
  }
}
