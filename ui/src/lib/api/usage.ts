import { api, withQuery } from './client';
import type { ProviderId } from './settings';

/** How GET /api/ai/usage groups a month's calls. */
export type UsageBy = 'feature' | 'model';

/** The features that call a model. */
export type AiFeature = 'recommendation' | 'chat' | 'report' | 'insight' | 'title' | 'mcp';

/** A month's calls of one feature (key = feature, provider null) or one model (key = model id on provider). */
export interface UsageRow {
  key: string;
  provider: ProviderId | null;
  calls: number;
  inputTokens: number;
  outputTokens: number;
  cacheWriteTokens: number;
  cacheReadTokens: number;
  toolRounds: number;
  /** US dollars of the priced calls; null when none had a known price. */
  costUsd: number | null;
  /** Calls with no known price: not in costUsd. */
  unpricedCalls: number;
}

/** One provider's month: spent against its budget (null: none), a warning from 80 %, stopped at 100 %. */
export interface BudgetState {
  provider: ProviderId;
  month: string;
  spentUsd: number;
  budgetUsd: number | null;
  percent: number | null;
  warning: boolean;
  reached: boolean;
  calls: number;
  unpricedCalls: number;
}

export interface UsageReport {
  /** YYYY-MM in the athlete's time zone. */
  month: string;
  by: UsageBy;
  rows: UsageRow[];
  totals: UsageRow;
  providers: BudgetState[];
}

/** A price in US dollars per million tokens; provider null for the athlete's own (it matches any provider). */
export interface PriceEntry {
  provider: ProviderId | null;
  /** A model id, or its beginning: it prices every id that starts with it. */
  model: string;
  input: number;
  output: number;
  cacheWrite: number;
  cacheRead: number;
  /** A newer model priced like its family's latest known one. */
  estimate: boolean;
}

export interface Prices {
  defaults: PriceEntry[];
  overrides: PriceEntry[];
}

export type PriceInput = Pick<PriceEntry, 'model' | 'input' | 'output' | 'cacheWrite' | 'cacheRead'>;

/** Providers named get that monthly budget in US dollars (null: none); others keep theirs. */
export type BudgetChanges = Partial<Record<ProviderId, number | null>>;

export function getUsageReport(by: UsageBy = 'feature', month?: string): Promise<UsageReport> {
  return api.get<UsageReport>(withQuery('/api/ai/usage', { by, month }));
}

export function getPrices(): Promise<Prices> {
  return api.get<Prices>('/api/ai/prices');
}

/** Replaces the athlete's own prices. */
export function savePrices(prices: PriceInput[]): Promise<Prices> {
  return api.put<Prices>('/api/ai/prices', { prices });
}

export function getBudgets(): Promise<{ providers: BudgetState[] }> {
  return api.get<{ providers: BudgetState[] }>('/api/ai/budgets');
}

export function saveBudgets(changes: BudgetChanges): Promise<{ providers: BudgetState[] }> {
  return api.put<{ providers: BudgetState[] }>('/api/ai/budgets', changes);
}
