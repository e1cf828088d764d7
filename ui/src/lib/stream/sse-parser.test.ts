import { describe, expect, it } from 'vitest';
import { SseParser, type SseEvent } from './sse-parser';

const encoder = new TextEncoder();

/** A stream with every line ending, a BOM, comments, multi-byte text and odd fields. */
const SAMPLE =
  '\uFEFF: heartbeat\r\n' +
  'event: start\r\ndata: {"streamId":"s-1"}\r\n\r\n' +
  'id: 1\nevent: token\ndata: {"text":"Héllo "}\n\n' +
  'id: 2\revent: token\rdata: {"text":"wörld 🏃‍♀️"}\r\r' +
  ': another comment\n' +
  'retry: 3000\n' +
  'data\n\n' +
  'data:no space\ndata:  two spaces\nunknown: field\n\n' +
  'event: empty\n\n' +
  'id: 3\r\nevent: token\r\ndata: {"text":"日本語"}\r\n\r\n' +
  'event: done\ndata: {"status":"complete"}\n\n' +
  'data: never terminated';

const EXPECTED: SseEvent[] = [
  { event: 'start', id: '', data: '{"streamId":"s-1"}' },
  { event: 'token', id: '1', data: '{"text":"Héllo "}' },
  { event: 'token', id: '2', data: '{"text":"wörld 🏃‍♀️"}' },
  { event: 'message', id: '2', data: '' },
  { event: 'message', id: '2', data: 'no space\n two spaces' },
  { event: 'token', id: '3', data: '{"text":"日本語"}' },
  { event: 'done', id: '3', data: '{"status":"complete"}' },
];

function parseChunks(chunks: Uint8Array[]): SseEvent[] {
  const parser = new SseParser();
  const events: SseEvent[] = [];
  for (const chunk of chunks) events.push(...parser.push(chunk));
  events.push(...parser.end());
  return events;
}

describe('SseParser', () => {
  const bytes = encoder.encode(SAMPLE);

  it('parses a whole stream by the WHATWG rules', () => {
    expect(parseChunks([bytes])).toEqual(EXPECTED);
  });

  it('gives the same events for every split point, inside UTF-8 characters and CRLF pairs included', () => {
    for (let i = 0; i <= bytes.length; i++) {
      expect(parseChunks([bytes.subarray(0, i), bytes.subarray(i)]), `split at byte ${i}`).toEqual(EXPECTED);
    }
  });

  it('gives the same events for every pair of split points', () => {
    // Every 3-piece cut of the first 120 bytes (CRLF, BOM and multi-byte text live there).
    const n = 120;
    for (let i = 0; i <= n; i++) {
      for (let j = i; j <= n; j++) {
        const events = parseChunks([bytes.subarray(0, i), bytes.subarray(i, j), bytes.subarray(j)]);
        expect(events).toEqual(EXPECTED);
      }
    }
  });

  it('gives the same events fed one byte at a time', () => {
    const chunks = Array.from(bytes, (b) => Uint8Array.of(b));
    expect(parseChunks(chunks)).toEqual(EXPECTED);
  });

  it('ignores comments and heartbeats entirely', () => {
    const parser = new SseParser();
    expect(parser.push(': heartbeat\n\n:\n\n: ping\r\n\r\n')).toEqual([]);
  });

  it('reads retry only when it is all digits, and keeps the last id across events', () => {
    const parser = new SseParser();
    parser.push('retry: 12x\n\nretry: 2500\nid: 7\n\n');
    expect(parser.retry).toBe(2500);
    expect(parser.lastEventId).toBe('7');
    expect(parser.push('data: a\n\n')).toEqual([{ event: 'message', id: '7', data: 'a' }]);
  });

  it('ignores an id containing NULL', () => {
    const parser = new SseParser();
    expect(parser.push('id: 5\n\nid: a\u0000b\ndata: x\n\n')).toEqual([{ event: 'message', id: '5', data: 'x' }]);
  });

  it('drops an event cut off by the end of the stream', () => {
    const parser = new SseParser();
    expect(parser.push('data: half')).toEqual([]);
    expect(parser.end()).toEqual([]);
  });

  it('accepts already decoded text', () => {
    const parser = new SseParser();
    expect(parser.push('event: x\ndata: 1\n')).toEqual([]);
    expect(parser.push('\n')).toEqual([{ event: 'x', id: '', data: '1' }]);
  });
});
