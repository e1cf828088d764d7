import type { PriceInput } from '../../api/usage';
import type { ProviderId } from '../../api/settings';

export const MAX_PRICES = 100;
export const MAX_PRICE = 1000;
export const MAX_BUDGET = 100_000;
export const MAX_MODEL_CHARS = 200;

const FEATURES: Record<string, string> = {
  recommendation: 'Daily recommendation',
  chat: 'Chat',
  report: 'Weekly reports',
  insight: 'Activity insights',
  title: 'Chat titles',
  mcp: 'Other AI apps (MCP)',
};

export function featureLabel(feature: string): string {
  return FEATURES[feature] ?? feature;
}

export function providerLabel(provider: ProviderId | string | null): string {
  if (provider === 'anthropic') return 'Claude';
  if (provider === 'openai') return 'OpenAI-compatible';
  return provider ?? '';
}

/** Dollars to the cent, or to a tenth of a cent (and more) below a dollar, so small sums do not read as $0.00. */
export function formatUsd(v: number | null | undefined): string {
  if (v == null || !Number.isFinite(v)) return '—';
  if (v === 0) return '$0.00';
  if (Math.abs(v) >= 1) return `$${v.toFixed(2)}`;
  if (Math.abs(v) >= 0.01) return `$${v.toFixed(3)}`;
  return `$${v.toFixed(4)}`;
}

/** "December 2026" for "2026-12". */
export function monthLabel(month: string): string {
  const [y, m] = month.split('-').map(Number);
  if (!y || !m) return month;
  return new Date(Date.UTC(y, m - 1, 1)).toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** A budget field: '' is no budget (null); else a number of dollars over 0 and at most MAX_BUDGET. */
export function parseBudget(text: string): { value: number | null; error: string | null } {
  const t = text.trim();
  if (t === '') return { value: null, error: null };
  const n = Number(t);
  if (!Number.isFinite(n)) return { value: null, error: 'Enter an amount in US dollars, or leave it empty for no budget.' };
  if (n <= 0 || n > MAX_BUDGET) return { value: null, error: `A budget is more than $0 and at most $${MAX_BUDGET.toLocaleString('en-US')}.` };
  return { value: Math.round(n * 100) / 100, error: null };
}

/** The text fields of one editable price row. */
export interface PriceDraft {
  model: string;
  input: string;
  output: string;
  cacheWrite: string;
  cacheRead: string;
}

export const PRICE_FIELDS = ['input', 'output', 'cacheWrite', 'cacheRead'] as const;

/** The rows as the API takes them, or the first problem (row index and field) to show. */
export function parsePrices(rows: PriceDraft[]): { prices: PriceInput[]; error: { row: number; field: string; message: string } | null } {
  if (rows.length > MAX_PRICES) return { prices: [], error: { row: MAX_PRICES, field: 'model', message: `At most ${MAX_PRICES} prices.` } };
  const seen = new Set<string>();
  const prices: PriceInput[] = [];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const model = r.model.trim();
    if (!model || model.length > MAX_MODEL_CHARS) {
      return { prices: [], error: { row: i, field: 'model', message: `Name a model id (or its beginning), up to ${MAX_MODEL_CHARS} characters.` } };
    }
    if (seen.has(model.toLowerCase())) return { prices: [], error: { row: i, field: 'model', message: `“${model}” has two prices.` } };
    seen.add(model.toLowerCase());
    const values: Record<string, number> = {};
    for (const f of PRICE_FIELDS) {
      const t = r[f].trim();
      const n = Number(t);
      if (t === '' || !Number.isFinite(n) || n < 0 || n > MAX_PRICE) {
        return { prices: [], error: { row: i, field: f, message: `Enter a price from 0 to ${MAX_PRICE} US dollars per million tokens.` } };
      }
      values[f] = n;
    }
    prices.push({ model, input: values.input, output: values.output, cacheWrite: values.cacheWrite, cacheRead: values.cacheRead });
  }
  return { prices, error: null };
}

/** "prices[3].input" from the server → row 3, field input. */
export function priceErrorField(field: string | null): { row: number; field: string } | null {
  const m = field?.match(/^prices\[(\d+)\](?:\.(\w+))?$/);
  return m ? { row: Number(m[1]), field: m[2] ?? 'model' } : null;
}
