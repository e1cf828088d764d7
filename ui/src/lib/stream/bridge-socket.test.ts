import { describe, expect, it, vi } from 'vitest';
import { BridgeSocket, CLOSED, OPEN, websocketUrl, type SocketLike } from './bridge-socket';

/** Stands in for the browser's WebSocket: records frames sent, and lets the test open, close and deliver. */
class FakeSocket implements SocketLike {
  readyState = 0;
  binaryType = 'blob';
  onopen: ((event: unknown) => void) | null = null;
  onclose: ((event: unknown) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  sent: Record<string, unknown>[] = [];
  closed = false;
  constructor(readonly url: string) {}
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close() {
    this.closed = true;
    this.readyState = 3;
  }
  open() {
    this.readyState = 1;
    this.onopen?.({});
  }
  lose() {
    this.readyState = 3;
    this.onclose?.({ code: 1006 });
  }
  receive(frame: unknown) {
    this.onmessage?.({ data: typeof frame === 'string' ? frame : JSON.stringify(frame) });
  }
}

function harness() {
  const sockets: FakeSocket[] = [];
  const timers: { fn: () => void; ms: number }[] = [];
  const pings: (() => void)[] = [];
  const client = new BridgeSocket('ws://app.test/eventbus/websocket', {
    open: (url) => {
      const s = new FakeSocket(url);
      sockets.push(s);
      return s;
    },
    setTimer: (fn, ms) => timers.push({ fn, ms }),
    clearTimer: (id) => timers.splice((id as number) - 1, 1, { fn: () => {}, ms: -1 }),
    setRepeat: (fn) => pings.push(fn),
    clearRepeat: (id) => (pings[(id as number) - 1] = () => {}),
  });
  return { client, sockets, timers, pings, socket: () => sockets.at(-1)! };
}

describe('websocketUrl', () => {
  it('points at the raw WebSocket of the SockJS handler, ws or wss as the page', () => {
    expect(websocketUrl('/eventbus', { protocol: 'http:', host: '127.0.0.1:8080' })).toBe('ws://127.0.0.1:8080/eventbus/websocket');
    expect(websocketUrl('/eventbus/', { protocol: 'https:', host: 'fit.example' })).toBe('wss://fit.example/eventbus/websocket');
  });
});

describe('BridgeSocket', () => {
  it('reads the binary messages Vert.x sends (as ArrayBuffers) like text ones', () => {
    const { client, socket } = harness();
    expect(socket().binaryType).toBe('arraybuffer');
    socket().open();
    const handler = vi.fn();
    client.registerHandler('a', {}, handler);
    const frame = { type: 'rec', address: 'a', body: { state: 'done', name: 'Zürich ride' } };
    socket().onmessage?.({ data: new TextEncoder().encode(JSON.stringify(frame)).buffer });
    socket().onmessage?.({ data: new Blob(['not read']) });
    expect(handler).toHaveBeenCalledTimes(1);
    expect(handler).toHaveBeenCalledWith(null, frame);
  });

  it('registers an address once, delivers rec messages to every handler and unregisters after the last', () => {
    const { client, socket } = harness();
    expect(client.state).toBe(0);
    expect(() => client.registerHandler('a', {}, () => {})).toThrow('INVALID_STATE_ERR');
    socket().open();
    expect(client.state).toBe(OPEN);
    const one = vi.fn();
    const two = vi.fn();
    client.registerHandler('a', {}, one);
    client.registerHandler('a', {}, two);
    socket().receive({ type: 'rec', address: 'a', body: { n: 1 } });
    socket().receive({ type: 'rec', address: 'other', body: 2 });
    expect(one).toHaveBeenCalledWith(null, { type: 'rec', address: 'a', body: { n: 1 } });
    expect(two).toHaveBeenCalledTimes(1);
    client.unregisterHandler('a', {}, one);
    client.unregisterHandler('a', {}, two);
    expect(socket().sent).toEqual([
      { type: 'ping' },
      { type: 'register', address: 'a', headers: {} },
      { type: 'unregister', address: 'a', headers: {} },
    ]);
  });

  it('passes an err reply to the address’s handlers as a failure, and others to onerror', () => {
    const { client, socket } = harness();
    socket().open();
    const handler = vi.fn();
    const onerror = vi.fn();
    client.onerror = onerror;
    client.registerHandler('x', {}, handler);
    socket().receive({ type: 'err', address: 'x', failureCode: -1, failureType: 'access_denied', message: 'no' });
    expect(handler).toHaveBeenCalledWith(
      { failureCode: -1, failureType: 'access_denied', message: 'no' },
      expect.objectContaining({ type: 'err', address: 'x' }),
    );
    socket().receive({ type: 'err', failureCode: -1, failureType: 'broken', message: 'bad frame' });
    socket().receive('not json');
    expect(onerror).toHaveBeenCalledTimes(1);
  });

  it('pings when it opens and on every interval, and stops pinging when the socket goes', () => {
    const { socket, pings } = harness();
    socket().open();
    pings[0]();
    expect(socket().sent).toEqual([{ type: 'ping' }, { type: 'ping' }]);
    const first = socket();
    first.lose();
    pings[0]();
    expect(first.sent).toHaveLength(2);
  });

  it('reconnects after a lost socket with a growing delay, forgetting the old handlers', () => {
    const { client, sockets, timers, socket } = harness();
    client.enableReconnect(true);
    const opened = vi.fn();
    const closed = vi.fn();
    client.onopen = opened;
    client.onclose = closed;
    socket().open();
    client.registerHandler('a', {}, vi.fn());
    socket().lose();
    expect(client.state).toBe(CLOSED);
    expect(closed).toHaveBeenCalledTimes(1);
    expect(timers).toHaveLength(1);
    timers[0].fn();
    expect(sockets).toHaveLength(2);
    socket().lose();
    timers[1].fn();
    expect(timers[0].ms).toBeGreaterThanOrEqual(750);
    expect(timers[0].ms).toBeLessThanOrEqual(1250);
    expect(timers[1].ms).toBeGreaterThanOrEqual(1500);
    expect(timers[1].ms).toBeLessThanOrEqual(2500);
    socket().open();
    expect(opened).toHaveBeenCalledTimes(2);
    expect(sockets[2].url).toBe('ws://app.test/eventbus/websocket');
    // A new socket has no registrations: registering again sends a new register frame.
    client.registerHandler('a', {}, vi.fn());
    expect(socket().sent).toContainEqual({ type: 'register', address: 'a', headers: {} });
  });

  it('never grows the delay past the maximum', () => {
    const { client, timers, socket } = harness();
    client.enableReconnect(true);
    for (let i = 0; i < 8; i++) {
      socket().lose();
      timers.at(-1)!.fn();
    }
    expect(Math.max(...timers.map((t) => t.ms))).toBeLessThanOrEqual(12_500);
  });

  it('closes for good: no reconnect, no throw, also while waiting to reconnect', () => {
    const { client, sockets, timers, socket } = harness();
    client.enableReconnect(true);
    socket().open();
    socket().lose();
    expect(() => client.close()).not.toThrow();
    expect(timers[0].ms).toBe(-1);
    expect(client.state).toBe(CLOSED);

    const second = harness();
    second.client.enableReconnect(true);
    second.socket().open();
    second.client.close();
    expect(second.socket().closed).toBe(true);
    expect(second.timers).toHaveLength(0);
    expect(sockets).toHaveLength(1);
  });
});
