// @vitest-environment jsdom
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import UsageSection from './UsageSection.svelte';
import { apiError, json, stubFetch } from '../../../test/http';
import { formatUsd, parseBudget, parsePrices, priceErrorField } from './usageForm';

const ROW = {
  key: 'chat', provider: null, calls: 12, inputTokens: 42_000, outputTokens: 3_100, cacheWriteTokens: 8_000,
  cacheReadTokens: 120_000, toolRounds: 9, costUsd: 16.4, unpricedCalls: 0,
};

function state(provider: string, spent: number, budget: number | null, extra: Record<string, unknown> = {}) {
  const percent = budget == null ? null : Math.round((spent / budget) * 1000) / 10;
  return {
    provider, month: '2026-12', spentUsd: spent, budgetUsd: budget, percent,
    warning: budget != null && spent >= 0.8 * budget, reached: budget != null && spent >= budget, calls: 3, unpricedCalls: 0,
    ...extra,
  };
}

function report(by: string, month: string, rows: unknown[], providers: unknown[]) {
  return { month, by, rows, totals: { ...ROW, key: 'total', costUsd: 16.4 }, providers, usage: [] };
}

const PRICES = {
  defaults: [
    { provider: 'anthropic', model: 'claude-sonnet-4', input: 3, output: 15, cacheWrite: 3.75, cacheRead: 0.3, estimate: false },
    { provider: 'anthropic', model: 'claude-opus', input: 5, output: 25, cacheWrite: 6.25, cacheRead: 0.5, estimate: true },
  ],
  overrides: [],
};

describe('AI usage section', () => {
  it('shows each provider’s month so far against its budget, with the 80 % warning, and the month by feature', async () => {
    stubFetch({
      'GET /api/ai/usage?by=feature': () =>
        json(200, report('feature', '2026-12', [ROW], [state('anthropic', 16.4, 20), state('openai', 0, null, { unpricedCalls: 2 })])),
      'GET /api/ai/prices': () => json(200, PRICES),
    });
    render(UsageSection);
    const claude = await screen.findByRole('listitem', { name: 'Claude' });
    expect(within(claude).getByText('$16.40 of $20.00')).toBeTruthy();
    expect(within(claude).getByText('82 % used')).toBeTruthy();
    expect(within(claude).getByRole('status').textContent).toContain('82 % of this month’s budget is used.');
    expect(within(claude).getByRole('progressbar', { name: 'Claude budget used' }).getAttribute('aria-valuenow')).toBe('82');
    const local = screen.getByRole('listitem', { name: 'OpenAI-compatible' });
    expect(local.textContent).toContain('no budget');
    expect(within(local).queryByRole('progressbar')).toBeNull();
    expect(local.textContent).toContain('2 calls have no known price');
    expect(screen.getByRole('heading', { name: 'December 2026 so far' })).toBeTruthy();

    const table = screen.getByRole('table', { name: 'AI usage in December 2026 by feature' });
    const chat = within(table).getByRole('row', { name: /Chat/ });
    expect(chat.textContent).toContain('42,000');
    expect(chat.textContent).toContain('120,000');
    expect(chat.textContent).toContain('$16.40');
    // The budget fields start from the stored budgets.
    expect((screen.getByLabelText('Claude (US$ per month)') as HTMLInputElement).value).toBe('20');
    expect((screen.getByLabelText('OpenAI-compatible (US$ per month)') as HTMLInputElement).value).toBe('');
  });

  it('says plainly when a budget is spent', async () => {
    stubFetch({
      'GET /api/ai/usage?by=feature': () => json(200, report('feature', '2026-12', [ROW], [state('anthropic', 20.13, 20), state('openai', 0, null)])),
      'GET /api/ai/prices': () => json(200, PRICES),
    });
    render(UsageSection);
    const claude = await screen.findByRole('listitem', { name: 'Claude' });
    expect(within(claude).getByText('Budget reached')).toBeTruthy();
    expect(within(claude).getByRole('alert').textContent).toContain('The $20.00 monthly budget for Claude is spent');
    expect(within(claude).getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
  });

  it('groups by model and shows another month on request', async () => {
    const modelRow = { ...ROW, key: 'claude-sonnet-4-5', provider: 'anthropic' };
    const fetchMock = stubFetch({
      'GET /api/ai/usage?by=feature': () => json(200, report('feature', '2026-12', [ROW], [state('anthropic', 1, null), state('openai', 0, null)])),
      'GET /api/ai/usage?by=model': () => json(200, report('model', '2026-12', [modelRow], [state('anthropic', 1, null), state('openai', 0, null)])),
      'GET /api/ai/usage?by=model&month=2026-10': () => json(200, report('model', '2026-10', [], [state('anthropic', 0, null), state('openai', 0, null)])),
      'GET /api/ai/prices': () => json(200, PRICES),
    });
    render(UsageSection);
    await screen.findByRole('table', { name: 'AI usage in December 2026 by feature' });
    await fireEvent.click(screen.getByLabelText('By model'));
    const table = await screen.findByRole('table', { name: 'AI usage in December 2026 by model' });
    expect(within(table).getByRole('row', { name: /claude-sonnet-4-5/ }).textContent).toContain('Claude');

    await fireEvent.input(screen.getByLabelText('Month'), { target: { value: '2026-10' } });
    expect(await screen.findByText('No AI calls in October 2026.')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'October 2026' })).toBeTruthy();
    expect(fetchMock.mock.calls.map((c) => String(c[0]))).toContain('/api/ai/usage?by=model&month=2026-10');
  });

  it('checks a budget before sending it, then saves both providers (empty: none)', async () => {
    let sent: unknown = null;
    const fetchMock = stubFetch({
      'GET /api/ai/usage?by=feature': () => json(200, report('feature', '2026-12', [], [state('anthropic', 1, null), state('openai', 0, null)])),
      'GET /api/ai/prices': () => json(200, PRICES),
      'PUT /api/ai/budgets': (init) => {
        sent = JSON.parse(String(init.body));
        return json(200, { providers: [state('anthropic', 1, 25), state('openai', 0, null)] });
      },
    });
    render(UsageSection);
    const claude = (await screen.findByLabelText('Claude (US$ per month)')) as HTMLInputElement;
    await fireEvent.input(claude, { target: { value: '0' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Save budgets' }));
    expect(await screen.findByText('A budget is more than $0 and at most $100,000.')).toBeTruthy();
    expect(claude.getAttribute('aria-invalid')).toBe('true');
    expect(fetchMock.mock.calls.some((c) => (c[1] as RequestInit | undefined)?.method === 'PUT')).toBe(false);

    await fireEvent.input(claude, { target: { value: '25' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Save budgets' }));
    expect(await screen.findByText('Saved.')).toBeTruthy();
    expect(sent).toEqual({ anthropic: 25, openai: null });
  });

  it('edits the athlete’s own prices, refusing a bad one before sending and showing the server’s field error', async () => {
    const bodies: unknown[] = [];
    let reject = true;
    stubFetch({
      'GET /api/ai/usage?by=feature': () => json(200, report('feature', '2026-12', [], [state('anthropic', 0, null), state('openai', 0, null)])),
      'GET /api/ai/prices': () => json(200, PRICES),
      'PUT /api/ai/prices': (init) => {
        bodies.push(JSON.parse(String(init.body)));
        if (reject) {
          reject = false;
          return apiError(422, 'out_of_range', "'prices[0].output' must be from 0 to 1000 US dollars per million tokens", 'prices[0].output');
        }
        return json(200, { ...PRICES, overrides: [{ provider: null, model: 'claude-mythos', input: 20, output: 100, cacheWrite: 25, cacheRead: 2, estimate: false }] });
      },
    });
    const { container } = render(UsageSection);
    // The price table is built only when opened.
    await screen.findByText('Price table (US$ per million tokens)');
    expect(screen.queryByRole('button', { name: 'Add a price' })).toBeNull();
    const details = container.querySelector<HTMLDetailsElement>('details.prices')!;
    details.open = true;
    await fireEvent(details, new Event('toggle'));
    expect(await screen.findByText('estimate')).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: 'Add a price' }));
    await fireEvent.input(screen.getByLabelText('Model 1'), { target: { value: 'claude-mythos' } });
    await fireEvent.input(screen.getByLabelText('Input price, model 1'), { target: { value: '-1' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Save prices' }));
    expect((await screen.findByText(/Price 1: Enter a price from 0 to 1000/)).getAttribute('role')).toBe('alert');
    expect(bodies).toHaveLength(0);

    await fireEvent.input(screen.getByLabelText('Input price, model 1'), { target: { value: '20' } });
    await fireEvent.input(screen.getByLabelText('Output price, model 1'), { target: { value: '100' } });
    await fireEvent.input(screen.getByLabelText('Cache write price, model 1'), { target: { value: '25' } });
    await fireEvent.input(screen.getByLabelText('Cache read price, model 1'), { target: { value: '2' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Save prices' }));
    expect(await screen.findByText(/Price 1: 'prices\[0\].output' must be from 0 to 1000/)).toBeTruthy();
    expect(screen.getByLabelText('Output price, model 1').getAttribute('aria-invalid')).toBe('true');

    await fireEvent.click(screen.getByRole('button', { name: 'Save prices' }));
    expect(await screen.findByText('Saved.')).toBeTruthy();
    expect(bodies[1]).toEqual({ prices: [{ model: 'claude-mythos', input: 20, output: 100, cacheWrite: 25, cacheRead: 2 }] });

    await fireEvent.click(screen.getByRole('button', { name: 'Remove price 1' }));
    expect(screen.getByText('No prices of your own: the defaults apply.')).toBeTruthy();
  });
});

describe('usage form helpers', () => {
  it('writes small costs so they do not read as nothing', () => {
    expect(formatUsd(0)).toBe('$0.00');
    expect(formatUsd(0.0042)).toBe('$0.0042');
    expect(formatUsd(0.125)).toBe('$0.125');
    expect(formatUsd(20.134)).toBe('$20.13');
    expect(formatUsd(null)).toBe('—');
  });

  it('reads budgets and prices as the server would accept them', () => {
    expect(parseBudget('')).toEqual({ value: null, error: null });
    expect(parseBudget(' 19.999 ').value).toBe(20);
    expect(parseBudget('100001').error).not.toBeNull();
    expect(parseBudget('abc').error).not.toBeNull();
    const row = { model: 'a', input: '1', output: '2', cacheWrite: '1.25', cacheRead: '0.1' };
    expect(parsePrices([row]).prices).toEqual([{ model: 'a', input: 1, output: 2, cacheWrite: 1.25, cacheRead: 0.1 }]);
    expect(parsePrices([row, { ...row, model: 'A' }]).error?.row).toBe(1);
    expect(parsePrices([{ ...row, cacheRead: '' }]).error?.field).toBe('cacheRead');
    expect(parsePrices([{ ...row, output: '1000.5' }]).error?.field).toBe('output');
    expect(parsePrices(Array.from({ length: 101 }, (_, i) => ({ ...row, model: `m${i}` }))).error).not.toBeNull();
    expect(priceErrorField('prices[4].cacheWrite')).toEqual({ row: 4, field: 'cacheWrite' });
    expect(priceErrorField('prices[2]')).toEqual({ row: 2, field: 'model' });
    expect(priceErrorField('prices')).toBeNull();
  });
});
