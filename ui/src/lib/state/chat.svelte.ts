import {
  createChatSession,
  deleteChatSession,
  followChatAnswer,
  getChatMessages,
  listChatSessions,
  renameChatSession,
  streamChat,
  type ChatMessage,
  type ChatSession,
} from '../api/ai';
import { eventJson, type SseEvent } from '../stream/sse';
import { errorMessage } from '../errors';
import { AnswerStream } from './answer.svelte';
import { toStored } from '../stream/lookups';
import { withMarkdown } from '../markdownLoader.svelte';

let localSeq = 0;

/** The server's name for a session until the coach has titled it. */
const DEFAULT_TITLE = 'New chat';

/**
 * The coach chat: sessions (newest first), the selected session's messages, and the answer
 * being streamed. A finished answer moves from `answer` into `messages`.
 */
export class ChatState {
  sessions = $state.raw<ChatSession[] | null>(null);
  sessionsError = $state<string | null>(null);
  selectedId = $state<string | null>(null);
  messages = $state.raw<ChatMessage[]>([]);
  messagesLoading = $state(false);
  messagesError = $state<string | null>(null);
  /** A failed create, rename or delete. */
  actionError = $state<string | null>(null);
  /** What the current (or failed) answer replies to: Retry sends it again. */
  lastPrompt = $state<string | null>(null);
  readonly answer: AnswerStream;
  /** Called when a session becomes selected by the app itself (created, or named by the server). */
  onSelect: ((id: string | null) => void) | null = null;

  #loadSeq = 0;
  /** Titles the server announced, by session id. */
  #announced = new Map<string, string>();
  /** Bumped when the conversation changes, so an answer cut off by it is not appended elsewhere. */
  #turn = 0;
  #pollTimer: ReturnType<typeof setTimeout> | undefined;
  #polls = 0;

  constructor(answer: AnswerStream = new AnswerStream()) {
    this.answer = answer;
  }

  get selected(): ChatSession | null {
    return this.sessions?.find((s) => s.id === this.selectedId) ?? null;
  }

  async loadSessions(): Promise<void> {
    try {
      const { sessions } = await listChatSessions();
      // A title announced on the event bus while this list was on its way is newer than the list's placeholder.
      this.sessions = sortSessions(
        sessions.map((x) => (x.title === DEFAULT_TITLE && this.#announced.has(x.id) ? { ...x, title: this.#announced.get(x.id)! } : x)),
      );
      this.sessionsError = null;
    } catch (e) {
      this.sessionsError = errorMessage(e);
    }
  }

  /** Opens a session (null: a new conversation, created on the first message). */
  async select(id: string | null): Promise<void> {
    if (id === this.selectedId) return;
    this.#turn++;
    clearTimeout(this.#pollTimer);
    this.#polls = 0;
    this.answer.reset();
    this.lastPrompt = null;
    this.selectedId = id;
    this.messages = [];
    this.messagesError = null;
    if (id) await this.loadMessages();
  }

  async loadMessages(): Promise<void> {
    const id = this.selectedId;
    if (!id) return;
    const seq = ++this.#loadSeq;
    this.messagesLoading = true;
    try {
      const { messages } = await getChatMessages(id);
      await withMarkdown(null, messages.some((m) => m.role === 'assistant'));
      if (seq !== this.#loadSeq) return;
      // Keep what was sent (and answered) while the history was on its way.
      const known = new Set(messages.map((m) => m.id));
      this.messages = [...messages, ...this.messages.filter((m) => !known.has(m.id))];
      this.messagesError = null;
      clearTimeout(this.#pollTimer);
      // An answer still being written (the page was reloaded meanwhile): follow the rest live.
      const live = this.messages.at(-1);
      if (live?.role === 'assistant' && live.status === 'streaming' && live.streamId && !this.answer.active) {
        this.messages = this.messages.slice(0, -1);
        const question = this.messages.at(-1);
        this.lastPrompt = question?.role === 'user' ? question.content : null;
        void this.#follow(live.streamId);
        return;
      }
      // One whose stream this server no longer has (another instance, or just ending): look again shortly.
      if (messages.some((m) => m.status === 'streaming') && this.#polls++ < 30) {
        this.#pollTimer = setTimeout(() => {
          if (this.selectedId === id && !this.answer.active) void this.loadMessages();
        }, 2000);
      }
    } catch (e) {
      if (seq === this.#loadSeq) this.messagesError = errorMessage(e);
    } finally {
      if (seq === this.#loadSeq) this.messagesLoading = false;
    }
  }

  async create(): Promise<ChatSession | null> {
    this.actionError = null;
    try {
      const session = await createChatSession();
      this.sessions = sortSessions([session, ...(this.sessions ?? []).filter((s) => s.id !== session.id)]);
      await this.select(session.id);
      this.onSelect?.(session.id);
      return session;
    } catch (e) {
      this.actionError = errorMessage(e);
      return null;
    }
  }

  async rename(id: string, title: string): Promise<boolean> {
    const t = title.trim();
    if (!t) return false;
    this.actionError = null;
    try {
      const session = await renameChatSession(id, t);
      this.sessions = (this.sessions ?? []).map((s) => (s.id === id ? { ...s, ...session } : s));
      return true;
    } catch (e) {
      this.actionError = errorMessage(e);
      return false;
    }
  }

  async remove(id: string): Promise<boolean> {
    this.actionError = null;
    try {
      await deleteChatSession(id);
      this.sessions = (this.sessions ?? []).filter((s) => s.id !== id);
      if (this.selectedId === id) {
        await this.select(null);
        this.onSelect?.(null);
      }
      return true;
    } catch (e) {
      this.actionError = errorMessage(e);
      return false;
    }
  }

  /** The server named a session (the chat channel of the event bus). */
  applyTitle(sessionId: string, title: string): void {
    this.#announced.set(sessionId, title);
    if (!this.sessions?.some((s) => s.id === sessionId)) return;
    this.sessions = this.sessions.map((s) => (s.id === sessionId ? { ...s, title } : s));
  }

  /** Sends a message and streams the answer. Resolves when the answer ends. */
  send(text: string): Promise<void> {
    return this.#send(text, false);
  }

  async #send(text: string, retry: boolean): Promise<void> {
    const message = text.trim();
    if (!message || this.answer.active) return;
    this.lastPrompt = message;
    const user: ChatMessage = {
      id: `local-${++localSeq}`,
      role: 'user',
      content: message,
      status: 'complete',
      model: null,
      inputTokens: null,
      outputTokens: null,
      contextActivityIds: null,
      createdAt: new Date().toISOString(),
    };
    this.messages = [...this.messages, user];
    const sessionId = this.selectedId;
    const turn = this.#turn;
    await this.answer.run((signal) => this.#watch(streamChat(message, sessionId, signal, retry)));
    this.#settle(turn);
  }

  async #follow(streamId: string): Promise<void> {
    const turn = this.#turn;
    await this.answer.run((signal) => followChatAnswer(streamId, signal));
    this.#settle(turn);
  }

  /** A finished answer joins the conversation (unless the athlete moved elsewhere meanwhile). */
  #settle(turn: number): void {
    if (turn !== this.#turn) return;
    const a = this.answer;
    if (a.phase === 'done' || (a.phase === 'idle' && a.text)) {
      const done = a.done;
      const reply: ChatMessage = {
        id: str(done?.messageId) ?? str(a.start?.messageId) ?? `local-${++localSeq}`,
        role: 'assistant',
        content: a.text,
        status: done?.status === 'complete' ? 'complete' : 'interrupted',
        model: done?.model ?? a.start?.model ?? null,
        inputTokens: done?.usage?.inputTokens ?? null,
        outputTokens: done?.usage?.outputTokens ?? null,
        contextActivityIds: done?.contextActivityIds ?? a.start?.contextActivityIds ?? null,
        basis: a.start?.basis ?? null,
        toolCalls: toStored(a.tools),
        createdAt: new Date().toISOString(),
      };
      if (reply.content || reply.status === 'complete') this.messages = [...this.messages, reply];
      this.lastPrompt = null;
      a.reset();
      // The server may have named the session, and its order changed.
      void this.loadSessions();
    }
  }

  /** Asks again for the failed answer; the server writes it in place, so the message is not stored twice. */
  async retry(): Promise<void> {
    const prompt = this.lastPrompt;
    if (!prompt || this.answer.active) return;
    const last = this.messages.at(-1);
    if (last?.role === 'user' && last.content === prompt) this.messages = this.messages.slice(0, -1);
    this.answer.reset();
    await this.#send(prompt, true);
  }

  stop(): Promise<void> {
    return this.answer.stop();
  }

  /** Leaving the screen. */
  dispose(): void {
    clearTimeout(this.#pollTimer);
    this.answer.cancel();
  }

  /** Picks up the session the server opened for a first message. */
  async *#watch(events: AsyncIterable<SseEvent>): AsyncGenerator<SseEvent> {
    for await (const event of events) {
      if (event.event === 'start') {
        const id = str(eventJson<{ sessionId?: unknown }>(event)?.sessionId);
        if (id && id !== this.selectedId) {
          this.selectedId = id;
          this.onSelect?.(id);
          void this.loadSessions();
        }
      }
      yield event;
    }
  }
}

function str(v: unknown): string | null {
  return typeof v === 'string' && v ? v : null;
}

function sortSessions(sessions: ChatSession[]): ChatSession[] {
  return [...sessions].sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
}
