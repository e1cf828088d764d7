import { describe, expect, it } from 'vitest';
import { isoWeek, ReportsState } from './reports.svelte';
import { apiError, json, openSse, sse, stubFetch } from '../../test/http';

const METRICS = { sessions: 5, distanceKm: 42.5, durationS: 14400, avgHr: 142, load: 310, fitness: 48, fatigue: 55, form: -7, through: '2026-11-22' };
const report = (id: string, date: string, content = 'Solid week.') => ({
  id,
  date,
  content,
  status: 'complete',
  model: 'claude-x',
  inputTokens: 1,
  outputTokens: 1,
  contextActivityIds: ['a1'],
  metrics: METRICS,
  createdAt: `${date}T20:00:00Z`,
});

describe('isoWeek', () => {
  it('names the ISO week of a date, across year ends', () => {
    expect(isoWeek('2026-11-16')).toBe('2026-W47');
    expect(isoWeek('2026-11-22')).toBe('2026-W47');
    expect(isoWeek('2026-11-23')).toBe('2026-W48');
    expect(isoWeek('2021-01-03')).toBe('2020-W53');
    expect(isoWeek('2024-12-30')).toBe('2025-W01');
  });
});

describe('ReportsState', () => {
  it('lists reports newest first', async () => {
    stubFetch({
      'GET /api/ai/weekly-reports': () => json(200, { reports: [report('r1', '2026-11-09'), report('r2', '2026-11-16')] }),
    });
    const s = new ReportsState();
    await s.load();
    expect(s.reports?.map((r) => r.id)).toEqual(['r2', 'r1']);
    expect(s.reports?.[0].metrics?.fitness).toBe(48);
  });

  it('shows a list error through the error helper', async () => {
    stubFetch({ 'GET /api/ai/weekly-reports': () => apiError(500, 'internal', 'boom') });
    const s = new ReportsState();
    await s.load();
    expect(s.listError).toContain('server ran into a problem');
  });

  it('opens a week, and knows when it has no report yet', async () => {
    stubFetch({
      'GET /api/ai/weekly-reports/2026-W47': () => json(200, report('r2', '2026-11-16')),
      'GET /api/ai/weekly-reports/2026-W48': () => json(200, null),
    });
    const s = new ReportsState();
    await s.open('2026-W47');
    expect(s.current?.id).toBe('r2');
    await s.open('2026-W48');
    expect(s.current).toBeNull();
    expect(s.currentMissing).toBe(true);
    expect(s.currentError).toBeNull();
  });

  it('generates this week, streaming, then reloads the list', async () => {
    let listed = 0;
    const fetch = stubFetch({
      'POST /api/ai/weekly-report': () =>
        sse([
          `event: start\ndata: ${JSON.stringify({ streamId: 'w1', model: 'claude-x', weekStart: '2026-11-23', metrics: METRICS })}\n\n`,
          'id: 1\nevent: token\ndata: {"text":"Good "}\n\n',
          'id: 2\nevent: token\ndata: {"text":"week."}\n\n',
          'event: done\ndata: {"status":"complete","contextActivityIds":["a1","a2"]}\n\n',
        ]),
      'GET /api/ai/weekly-reports': () => json(200, { reports: ++listed > 0 ? [report('r3', '2026-11-23', 'Good week.')] : [] }),
    });
    const s = new ReportsState();
    const week = await s.generate(null);
    expect(week).toBe('2026-W48');
    expect(s.answer.text).toBe('Good week.');
    expect(s.answer.start?.metrics?.sessions).toBe(5);
    expect(s.reports?.map((r) => r.id)).toEqual(['r3']);
    const post = fetch.mock.calls.find(([url]) => String(url) === '/api/ai/weekly-report');
    expect(JSON.parse(String(post?.[1]?.body))).toEqual({});
  });

  it('regenerates an opened week and shows the stored result', async () => {
    let version = 0;
    const fetch = stubFetch({
      'GET /api/ai/weekly-reports/2026-W47': () => json(200, report('r2', '2026-11-16', version ? 'Rewritten.' : 'Old.')),
      'POST /api/ai/weekly-report': () => {
        version++;
        return sse([
          'event: start\ndata: {"streamId":"w2","weekStart":"2026-11-16"}\n\n',
          'event: token\ndata: {"text":"Rewritten."}\n\n',
          'event: done\ndata: {"status":"complete"}\n\n',
        ]);
      },
      'GET /api/ai/weekly-reports': () => json(200, { reports: [report('r2', '2026-11-16', 'Rewritten.')] }),
    });
    const s = new ReportsState();
    await s.open('2026-W47');
    expect(s.current?.content).toBe('Old.');
    expect(await s.generate('2026-W47')).toBe('2026-W47');
    expect(s.current?.content).toBe('Rewritten.');
    expect(s.answer.phase).toBe('idle');
    const post = fetch.mock.calls.find(([url]) => String(url) === '/api/ai/weekly-report');
    expect(JSON.parse(String(post?.[1]?.body))).toEqual({ week: '2026-W47' });
  });

  it('stop keeps the partial report; no AI configured is an actionable error', async () => {
    const stream = openSse();
    let calls = 0;
    stubFetch({
      'POST /api/ai/weekly-report': () =>
        ++calls === 1
          ? stream.response
          : apiError(409, 'llm_not_configured', 'none'),
      'POST /api/ai/streams/w3/stop': () => {
        stream.push('event: done\ndata: {"status":"interrupted"}\n\n');
        stream.close();
        return json(200, { stopping: true });
      },
      'GET /api/ai/weekly-reports': () => json(200, { reports: [] }),
    });
    const s = new ReportsState();
    const run = s.generate(null);
    stream.push('event: start\ndata: {"streamId":"w3","weekStart":"2026-11-23"}\n\nevent: token\ndata: {"text":"Half"}\n\n');
    for (let i = 0; i < 100 && s.answer.text !== 'Half'; i++) await new Promise((r) => setTimeout(r, 0));
    await s.answer.stop();
    await run;
    expect(s.answer.text).toBe('Half');
    expect(s.answer.interrupted).toBe(true);

    expect(await s.generate(null)).toBeNull();
    expect(s.answer.phase).toBe('error');
    expect(s.answer.error).toContain('Settings');
  });
});
