// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import EstimateNotice from './EstimateNotice.svelte';
import EstimateChanges from './settings/EstimateChanges.svelte';
import { apiError, json, stubFetch } from '../../test/http';
import type { EstimateChange } from '../api/load';

const RUN = { activityId: 'a-12', date: '2026-11-12', name: 'Hill reps', sportType: 'Run', maxHr: 191 };
const OLDER = { activityId: 'a-03', date: '2026-10-03', name: 'Parkrun', sportType: 'Run', maxHr: 188 };
const LTHR: EstimateChange = {
  id: 'c1',
  kind: 'lthr',
  oldValue: 164.9,
  newValue: 168.3,
  basis: 'observed',
  evidence: [RUN, OLDER],
  causeActivityId: 'a-12',
  loadsChanged: 214,
  changedAt: '2026-11-12T18:00:00Z',
  dismissedAt: null,
};
const MAX_HR: EstimateChange = { ...LTHR, id: 'c2', kind: 'max_hr', oldValue: 184, newValue: 188 };

describe('EstimateNotice', () => {
  it('says which estimate moved, after which activity, how many past loads changed, and links to the evidence', async () => {
    render(EstimateNotice, { props: { changes: [LTHR, { ...MAX_HR, dismissedAt: '2026-11-13T08:00:00Z' }] } });
    const notice = await screen.findByTestId('estimate-notice');
    expect(notice.textContent).toContain(
      'Your estimated LTHR changed from 165 to 168 bpm after the run of 12 Nov; 214 past loads were recalculated.',
    );
    expect(notice.textContent).not.toContain('max HR');
    expect(screen.getByRole('link', { name: /See the evidence/ }).getAttribute('href')).toBe('/settings#estimate-changes');
  }, 20_000); // the file's first render compiles the components: slow on a loaded machine

  it('is dismissed for good: the shown changes are sent, and the notice goes', async () => {
    const fetch = stubFetch({ 'POST /api/load/estimate-changes/dismiss': () => json(200, { dismissed: 2 }) });
    render(EstimateNotice, { props: { changes: [LTHR, MAX_HR] } });
    await fireEvent.click(await screen.findByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(screen.queryByTestId('estimate-notice')).toBeNull());
    const call = fetch.mock.calls.find(([url]) => String(url).endsWith('/dismiss'))!;
    expect(JSON.parse(String(call[1]!.body))).toEqual({ ids: ['c1', 'c2'] });
  });

  it('shows nothing when no estimate moved, or only dismissed ones', () => {
    const { container } = render(EstimateNotice, { props: { changes: [{ ...LTHR, dismissedAt: '2026-11-13T08:00:00Z' }] } });
    expect(container.textContent!.trim()).toBe('');
  });

  it('keeps a failed dismissal on screen and says why', async () => {
    stubFetch({ 'POST /api/load/estimate-changes/dismiss': () => apiError(409, 'conflict', 'The changes moved on') });
    render(EstimateNotice, { props: { changes: [LTHR] } });
    await fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect((await screen.findByRole('alert')).textContent).toContain('The changes moved on');
    expect(screen.getByTestId('estimate-notice')).toBeTruthy();
  });
});

describe('Settings: changes to estimated thresholds', () => {
  it('lists each change with its basis and evidence, marking the activity that moved it', async () => {
    stubFetch({ 'GET /api/load/estimate-changes': () => json(200, { changes: [LTHR] }) });
    render(EstimateChanges);
    const item = await screen.findByTestId('estimate-change');
    expect(item.textContent).toContain('second-highest max HR');
    expect(screen.getByRole('link', { name: 'Hill reps' }).getAttribute('href')).toBe('/activities/a-12');
    expect(screen.getByRole('link', { name: 'Parkrun' })).toBeTruthy();
    expect(screen.getAllByText('moved it')).toHaveLength(1);
  });
});
