import { describe, expect, it, vi } from 'vitest';
import type { BridgeHandler } from './bridge-socket';
import { LiveBus, UserChannels, addresses, type BridgeClient, type BusStatus } from './eventbus';

/** Behaves like the official client: handlers are forgotten on every new socket. */
class FakeBridge implements BridgeClient {
  state = 0;
  onopen: (() => void) | null = null;
  onclose: ((event?: unknown) => void) | null = null;
  onerror: (error: unknown) => void = () => {};
  reconnect = false;
  closed = false;
  handlers = new Map<string, BridgeHandler[]>();
  /** What went over the wire: register/unregister frames. */
  sent: string[] = [];

  enableReconnect(enable: boolean) {
    this.reconnect = enable;
  }
  registerHandler(address: string, _headers: Record<string, string>, cb: BridgeHandler) {
    if (this.state !== 1) throw new Error('INVALID_STATE_ERR');
    if (!this.handlers.has(address)) {
      this.handlers.set(address, []);
      this.sent.push(`register ${address}`);
    }
    this.handlers.get(address)!.push(cb);
  }
  unregisterHandler(address: string, _headers: Record<string, string>, cb: BridgeHandler) {
    if (this.state !== 1) throw new Error('INVALID_STATE_ERR');
    const list = this.handlers.get(address) ?? [];
    list.splice(list.indexOf(cb), 1);
    if (list.length === 0) {
      this.handlers.delete(address);
      this.sent.push(`unregister ${address}`);
    }
  }
  /** Like the official client between a lost socket and its reconnect: close() cancels that, then throws. */
  waitingToReconnect = false;
  close() {
    this.closed = true;
    this.state = 3;
    this.reconnect = false;
    if (this.waitingToReconnect) throw new TypeError("Cannot read properties of null (reading 'close')");
  }
  // Test controls
  open() {
    this.handlers = new Map();
    this.state = 1;
    this.onopen?.();
  }
  drop() {
    this.state = 3;
    this.waitingToReconnect = this.reconnect;
    this.onclose?.({});
  }
  deliver(address: string, body: unknown) {
    for (const h of this.handlers.get(address) ?? []) h(null, { type: 'rec', address, body });
  }
}

const USER_ID = '3f1c2d4e-0000-4000-8000-000000000001';

async function connected() {
  const fake = new FakeBridge();
  const factory = vi.fn(async () => fake);
  const bus = new LiveBus(factory);
  const statuses: BusStatus[] = [];
  bus.onStatus((s) => statuses.push(s));
  await bus.connect();
  return { fake, factory, bus, statuses };
}

describe('LiveBus', () => {
  it('connects to /eventbus once and turns on the client’s own reconnect', async () => {
    const { fake, factory, bus } = await connected();
    await bus.connect();
    expect(factory).toHaveBeenCalledTimes(1);
    expect(factory).toHaveBeenCalledWith('/eventbus');
    expect(fake.reconnect).toBe(true);
  });

  it('registers subscriptions made before the socket opens, once it opens', async () => {
    const { fake, bus, statuses } = await connected();
    const got: unknown[] = [];
    bus.subscribe('fitcoach.user.x.sync', (b) => got.push(b));
    expect(fake.sent).toEqual([]);
    fake.open();
    expect(fake.sent).toEqual(['register fitcoach.user.x.sync']);
    fake.deliver('fitcoach.user.x.sync', { state: 'running' });
    expect(got).toEqual([{ state: 'running' }]);
    expect(statuses).toEqual(['connecting', 'open']);
  });

  it('registers everything again after the client reconnects', async () => {
    const { fake, bus, statuses } = await connected();
    fake.open();
    const got: unknown[] = [];
    bus.subscribe('a', (b) => got.push(['a', b]));
    bus.subscribe('b', (b) => got.push(['b', b]));
    fake.drop();
    expect(bus.status).toBe('reconnecting');
    fake.sent = [];
    fake.open();
    expect(fake.sent.sort()).toEqual(['register a', 'register b']);
    fake.deliver('b', 1);
    expect(got).toEqual([['b', 1]]);
    expect(statuses).toEqual(['connecting', 'open', 'reconnecting', 'open']);
  });

  it('shares one bridge registration between listeners and unregisters after the last one leaves', async () => {
    const { fake, bus } = await connected();
    fake.open();
    const one = vi.fn();
    const two = vi.fn();
    const offOne = bus.subscribe('x', one);
    const offTwo = bus.subscribe('x', two);
    expect(fake.sent).toEqual(['register x']);
    fake.deliver('x', 'hi');
    expect(one).toHaveBeenCalledWith('hi');
    expect(two).toHaveBeenCalledWith('hi');
    offOne();
    expect(fake.sent).toEqual(['register x']);
    offTwo();
    offTwo();
    expect(fake.sent).toEqual(['register x', 'unregister x']);
  });

  it('keeps delivering to other listeners when one throws', async () => {
    const { fake, bus } = await connected();
    fake.open();
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const good = vi.fn();
    bus.subscribe('x', () => {
      throw new Error('boom');
    });
    bus.subscribe('x', good);
    fake.deliver('x', 1);
    expect(good).toHaveBeenCalledWith(1);
  });

  it('ignores error replies from the bridge (e.g. a refused address)', async () => {
    const { fake, bus } = await connected();
    fake.open();
    const l = vi.fn();
    bus.subscribe('x', l);
    for (const h of fake.handlers.get('x')!) h({ failureType: 'access_denied' }, { type: 'err', address: 'x' });
    expect(l).not.toHaveBeenCalled();
  });

  it('closes for good on sign-out, also when closed while still loading the client', async () => {
    const { fake, bus } = await connected();
    fake.open();
    bus.close();
    expect(fake.closed).toBe(true);
    expect(bus.status).toBe('closed');

    const late = new FakeBridge();
    let release!: (c: BridgeClient) => void;
    const slow = new LiveBus(() => new Promise((r) => (release = r)));
    const pending = slow.connect();
    slow.close();
    release(late);
    await pending;
    expect(late.closed).toBe(true);
  });

  it('closes quietly on sign-out when the server has already closed the socket', async () => {
    const { fake, bus } = await connected();
    fake.open();
    fake.drop();
    expect(() => bus.close()).not.toThrow();
    expect(fake.reconnect).toBe(false);
    expect(bus.status).toBe('closed');
  });

  it('reports closed when the client cannot be loaded', async () => {
    const bus = new LiveBus(() => Promise.reject(new Error('chunk failed')));
    await bus.connect();
    expect(bus.status).toBe('closed');
  });
});

describe('UserChannels', () => {
  it('subscribes to the user-scoped addresses', async () => {
    const { fake, bus } = await connected();
    fake.open();
    const ch = new UserChannels(bus, USER_ID);
    const activity = vi.fn();
    const coach = vi.fn();
    ch.activities(activity);
    ch.sync(() => {});
    ch.imports(() => {});
    ch.chat(() => {});
    ch.coach('s-9', coach);
    expect(fake.sent).toEqual([
      `register fitcoach.user.${USER_ID}.activities`,
      `register fitcoach.user.${USER_ID}.sync`,
      `register fitcoach.user.${USER_ID}.import`,
      `register fitcoach.user.${USER_ID}.chat`,
      `register fitcoach.user.${USER_ID}.coach.s-9`,
    ]);
    fake.deliver(addresses.activities(USER_ID), { change: 'created', source: 'strava', externalId: '1' });
    expect(activity).toHaveBeenCalledWith({ change: 'created', source: 'strava', externalId: '1' });
    fake.deliver(addresses.coach(USER_ID, 's-9'), { type: 'token', seq: 1, text: 'Hi' });
    expect(coach).toHaveBeenCalledWith({ type: 'token', seq: 1, text: 'Hi' });
  });
});
