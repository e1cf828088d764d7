// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import CheckIn from './CheckIn.svelte';
import { apiError, json, stubFetch } from '../../../test/http';

const DAY = '2026-12-07';
const GET = `GET /api/wellness?from=${DAY}&to=${DAY}`;
const STORED = {
  date: DAY, sleepHours: 7.5, sleepQuality: 4, soreness: 2, stress: null, motivation: 5, hrvRmssd: 62, restingHr: 48,
  weightKg: 70.2, note: 'from the CSV', illness: false, injury: false,
};

function scale(name: RegExp) {
  return screen.getByRole('group', { name });
}

describe('CheckIn', () => {
  it('shows the stored entry of the day in the form', async () => {
    stubFetch({ [GET]: () => json(200, { from: DAY, to: DAY, days: [STORED] }) });
    render(CheckIn, { date: DAY });
    await waitFor(() => expect((screen.getByLabelText('Sleep (h)') as HTMLInputElement).value).toBe('7.5'));
    const checked = (group: RegExp) => scale(group).querySelector<HTMLInputElement>('input:checked')?.value ?? null;
    expect(checked(/^Sleep/)).toBe('4');
    expect(checked(/^Soreness/)).toBe('2');
    expect(checked(/^Stress/)).toBeNull();
    expect(checked(/^Motivation/)).toBe('5');
    expect((screen.getByLabelText('HRV (rMSSD, ms)') as HTMLInputElement).value).toBe('62');
    expect((screen.getByLabelText('Resting HR (bpm)') as HTMLInputElement).value).toBe('48');
  }, 20_000); // the file's first render compiles the component: slow on a loaded machine

  it('saves a few taps as a partial update: what the form does not show (weight, note) is left out, an empty box is cleared', async () => {
    const fetch = stubFetch({
      [GET]: () => json(200, { from: '', to: '', days: [] }),
      [`PUT /api/wellness/${DAY}`]: (init) => json(200, { ...STORED, ...JSON.parse(String(init.body)) }),
    });
    const onsaved = vi.fn();
    render(CheckIn, { date: DAY, onsaved });
    await fireEvent.click(scale(/^Soreness/).querySelector('input[value="3"]')!);
    await fireEvent.click(scale(/^Motivation/).querySelector('input[value="4"]')!);
    await fireEvent.input(screen.getByLabelText('Sleep (h)'), { target: { value: '6,5' } });
    await fireEvent.click(screen.getByLabelText('Ill'));
    await fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onsaved).toHaveBeenCalledOnce());
    const put = fetch.mock.calls.find(([, init]) => init?.method === 'PUT')!;
    expect(JSON.parse(String(put[1]!.body))).toEqual({
      sleepQuality: null, soreness: 3, stress: null, motivation: 4, sleepHours: 6.5, hrvRmssd: null, restingHr: null,
      illness: true, injury: false,
    });
    expect(screen.getByRole('status').textContent).toBe('Saved for today.');
  });

  it('names a value the server refused and marks its box', async () => {
    stubFetch({
      [GET]: () => json(200, { from: '', to: '', days: [] }),
      [`PUT /api/wellness/${DAY}`]: () => apiError(422, 'invalid', 'hrvRmssd must be between 5 and 300 ms', 'hrvRmssd'),
    });
    render(CheckIn, { date: DAY });
    await fireEvent.input(screen.getByLabelText('HRV (rMSSD, ms)'), { target: { value: '900' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toContain('between 5 and 300');
    expect(screen.getByLabelText('HRV (rMSSD, ms)').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('still works when the day cannot be read: the form starts empty', async () => {
    stubFetch({ [GET]: () => apiError(500, 'internal', 'boom') });
    render(CheckIn, { date: DAY });
    await new Promise((r) => setTimeout(r, 0));
    expect((screen.getByLabelText('Sleep (h)') as HTMLInputElement).value).toBe('');
    expect(screen.getByRole('button', { name: 'Save' })).toBeTruthy();
  });
});
