/**
 * The coach's lookups (tool calls) of one answer, built from `tool` / `tool_done` frames or read
 * from a stored answer's `toolCalls`. Frames are keyed by their tool-call id: a frame replayed
 * after a reconnect updates the lookup it belongs to instead of adding it again.
 */
import type { ToolCall } from '../api/ai';

/** running: the tool is working; unfinished: the answer ended before it reported back. */
export type LookupState = 'running' | 'ok' | 'failed' | 'unfinished';

export interface Lookup {
  id: string;
  name: string;
  /** What was looked up: "runs since 2024-01-01 by distance". */
  summary: string;
  arguments: Record<string, unknown> | null;
  state: LookupState;
  /** What came back: "12 activities" (or why it failed). */
  resultSummary: string | null;
  bytes: number | null;
}

type Json = Record<string, unknown>;

function obj(v: unknown): Json | null {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : null;
}

function text(v: unknown): string | null {
  return typeof v === 'string' && v.trim() ? v.trim() : null;
}

/** search_activities → "search activities": a readable stand-in when the server gave no summary. */
export function toolWords(name: string): string {
  return name.replace(/_/g, ' ').trim() || 'data';
}

/**
 * The key of a frame: its tool-call id, or (should a server leave it out) the tool and its
 * arguments, which are just as stable across a replay.
 */
function keyOf(frame: Json): string | null {
  const id = text(frame.id);
  if (id) return id;
  const name = text(frame.name);
  if (!name) return null;
  return `${name}:${JSON.stringify(frame.arguments ?? null)}`;
}

/** Applies an `event: tool` frame (the lookup starts). Returns the same array when nothing changed. */
export function lookupStarted(list: readonly Lookup[], data: unknown): Lookup[] {
  const frame = obj(data);
  const key = frame && keyOf(frame);
  if (!frame || !key) return list as Lookup[];
  const name = text(frame.name) ?? 'lookup';
  const known = list.find((l) => l.id === key);
  if (known) {
    // A replayed frame: it may only fill in what the first one lacked, never restart a finished lookup.
    const summary = text(frame.summary);
    if (!summary || summary === known.summary) return list as Lookup[];
    return list.map((l) => (l.id === key ? { ...l, summary } : l));
  }
  return [
    ...list,
    {
      id: key,
      name,
      summary: text(frame.summary) ?? toolWords(name),
      arguments: obj(frame.arguments),
      state: 'running',
      resultSummary: null,
      bytes: null,
    },
  ];
}

/** Applies an `event: tool_done` frame. A done frame whose start was never seen still counts. */
export function lookupDone(list: readonly Lookup[], data: unknown): Lookup[] {
  const frame = obj(data);
  const key = frame && keyOf(frame);
  if (!frame || !key) return list as Lookup[];
  const state: LookupState = frame.ok === false ? 'failed' : 'ok';
  const resultSummary = text(frame.summary);
  const bytes = typeof frame.bytes === 'number' && Number.isFinite(frame.bytes) ? frame.bytes : null;
  const known = list.find((l) => l.id === key);
  if (!known) {
    const name = text(frame.name) ?? 'lookup';
    return [...list, { id: key, name, summary: toolWords(name), arguments: null, state, resultSummary, bytes }];
  }
  if (known.state === state && known.resultSummary === resultSummary && known.bytes === bytes) return list as Lookup[];
  return list.map((l) => (l.id === key ? { ...l, state, resultSummary, bytes } : l));
}

/** The answer ended (done, error, stop): a lookup still running will not report back. */
export function lookupsEnded(list: readonly Lookup[]): Lookup[] {
  if (!list.some((l) => l.state === 'running')) return list as Lookup[];
  return list.map((l) => (l.state === 'running' ? { ...l, state: 'unfinished' } : l));
}

/** A stored answer's `toolCalls` (absent, null or malformed entries give nothing). */
export function fromStored(calls: readonly ToolCall[] | null | undefined): Lookup[] {
  if (!Array.isArray(calls)) return [];
  const out: Lookup[] = [];
  for (const c of calls) {
    const o = obj(c);
    const key = o && keyOf(o);
    if (!o || !key || out.some((l) => l.id === key)) continue;
    const name = text(o.name) ?? 'lookup';
    out.push({
      id: key,
      name,
      summary: text(o.summary) ?? toolWords(name),
      arguments: obj(o.arguments),
      state: o.ok === true ? 'ok' : o.ok === false ? 'failed' : 'unfinished',
      resultSummary: text(o.resultSummary),
      bytes: typeof o.bytes === 'number' && Number.isFinite(o.bytes) ? o.bytes : null,
    });
  }
  return out;
}

/** Lookups as a stored message carries them (a finished live answer joins the conversation). */
export function toStored(list: readonly Lookup[]): ToolCall[] {
  return list.map((l) => ({
    id: l.id,
    name: l.name,
    arguments: l.arguments,
    summary: l.summary,
    ok: l.state === 'ok' ? true : l.state === 'failed' ? false : null,
    resultSummary: l.resultSummary,
    bytes: l.bytes,
  }));
}

/** Stored calls, or the frames the done frame repeats, merged into what the frames built. */
export function mergeStored(list: readonly Lookup[], calls: readonly ToolCall[] | null | undefined): Lookup[] {
  const stored = fromStored(calls);
  if (stored.length === 0) return list as Lookup[];
  const byId = new Map(stored.map((s) => [s.id, s]));
  const merged = list.map((l) => {
    const s = byId.get(l.id);
    byId.delete(l.id);
    return s && s.state !== 'unfinished' ? { ...l, ...s, summary: s.summary || l.summary } : l;
  });
  return [...merged, ...byId.values()];
}

/** The collapsed line: "Looked up: a · b", or "Looking up b…" while a lookup runs. */
export function lookupLine(list: readonly Lookup[]): string {
  const running = list.find((l) => l.state === 'running');
  if (running) return `Looking up ${running.summary}…`;
  return `Looked up: ${list.map((l) => (l.state === 'failed' ? `${l.summary} (failed)` : l.summary)).join(' · ')}`;
}

/** 1834 → "1.8 KB" (KB of 1024 bytes, as the server's 8 KB cap on a result). */
export function sizeWords(bytes: number | null): string | null {
  if (bytes === null || bytes < 0) return null;
  if (bytes < 1024) return `${bytes} B`;
  const kb = bytes / 1024;
  return `${kb.toFixed(kb < 10 ? 1 : 0)} KB`;
}
