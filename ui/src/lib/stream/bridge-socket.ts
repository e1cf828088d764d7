/**
 * A small Vert.x event-bus bridge client over the browser's own WebSocket. The server's SockJS handler also serves
 * a raw WebSocket at `<prefix>/websocket` whose text frames are the bridge's JSON messages as they are (register,
 * unregister and ping from us; `rec` and `err` from the server). It replaces sockjs-client and the official bridge
 * client, which weigh 17 KB gzip and add an `unload` listener (deprecated, and it keeps the page out of the
 * back/forward cache). Like the official client it pings (the bridge closes a socket silent for 10 s by default),
 * reconnects with a growing delay when enabled, and forgets its handlers on every new socket.
 */

export interface BridgeMessage {
  type: string;
  address: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface BridgeFailure {
  failureCode?: number;
  failureType?: string;
  message?: string;
}

export type BridgeHandler = (error: BridgeFailure | null, message: BridgeMessage) => void;

/** The part of the browser's WebSocket this client uses (a fake in tests). */
export interface SocketLike {
  readonly readyState: number;
  onopen: ((event: unknown) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  send(data: string): void;
  close(): void;
}

export interface BridgeSocketOptions {
  /** Opens a socket to an absolute ws(s) URL; the browser's WebSocket by default. */
  open?: (url: string) => SocketLike;
  pingIntervalMs?: number;
  reconnectDelayMinMs?: number;
  reconnectDelayMaxMs?: number;
  /** Timers, replaceable in tests. */
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (id: unknown) => void;
  setRepeat?: (fn: () => void, ms: number) => unknown;
  clearRepeat?: (id: unknown) => void;
}

export const CONNECTING = 0;
export const OPEN = 1;
export const CLOSING = 2;
export const CLOSED = 3;

/** `/eventbus` on this page's origin, as the raw-WebSocket address of the SockJS handler mounted there. */
export function websocketUrl(prefix: string, location: { protocol: string; host: string }): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${prefix.replace(/\/$/, '')}/websocket`;
}

export class BridgeSocket {
  state = CONNECTING;
  onopen: (() => void) | null = null;
  onclose: ((event?: unknown) => void) | null = null;
  onerror: (error: unknown) => void = () => {};

  readonly #url: string;
  readonly #open: (url: string) => SocketLike;
  readonly #o: Required<Omit<BridgeSocketOptions, 'open'>>;
  #socket: SocketLike | null = null;
  #handlers = new Map<string, BridgeHandler[]>();
  #reconnect = false;
  #attempts = 0;
  #ping: unknown = null;
  #retry: unknown = null;

  constructor(url: string, options: BridgeSocketOptions = {}) {
    this.#url = url;
    this.#open = options.open ?? ((u) => new WebSocket(u) as unknown as SocketLike);
    this.#o = {
      pingIntervalMs: options.pingIntervalMs ?? 5_000,
      reconnectDelayMinMs: options.reconnectDelayMinMs ?? 1_000,
      reconnectDelayMaxMs: options.reconnectDelayMaxMs ?? 10_000,
      setTimer: options.setTimer ?? ((fn, ms) => setTimeout(fn, ms)),
      clearTimer: options.clearTimer ?? ((id) => clearTimeout(id as ReturnType<typeof setTimeout>)),
      setRepeat: options.setRepeat ?? ((fn, ms) => setInterval(fn, ms)),
      clearRepeat: options.clearRepeat ?? ((id) => clearInterval(id as ReturnType<typeof setInterval>)),
    };
    this.#connect();
  }

  enableReconnect(enable: boolean): void {
    this.#reconnect = enable;
  }

  registerHandler(address: string, headers: Record<string, string>, callback: BridgeHandler): void {
    this.#checkOpen();
    const list = this.#handlers.get(address);
    if (list) {
      list.push(callback);
      return;
    }
    this.#handlers.set(address, [callback]);
    this.#send({ type: 'register', address, headers });
  }

  unregisterHandler(address: string, headers: Record<string, string>, callback: BridgeHandler): void {
    this.#checkOpen();
    const list = this.#handlers.get(address);
    if (!list) return;
    const at = list.indexOf(callback);
    if (at >= 0) list.splice(at, 1);
    if (list.length > 0) return;
    this.#handlers.delete(address);
    this.#send({ type: 'unregister', address, headers });
  }

  /** Closes for good: no reconnect, and no error when the socket is already gone. */
  close(): void {
    this.#reconnect = false;
    this.state = CLOSING;
    if (this.#retry !== null) this.#o.clearTimer(this.#retry);
    this.#retry = null;
    this.#stopPing();
    const socket = this.#socket;
    this.#socket = null;
    if (socket) {
      socket.onclose = null;
      socket.onmessage = null;
      socket.close();
    }
    this.state = CLOSED;
    this.onclose?.();
  }

  #connect() {
    this.state = CONNECTING;
    const socket = this.#open(this.#url);
    this.#socket = socket;
    // Vert.x writes the bridge's frames as binary WebSocket messages: take them as bytes, not Blobs, to read them at once.
    if ('binaryType' in socket) (socket as { binaryType: string }).binaryType = 'arraybuffer';
    socket.onopen = () => {
      this.state = OPEN;
      this.#attempts = 0;
      this.#handlers = new Map();
      this.#send({ type: 'ping' });
      this.#ping = this.#o.setRepeat(() => this.#send({ type: 'ping' }), this.#o.pingIntervalMs);
      this.onopen?.();
    };
    socket.onmessage = (event) => this.#receive(event.data);
    socket.onerror = (event) => this.onerror(event);
    socket.onclose = (event) => {
      this.#socket = null;
      this.state = CLOSED;
      this.#stopPing();
      this.onclose?.(event);
      if (this.#reconnect) this.#retry = this.#o.setTimer(() => {
        this.#retry = null;
        if (this.#reconnect) this.#connect();
      }, this.#nextDelay());
    };
  }

  /** Doubles from the minimum up to the maximum, give or take a quarter so that many tabs do not return at once. */
  #nextDelay(): number {
    const base = Math.min(this.#o.reconnectDelayMaxMs, this.#o.reconnectDelayMinMs * 2 ** this.#attempts);
    this.#attempts++;
    return Math.round(base * (0.75 + Math.random() * 0.5));
  }

  #receive(data: unknown) {
    const text = typeof data === 'string' ? data
      : data instanceof ArrayBuffer ? new TextDecoder().decode(data)
      : ArrayBuffer.isView(data) ? new TextDecoder().decode(data)
      : null;
    if (text === null) return;
    let message: BridgeMessage & BridgeFailure;
    try {
      message = JSON.parse(text);
    } catch {
      return;
    }
    if (!message || typeof message !== 'object') return;
    const handlers = typeof message.address === 'string' ? this.#handlers.get(message.address) : undefined;
    if (!handlers) {
      if (message.type === 'err') this.onerror(message);
      return;
    }
    const failure: BridgeFailure | null = message.type === 'err'
      ? { failureCode: message.failureCode, failureType: message.failureType, message: message.message }
      : null;
    if (message.type !== 'rec' && !failure) return;
    for (const handler of [...handlers]) handler(failure, message);
  }

  #send(frame: Record<string, unknown>) {
    if (this.#socket && this.#socket.readyState === OPEN) this.#socket.send(JSON.stringify(frame));
  }

  #checkOpen() {
    if (this.state !== OPEN) throw new Error('INVALID_STATE_ERR');
  }

  #stopPing() {
    if (this.#ping !== null) this.#o.clearRepeat(this.#ping);
    this.#ping = null;
  }
}
