// @vitest-environment jsdom
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import ProposalCards from './ProposalCards.svelte';
import Coach from '../../../routes/Coach.svelte';
import { apiError, json, openSse, stubFetch } from '../../../test/http';
import { readProposal } from '../../api/proposals';
import type { ToolCall } from '../../api/ai';

vi.mock('../../state/live.svelte', () => ({
  live: { activitiesVersion: 0, channels: null, status: 'idle', start: vi.fn(), stop: vi.fn() },
}));

const ARGS = {
  start: '2026-12-14',
  days: [
    { date: '2026-12-14', sport: 'Run', duration_min: 45, intensity: 4, title: 'Easy run' },
    { date: '2026-12-16', sport: 'Ride', duration_min: 90, intensity: 6, title: 'Tempo ride' },
    { date: '2026-12-21', sport: 'Run', duration_min: 60, intensity: 7, title: 'Threshold run' },
  ],
};
const WORKOUTS = [
  { date: '2026-12-14', sport: 'Run', title: 'Easy run', durationS: 2700, intensity: { type: 'rpe', value: 4 } },
  { date: '2026-12-16', sport: 'Ride', title: 'Tempo ride', durationS: 5400, intensity: { type: 'rpe', value: 6 } },
  { date: '2026-12-21', sport: 'Run', title: 'Threshold run', durationS: 3600, targetLoad: 80 },
];
// The engine's numbers differ on purpose from anything the model wrote: the card shows these.
const PROPOSAL = {
  start: '2026-12-14',
  sessions: [
    { date: '2026-12-14', sport: 'Run', title: 'Easy run', description: null, durationS: 2700, intensity: { type: 'rpe', value: 4 }, targetLoad: 37.4, targetLoadEstimated: true, loadBasis: 'RPE 4', steps: [] },
    { date: '2026-12-16', sport: 'Ride', title: 'Tempo ride', description: null, durationS: 5400, intensity: { type: 'rpe', value: 6 }, targetLoad: 101.6, targetLoadEstimated: true, loadBasis: 'RPE 6', steps: [] },
    { date: '2026-12-21', sport: 'Run', title: 'Threshold run', description: null, durationS: 3600, intensity: null, targetLoad: 80, targetLoadEstimated: false, loadBasis: 'entered', steps: [] },
  ],
  weeks: [
    { weekStart: '2026-12-14', sessions: 2, durationS: 8100, load: 139 },
    { weekStart: '2026-12-21', sessions: 1, durationS: 3600, load: 80 },
  ],
  projection: {
    days: [
      { date: '2026-12-20', plannedLoad: 0, fitness: 51, fatigue: 44, form: 6.2 },
      { date: '2026-12-21', plannedLoad: 80, fitness: 52.3, fatigue: 47.1, form: 7.4 },
    ],
    last: { date: '2026-12-21', fitness: 52.3, fatigue: 47.1, form: 7.4 },
  },
  workouts: WORKOUTS,
};
const call = (id: string, over: Partial<ToolCall> = {}): ToolCall => ({
  id, name: 'propose_plan', arguments: ARGS, summary: 'a plan from 14 Dec', ok: true, resultSummary: '3 sessions', bytes: 900, ...over,
});
const posted = (mock: ReturnType<typeof stubFetch>, path: string) =>
  mock.mock.calls.filter(([url, init]) => String(url) === path && init?.method === 'POST').map(([, init]) => JSON.parse(String(init!.body)));

describe('Proposed plan card', () => {
  it('shows the engine’s sessions, weekly totals and projected form for the call’s arguments, and adds them on confirmation', async () => {
    const fetchMock = stubFetch({
      'POST /api/plan/proposals': () => json(200, PROPOSAL),
      'POST /api/plan/workouts/batch': () => json(201, { workouts: WORKOUTS.map((w, i) => ({ ...w, id: `w${i}` })) }),
    });
    render(ProposalCards, { calls: [call('toolu_a1'), { ...call('toolu_a2'), name: 'search_activities' }] });
    const card = await screen.findByTestId('proposal-card');
    expect(within(card).getByRole('heading', { name: 'Proposed plan' })).toBeTruthy();
    expect(posted(fetchMock, '/api/plan/proposals')).toEqual([ARGS]);

    const rows = within(await within(card).findByRole('table')).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    expect(rows[0].textContent).toContain('Mon, 14 Dec 2026');
    expect(rows[0].textContent).toContain('Easy run');
    expect(rows[0].textContent).toContain('45 min');
    expect(rows[0].textContent).toContain('37 est.');
    expect(rows[1].textContent).toContain('102 est.');
    expect(rows[2].textContent).toContain('80');
    expect(rows[2].textContent).not.toContain('est.');

    const weeks = within(card).getByRole('list', { name: 'Weekly totals' });
    expect(weeks.textContent).toContain('Week of Mon, 14 Dec 2026: 2 sessions · 2 h 15 min · load 139');
    expect(weeks.textContent).toContain('1 session · 1 h 00 min · load 80');
    expect(within(card).getByTestId('proposal-form').textContent).toMatch(/Projected form on Mon, 21 Dec 2026:\s*\+7\s*\(fitness 52, fatigue 47\)/);

    expect(posted(fetchMock, '/api/plan/workouts/batch')).toEqual([]);
    await fireEvent.click(within(card).getByRole('button', { name: 'Add to calendar' }));
    const status = await within(card).findByText(/Added 3 workouts/);
    expect(posted(fetchMock, '/api/plan/workouts/batch')).toEqual([{ workouts: WORKOUTS }]);
    expect(within(status).getByRole('link', { name: 'Open the calendar' }).getAttribute('href')).toBe('/calendar?month=2026-12');
    expect(within(card).queryByRole('button', { name: 'Add to calendar' })).toBeNull();
  });

  it('says clearly when the draft is refused (422) and when adding fails', async () => {
    stubFetch({
      'POST /api/plan/proposals': () => apiError(422, 'out_of_range', "'start' 2020-01-01 is in the past (today is 2026-12-07)", 'start'),
    });
    render(ProposalCards, { calls: [call('toolu_b1', { arguments: { ...ARGS, start: '2020-01-01' } })] });
    const alert = await within(await screen.findByTestId('proposal-card')).findByRole('alert');
    expect(alert.textContent).toContain("'start' 2020-01-01 is in the past");
    expect(screen.queryByRole('button', { name: 'Add to calendar' })).toBeNull();
  });

  it('shows the batch route’s reason when the workouts cannot be added, and lets the athlete try again', async () => {
    let fail = true;
    stubFetch({
      'POST /api/plan/proposals': () => json(200, PROPOSAL),
      'POST /api/plan/workouts/batch': () =>
        fail ? apiError(422, 'invalid_value', "'workouts[2].date' must be a date like 2026-12-07", 'workouts[2].date') : json(201, { workouts: [{}, {}, {}] }),
    });
    render(ProposalCards, { calls: [call('toolu_c1')] });
    const card = await screen.findByTestId('proposal-card');
    await fireEvent.click(await within(card).findByRole('button', { name: 'Add to calendar' }));
    expect((await within(card).findByRole('alert')).textContent).toContain("Not added: 'workouts[2].date' must be a date");
    fail = false;
    await fireEvent.click(within(card).getByRole('button', { name: 'Add to calendar' }));
    expect(await within(card).findByText(/Added 3 workouts/)).toBeTruthy();
  });

  it('shows no card for a failed or unfinished propose_plan call', () => {
    const fetchMock = stubFetch({});
    render(ProposalCards, { calls: [call('toolu_d1', { ok: false }), call('toolu_d2', { ok: null })] });
    expect(screen.queryByTestId('proposal-card')).toBeNull();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('appears under the live answer once the tool came back, and stays (asked once) when the answer joins the conversation', async () => {
    const stream = openSse();
    const fetchMock = stubFetch({
      'GET /api/ai/chat/sessions': () => json(200, { sessions: [] }),
      'POST /api/ai/chat': () => stream.response,
      'POST /api/plan/proposals': () => json(200, PROPOSAL),
    });
    render(Coach);
    const box = await screen.findByLabelText('Message to the coach');
    await fireEvent.input(box, { target: { value: 'Plan my next two weeks' } });
    await fireEvent.keyDown(box, { key: 'Enter' });
    stream.push('event: start\ndata: {"streamId":"st9","model":"claude-x","sessionId":"s9"}\n\n');
    stream.push(`event: tool\ndata: ${JSON.stringify({ id: 'toolu_live', name: 'propose_plan', arguments: ARGS, summary: 'a plan' })}\n\n`);
    await screen.findByRole('button', { name: 'Looking up a plan…' });
    expect(screen.queryByTestId('proposal-card')).toBeNull();
    stream.push('event: tool_done\ndata: {"id":"toolu_live","name":"propose_plan","ok":true,"summary":"3 sessions"}\n\n');
    const card = await screen.findByTestId('proposal-card');
    expect(await within(card).findByText(/Projected form on Mon, 21 Dec 2026/)).toBeTruthy();
    stream.push('id: 1\nevent: token\ndata: {"text":"Here is a plan."}\n\n');
    stream.push('event: done\ndata: {"status":"complete","toolRounds":1}\n\n');
    stream.close();
    await vi.waitFor(() => expect(document.querySelector('article.msg.assistant.live')).toBeNull());
    expect(document.querySelector('article.msg.assistant [data-testid="proposal-card"]')).toBeTruthy();
    expect(await screen.findByRole('button', { name: 'Add to calendar' })).toBeTruthy();
    expect(posted(fetchMock, '/api/plan/proposals')).toHaveLength(1);
  });
});

describe('Reading a proposal', () => {
  it('finds the last projected day wherever the server put it, and drops malformed sessions', () => {
    expect(readProposal(PROPOSAL).last).toEqual({ date: '2026-12-21', fitness: 52.3, fatigue: 47.1, form: 7.4 });
    const flat = readProposal({ ...PROPOSAL, projection: PROPOSAL.projection.days, last: { date: '2026-12-22', fitness: 50, fatigue: 40, form: 10 } });
    expect(flat.last?.form).toBe(10);
    expect(readProposal({ ...PROPOSAL, projection: PROPOSAL.projection.days }).last?.form).toBe(7.4);
    const odd = readProposal({ sessions: [null, { title: 'no date' }, PROPOSAL.sessions[0]], weeks: 'x', workouts: [1, WORKOUTS[0]] });
    expect(odd.sessions).toHaveLength(1);
    expect(odd.weeks).toEqual([]);
    expect(odd.last).toBeNull();
    expect(odd.workouts).toEqual([WORKOUTS[0]]);
    expect(readProposal(null).sessions).toEqual([]);
  });
});
