import { stopStream, type DoneFrame, type ErrorFrame, type StartFrame } from '../api/ai';
import { eventJson, isAbortError, type SseEvent } from '../stream/sse';
import { errorMessage, streamErrorMessage } from '../errors';
import { isApiError } from '../api/client';
import { lookupDone, lookupsEnded, lookupStarted, mergeStored, type Lookup } from '../stream/lookups';
import { toolSupport } from './toolSupport.svelte';

export type AnswerPhase = 'idle' | 'connecting' | 'streaming' | 'stopping' | 'done' | 'error';

type Open = (signal: AbortSignal) => AsyncIterable<SseEvent>;

/** Schedules a flush for the next frame (immediately where there are no frames, e.g. tests). */
const nextFrame: (fn: () => void) => void =
  typeof requestAnimationFrame === 'function' ? (fn) => requestAnimationFrame(() => fn()) : (fn) => fn();

/**
 * One coach answer arriving as server-sent events: the text so far, its phase, and stop.
 * Tokens are applied at most once per animation frame, so a fast model does not re-render
 * the Markdown for every token.
 */
export class AnswerStream {
  text = $state('');
  phase = $state<AnswerPhase>('idle');
  /** An actionable sentence when phase is 'error'. */
  error = $state<string | null>(null);
  /** The error's code (e.g. llm_not_configured), to offer the right way out. */
  errorCode = $state<string | null>(null);
  streamId = $state<string | null>(null);
  start = $state.raw<StartFrame | null>(null);
  done = $state.raw<DoneFrame | null>(null);
  /** The coach's lookups for this answer, in the order they started. */
  tools = $state.raw<Lookup[]>([]);

  readonly #stop: typeof stopStream;
  #controller: AbortController | null = null;
  #pending = '';
  #flushQueued = false;
  #stopTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(stop: typeof stopStream = stopStream) {
    this.#stop = stop;
  }

  get active(): boolean {
    return this.phase === 'connecting' || this.phase === 'streaming' || this.phase === 'stopping';
  }

  /** Was the answer stopped part way (by the athlete, or because the page went away)? */
  get interrupted(): boolean {
    return this.done?.status === 'interrupted';
  }

  /** A lookup is running now. */
  get lookingUp(): boolean {
    return this.tools.some((t) => t.state === 'running');
  }

  /** Starts a new answer, cancelling one still running. Resolves when it ends; never throws. */
  async run(open: Open): Promise<void> {
    this.cancel();
    const controller = new AbortController();
    this.#controller = controller;
    this.text = '';
    this.#pending = '';
    this.error = null;
    this.errorCode = null;
    this.streamId = null;
    this.start = null;
    this.done = null;
    this.tools = [];
    this.phase = 'connecting';
    try {
      for await (const event of open(controller.signal)) {
        if (controller.signal.aborted) break;
        this.#apply(event);
        if (event.event === 'done' || event.event === 'error') break;
      }
      if (this.#controller === controller && this.active && !controller.signal.aborted) {
        // The stream ended without its final frame.
        this.#flush();
        this.#fail(null, 'The answer stopped before it was complete. Try again.');
      }
    } catch (e) {
      if (this.#controller !== controller || isAbortError(e)) return;
      this.#flush();
      this.#fail(isApiError(e) ? e.code : null, errorMessage(e));
    } finally {
      if (this.#controller === controller) {
        this.#controller = null;
        this.#clearStopTimer();
        if ((this.phase as AnswerPhase) === 'stopping') {
          this.#flush();
          this.phase = 'done';
        }
        this.tools = lookupsEnded(this.tools);
      }
    }
  }

  /**
   * Stops the answer on purpose: the server closes the upstream request, keeps the partial
   * text as interrupted and ends the stream with `done`. Before the stream has an id, the
   * request is simply aborted.
   */
  async stop(): Promise<void> {
    if (!this.active) return;
    const id = this.streamId;
    if (!id) {
      this.cancel();
      this.phase = this.text ? 'done' : 'idle';
      return;
    }
    this.phase = 'stopping';
    // If the final frame does not come soon, stop listening anyway.
    this.#stopTimer = setTimeout(() => this.#controller?.abort(), 4000);
    try {
      await this.#stop(id);
    } catch {
      this.#controller?.abort();
    }
  }

  /** Stops listening (leaving the page); the server cancels an answer nobody follows. */
  cancel(): void {
    this.#clearStopTimer();
    const c = this.#controller;
    this.#controller = null;
    c?.abort();
    if (this.active) this.phase = this.text ? 'done' : 'idle';
    this.tools = lookupsEnded(this.tools);
  }

  reset(): void {
    this.cancel();
    this.text = '';
    this.phase = 'idle';
    this.error = null;
    this.errorCode = null;
    this.start = null;
    this.done = null;
    this.tools = [];
    this.streamId = null;
  }

  #apply(event: SseEvent) {
    switch (event.event) {
      case 'start': {
        const info = eventJson<StartFrame>(event) ?? {};
        this.start = info;
        this.streamId = typeof info.streamId === 'string' ? info.streamId : null;
        if (info.toolsSupported === false) toolSupport.noteRejected(typeof info.model === 'string' ? info.model : null);
        if (this.phase === 'connecting') this.phase = 'streaming';
        break;
      }
      case 'tool':
      case 'tool_done': {
        // Words that came before the lookup stay before it.
        this.#flush();
        const data = eventJson(event);
        this.tools = event.event === 'tool' ? lookupStarted(this.tools, data) : lookupDone(this.tools, data);
        if (this.phase === 'connecting') this.phase = 'streaming';
        break;
      }
      case 'token': {
        const t = eventJson<{ text?: string }>(event);
        if (t?.text) {
          this.#pending += t.text;
          if (this.phase === 'connecting') this.phase = 'streaming';
          if (!this.#flushQueued) {
            this.#flushQueued = true;
            nextFrame(() => this.#flush());
          }
        }
        break;
      }
      case 'done': {
        this.#flush();
        const done = eventJson<DoneFrame>(event) ?? { status: 'complete' };
        this.done = done;
        this.tools = lookupsEnded(mergeStored(this.tools, done.toolCalls));
        if (done.toolsRejected === true) toolSupport.noteRejected(done.model ?? this.start?.model ?? null);
        this.phase = 'done';
        break;
      }
      case 'error': {
        this.#flush();
        const frame = eventJson<ErrorFrame>(event);
        this.tools = lookupsEnded(this.tools);
        this.#fail(frame?.code ?? null, streamErrorMessage(frame));
        break;
      }
      default:
      // Unknown events are ignored.
    }
  }

  #flush() {
    this.#flushQueued = false;
    if (this.#pending) {
      this.text += this.#pending;
      this.#pending = '';
    }
  }

  #fail(code: string | null, message: string) {
    this.errorCode = code;
    this.error = message;
    this.phase = 'error';
  }

  #clearStopTimer() {
    if (this.#stopTimer) clearTimeout(this.#stopTimer);
    this.#stopTimer = null;
  }
}
