// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import ManualEntryForm from './ManualEntryForm.svelte';
import { apiError, json, stubFetch } from '../../../test/http';
import { profile } from '../../state/profile.svelte';
import type { Profile } from '../../api/settings';

afterEach(() => {
  vi.unstubAllGlobals();
  profile.clear();
});

async function fill(values: Record<string, string>) {
  for (const [label, value] of Object.entries(values)) {
    const el = screen.getByLabelText(label);
    if (el instanceof HTMLSelectElement) await fireEvent.change(el, { target: { value } });
    else await fireEvent.input(el, { target: { value } });
  }
}

describe('ManualEntryForm', () => {
  it('sends the session with the distance in metres and hands back what the server made', async () => {
    profile.set({ units: 'imperial', timeZone: 'Europe/Paris' } as Profile);
    const created = { id: 'm1', name: 'Lunch run', sportType: 'Run' };
    const mock = stubFetch({ 'POST /api/activities': () => json(201, created) });
    const oncreated = vi.fn();
    render(ManualEntryForm, { props: { oncreated, oncancel: vi.fn() } });
    expect(screen.getByLabelText('Distance (mi)')).toBeTruthy();
    await fill({ Sport: 'Run', Date: '2026-01-10', 'Start time': '12:15', Duration: '0:45:00', 'Distance (mi)': '5', 'Effort (RPE, 1–10)': '6', Name: 'Lunch run' });
    await fireEvent.click(screen.getByRole('button', { name: 'Add session' }));
    await vi.waitFor(() => expect(oncreated).toHaveBeenCalledWith(created));
    expect(JSON.parse((mock.mock.calls[0][1] as RequestInit).body as string)).toEqual({
      sportType: 'Run',
      startLocal: '2026-01-10T12:15',
      durationS: 2700,
      distanceM: 8046.7,
      rpe: 6,
      name: 'Lunch run',
      notes: null,
    });
  });

  it('asks a swim for metres (yards in imperial units) and sends them as metres', async () => {
    profile.set({ units: 'imperial', timeZone: 'Europe/Paris' } as Profile);
    const mock = stubFetch({ 'POST /api/activities': () => json(201, { id: 's1' }) });
    const oncreated = vi.fn();
    render(ManualEntryForm, { props: { oncreated, oncancel: vi.fn() } });
    await fill({ Sport: 'Swim' });
    expect(screen.queryByLabelText('Distance (mi)')).toBeNull();
    await fill({ Date: '2026-01-10', Duration: '0:40:00', 'Distance (yd)': '1640' });
    await fireEvent.click(screen.getByRole('button', { name: 'Add session' }));
    await vi.waitFor(() => expect(oncreated).toHaveBeenCalled());
    expect(JSON.parse((mock.mock.calls[0][1] as RequestInit).body as string).distanceM).toBe(1499.6);
    profile.set({ units: 'metric', timeZone: 'Europe/Paris' } as Profile);
    expect(await screen.findByLabelText('Distance (m)')).toBeTruthy();
  });

  it('shows what is wrong next to each field and sends nothing', async () => {
    const mock = stubFetch({});
    render(ManualEntryForm, { props: { oncreated: vi.fn(), oncancel: vi.fn() } });
    await fill({ Duration: '45 minutes', 'Distance (km)': '-3' });
    await fireEvent.click(screen.getByRole('button', { name: 'Add session' }));
    const duration = screen.getByLabelText('Duration');
    expect(duration.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Write the duration as h:mm:ss, e.g. 1:05:00.').id).toBe('manual-duration-error');
    expect(screen.getByText('Enter a distance of 0 or more.').id).toBe('manual-distance-error');
    await vi.waitFor(() => expect(document.activeElement).toBe(duration));
    expect(mock).not.toHaveBeenCalled();
  });

  it('puts the server’s error under the field it names', async () => {
    stubFetch({
      'POST /api/activities': () => apiError(422, 'out_of_range', 'A manual activity cannot start in the future', 'startLocal'),
    });
    const oncreated = vi.fn();
    render(ManualEntryForm, { props: { oncreated, oncancel: vi.fn() } });
    await fill({ Date: '2026-01-10', Duration: '30:00' });
    await fireEvent.click(screen.getByRole('button', { name: 'Add session' }));
    const msg = await screen.findByText('A manual activity cannot start in the future');
    expect(msg.id).toBe('manual-date-error');
    expect(screen.getByLabelText('Date').getAttribute('aria-invalid')).toBe('true');
    expect(oncreated).not.toHaveBeenCalled();
  });

  it('Cancel closes without sending', async () => {
    const mock = stubFetch({});
    const oncancel = vi.fn();
    render(ManualEntryForm, { props: { oncreated: vi.fn(), oncancel } });
    await fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(oncancel).toHaveBeenCalled();
    expect(mock).not.toHaveBeenCalled();
  });
});
