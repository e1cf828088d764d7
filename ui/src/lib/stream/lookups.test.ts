import { describe, expect, it } from 'vitest';
import {
  fromStored,
  lookupDone,
  lookupLine,
  lookupsEnded,
  lookupStarted,
  mergeStored,
  sizeWords,
  toStored,
  type Lookup,
} from './lookups';

const SEARCH = { id: 'toolu_1', name: 'search_activities', arguments: { sport: 'run', sort: 'distance' }, summary: 'runs since 2024-01-01 by distance' };
const SEARCH_DONE = { id: 'toolu_1', name: 'search_activities', ok: true, summary: '12 activities', bytes: 1834 };
const GET = { id: 'toolu_2', name: 'get_activity', arguments: { id: 'a9' }, summary: 'activity 2025-11-04 Morning run' };

describe('lookups from tool frames', () => {
  it('start running and finish with the result summary and size', () => {
    let list: Lookup[] = [];
    list = lookupStarted(list, SEARCH);
    expect(list).toEqual([
      { id: 'toolu_1', name: 'search_activities', summary: 'runs since 2024-01-01 by distance', arguments: { sport: 'run', sort: 'distance' }, state: 'running', resultSummary: null, bytes: null },
    ]);
    list = lookupDone(list, SEARCH_DONE);
    expect(list[0]).toMatchObject({ state: 'ok', resultSummary: '12 activities', bytes: 1834 });
  });

  it('keep the order they started in and mark a failed one', () => {
    let list = lookupStarted([], SEARCH);
    list = lookupStarted(list, GET);
    list = lookupDone(list, { id: 'toolu_2', name: 'get_activity', ok: false, summary: 'no activity a9', bytes: 40 });
    list = lookupDone(list, SEARCH_DONE);
    expect(list.map((l) => [l.id, l.state])).toEqual([
      ['toolu_1', 'ok'],
      ['toolu_2', 'failed'],
    ]);
    expect(list[1].resultSummary).toBe('no activity a9');
  });

  it('ignore a frame replayed after a reconnect (same id): no second lookup, a finished one stays finished', () => {
    let list = lookupStarted([], SEARCH);
    list = lookupDone(list, SEARCH_DONE);
    const before = list;
    list = lookupStarted(list, SEARCH);
    list = lookupDone(list, SEARCH_DONE);
    expect(list).toBe(before);
    expect(list).toHaveLength(1);
    expect(list[0].state).toBe('ok');
  });

  it('key a frame without an id by its tool and arguments, so a replay still matches', () => {
    const noId = { name: 'training_load', arguments: { from: '2025-09-01', to: '2025-11-30' }, summary: 'load 2025-09-01 to 2025-11-30' };
    let list = lookupStarted([], noId);
    list = lookupStarted(list, noId);
    expect(list).toHaveLength(1);
    list = lookupDone(list, { name: 'training_load', arguments: noId.arguments, ok: true, summary: '91 days' });
    expect(list).toEqual([expect.objectContaining({ state: 'ok', resultSummary: '91 days' })]);
  });

  it('count a done frame whose start was never seen, and skip frames that are not lookups', () => {
    let list = lookupDone([], { id: 'toolu_7', name: 'athlete_profile', ok: true, summary: 'profile' });
    expect(list).toEqual([expect.objectContaining({ id: 'toolu_7', summary: 'athlete profile', state: 'ok' })]);
    const same = list;
    list = lookupStarted(list, null);
    list = lookupStarted(list, 'text');
    list = lookupDone(list, { ok: true });
    expect(list).toBe(same);
  });

  it('fall back to the tool’s name when the frame has no summary', () => {
    expect(lookupStarted([], { id: 't', name: 'compare_periods' })[0].summary).toBe('compare periods');
  });

  it('mark a lookup still running when the answer ends as not finished', () => {
    const list = lookupsEnded(lookupDone(lookupStarted(lookupStarted([], SEARCH), GET), SEARCH_DONE));
    expect(list.map((l) => l.state)).toEqual(['ok', 'unfinished']);
  });
});

describe('stored lookups', () => {
  it('read toolCalls, skipping malformed entries and repeated ids', () => {
    const list = fromStored([
      { id: 'toolu_1', name: 'search_activities', arguments: { sport: 'run' }, summary: 'runs since 2024', ok: true, resultSummary: '12 activities', bytes: 1834 },
      { id: 'toolu_2', name: 'get_activity', summary: 'activity 2025-11-04', ok: false, resultSummary: 'not found', bytes: 30 },
      { id: 'toolu_1', name: 'search_activities', summary: 'again', ok: true },
      { id: 'toolu_3', name: 'training_load', summary: 'load', ok: null },
      null as never,
      { summary: 'no id, no name' } as never,
    ]);
    expect(list.map((l) => [l.id, l.state, l.summary])).toEqual([
      ['toolu_1', 'ok', 'runs since 2024'],
      ['toolu_2', 'failed', 'activity 2025-11-04'],
      ['toolu_3', 'unfinished', 'load'],
    ]);
    expect(fromStored(null)).toEqual([]);
    expect(fromStored(undefined)).toEqual([]);
  });

  it('go back to the stored shape unchanged', () => {
    const calls = [
      { id: 'toolu_1', name: 'search_activities', arguments: { sport: 'run' }, summary: 'runs since 2024', ok: true, resultSummary: '12 activities', bytes: 1834 },
      { id: 'toolu_2', name: 'get_activity', arguments: null, summary: 'activity', ok: false, resultSummary: null, bytes: null },
    ];
    expect(toStored(fromStored(calls))).toEqual(calls);
  });

  it('merge what the done frame repeats into what the frames built', () => {
    const live = lookupStarted(lookupDone(lookupStarted([], SEARCH), SEARCH_DONE), GET);
    const merged = mergeStored(live, [
      { id: 'toolu_2', name: 'get_activity', summary: 'activity 2025-11-04 Morning run', ok: true, resultSummary: '6 laps', bytes: 2100 },
      { id: 'toolu_9', name: 'athlete_profile', summary: 'your profile', ok: true, resultSummary: 'profile', bytes: 500 },
    ]);
    expect(merged.map((l) => [l.id, l.state, l.resultSummary])).toEqual([
      ['toolu_1', 'ok', '12 activities'],
      ['toolu_2', 'ok', '6 laps'],
      ['toolu_9', 'ok', 'profile'],
    ]);
    expect(mergeStored(live, undefined)).toBe(live);
  });
});

describe('lookup words', () => {
  it('collapse to the summaries, failed ones marked, or to the running lookup', () => {
    let list = lookupStarted(lookupStarted([], SEARCH), GET);
    expect(lookupLine(list)).toBe('Looking up runs since 2024-01-01 by distance…');
    list = lookupDone(list, SEARCH_DONE);
    expect(lookupLine(list)).toBe('Looking up activity 2025-11-04 Morning run…');
    list = lookupDone(list, { id: 'toolu_2', name: 'get_activity', ok: false, summary: 'not found' });
    expect(lookupLine(list)).toBe('Looked up: runs since 2024-01-01 by distance · activity 2025-11-04 Morning run (failed)');
  });

  it('give result sizes in bytes and KB', () => {
    expect(sizeWords(null)).toBeNull();
    expect(sizeWords(512)).toBe('512 B');
    expect(sizeWords(1834)).toBe('1.8 KB');
    expect(sizeWords(8192)).toBe('8.0 KB');
    expect(sizeWords(20_480)).toBe('20 KB');
  });
});
