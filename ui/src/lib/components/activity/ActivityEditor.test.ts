// @vitest-environment jsdom
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Activity } from '../../api/activities';
import ActivityEditor from './ActivityEditor.svelte';
import { UNDO_MS } from '../../state/undoOffer.svelte';
import { apiError, json, stubFetch } from '../../../test/http';

const A = {
  id: 'a1',
  source: 'file',
  sportType: 'Run',
  sportFamily: 'run',
  name: 'Hill repeats',
  notes: null,
  rpe: null,
  load: 88.4,
  loadMethod: 'hrss',
  loadEstimated: false,
  computedLoad: 88.4,
  loadOverride: null,
} as unknown as Activity;

function bodies(mock: ReturnType<typeof stubFetch>): unknown[] {
  return mock.mock.calls.map(([, init]) => JSON.parse((init as RequestInit).body as string));
}

afterEach(() => vi.unstubAllGlobals());

describe('ActivityEditor', () => {
  it('sends the changed fields, shows the load the server recomputed, and undoes by sending the old values back', async () => {
    const renamed = { ...A, name: 'Track session', sportType: 'TrailRun', rpe: 8, load: 102, loadMethod: 'rpe' };
    const responses = [json(200, renamed), json(200, A)];
    const mock = stubFetch({ 'PATCH /api/activities/a1': () => responses.shift()! });
    const onchange = vi.fn();
    render(ActivityEditor, { props: { activity: A, onchange } });

    await fireEvent.input(screen.getByLabelText('Name'), { target: { value: 'Track session' } });
    await fireEvent.change(screen.getByLabelText('Sport'), { target: { value: 'TrailRun' } });
    await fireEvent.change(screen.getByLabelText('Effort (RPE, 1–10)'), { target: { value: '8' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByText(/Saved\. Load now 102 \(effort \(rpe\)\)\./)).toBeTruthy();
    expect(onchange).toHaveBeenLastCalledWith(renamed);
    expect(bodies(mock)[0]).toEqual({ name: 'Track session', sportType: 'TrailRun', rpe: 8 });

    await fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByText(/Undone\. Load now 88/)).toBeTruthy();
    expect(bodies(mock)[1]).toEqual({ name: 'Hill repeats', sportType: 'Run', rpe: null });
    expect(onchange).toHaveBeenLastCalledWith(A);
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('Hill repeats');
  });

  it('offers Undo as a focusable button in a status region for 10 s, held while it has the focus', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      stubFetch({ 'PATCH /api/activities/a1': () => json(200, { ...A, rpe: 6, load: 95 }) });
      render(ActivityEditor, { props: { activity: A, onchange: vi.fn() } });
      await fireEvent.change(screen.getByLabelText('Effort (RPE, 1–10)'), { target: { value: '6' } });
      await fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
      const status = await screen.findByRole('status');
      const undo = await within(status).findByRole('button', { name: 'Undo' });
      expect(status.textContent).toMatch(/Saved\. Load now 95/);

      undo.focus();
      expect(document.activeElement).toBe(undo);
      await vi.advanceTimersByTimeAsync(UNDO_MS + 1000);
      expect(within(status).getByRole('button', { name: 'Undo' })).toBe(undo); // never pulled from under the focus

      undo.blur();
      await vi.advanceTimersByTimeAsync(UNDO_MS - 1000);
      expect(within(status).queryByRole('button', { name: 'Undo' })).toBeTruthy();
      await vi.advanceTimersByTimeAsync(1000);
      expect(within(status).queryByRole('button', { name: 'Undo' })).toBeNull();
      expect(status.textContent?.trim()).toBe('');
    } finally {
      vi.useRealTimers();
    }
  });

  it('ends the Undo offer at the athlete’s next action', async () => {
    stubFetch({ 'PATCH /api/activities/a1': () => json(200, { ...A, name: 'Track' }) });
    render(ActivityEditor, { props: { activity: A, onchange: vi.fn() } });
    await fireEvent.input(screen.getByLabelText('Name'), { target: { value: 'Track' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByRole('button', { name: 'Undo' })).toBeTruthy();
    await fireEvent.input(screen.getByLabelText('Notes'), { target: { value: 'windy' } });
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
  });

  it('checks the server’s rules before sending', async () => {
    const mock = stubFetch({});
    render(ActivityEditor, { props: { activity: A, onchange: vi.fn() } });
    const load = screen.getByLabelText('Your own load');
    await fireEvent.input(load, { target: { value: '1500' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText(/Enter a load from 0 to 1000/)).toBeTruthy();
    expect(load.getAttribute('aria-invalid')).toBe('true');
    expect(load.getAttribute('aria-describedby')).toContain('edit-loadOverride-error');
    expect(mock).not.toHaveBeenCalled();
  });

  it('shows the server’s error next to the field it names', async () => {
    stubFetch({
      'PATCH /api/activities/a1': () => apiError(422, 'out_of_range', "'loadOverride' must be between 0 and 1000", 'loadOverride'),
    });
    render(ActivityEditor, { props: { activity: A, onchange: vi.fn() } });
    const load = screen.getByLabelText('Your own load');
    await fireEvent.input(load, { target: { value: '120' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    const error = await screen.findByText("'loadOverride' must be between 0 and 1000");
    expect(error.id).toBe('edit-loadOverride-error');
    expect(load.getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
  });

  it('a failure with no field is shown for the whole form', async () => {
    stubFetch({ 'PATCH /api/activities/a1': () => apiError(404, 'not_found', 'No such activity') });
    render(ActivityEditor, { props: { activity: A, onchange: vi.fn() } });
    await fireEvent.input(screen.getByLabelText('Notes'), { target: { value: 'windy' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect((await screen.findByRole('alert')).textContent).toContain('No such activity');
  });

  it('saves nothing until something changed, and Discard brings the stored values back', async () => {
    stubFetch({});
    render(ActivityEditor, { props: { activity: A, onchange: vi.fn() } });
    const save = screen.getByRole('button', { name: 'Save changes' }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    await fireEvent.input(screen.getByLabelText('Name'), { target: { value: 'Other' } });
    expect(save.disabled).toBe(false);
    await fireEvent.click(screen.getByRole('button', { name: 'Discard' }));
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('Hill repeats');
    expect(save.disabled).toBe(true);
  });
});
