// @vitest-environment jsdom
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import Coach from './Coach.svelte';
import { apiError, json, openSse, sse, stubFetch } from '../test/http';

vi.mock('../lib/state/live.svelte', () => ({
  live: { activitiesVersion: 0, channels: null, status: 'idle', start: vi.fn(), stop: vi.fn() },
}));

const S1 = { id: 's1', title: 'Tempo plans', createdAt: '2026-11-20T08:00:00Z', updatedAt: '2026-11-20T08:00:00Z' };
const MESSAGES = [
  { id: 'm1', role: 'user', content: 'How was my week?', status: 'complete', model: null, inputTokens: null, outputTokens: null, contextActivityIds: null, createdAt: '2026-11-20T08:00:00Z' },
  { id: 'm2', role: 'assistant', content: 'A **solid** week.', status: 'complete', model: 'claude-x', inputTokens: 1, outputTokens: 1, contextActivityIds: ['a1', 'a2'], createdAt: '2026-11-20T08:01:00Z' },
];

describe('Coach', () => {
  it('shows the sessions and the opened conversation with model and context', async () => {
    stubFetch({
      'GET /api/ai/chat/sessions': () => json(200, { sessions: [S1] }),
      'GET /api/ai/chat/sessions/s1/messages': () => json(200, { messages: MESSAGES }),
    });
    render(Coach, { sessionId: 's1' });
    const link = await screen.findByRole('link', { name: /Tempo plans/ });
    expect(link.getAttribute('href')).toBe('/coach/s1');
    expect(link.getAttribute('aria-current')).toBe('page');
    expect(await screen.findByText('solid')).toBeTruthy();
    expect(screen.getByText('claude-x')).toBeTruthy();
    expect(screen.getByText(/based on 2 activities/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Rename' })).toBeTruthy();
  });

  it('Enter sends and the answer streams in as Markdown', async () => {
    stubFetch({
      'GET /api/ai/chat/sessions': () => json(200, { sessions: [S1] }),
      'GET /api/ai/chat/sessions/s1/messages': () => json(200, { messages: [] }),
      'POST /api/ai/chat': () =>
        sse([
          'event: start\ndata: {"streamId":"st1","model":"claude-x","sessionId":"s1"}\n\n',
          'id: 1\nevent: token\ndata: {"text":"Go **easy**"}\n\n',
          'event: done\ndata: {"status":"complete","contextActivityIds":["a1"]}\n\n',
        ]),
    });
    render(Coach, { sessionId: 's1' });
    const box = await screen.findByLabelText('Message to the coach');
    await fireEvent.input(box, { target: { value: 'Plan for tomorrow?' } });
    await fireEvent.keyDown(box, { key: 'Enter' });
    expect(await screen.findByText('Plan for tomorrow?')).toBeTruthy();
    expect(await screen.findByText('easy')).toBeTruthy();
    expect(await screen.findByText(/based on 1 activity$/)).toBeTruthy();
  });

  it('without an AI provider: the helper’s message, a link to Settings and Retry', async () => {
    stubFetch({
      'GET /api/ai/chat/sessions': () => json(200, { sessions: [] }),
      'POST /api/ai/chat': () => apiError(409, 'llm_not_configured', 'No provider'),
    });
    render(Coach);
    const box = await screen.findByLabelText('Message to the coach');
    await fireEvent.input(box, { target: { value: 'Hi' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect((await screen.findByRole('alert')).textContent).toContain('add a Claude key');
    expect(screen.getByRole('link', { name: 'Open Settings' }).getAttribute('href')).toBe('/settings');
    expect(screen.getByRole('button', { name: 'Retry' })).toBeTruthy();
  });

  it('renames inline (Enter saves) and deletes after a confirmation', async () => {
    const fetch = stubFetch({
      'GET /api/ai/chat/sessions': () => json(200, { sessions: [S1] }),
      'GET /api/ai/chat/sessions/s1/messages': () => json(200, { messages: [] }),
      'PATCH /api/ai/chat/sessions/s1': (init) => json(200, { ...S1, title: JSON.parse(String(init.body)).title }),
      'DELETE /api/ai/chat/sessions/s1': () => new Response(null, { status: 204 }),
    });
    render(Coach, { sessionId: 's1' });
    await fireEvent.click(await screen.findByRole('button', { name: 'Rename' }));
    const field = screen.getByLabelText('Conversation title');
    await fireEvent.input(field, { target: { value: 'Race week' } });
    await fireEvent.keyDown(field, { key: 'Enter' });
    expect(await screen.findByRole('heading', { name: 'Race week' })).toBeTruthy();
    expect(await screen.findByRole('link', { name: /Race week/ })).toBeTruthy();

    await fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    expect(screen.getByText('Delete this conversation?')).toBeTruthy();
    expect(fetch.mock.calls.some(([, init]) => init?.method === 'DELETE')).toBe(false);
    await fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText(/No conversations yet/)).toBeTruthy();
    expect(fetch.mock.calls.some(([, init]) => init?.method === 'DELETE')).toBe(true);
  });

  it('says what each answer was based on when the server tells', async () => {
    const basis = { coachActivities: 14, fileAndExport: 14, stravaApi: 0, keptOut: 302, stravaApiAllowed: false };
    stubFetch({
      'GET /api/ai/chat/sessions': () => json(200, { sessions: [S1] }),
      'GET /api/ai/chat/sessions/s1/messages': () => json(200, { messages: [MESSAGES[0], { ...MESSAGES[1], basis }] }),
      'POST /api/ai/chat': () =>
        sse([
          `event: start\ndata: ${JSON.stringify({ streamId: 'st1', model: 'claude-x', sessionId: 's1', basis: { ...basis, keptOut: 1 } })}\n\n`,
          'id: 1\nevent: token\ndata: {"text":"Sure."}\n\n',
          'event: done\ndata: {"status":"complete","contextActivityIds":["a1"]}\n\n',
        ]),
    });
    render(Coach, { sessionId: 's1' });
    expect(await screen.findByText('based on your 14 file and export activities; 302 Strava activities are kept out by your coach data policy')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'change the coach data policy' }).getAttribute('href')).toBe('/settings#coach-data-policy');
    const box = screen.getByLabelText('Message to the coach');
    await fireEvent.input(box, { target: { value: 'And tomorrow?' } });
    await fireEvent.keyDown(box, { key: 'Enter' });
    expect(await screen.findByText('Sure.')).toBeTruthy();
    // Kept with the message once the answer has joined the conversation.
    await vi.waitFor(() => expect(screen.getByRole('button', { name: 'Send' })).toBeTruthy());
    expect(screen.getByText('based on your 14 file and export activities; 1 Strava activity is kept out by your coach data policy')).toBeTruthy();
  });

  it('shows the lookups stored with an answer, collapsed until opened', async () => {
    const toolCalls = [
      { id: 'toolu_1', name: 'search_activities', arguments: { sport: 'run', sort: 'distance' }, summary: 'runs since 2024-01-01 by distance', ok: true, resultSummary: '12 activities', bytes: 1834 },
      { id: 'toolu_2', name: 'get_activity', arguments: { id: 'a9' }, summary: 'activity 2025-11-04 Morning run', ok: false, resultSummary: 'no such activity', bytes: 40 },
    ];
    stubFetch({
      'GET /api/ai/chat/sessions': () => json(200, { sessions: [S1] }),
      'GET /api/ai/chat/sessions/s1/messages': () =>
        json(200, { messages: [MESSAGES[0], { ...MESSAGES[1], toolCalls }, { ...MESSAGES[1], id: 'm3', content: 'No lookups here.', toolCalls: [] }] }),
    });
    render(Coach, { sessionId: 's1' });
    const line = await screen.findByRole('button', { name: /^Looked up:/ });
    expect(line.textContent).toContain('runs since 2024-01-01 by distance · activity 2025-11-04 Morning run (failed)');
    expect(line.getAttribute('aria-expanded')).toBe('false');
    // Only the answer that looked something up has the line.
    expect(screen.getAllByTestId('tool-lookups')).toHaveLength(1);
    await fireEvent.click(line);
    expect(line.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByText('→ 12 activities')).toBeTruthy();
    expect(screen.getByText('failed')).toBeTruthy();
  });

  it('shows lookups while the answer streams and keeps them once it joins the conversation', async () => {
    const stream = openSse();
    stubFetch({
      'GET /api/ai/chat/sessions': () => json(200, { sessions: [S1] }),
      'GET /api/ai/chat/sessions/s1/messages': () => json(200, { messages: [] }),
      'POST /api/ai/chat': () => stream.response,
    });
    render(Coach, { sessionId: 's1' });
    const box = await screen.findByLabelText('Message to the coach');
    await fireEvent.input(box, { target: { value: 'Best 10k ever?' } });
    await fireEvent.keyDown(box, { key: 'Enter' });
    stream.push('event: start\ndata: {"streamId":"st1","model":"claude-x","sessionId":"s1"}\n\n');
    stream.push('event: tool\ndata: {"id":"toolu_1","name":"search_activities","arguments":{"sort":"distance"},"summary":"runs by distance"}\n\n');
    expect((await screen.findByRole('button', { name: 'Looking up runs by distance…' })).getAttribute('aria-expanded')).toBe('false');
    // The meta line says what the coach is doing.
    expect(within(screen.getByTestId('answer-meta')).getByText('looking up…')).toBeTruthy();
    stream.push('event: tool_done\ndata: {"id":"toolu_1","name":"search_activities","ok":true,"summary":"12 activities","bytes":1834}\n\n');
    expect(await screen.findByRole('button', { name: 'Looked up: runs by distance' })).toBeTruthy();
    stream.push('id: 1\nevent: token\ndata: {"text":"Your best 10k was **41:07**."}\n\n');
    stream.push('event: done\ndata: {"status":"complete","toolRounds":1,"contextActivityIds":["a9"]}\n\n');
    stream.close();
    expect(await screen.findByText('41:07')).toBeTruthy();
    // The finished answer becomes a message of the conversation, its lookups with it.
    await vi.waitFor(() => expect(document.querySelector('article.msg.assistant.live')).toBeNull());
    expect(document.querySelector('article.msg.assistant [data-testid="tool-lookups"]')).toBeTruthy();
    const line = screen.getByRole('button', { name: 'Looked up: runs by distance' });
    await fireEvent.click(line);
    expect(screen.getByText('→ 12 activities')).toBeTruthy();
  });
});
