import { api, withQuery } from './client';
import { followAnswer, resumeAnswer, streamEvents, type SseEvent } from '../stream/sse';
import type { ProviderId } from './settings';
import type { DecisionCard } from './card';

/** 'none': no activity yet, nothing to judge. */
export type Verdict = 'rest' | 'easy' | 'train' | 'hard' | 'none';
export type AnswerStatus = 'complete' | 'streaming' | 'interrupted' | 'error';

/** Today's answer from rules on form, ramp rate and workload ratio: works without any AI. */
export interface RuleAdvice {
  verdict: Verdict;
  headline: string;
  advice: string;
  source: 'rules';
  fitness: number;
  fatigue: number;
  form: number;
  zone: string;
  zoneWords: string;
  ramp: number;
  /** How much history the numbers rest on: none, short (under two weeks: a rough guide), settling, full. */
  history?: 'none' | 'short' | 'settling' | 'full';
  /** Days from the first activity to today; null with none. */
  historyDays?: number | null;
}

/** A stored answer: a day's recommendation, a weekly report or an activity insight. */
export interface StoredAnswer {
  id: string;
  /** The day, or the Monday of a report's week. */
  date: string | null;
  content: string;
  status: AnswerStatus;
  model: string | null;
  inputTokens: number | null;
  outputTokens: number | null;
  contextActivityIds: string[] | null;
  metrics: WeekMetrics | null;
  createdAt: string;
  /** What the coach was given; null (or absent) for answers stored before the server kept it. */
  basis?: AnswerBasis | null;
  /** The answer's inputs changed since it was stored. */
  outdated?: boolean;
  outdatedReasons?: OutdatedReason[];
  /** The lookups the coach made for this answer (absent or empty when none). */
  toolCalls?: ToolCall[] | null;
}

/** One lookup the coach made while answering, as stored with the answer. */
export interface ToolCall {
  /** The provider's tool-call id (e.g. toolu_1). */
  id: string;
  /** The tool, e.g. search_activities. */
  name: string;
  arguments?: Record<string, unknown> | null;
  /** What was looked up: "runs since 2024-01-01 by distance". */
  summary: string;
  /** False when the lookup failed; null or absent when it never finished. */
  ok?: boolean | null;
  /** What came back: "12 activities". */
  resultSummary?: string | null;
  /** Size of the result sent to the model, in bytes. */
  bytes?: number | null;
}

/** The activities an answer was computed on, by where they came from. */
export interface AnswerBasis {
  /** Workouts the coach could read: fileAndExport + stravaApi. */
  coachActivities: number;
  /** Read from a file, an export or a manual entry: the athlete's own data. */
  fileAndExport: number;
  /** Read from a Strava API copy (only when the policy allows it). */
  stravaApi: number;
  /** Workouts only a Strava API copy holds, kept from the coach by the policy. */
  keptOut: number;
  stravaApiAllowed: boolean;
}

export type OutdatedReason = 'new_activities' | 'activities_changed' | 'policy_changed' | 'verdict_changed' | 'verdict_contradicted';

/** What the coach sees against what the dashboard counts (GET /api/ai/coverage). */
export interface Coverage extends AnswerBasis {
  /** Workouts the dashboard counts (merged copies once). */
  activities: number;
  /** The coach sees much less than the dashboard. */
  muchLess: boolean;
}

export interface Recommendation {
  rules: RuleAdvice;
  ai: StoredAnswer | null;
  /** The decision card: the verdict with every signal behind it (the load rules' verdict, lowered by wellness). */
  card?: DecisionCard | null;
}

export interface WeekMetrics {
  sessions: number;
  distanceKm: number;
  durationS: number;
  avgHr: number | null;
  load: number;
  fitness: number;
  fatigue: number;
  /** Form after the last day's training (the dashboard's "after today's training"). */
  form: number;
  /** Form on the morning of the last day, before its training (the dashboard's "this morning"); absent in older reports. */
  formMorning?: number;
  through: string;
}

export interface ChatSession {
  id: string;
  title: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ChatMessage {
  id: string;
  role: 'user' | 'assistant';
  content: string;
  status: AnswerStatus;
  model: string | null;
  inputTokens: number | null;
  outputTokens: number | null;
  contextActivityIds: string[] | null;
  createdAt: string;
  /** Set while the answer is still being written: follow it with followChatAnswer. */
  streamId?: string | null;
  /** What the coach was given, when the server says so. */
  basis?: AnswerBasis | null;
  /** The lookups the coach made for this answer (absent or empty when none). */
  toolCalls?: ToolCall[] | null;
}

export interface AiSettings {
  provider: ProviderId | null;
  model: string | null;
  fastModel: string | null;
  /** What the coach would call now, or null with `problem` saying what is missing. */
  active: { provider: ProviderId; model: string; fastModel: string } | null;
  problem: string | null;
  /** False when the chosen model cannot call tools: the coach falls back to a fixed summary of the data. */
  toolsSupported?: boolean | null;
}

export interface ModelInfo {
  id: string;
  displayName: string | null;
  createdAt: string | null;
}

export interface UsageRow {
  month: string;
  provider: string;
  model: string;
  calls: number;
  inputTokens: number;
  outputTokens: number;
}

/** Frame data of a coach answer stream. */
export interface StartFrame {
  streamId?: string;
  model?: string;
  provider?: string;
  cached?: boolean;
  sessionId?: string;
  messageId?: string;
  activityId?: string;
  weekStart?: string;
  metrics?: WeekMetrics;
  contextActivityIds?: string[];
  /** What the coach is given for this answer (newer servers). */
  basis?: AnswerBasis | null;
  /** False when the model cannot look things up (the answer uses the fixed summary). */
  toolsSupported?: boolean;
  [key: string]: unknown;
}
export interface TokenFrame {
  text: string;
}
/** `event: tool`, sent before a lookup runs. */
export interface ToolFrame {
  id: string;
  name: string;
  arguments?: Record<string, unknown> | null;
  summary?: string;
}
/** `event: tool_done`, sent when it has run; `summary` is the result's. */
export interface ToolDoneFrame {
  id: string;
  name: string;
  ok: boolean;
  summary?: string;
  bytes?: number;
}
export interface DoneFrame {
  status: 'complete' | 'interrupted';
  usage?: { inputTokens: number; outputTokens: number };
  model?: string;
  contextActivityIds?: string[];
  /** Tool rounds the answer took (0 when it looked nothing up). */
  toolRounds?: number;
  /** The provider refused tools, so the answer was written from the fixed summary. */
  toolsRejected?: boolean;
  /** The lookups as stored, when the server repeats them. */
  toolCalls?: ToolCall[];
  [key: string]: unknown;
}
export interface ErrorFrame {
  code: string;
  message: string;
  /** Some text arrived and was kept. */
  partial?: boolean;
}

type Events = AsyncGenerator<SseEvent>;

// Coverage

export function getCoverage(): Promise<Coverage> {
  return api.get<Coverage>('/api/ai/coverage');
}

// Recommendation

export function getRecommendation(): Promise<Recommendation> {
  return api.get<Recommendation>('/api/ai/recommendation');
}

/** Today's AI answer, streamed; 409 llm_not_configured before the stream when no provider is set. */
export function streamRecommendation(signal?: AbortSignal): Events {
  return followAnswer(streamEvents('POST', '/api/ai/recommendation', undefined, { signal }), { signal });
}

// Chat

export function listChatSessions(): Promise<{ sessions: ChatSession[] }> {
  return api.get<{ sessions: ChatSession[] }>('/api/ai/chat/sessions');
}

export function createChatSession(title?: string): Promise<ChatSession> {
  return api.post<ChatSession>('/api/ai/chat/sessions', title ? { title } : {});
}

export function renameChatSession(id: string, title: string): Promise<ChatSession> {
  return api.patch<ChatSession>(`/api/ai/chat/sessions/${encodeURIComponent(id)}`, { title });
}

export function deleteChatSession(id: string): Promise<void> {
  return api.delete<void>(`/api/ai/chat/sessions/${encodeURIComponent(id)}`);
}

export function getChatMessages(id: string): Promise<{ messages: ChatMessage[] }> {
  return api.get<{ messages: ChatMessage[] }>(`/api/ai/chat/sessions/${encodeURIComponent(id)}/messages`);
}

/**
 * One chat turn, streamed; without sessionId the server opens a new session (in the start frame).
 * With `retry`, a failed answer to this same message is written again in place rather than the
 * message being stored twice.
 */
export function streamChat(message: string, sessionId: string | null, signal?: AbortSignal, retry = false): Events {
  const body = { message, ...(sessionId ? { sessionId } : {}), ...(retry ? { retry: true } : {}) };
  return followAnswer(streamEvents('POST', '/api/ai/chat', body, { signal }), { signal });
}

/** Follows a chat answer that is still being written (after a reload), from its first token. */
export function followChatAnswer(streamId: string, signal?: AbortSignal): Events {
  return followAnswer(resumeAnswer(streamId, null, signal), { signal });
}

// Weekly reports

export function listWeeklyReports(): Promise<{ reports: StoredAnswer[] }> {
  return api.get<{ reports: StoredAnswer[] }>('/api/ai/weekly-reports');
}

/** week: "2026-W47" or a date in the week; null while that week has no report (422 for a malformed week). */
export function getWeeklyReport(week: string): Promise<StoredAnswer | null> {
  return api.get<StoredAnswer | null>(`/api/ai/weekly-reports/${encodeURIComponent(week)}`);
}

export function streamWeeklyReport(week: string | null, signal?: AbortSignal): Events {
  return followAnswer(streamEvents('POST', '/api/ai/weekly-report', week ? { week } : {}, { signal }), { signal });
}

// Activity insight

/** The current insight; null when there is none yet or the activity changed since it was written. */
export function getInsight(activityId: string): Promise<StoredAnswer | null> {
  return api.get<StoredAnswer | null>(`/api/ai/activity-insight/${encodeURIComponent(activityId)}`);
}

/** A cached insight is replayed as a finished stream (`cached: true` in the start frame). */
export function streamInsight(activityId: string, regenerate: boolean, signal?: AbortSignal): Events {
  const body = regenerate ? { activityId, regenerate: true } : { activityId };
  return followAnswer(streamEvents('POST', '/api/ai/activity-insight', body, { signal }), { signal });
}

// Streams

/** Stops an answer: the upstream request is closed and the partial text stored as interrupted. */
export function stopStream(streamId: string): Promise<{ stopping: boolean }> {
  return api.post<{ stopping: boolean }>(`/api/ai/streams/${encodeURIComponent(streamId)}/stop`);
}

// Settings and usage

export function getAiSettings(): Promise<AiSettings> {
  return api.get<AiSettings>('/api/ai/settings');
}

export function saveAiSettings(settings: { provider: ProviderId; model?: string; fastModel?: string }): Promise<AiSettings> {
  return api.put<AiSettings>('/api/ai/settings', settings);
}

export function listModels(provider?: ProviderId): Promise<{ provider: ProviderId; models: ModelInfo[] }> {
  return api.get<{ provider: ProviderId; models: ModelInfo[] }>(withQuery('/api/ai/models', { provider }));
}

export function getUsage(): Promise<{ usage: UsageRow[] }> {
  return api.get<{ usage: UsageRow[] }>('/api/ai/usage');
}
