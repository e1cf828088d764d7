/**
 * An incremental parser for server-sent events following the WHATWG HTML "event stream
 * interpretation" rules. Bytes may arrive split anywhere: inside a multi-byte UTF-8 character,
 * inside a field name, or between the CR and LF of a line ending.
 */

export interface SseEvent {
  /** The event type; "message" when the stream named none. */
  event: string;
  /** The last event ID in force when the event was dispatched ("" when none). */
  id: string;
  data: string;
}

export class SseParser {
  readonly #decoder = new TextDecoder('utf-8');
  /** Decoded text not yet ending in a line break. */
  #buffer = '';
  /** The previous chunk ended in CR: a LF at the start of the next one belongs to it. */
  #pendingCr = false;
  #data: string[] = [];
  #hasData = false;
  #eventType = '';
  #idBuffer = '';
  /** The last event ID, kept across events as the spec says. */
  lastEventId = '';
  /** Reconnection time in ms from a `retry:` field, or null. */
  retry: number | null = null;

  /** Feeds a chunk of bytes (or already-decoded text); returns the events it completes. */
  push(chunk: Uint8Array | string): SseEvent[] {
    const text = typeof chunk === 'string' ? chunk : this.#decoder.decode(chunk, { stream: true });
    return this.#consume(text);
  }

  /**
   * Ends the stream. Per the spec, an event without its terminating blank line is discarded,
   * so this returns nothing beyond flushing the decoder (kept as an array for symmetry).
   */
  end(): SseEvent[] {
    const rest = this.#decoder.decode();
    const events = rest ? this.#consume(rest) : [];
    this.#buffer = '';
    this.#data = [];
    this.#hasData = false;
    this.#eventType = '';
    return events;
  }

  #consume(text: string): SseEvent[] {
    const events: SseEvent[] = [];
    if (text === '') return events;
    let start = 0;
    if (this.#pendingCr) {
      this.#pendingCr = false;
      if (text.startsWith('\n')) start = 1;
    }
    let s = this.#buffer + text.slice(start);
    this.#buffer = '';
    let lineStart = 0;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c !== 10 && c !== 13) continue;
      const line = s.slice(lineStart, i);
      if (c === 13) {
        if (i + 1 < s.length) {
          if (s.charCodeAt(i + 1) === 10) i++;
        } else {
          this.#pendingCr = true;
        }
      }
      lineStart = i + 1;
      const event = this.#line(line);
      if (event) events.push(event);
    }
    s = s.slice(lineStart);
    this.#buffer = s;
    return events;
  }

  #line(line: string): SseEvent | null {
    if (line === '') return this.#dispatch();
    if (line.charCodeAt(0) === 58 /* : */) return null; // a comment, e.g. a heartbeat
    const colon = line.indexOf(':');
    let field: string;
    let value: string;
    if (colon === -1) {
      field = line;
      value = '';
    } else {
      field = line.slice(0, colon);
      value = line.slice(colon + 1);
      if (value.startsWith(' ')) value = value.slice(1);
    }
    switch (field) {
      case 'event':
        this.#eventType = value;
        break;
      case 'data':
        this.#data.push(value);
        this.#hasData = true;
        break;
      case 'id':
        if (!value.includes('\u0000')) this.#idBuffer = value;
        break;
      case 'retry':
        if (/^\d+$/.test(value)) this.retry = Number(value);
        break;
      default:
      // Unknown fields are ignored.
    }
    return null;
  }

  #dispatch(): SseEvent | null {
    this.lastEventId = this.#idBuffer;
    const hasData = this.#hasData;
    const data = this.#data.join('\n');
    const type = this.#eventType || 'message';
    this.#data = [];
    this.#hasData = false;
    this.#eventType = '';
    if (!hasData) return null;
    return { event: type, id: this.lastEventId, data };
  }
}
