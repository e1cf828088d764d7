// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import BackupSection from './BackupSection.svelte';
import { apiError, json, stubFetch } from '../../../test/http';
import { formatSize } from '../../api/backups';

const BASE = {
  enabled: true, at: '03:30', keepDaily: 7, keepWeekly: 4, folder: '/srv/fitcoach/data/backups',
  last: null, next: '2026-12-08T03:30:00Z', lastError: null, running: false,
};
const LAST = { file: 'fitcoach-2026-12-07T0330.zip', createdAt: '2026-12-07T03:30:00Z', bytes: 4_941_432 };

describe('Backups section', () => {
  it('shows when and where backups are made, the last one with its size, and the next', async () => {
    stubFetch({ 'GET /api/backups': () => json(200, { ...BASE, last: LAST }) });
    render(BackupSection);
    const last = await screen.findByTestId('backup-last');
    expect(last.textContent).toContain('fitcoach-2026-12-07T0330.zip');
    expect(last.textContent).toContain('4.9 MB');
    expect(screen.getByTestId('backup-next')).toBeTruthy();
    const text = (document.body.textContent ?? '').replace(/\s+/g, ' ');
    expect(text).toContain('every night at 03:30');
    expect(text).toContain('last 7 days and 4 weeks');
    expect(text).toContain('/srv/fitcoach/data/backups');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says when nightly backups are off and none was made, and shows the last failure', async () => {
    stubFetch({
      'GET /api/backups': () => json(200, { ...BASE, enabled: false, next: null, lastError: '2026-12-07T03:30:00Z: No space left on device' }),
    });
    render(BackupSection);
    expect((await screen.findByTestId('backup-last')).textContent).toContain('None yet');
    expect(document.body.textContent).toContain('Nightly backups are off');
    expect(screen.queryByTestId('backup-next')).toBeNull();
    expect(screen.getByRole('alert').textContent).toContain('No space left on device');
  });

  it('backs up now: starts one, waits until it is done and names the new file', async () => {
    let polls = 0;
    const fetch = stubFetch({
      'GET /api/backups': () => {
        polls++;
        return json(200, polls < 3 ? { ...BASE, running: polls > 1 } : { ...BASE, last: LAST });
      },
      'POST /api/backups': () => json(202, { ...BASE, running: true }),
    });
    render(BackupSection, { pollMs: 0 });
    await fireEvent.click(await screen.findByRole('button', { name: 'Back up now' }));
    expect((await screen.findByRole('status')).textContent).toBe('Backed up to fitcoach-2026-12-07T0330.zip.');
    expect(fetch.mock.calls.filter(([, init]) => init?.method === 'POST')).toHaveLength(1);
    expect(screen.getByTestId('backup-last').textContent).toContain('fitcoach-2026-12-07T0330.zip');
    expect((screen.getByRole('button', { name: 'Back up now' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('says so when a backup is already running', async () => {
    stubFetch({
      'GET /api/backups': () => json(200, BASE),
      'POST /api/backups': () => apiError(409, 'backup_running', 'A backup is running already; try again when it is done'),
    });
    render(BackupSection);
    await fireEvent.click(await screen.findByRole('button', { name: 'Back up now' }));
    expect((await screen.findByRole('alert')).textContent).toBe('A backup is running already; try again when it is done');
  });

  it('formats sizes for people', () => {
    expect(formatSize(830)).toBe('830 bytes');
    expect(formatSize(12_345)).toBe('12 KB');
    expect(formatSize(4_941_432)).toBe('4.9 MB');
    expect(formatSize(2_500_000_000)).toBe('2.50 GB');
  });
});
