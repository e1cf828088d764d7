// @vitest-environment jsdom
import { configure, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import Settings from './Settings.svelte';
import { router } from '../lib/state/router.svelte';
import { apiError, json, stubFetch } from '../test/http';

vi.mock('../lib/state/live.svelte', () => ({
  live: { activitiesVersion: 0, sync: null, importJob: null, status: 'open', start: vi.fn(), stop: vi.fn() },
}));

// The screen shows its sections one after another (a frame or an idle moment apart): the lower ones take longer to appear.
configure({ asyncUtilTimeout: 4000 });

const PROFILE = {
  sex: null, birthYear: null, weightKg: 70, heightCm: null, maxHr: 190, restingHr: 50, lthr: null, ftpWatts: null,
  thresholdPaceSPerKm: null, vo2max: null, units: 'metric', timeZone: 'UTC', goals: null, preferences: null, updatedAt: null,
};
const ACK = 'I understand that Strava API data will be sent to an AI model.';
const POLICY = {
  alwaysEligible: ['file', 'strava_export', 'manual'], allowStravaApi: false, stravaApiAcknowledgedAt: null,
  stravaRetention: 'strava_policy', acknowledgementText: ACK, localModelNote: 'The same rule applies to a local model.', updatedAt: null,
};

const CHAT = {
  key: 'chat', provider: null, calls: 3, inputTokens: 1200, outputTokens: 300, cacheWriteTokens: 0, cacheReadTokens: 0,
  toolRounds: 0, costUsd: 3.2, unpricedCalls: 0,
};
const USAGE = {
  month: '2026-11', by: 'feature', rows: [CHAT], totals: { ...CHAT, key: 'total' }, usage: [],
  providers: [
    { provider: 'anthropic', month: '2026-11', spentUsd: 3.2, budgetUsd: 20, percent: 16, warning: false, reached: false, calls: 3, unpricedCalls: 0 },
    { provider: 'openai', month: '2026-11', spentUsd: 0, budgetUsd: null, percent: null, warning: false, reached: false, calls: 0, unpricedCalls: 0 },
  ],
};

function routes(extra: Record<string, (init: RequestInit) => Response> = {}) {
  return stubFetch({
    'GET /api/settings/profile': () => json(200, PROFILE),
    'GET /api/ai/settings': () => json(200, { provider: 'anthropic', model: null, fastModel: null, active: null, problem: 'Add a Claude key.' }),
    'GET /api/settings/apikey': () => json(200, { providers: [{ provider: 'anthropic', source: 'stored', last4: 'abcd', baseUrl: null, model: null, updatedAt: null }] }),
    'GET /api/ai/usage?by=feature': () => json(200, USAGE),
    'GET /api/ai/prices': () => json(200, { defaults: [], overrides: [] }),
    'GET /api/settings/data-policy': () => json(200, POLICY),
    'GET /api/settings/thresholds': () => json(200, { entries: [], current: { ftp: null, lthr: null, maxHr: 190, restingHr: 50, thresholdPace: null, weight: 70 } }),
    'GET /api/settings/thresholds/suggestions': () => json(200, { suggestions: [] }),
    'GET /api/load/estimate-changes': () => json(200, { changes: [] }),
    'GET /api/settings/privacy-zones': () => json(200, { zones: [] }),
    'GET /api/strava/status': () => json(200, { configured: true, connected: false, athleteId: null, athleteName: null, scopes: [], needsReauth: false, lastSyncAt: null, sync: null, rateLimit: null }),
    'GET /api/backups': () => json(200, { enabled: true, at: '03:30', keepDaily: 7, keepWeekly: 4, folder: '/data/backups', last: null, next: null, lastError: null, running: false }),
    ...extra,
  });
}

describe('Settings', () => {
  it('shows the AI problem, only the key’s last 4 and the usage', async () => {
    routes();
    render(Settings);
    expect(await screen.findByText('Add a Claude key.')).toBeTruthy();
    expect(screen.getByText('…abcd')).toBeTruthy();
    expect(await screen.findByText('$3.20 of $20.00')).toBeTruthy();
    expect(await screen.findByRole('button', { name: 'Connect Strava' })).toBeTruthy();
  });

  it('saves a local provider with its base URL and makes it the coach’s provider', async () => {
    const bodies: Record<string, unknown> = {};
    routes({
      'POST /api/settings/apikey': (init) => {
        bodies.key = JSON.parse(String(init.body));
        return json(200, { provider: 'openai', source: 'stored', last4: null, baseUrl: 'http://localhost:11434/v1', model: null, updatedAt: null });
      },
      'PUT /api/ai/settings': (init) => {
        bodies.settings = JSON.parse(String(init.body));
        return json(200, { provider: 'openai', model: null, fastModel: null, active: null, problem: 'Choose a model.' });
      },
    });
    render(Settings);
    await fireEvent.click(await screen.findByLabelText('Local (OpenAI-compatible)'));
    await fireEvent.input(screen.getByLabelText('Base URL'), { target: { value: 'http://localhost:11434/v1' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Save provider' }));
    await waitFor(() => expect(bodies.settings).toEqual({ provider: 'openai' }));
    expect(bodies.key).toEqual({ provider: 'openai', baseUrl: 'http://localhost:11434/v1' });
  });

  it('blocks an out-of-range profile value before sending', async () => {
    const fetch = routes();
    render(Settings);
    const weight = await screen.findByLabelText(/Weight/);
    await fireEvent.input(weight, { target: { value: '500' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Save profile' }));
    expect(await screen.findByText('Weight must be between 20 and 350 kg.')).toBeTruthy();
    expect(fetch.mock.calls.some(([, init]) => init?.method === 'PUT')).toBe(false);
  });

  it('turns Strava API data on only with the exact acknowledgement', async () => {
    let sent: unknown = null;
    routes({
      'PUT /api/settings/data-policy': (init) => {
        sent = JSON.parse(String(init.body));
        return json(200, { ...POLICY, allowStravaApi: true, stravaApiAcknowledgedAt: '2026-11-24T05:00:00Z' });
      },
    });
    render(Settings);
    await fireEvent.click(await screen.findByRole('switch'));
    await fireEvent.click(screen.getByRole('button', { name: 'Save policy' }));
    expect(await screen.findByText(/Tick the acknowledgement/)).toBeTruthy();
    expect(sent).toBeNull();
    await fireEvent.click(screen.getByLabelText(ACK));
    await fireEvent.click(screen.getByRole('button', { name: 'Save policy' }));
    await waitFor(() => expect(sent).toEqual({ allowStravaApi: true, acknowledgement: ACK, stravaRetention: 'strava_policy' }));
  });

  it('shows the server’s message when a restore is refused', async () => {
    routes({ 'POST /api/export/restore': () => apiError(409, 'not_empty', 'This account already has data; restore works only on an empty account.') });
    render(Settings);
    const input = await screen.findByLabelText('Export zip');
    await fireEvent.change(input, { target: { files: [new File(['zip'], 'export.zip')] } });
    await fireEvent.click(screen.getByRole('button', { name: 'Restore' }));
    expect(await screen.findByText(/already has data/)).toBeTruthy();
  });

  it('shows the coach data policy when the address names it (the “change” link of a meta line)', async () => {
    routes();
    router.navigate('/settings#coach-data-policy');
    try {
      render(Settings);
      // The sections below the profile come in tasks of their own; focus follows once this one is there.
      const heading = await screen.findByRole('heading', { name: 'Coach data policy' });
      await vi.waitFor(() => expect(document.activeElement).toBe(heading));
      expect(heading.closest('section')!.id).toBe('coach-data-policy');
    } finally {
      router.navigate('/');
    }
  });
  it('says the profile’s thresholds count from today and links to their history', async () => {
    routes();
    render(Settings);
    const hint = await screen.findByText(/saved here count from today/);
    expect(hint.querySelector('a')?.getAttribute('href')).toBe('/settings#thresholds');
    expect(await screen.findByRole('heading', { name: 'Thresholds over time' })).toBeTruthy();
  });
  it('has a Backups section showing the nightly backup', async () => {
    routes();
    render(Settings);
    const heading = await screen.findByRole('heading', { name: 'Backups' });
    expect(heading.closest('section')!.id).toBe('backups');
    expect((await screen.findByTestId('backup-last')).textContent).toContain('None yet');
  });
});
