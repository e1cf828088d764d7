// @vitest-environment jsdom
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import Reports from './Reports.svelte';
import { json, sse, stubFetch } from '../test/http';

const METRICS = { sessions: 5, distanceKm: 42.5, durationS: 14400, avgHr: 142, load: 310, fitness: 48, fatigue: 55, form: -7, through: '2026-11-22' };
const REPORT = {
  id: 'r2',
  date: '2026-11-16',
  content: 'A **solid** week.',
  status: 'complete',
  model: 'claude-x',
  inputTokens: 1,
  outputTokens: 1,
  contextActivityIds: ['a1', 'a2', 'a3'],
  metrics: METRICS,
  createdAt: '2026-11-22T20:00:00Z',
};

const WEEK = { weekStart: '2026-11-16', metrics: METRICS, firstWeek: '2026-01-05', thisWeek: '2026-11-23' };
/** The engine's numbers and a provider set up, which every Reports screen asks for. */
const NUMBERS = {
  'GET /api/reports/week': () =>
    json(200, {
      ...WEEK,
      weekStart: '2026-11-23',
      metrics: { sessions: 1, distanceKm: 5, durationS: 1800, avgHr: null, load: 30, fitness: 44, fatigue: 40, form: 4, formMorning: 6, through: '2026-11-23' },
    }),
  'GET /api/reports/week?start=2026-W47': () => json(200, WEEK),
  'GET /api/ai/settings': () =>
    json(200, { provider: 'anthropic', model: null, fastModel: null, active: { provider: 'anthropic', model: 'claude-x', fastModel: 'claude-x' }, problem: null }),
};

describe('Reports', () => {
  it('lists the weeks with their numbers, linking to each report', async () => {
    stubFetch({ ...NUMBERS, 'GET /api/ai/weekly-reports': () => json(200, { reports: [REPORT] }) });
    render(Reports);
    const link = await screen.findByRole('link', { name: 'Week 47, 2026' });
    expect(link.getAttribute('href')).toBe('/reports/2026-W47');
    expect(screen.getByText('42.5 km')).toBeTruthy();
    expect(screen.getByText('310')).toBeTruthy();
    expect(screen.getByText('−7')).toBeTruthy();
    expect(screen.getByRole('button', { name: /Generate this week|Regenerate this week/ })).toBeTruthy();
  });

  it('opens one week: its metrics, the notes as Markdown and Regenerate', async () => {
    stubFetch({ ...NUMBERS,
      'GET /api/ai/weekly-reports': () => json(200, { reports: [REPORT] }),
      'GET /api/ai/weekly-reports/2026-W47': () => json(200, REPORT),
    });
    render(Reports, { week: '2026-W47' });
    expect(await screen.findByText('solid')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Week 47, 2026' })).toBeTruthy();
    expect(screen.getByText(/based on 3 activities/)).toBeTruthy();
    expect(screen.getByText('142 bpm')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Regenerate' })).toBeTruthy();
  });

  it('says when the numbers leave Strava-API activities out, by the coach data policy', async () => {
    const policy = { alwaysEligible: ['file'], allowStravaApi: false, stravaApiAcknowledgedAt: null, stravaRetention: 'keep' };
    stubFetch({ ...NUMBERS,
      'GET /api/ai/weekly-reports': () => json(200, { reports: [REPORT] }),
      'GET /api/ai/weekly-reports/2026-W47': () => json(200, REPORT),
      'GET /api/settings/data-policy': () => json(200, policy),
    });
    render(Reports, { week: '2026-W47' });
    expect(await screen.findByText(/only through the Strava API are left out/)).toBeTruthy();
    expect(screen.getByRole('link', { name: /Coach data policy/ }).getAttribute('href')).toBe('/settings#coach-data-policy');
  });
});

describe('Reports: what the coach saw', () => {
  const BASIS = { coachActivities: 14, fileAndExport: 14, stravaApi: 0, keptOut: 302, stravaApiAllowed: false };

  it('says what a report was based on, marks it outdated and writes it again from the marker', async () => {
    const outdated = { ...REPORT, basis: BASIS, outdated: true, outdatedReasons: ['new_activities'] };
    const fetchMock = stubFetch({ ...NUMBERS,
      'GET /api/ai/weekly-reports': () => json(200, { reports: [outdated] }),
      'GET /api/ai/weekly-reports/2026-W47': () => json(200, outdated),
      'POST /api/ai/weekly-report': () =>
        sse([
          `event: start\ndata: ${JSON.stringify({ streamId: 'w1', model: 'claude-x', weekStart: '2026-11-16', metrics: METRICS, basis: BASIS })}\n\n`,
          'event: token\ndata: {"text":"Rewritten."}\n\n',
          'event: done\ndata: {"status":"complete"}\n\n',
        ]),
    });
    render(Reports, { week: '2026-W47' });
    const meta = await screen.findByTestId('answer-meta');
    expect(meta.textContent!.replace(/\s+/g, ' ')).toContain(
      'based on your 14 file and export activities; 302 Strava activities are kept out by your coach data policy — change',
    );
    const marker = screen.getByTestId('answer-outdated');
    expect(within(marker).getByText('Outdated: a new activity arrived since')).toBeTruthy();
    await fireEvent.click(within(marker).getByRole('button', { name: 'Ask again' }));
    await vi.waitFor(() => {
      const post = fetchMock.mock.calls.find(([u, i]) => u === '/api/ai/weekly-report' && (i as RequestInit)?.method === 'POST');
      expect(JSON.parse(String((post![1] as RequestInit).body))).toEqual({ week: '2026-W47' });
    });
  });

  it('marks outdated reports in the list', async () => {
    stubFetch({ ...NUMBERS, 'GET /api/ai/weekly-reports': () => json(200, { reports: [{ ...REPORT, basis: BASIS, outdated: true, outdatedReasons: ['policy_changed'] }] }) });
    render(Reports);
    const row = (await screen.findByRole('link', { name: 'Week 47, 2026' })).closest('tr')!;
    expect(within(row).getByText('outdated')).toBeTruthy();
  });
});

describe('Reports: what the coach looked up', () => {
  it('shows a stored report’s lookups above its notes', async () => {
    const toolCalls = [
      { id: 'toolu_1', name: 'compare_periods', arguments: {}, summary: 'week 47 against week 46', ok: true, resultSummary: '2 periods', bytes: 900 },
    ];
    stubFetch({ ...NUMBERS,
      'GET /api/ai/weekly-reports': () => json(200, { reports: [REPORT] }),
      'GET /api/ai/weekly-reports/2026-W47': () => json(200, { ...REPORT, toolCalls }),
    });
    render(Reports, { week: '2026-W47' });
    const line = await screen.findByRole('button', { name: 'Looked up: week 47 against week 46' });
    await fireEvent.click(line);
    expect(screen.getByText('→ 2 periods')).toBeTruthy();
    // Above the notes.
    const notes = screen.getByText('solid');
    expect(line.compareDocumentPosition(notes) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });
});
