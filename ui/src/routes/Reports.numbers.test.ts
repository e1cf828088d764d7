// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import Reports from './Reports.svelte';
import { json, stubFetch } from '../test/http';
import { router } from '../lib/state/router.svelte';

const METRICS = {
  sessions: 4,
  distanceKm: 31.2,
  durationS: 10800,
  avgHr: 139,
  load: 265,
  fitness: 41.26,
  fatigue: 50.4,
  form: -9.14,
  formMorning: -3.6,
  through: '2026-11-15',
};
const NO_AI = {
  provider: null,
  model: null,
  fastModel: null,
  active: null,
  problem: 'No AI provider is set up',
};

function week(weekStart: string, metrics = METRICS) {
  return json(200, { weekStart, metrics, firstWeek: '2026-11-02', thisWeek: '2026-11-23' });
}

afterEach(() => vi.restoreAllMocks());

describe('Reports without an AI provider', () => {
  it("shows this week's numbers from the engine, a note linking to Settings → AI coach, and no Generate button", async () => {
    stubFetch({
      'GET /api/ai/weekly-reports': () => json(200, { reports: [] }),
      'GET /api/reports/week': () => week('2026-11-23', { ...METRICS, sessions: 2, load: 120, through: '2026-11-24' }),
      'GET /api/ai/settings': () => json(200, NO_AI),
    });
    render(Reports);
    const note = await screen.findByTestId('reports-no-ai');
    expect(note.textContent).toContain('need an AI provider');
    expect(screen.getByRole('link', { name: /Settings → AI coach/ }).getAttribute('href')).toBe('/settings#ai');
    expect(await screen.findByText('120')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Generate/ })).toBeNull();
    expect(screen.getByTestId('report-form-after').textContent).toBe('−9');
    expect(screen.getByTestId('report-form-morning').textContent).toBe('−4');
  }, 20_000); // the file's first render compiles the screen: slow on a loaded machine

  it("opens a past week with no report: its numbers, labelled by day, and no prompt to generate", async () => {
    stubFetch({
      'GET /api/ai/weekly-reports': () => json(200, { reports: [] }),
      'GET /api/ai/weekly-reports/2026-W46': () => json(200, null),
      'GET /api/reports/week?start=2026-W46': () => week('2026-11-09'),
      'GET /api/ai/settings': () => json(200, NO_AI),
    });
    render(Reports, { week: '2026-W46' });
    expect(await screen.findByText('265')).toBeTruthy();
    expect(screen.getByText(/Form on the morning of Sun, 15 Nov 2026/)).toBeTruthy();
    expect(screen.getByText(/Form after Sun, 15 Nov 2026's training/)).toBeTruthy();
    expect(screen.getByText('There is no report for this week yet.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Generate/ })).toBeNull();
  });

  it('keeps Generate with a provider set up', async () => {
    stubFetch({
      'GET /api/ai/weekly-reports': () => json(200, { reports: [] }),
      'GET /api/ai/weekly-reports/2026-W46': () => json(200, null),
      'GET /api/reports/week?start=2026-W46': () => week('2026-11-09'),
      'GET /api/ai/settings': () => json(200, { ...NO_AI, active: { provider: 'anthropic', model: 'm', fastModel: 'm' }, problem: null }),
    });
    render(Reports, { week: '2026-W46' });
    expect(await screen.findByRole('button', { name: 'Generate this report' })).toBeTruthy();
    expect(screen.queryByTestId('reports-no-ai')).toBeNull();
  });
});

describe('Reports: the week picker', () => {
  it('steps to the previous and next week and stops at the first week with history and at this week', async () => {
    stubFetch({
      'GET /api/ai/weekly-reports': () => json(200, { reports: [] }),
      'GET /api/ai/weekly-reports/2026-W46': () => json(200, null),
      'GET /api/reports/week?start=2026-W46': () => week('2026-11-09'),
      'GET /api/ai/settings': () => json(200, NO_AI),
    });
    const navigate = vi.spyOn(router, 'navigate').mockImplementation(() => {});
    render(Reports, { week: '2026-W46' });
    const previous = await screen.findByRole('button', { name: /Previous week/ });
    await fireEvent.click(previous);
    expect(navigate).toHaveBeenLastCalledWith('/reports/2026-W45');
    await fireEvent.click(screen.getByRole('button', { name: /Next week/ }));
    expect(navigate).toHaveBeenLastCalledWith('/reports/2026-W47');

    const picker = screen.getByLabelText('A day in the week') as HTMLInputElement;
    expect(picker.min).toBe('2026-11-02');
    expect(picker.max).toBe('2026-11-29');
    expect(picker.value).toBe('2026-11-09');
    await fireEvent.change(picker, { target: { value: '2026-11-05' } });
    expect(navigate).toHaveBeenLastCalledWith('/reports/2026-W45');
    // A date before the first week with history opens the first week.
    await fireEvent.change(picker, { target: { value: '2025-01-01' } });
    expect(navigate).toHaveBeenLastCalledWith('/reports/2026-W45');
  });

  it('cannot go before the first week with history nor past this week', async () => {
    stubFetch({
      'GET /api/ai/weekly-reports': () => json(200, { reports: [] }),
      'GET /api/reports/week': () => json(200, { weekStart: '2026-11-23', metrics: METRICS, firstWeek: '2026-11-23', thisWeek: '2026-11-23' }),
      'GET /api/ai/settings': () => json(200, NO_AI),
    });
    render(Reports);
    const previous = (await screen.findByRole('button', { name: /Previous week/ })) as HTMLButtonElement;
    expect(previous.disabled).toBe(true);
    expect((screen.getByRole('button', { name: /Next week/ }) as HTMLButtonElement).disabled).toBe(true);
  });
});
