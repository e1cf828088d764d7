import { describe, expect, it, vi } from 'vitest';
import * as activities from './activities';
import * as ai from './ai';
import * as analytics from './analytics';
import * as imports from './imports';
import * as load from './load';
import * as settings from './settings';
import * as strava from './strava';
import { withQuery } from './client';

/** Records every request; answers 200 {} (or an empty event stream for SSE). */
function record() {
  const calls: { method: string; url: string; body: unknown; headers: Record<string, string> }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit = {}) => {
      const headers = (init.headers ?? {}) as Record<string, string>;
      calls.push({
        method: init.method ?? 'GET',
        url,
        body: init.body instanceof FormData ? init.body : init.body ? JSON.parse(init.body as string) : undefined,
        headers,
      });
      if (headers.Accept === 'text/event-stream') {
        return new Response('event: done\ndata: {}\n\n', { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
      }
      return new Response('{}', { status: 200, headers: { 'Content-Type': 'application/json' } });
    }),
  );
  return calls;
}

async function drain(gen: AsyncIterable<unknown>) {
  for await (const _ of gen) void _;
}

describe('withQuery', () => {
  it('leaves out empty values and keeps order', () => {
    expect(withQuery('/x', { a: 1, b: undefined, c: null, d: '', e: 'two words', f: false })).toBe('/x?a=1&e=two+words&f=false');
    expect(withQuery('/x', {})).toBe('/x');
    expect(withQuery('/x?y=1', { z: 2 })).toBe('/x?y=1&z=2');
  });
});

describe('feature API functions call the documented endpoints', () => {
  it('activities', async () => {
    const calls = record();
    await activities.listActivities({ limit: 25, offset: 50, sport: 'run', from: '2026-01-01', to: '2026-02-01', text: 'hill', sort: 'load_desc' });
    await activities.getActivity('a/1');
    await activities.patchActivity('a1', { rpe: 6 });
    await activities.deleteActivity('a1');
    await activities.makePrimary('a1');
    await activities.unmerge('a1');
    await activities.getStats();
    await activities.getStreams('a1');
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'GET /api/activities?limit=25&offset=50&sport=run&from=2026-01-01&to=2026-02-01&text=hill&sort=load_desc',
      'GET /api/activities/a%2F1',
      'PATCH /api/activities/a1',
      'DELETE /api/activities/a1',
      'POST /api/activities/a1/primary',
      'POST /api/activities/a1/unmerge',
      'GET /api/activities/stats',
      'GET /api/activities/a1/streams',
    ]);
    expect(calls[2].body).toEqual({ rpe: 6 });
  });

  it('load and analytics', async () => {
    const calls = record();
    await load.getPmc({ from: '2025-11-25', to: '2026-11-24' });
    await load.getPmc();
    await analytics.getWeekly({ weeks: 26, sport: 'ride' });
    await analytics.getSports({ from: '2026-01-01' });
    expect(calls.map((c) => c.url)).toEqual([
      '/api/load/pmc?from=2025-11-25&to=2026-11-24',
      '/api/load/pmc',
      '/api/analytics/weekly?weeks=26&sport=ride',
      '/api/analytics/sports?from=2026-01-01',
    ]);
  });

  it('the coach: JSON calls', async () => {
    const calls = record();
    await ai.getRecommendation();
    await ai.listChatSessions();
    await ai.createChatSession('Marathon');
    await ai.renameChatSession('s1', 'Base phase');
    await ai.deleteChatSession('s1');
    await ai.getChatMessages('s1');
    await ai.listWeeklyReports();
    await ai.getWeeklyReport('2026-W47');
    await ai.getInsight('a1');
    await ai.stopStream('st1');
    await ai.getAiSettings();
    await ai.saveAiSettings({ provider: 'openai', model: 'llama3' });
    await ai.listModels('anthropic');
    await ai.getUsage();
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'GET /api/ai/recommendation',
      'GET /api/ai/chat/sessions',
      'POST /api/ai/chat/sessions',
      'PATCH /api/ai/chat/sessions/s1',
      'DELETE /api/ai/chat/sessions/s1',
      'GET /api/ai/chat/sessions/s1/messages',
      'GET /api/ai/weekly-reports',
      'GET /api/ai/weekly-reports/2026-W47',
      'GET /api/ai/activity-insight/a1',
      'POST /api/ai/streams/st1/stop',
      'GET /api/ai/settings',
      'PUT /api/ai/settings',
      'GET /api/ai/models?provider=anthropic',
      'GET /api/ai/usage',
    ]);
    expect(calls[2].body).toEqual({ title: 'Marathon' });
    expect(calls[3].body).toEqual({ title: 'Base phase' });
  });

  it('the coach: streamed answers', async () => {
    const calls = record();
    await drain(ai.streamRecommendation());
    await drain(ai.streamChat('How was my week?', 's1'));
    await drain(ai.streamChat('Hello', null));
    await drain(ai.streamWeeklyReport('2026-W47'));
    await drain(ai.streamWeeklyReport(null));
    await drain(ai.streamInsight('a1', true));
    expect(calls.map((c) => `${c.method} ${c.url} ${JSON.stringify(c.body ?? null)}`)).toEqual([
      'POST /api/ai/recommendation null',
      'POST /api/ai/chat {"message":"How was my week?","sessionId":"s1"}',
      'POST /api/ai/chat {"message":"Hello"}',
      'POST /api/ai/weekly-report {"week":"2026-W47"}',
      'POST /api/ai/weekly-report {}',
      'POST /api/ai/activity-insight {"activityId":"a1","regenerate":true}',
    ]);
    expect(calls.every((c) => c.headers.Accept === 'text/event-stream')).toBe(true);
  });

  it('Strava, imports, settings, data policy, export', async () => {
    const calls = record();
    await strava.getStravaStatus();
    await strava.startSync();
    await strava.disconnectStrava();
    await imports.uploadFiles([new File(['x'], 'a.fit'), new File(['y'], 'b.gpx')]);
    await imports.getLatestImport();
    await imports.getImport('j1');
    await settings.getProfile();
    await settings.updateProfile({ units: 'imperial' });
    await settings.getApiKeys();
    await settings.saveApiKey({ provider: 'anthropic', key: 'sk-ant-x' });
    await settings.deleteApiKey('anthropic');
    await settings.getDataPolicy();
    await settings.updateDataPolicy({ stravaRetention: 'keep' });
    await settings.restoreExport(new File(['z'], 'export.zip'));
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'GET /api/strava/status',
      'POST /api/strava/sync',
      'DELETE /api/strava/disconnect',
      'POST /api/imports',
      'GET /api/imports/latest',
      'GET /api/imports/j1',
      'GET /api/settings/profile',
      'PUT /api/settings/profile',
      'GET /api/settings/apikey',
      'POST /api/settings/apikey',
      'DELETE /api/settings/apikey/anthropic',
      'GET /api/settings/data-policy',
      'PUT /api/settings/data-policy',
      'POST /api/export/restore',
    ]);
    const upload = calls[3].body as FormData;
    expect(upload.getAll('files').map((f) => (f as File).name)).toEqual(['a.fit', 'b.gpx']);
    // The browser sets the multipart boundary itself.
    expect(calls[3].headers['Content-Type']).toBeUndefined();
    expect(settings.EXPORT_URL).toBe('/api/export');
    expect(strava.STRAVA_CONNECT_URL).toBe('/api/strava/connect');
  });
});
