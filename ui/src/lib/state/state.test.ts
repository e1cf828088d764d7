// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { flushSync } from 'svelte';
import { ActivityList, PAGE_SIZE, filtersFromQuery, filtersToQuery, DEFAULT_FILTERS } from './activities.svelte';
import { PmcState } from './pmc.svelte';
import { AnswerStream } from './answer.svelte';
import { Live } from './live.svelte';
import { ProfileState } from './profile.svelte';
import { Router } from './router.svelte';
import { LiveBus, addresses, type BridgeClient } from '../stream/eventbus';
import { ApiError, NETWORK_ERROR } from '../api/client';
import type { ActivityPage } from '../api/activities';
import type { Pmc } from '../api/load';
import type { SseEvent } from '../stream/sse';

const page = (total: number, n: number): ActivityPage => ({
  items: Array.from({ length: n }, (_, i) => ({ id: String(i) }) as never),
  total,
  limit: PAGE_SIZE,
  offset: 0,
  nextCursor: null,
});

describe('activity filters in the address bar', () => {
  it('read back what they wrote', () => {
    const f = { sport: 'run', from: '2026-01-01', to: '2026-02-01', text: ' tempo ', sort: 'load_desc' as const, page: 3 };
    const q = filtersToQuery(f);
    expect(q).toEqual({ sport: 'run', from: '2026-01-01', to: '2026-02-01', q: 'tempo', sort: 'load_desc', page: 3 });
    const params = new URLSearchParams(Object.entries(q).map(([k, v]) => [k, String(v)]));
    expect(filtersFromQuery(params)).toEqual({ ...f, text: 'tempo' });
  });

  it('leave defaults out and ignore malformed values', () => {
    expect(filtersToQuery(DEFAULT_FILTERS)).toEqual({ sport: null, from: null, to: null, q: null, sort: null, page: null });
    expect(filtersFromQuery(new URLSearchParams('sort=drop_table&page=-2&from=yesterday'))).toEqual(DEFAULT_FILTERS);
  });
});

describe('ActivityList', () => {
  it('asks for the page of the filters', async () => {
    const fetch = vi.fn(async () => page(60, PAGE_SIZE));
    const list = new ActivityList(fetch);
    await list.load({ ...DEFAULT_FILTERS, sport: 'ride', text: ' hills ', page: 2 });
    expect(fetch).toHaveBeenCalledWith(
      { limit: PAGE_SIZE, offset: PAGE_SIZE, sport: 'ride', from: undefined, to: undefined, text: 'hills', sort: 'date_desc' },
      expect.objectContaining({ signal: expect.any(AbortSignal) }),
    );
    expect(list.pageCount).toBe(3);
    expect(list.loading).toBe(false);
  });

  it('aborts the request in flight when a new one starts, keeping only the newest answer', async () => {
    const signals: AbortSignal[] = [];
    const releases: ((p: ActivityPage) => void)[] = [];
    const fetch = vi.fn((_q: unknown, o?: { signal?: AbortSignal }) => {
      signals.push(o!.signal!);
      return new Promise<ActivityPage>((r) => releases.push(r));
    });
    const list = new ActivityList(fetch);
    const first = list.load();
    const second = list.update({ sport: 'swim' });
    expect(signals[0].aborted).toBe(true);
    releases[1](page(2, 2));
    releases[0](page(99, 25));
    await Promise.all([first, second]);
    expect(list.page?.total).toBe(2);
    expect(list.filters.sport).toBe('swim');
  });

  it('goes back to page 1 when a filter changes, and clamps pages', async () => {
    const fetch = vi.fn(async () => page(30, 5));
    const list = new ActivityList(fetch);
    await list.load({ ...DEFAULT_FILTERS, page: 2 });
    await list.update({ text: 'x' });
    expect(list.filters.page).toBe(1);
    await list.goTo(99);
    expect(list.filters.page).toBe(2);
  });

  it('falls back to the last page when the page asked for is past the end', async () => {
    const fetch = vi.fn(async (q: { offset?: number } = {}) => (q.offset! >= 50 ? page(30, 0) : page(30, 5)));
    const list = new ActivityList(fetch);
    await list.load({ ...DEFAULT_FILTERS, page: 3 });
    expect(list.filters.page).toBe(2);
    expect(list.page?.items).toHaveLength(5);
  });

  it('says what went wrong', async () => {
    const list = new ActivityList(vi.fn(() => Promise.reject(new ApiError(0, NETWORK_ERROR, 'x'))));
    await list.load();
    expect(list.error).toMatch(/Cannot reach the FitCoach server/);
    expect(list.loading).toBe(false);
  });
});

describe('PmcState', () => {
  const pmc = (from: string): Pmc => ({ from, to: '2026-11-24', today: '2026-11-24', warmingUp: false, days: [] });

  it('builds the range queries', () => {
    expect(PmcState.query('90d', '2026-11-24', null)).toEqual({});
    expect(PmcState.query('1y', '2026-11-24', null)).toEqual({ from: '2025-11-25', to: '2026-11-24', by: 'week' });
    expect(PmcState.query('all', '2026-11-24', '2019-04-02')).toEqual({ from: '2019-04-02', to: '2026-11-24', by: 'week' });
    expect(PmcState.query('all', '2026-11-24', null).from).toBe('2016-11-27');
  });

  it('fetches each range once, and a late answer for an old range never wins', async () => {
    const releases: Record<string, (p: Pmc) => void> = {};
    const fetch = vi.fn((q: { from?: string } = {}) => new Promise<Pmc>((r) => (releases[q.from ?? '90d'] = r)));
    const s = new PmcState(fetch);
    const a = s.load('1y', '2026-11-24', null);
    const b = s.load('90d', '2026-11-24', null);
    releases['90d'](pmc('90d'));
    await b;
    releases['2025-11-25'](pmc('1y'));
    await a;
    expect(s.data?.from).toBe('90d');
    expect(s.range).toBe('90d');
    await s.load('1y', '2026-11-24', null);
    expect(s.data?.from).toBe('1y');
    expect(fetch).toHaveBeenCalledTimes(2);
    s.invalidate();
    const c = s.load('1y', '2026-11-24', null);
    expect(fetch).toHaveBeenCalledTimes(3);
    releases['2025-11-25'](pmc('1y again'));
    await c;
    expect(s.data?.from).toBe('1y again');
  });
});

describe('AnswerStream', () => {
  const ev = (event: string, data: unknown, id = ''): SseEvent => ({ event, id, data: JSON.stringify(data) });

  it('collects tokens in order and ends done', async () => {
    const a = new AnswerStream(vi.fn());
    const seen: string[] = [];
    await a.run(async function* () {
      yield ev('start', { streamId: 's1', model: 'm' });
      for (const t of ['Rest ', 'today', '.']) {
        yield ev('token', { text: t });
        seen.push(a.phase);
      }
      yield ev('done', { status: 'complete', usage: { inputTokens: 1, outputTokens: 3 } });
    });
    expect(a.text).toBe('Rest today.');
    expect(a.phase).toBe('done');
    expect(a.streamId).toBe('s1');
    expect(a.done?.usage?.outputTokens).toBe(3);
    expect(seen).toEqual(['streaming', 'streaming', 'streaming']);
  });

  it('turns an error frame into an actionable message and keeps the partial text', async () => {
    const a = new AnswerStream(vi.fn());
    await a.run(async function* () {
      yield ev('start', { streamId: 's1' });
      yield ev('token', { text: 'Partial' });
      yield ev('error', { code: 'llm_key_rejected', message: 'rejected', partial: true });
    });
    expect(a.phase).toBe('error');
    expect(a.text).toBe('Partial');
    expect(a.errorCode).toBe('llm_key_rejected');
    expect(a.error).toMatch(/rejected the API key/);
  });

  it('explains a refusal before the stream (no provider)', async () => {
    const a = new AnswerStream(vi.fn());
    // eslint-disable-next-line require-yield
    await a.run(async function* () {
      throw new ApiError(409, 'llm_not_configured', 'No AI provider is configured');
    });
    expect(a.phase).toBe('error');
    expect(a.error).toBe('The coach needs an AI provider: add a Claude key or a local model in Settings.');
  });

  it('reports a stream that ends without its final frame', async () => {
    const a = new AnswerStream(vi.fn());
    await a.run(async function* () {
      yield ev('start', { streamId: 's1' });
    });
    expect(a.phase).toBe('error');
  });

  it('stop asks the server to stop and waits for the interrupted done frame', async () => {
    let push!: (e: SseEvent | null) => void;
    const queue: (SseEvent | null)[] = [];
    let wake: (() => void) | null = null;
    push = (e) => {
      queue.push(e);
      wake?.();
    };
    const stop = vi.fn(async () => {
      push(ev('done', { status: 'interrupted' }));
      return { stopping: true };
    });
    const a = new AnswerStream(stop);
    const running = a.run(async function* () {
      for (;;) {
        while (queue.length === 0) await new Promise<void>((r) => (wake = r));
        const e = queue.shift()!;
        if (e === null) return;
        yield e;
      }
    });
    push(ev('start', { streamId: 'abc' }));
    push(ev('token', { text: 'Half an ans' }));
    await vi.waitFor(() => expect(a.text).toBe('Half an ans'));
    await a.stop();
    await running;
    expect(stop).toHaveBeenCalledWith('abc');
    expect(a.phase).toBe('done');
    expect(a.interrupted).toBe(true);
    expect(a.text).toBe('Half an ans');
  });

  it('cancel aborts the request (leaving the page)', async () => {
    const a = new AnswerStream(vi.fn());
    let signal!: AbortSignal;
    const running = a.run(async function* (s) {
      signal = s;
      yield ev('start', { streamId: 'x' });
      await new Promise((r) => s.addEventListener('abort', r));
    });
    await vi.waitFor(() => expect(a.phase).toBe('streaming'));
    a.cancel();
    await running;
    expect(signal.aborted).toBe(true);
    expect(a.active).toBe(false);
  });
});

describe('Live', () => {
  class Fake implements BridgeClient {
    state = 0;
    onopen: (() => void) | null = null;
    onclose: (() => void) | null = null;
    onerror = () => {};
    handlers = new Map<string, ((e: unknown, m: { type: string; address: string; body: unknown }) => void)[]>();
    enableReconnect() {}
    registerHandler(a: string, _h: Record<string, string>, cb: never) {
      this.handlers.set(a, [...(this.handlers.get(a) ?? []), cb]);
    }
    unregisterHandler() {}
    close() {}
    deliver(address: string, body: unknown) {
      for (const h of this.handlers.get(address) ?? []) h(null, { type: 'rec', address, body });
    }
  }

  it('bumps the activities version on webhook, sync and import news, and keeps the progress', async () => {
    const fake = new Fake();
    const live = new Live(() => new LiveBus(async () => fake));
    live.start('u1');
    await vi.waitFor(() => expect(fake.onopen).not.toBeNull());
    fake.state = 1;
    fake.onopen!();
    flushSync();
    expect(live.status).toBe('open');

    fake.deliver(addresses.activities('u1'), { change: 'created', source: 'strava', externalId: '9' });
    expect(live.activitiesVersion).toBe(1);
    expect(live.lastActivityEvent?.externalId).toBe('9');

    const sync = { jobId: 'j', state: 'running', activitiesNew: 3, activitiesUpdated: 0 };
    fake.deliver(addresses.sync('u1'), sync);
    expect(live.sync).toEqual(sync);
    expect(live.activitiesVersion).toBe(2);
    fake.deliver(addresses.sync('u1'), sync);
    expect(live.activitiesVersion).toBe(2);

    fake.deliver(addresses.import('u1'), { jobId: 'i', activitiesNew: 1, activitiesMerged: 0 });
    expect(live.importJob?.jobId).toBe('i');
    expect(live.activitiesVersion).toBe(3);

    live.stop();
    expect(live.status).toBe('idle');
    expect(live.sync).toBeNull();
  });
});

describe('ProfileState', () => {
  it('defaults to metric and follows the profile', async () => {
    const p = new ProfileState(async () => ({ units: 'imperial' }) as never);
    expect(p.units).toBe('metric');
    await p.load();
    expect(p.units).toBe('imperial');
    p.clear();
    expect(p.units).toBe('metric');
  });

  it('keeps the defaults when the profile cannot be read', async () => {
    const p = new ProfileState(() => Promise.reject(new Error('down')));
    await p.load();
    expect(p.units).toBe('metric');
  });
});

describe('Router', () => {
  it('navigates, sets the query and reads it', () => {
    window.history.replaceState(null, '', '/');
    const r = new Router({ pathname: '/', search: '' });
    r.navigate('/activities?sport=run');
    expect(window.location.pathname).toBe('/activities');
    expect(r.params.get('sport')).toBe('run');
    r.setQuery({ sport: 'ride', page: 2, q: '' });
    expect(window.location.search).toBe('?sport=ride&page=2');
    expect(r.search).toBe('?sport=ride&page=2');
    r.setQuery({});
    expect(window.location.search).toBe('');
  });

  it('keeps the section an address names (#coach-data-policy)', () => {
    window.history.replaceState(null, '', '/');
    const r = new Router({ pathname: '/', search: '' });
    r.navigate('/settings#coach-data-policy');
    expect(window.location.pathname).toBe('/settings');
    expect(window.location.hash).toBe('#coach-data-policy');
    expect(r.hash).toBe('#coach-data-policy');
    r.navigate('/');
    expect(r.hash).toBe('');
    expect(window.location.hash).toBe('');
  });
});
