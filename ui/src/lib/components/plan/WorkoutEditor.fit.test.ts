// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import WorkoutEditor from './WorkoutEditor.svelte';
import { apiError, stubFetch } from '../../../test/http';
import type { PlannedWorkout } from '../../api/plan';

const WITH_STEPS: PlannedWorkout = {
  id: 'w7', date: '2026-12-09', sport: 'Run', title: 'Threshold', description: null, durationS: 2400, distanceM: null,
  intensity: { type: 'rpe', value: 7 }, targetLoad: 55, targetLoadEstimated: true, completion: null,
  steps: [
    { type: 'warmup', durationS: 600, distanceM: null, count: null, steps: [], target: null },
    { type: 'work', durationS: 1200, distanceM: null, count: null, steps: [], target: { type: 'lthr_percent', low: 95, high: 100 } },
    { type: 'cooldown', durationS: 600, distanceM: null, count: null, steps: [], target: null },
  ],
};

const props = (workout: PlannedWorkout | null) => ({
  workout, date: '2026-12-09', today: '2026-12-07', onsaved: () => {}, ondeleted: () => {}, onclose: () => {},
});

let clicks: HTMLAnchorElement[];
beforeEach(() => {
  clicks = [];
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clicks.push(this);
  });
  vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:fit-1'), revokeObjectURL: vi.fn() }));
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('Download for your watch', () => {
  it('offers the FIT file of a saved workout with steps, and saves what the server sent under its file name', async () => {
    const bytes = new Uint8Array([14, 16, 0x6c, 0x08, 1, 2, 3, 4, 0x2e, 0x46, 0x49, 0x54]);
    const fetchMock = stubFetch({
      'GET /api/plan/workouts/w7/fit': () => new Response(bytes, {
        status: 200,
        headers: { 'Content-Type': 'application/vnd.ant.fit', 'Content-Disposition': 'attachment; filename="2026-12-09-Threshold.fit"' },
      }),
    });
    render(WorkoutEditor, props(WITH_STEPS));
    const link = screen.getByRole('link', { name: 'Download for your watch (.fit)' });
    expect(link.getAttribute('href')).toBe('/api/plan/workouts/w7/fit');
    expect(link.hasAttribute('download')).toBe(true);

    await fireEvent.click(link);
    await vi.waitFor(() => expect(clicks).toHaveLength(1));
    expect(clicks[0].download).toBe('2026-12-09-Threshold.fit');
    expect(clicks[0].href).toBe('blob:fit-1');
    const blob = (URL.createObjectURL as unknown as ReturnType<typeof vi.fn>).mock.calls[0][0] as Blob;
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(bytes);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(screen.queryByTestId('fit-error')).toBeNull();
  });

  it('shows the server’s message when it refuses the file (no LTHR for a %LTHR target)', async () => {
    stubFetch({
      'GET /api/plan/workouts/w7/fit': () =>
        apiError(422, 'lthr_missing', 'Enter your lactate threshold heart rate in Settings: a step is aimed at % of LTHR.'),
    });
    render(WorkoutEditor, props(WITH_STEPS));
    await fireEvent.click(screen.getByRole('link', { name: 'Download for your watch (.fit)' }));
    const alert = await screen.findByTestId('fit-error');
    expect(alert.textContent).toContain('Enter your lactate threshold heart rate in Settings');
    expect(clicks).toHaveLength(0);
  });

  it('offers no file for a workout without steps, nor for one not saved yet', () => {
    const plain = render(WorkoutEditor, props({ ...WITH_STEPS, steps: [] }));
    expect(screen.queryByRole('link', { name: /Download for your watch/ })).toBeNull();
    plain.unmount();
    render(WorkoutEditor, props(null));
    expect(screen.queryByRole('link', { name: /Download for your watch/ })).toBeNull();
  });
});
