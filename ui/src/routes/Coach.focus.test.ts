// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import Coach from './Coach.svelte';
import { json, openSse, stubFetch } from '../test/http';

vi.mock('../lib/state/live.svelte', () => ({
  live: { activitiesVersion: 0, channels: null, status: 'idle', start: vi.fn(), stop: vi.fn() },
}));

const S1 = { id: 's1', title: 'Tempo plans', createdAt: '2026-11-20T08:00:00Z', updatedAt: '2026-11-20T08:00:00Z' };

function routes(stream: ReturnType<typeof openSse>) {
  return stubFetch({
    'GET /api/ai/chat/sessions': () => json(200, { sessions: [S1] }),
    'GET /api/ai/chat/sessions/s1/messages': () => json(200, { messages: [] }),
    'POST /api/ai/chat': () => stream.response,
  });
}

function finish(stream: ReturnType<typeof openSse>) {
  stream.push('event: start\ndata: {"streamId":"st1","model":"claude-x","sessionId":"s1"}\n\n');
  stream.push('id: 1\nevent: token\ndata: {"text":"Go easy"}\n\n');
  stream.push('event: done\ndata: {"status":"complete","contextActivityIds":[]}\n\n');
  stream.close();
}

describe('Coach focus while an answer streams', () => {
  it('keeps focus in the message box (read-only, not disabled) from Enter to the end of the answer', { timeout: 20_000 }, async () => {
    const stream = openSse();
    routes(stream);
    render(Coach, { sessionId: 's1' });
    const box = (await screen.findByLabelText('Message to the coach')) as HTMLTextAreaElement;
    box.focus();
    await fireEvent.input(box, { target: { value: 'Plan for tomorrow?' } });
    await fireEvent.keyDown(box, { key: 'Enter' });
    await screen.findByRole('button', { name: 'Stop' });
    expect(box.readOnly).toBe(true);
    expect(box.disabled).toBe(false);
    expect(document.activeElement).toBe(box);
    finish(stream);
    await screen.findByRole('button', { name: 'Send' });
    await vi.waitFor(() => expect(box.readOnly).toBe(false));
    expect(document.activeElement).toBe(box);
  });

  it('Send hands focus to Stop, and Stop to the message box when the answer ends', { timeout: 20_000 }, async () => {
    const stream = openSse();
    routes(stream);
    render(Coach, { sessionId: 's1' });
    const box = await screen.findByLabelText('Message to the coach');
    await fireEvent.input(box, { target: { value: 'Plan for tomorrow?' } });
    const send = screen.getByRole('button', { name: 'Send' });
    send.focus();
    await fireEvent.click(send);
    const stop = await screen.findByRole('button', { name: 'Stop' });
    await vi.waitFor(() => expect(document.activeElement).toBe(stop));
    finish(stream);
    await screen.findByRole('button', { name: 'Send' });
    // Send is disabled with an empty draft, so focus goes to the message box rather than to the body.
    await vi.waitFor(() => expect(document.activeElement).toBe(box));
  });
});
