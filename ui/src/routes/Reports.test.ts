// @vitest-environment jsdom
import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import Reports from './Reports.svelte';
import { json, stubFetch } from '../test/http';

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

describe('Reports', () => {
  it('lists the weeks with their numbers, linking to each report', async () => {
    stubFetch({ 'GET /api/ai/weekly-reports': () => json(200, { reports: [REPORT] }) });
    render(Reports);
    const link = await screen.findByRole('link', { name: 'Week 47, 2026' });
    expect(link.getAttribute('href')).toBe('/reports/2026-W47');
    expect(screen.getByText('42.5 km')).toBeTruthy();
    expect(screen.getByText('310')).toBeTruthy();
    expect(screen.getByText('−7')).toBeTruthy();
    expect(screen.getByRole('button', { name: /Generate this week|Regenerate this week/ })).toBeTruthy();
  });

  it('opens one week: its metrics, the notes as Markdown and Regenerate', async () => {
    stubFetch({
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
    stubFetch({
      'GET /api/ai/weekly-reports': () => json(200, { reports: [REPORT] }),
      'GET /api/ai/weekly-reports/2026-W47': () => json(200, REPORT),
      'GET /api/settings/data-policy': () => json(200, policy),
    });
    render(Reports, { week: '2026-W47' });
    expect(await screen.findByText(/only through the Strava API are left out/)).toBeTruthy();
    expect(screen.getByRole('link', { name: /Coach data policy/ }).getAttribute('href')).toBe('/settings#coach-data-policy');
  });
});
