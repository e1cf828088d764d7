/**
 * A scriptable fake of the Anthropic Messages API for the end-to-end suite: streams a fixed
 * Markdown answer as documented server-sent events (message_start, content_block_*, message_delta,
 * message_stop), a few characters per event with a delay, so the UI can be seen growing.
 * It records the requests it served.
 */
import { createServer } from 'node:http';

export const ANSWER = [
  '**Train today: an easy aerobic session.**',
  '',
  'Your form is positive, so you have room for steady work.',
  '',
  '## Plan',
  '',
  '- 10 min easy warm-up',
  '- 40 min steady in zone 2',
  '- 10 min cool-down',
  '',
  'Keep tomorrow light if your legs feel heavy. <img src=x onerror="window.__pwned=1">',
].join('\n');

export async function startFakeAnthropic({ delayMs = 40, chunk = 6 } = {}) {
  const requests = [];
  const server = createServer((req, res) => {
    if (req.method === 'GET') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ data: [{ id: 'claude-fake-1', display_name: 'Claude Fake', created_at: '2026-01-01T00:00:00Z' }], has_more: false }));
      return;
    }
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', async () => {
      requests.push({ url: req.url, body });
      const title = body.length < 1500 && /title/i.test(body);
      const text = title ? 'Training chat' : ANSWER;
      const pieces = text.match(new RegExp(`[\\s\\S]{1,${chunk}}`, 'g'));
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      let open = true;
      res.on('close', () => (open = false));
      const send = (event, data) => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      send('message_start', { type: 'message_start', message: { id: 'msg_fake', type: 'message', role: 'assistant', model: 'claude-fake-1', content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 1200, output_tokens: 1 } } });
      send('content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } });
      for (const piece of pieces) {
        if (!open) return;
        send('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: piece } });
        await new Promise((r) => setTimeout(r, delayMs));
      }
      send('content_block_stop', { type: 'content_block_stop', index: 0 });
      send('message_delta', { type: 'message_delta', delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: pieces.length } });
      send('message_stop', { type: 'message_stop' });
      res.end();
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${server.address().port}`, requests, close: () => new Promise((r) => server.close(r)) };
}
