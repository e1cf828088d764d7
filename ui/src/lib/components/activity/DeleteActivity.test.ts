// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Activity } from '../../api/activities';
import DeleteActivity from './DeleteActivity.svelte';
import { apiError, json, stubFetch } from '../../../test/http';

const A = {
  id: 'a1',
  source: 'file',
  sportType: 'Run',
  name: 'Hill repeats',
  startDateLocal: '2026-11-23T07:30:00',
  merged: null,
} as unknown as Activity;

afterEach(() => vi.unstubAllGlobals());

describe('DeleteActivity', () => {
  it('asks first: Cancel deletes nothing and gives focus back to the button', async () => {
    const mock = stubFetch({});
    render(DeleteActivity, { props: { activity: A, ondeleted: vi.fn() } });
    const opener = screen.getByRole('button', { name: 'Delete activity' });
    opener.focus();
    await fireEvent.click(opener);
    const dialog = screen.getByRole('dialog', { name: 'Delete this activity?' });
    expect(dialog.hasAttribute('open')).toBe(true);
    expect(dialog.textContent).toContain('Hill repeats');
    await vi.waitFor(() => expect(document.activeElement?.textContent).toBe('Cancel'));

    await fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(dialog.hasAttribute('open')).toBe(false);
    expect(document.activeElement).toBe(opener);
    expect(mock).not.toHaveBeenCalled();
  });

  it('Escape cancels, and Tab stays inside the dialog', async () => {
    stubFetch({});
    render(DeleteActivity, { props: { activity: A, ondeleted: vi.fn() } });
    await fireEvent.click(screen.getByRole('button', { name: 'Delete activity' }));
    const dialog = screen.getByRole('dialog');
    const cancel = screen.getByRole('button', { name: 'Cancel' });
    const confirm = screen.getByRole('button', { name: 'Delete' });
    confirm.focus();
    await fireEvent.keyDown(dialog, { key: 'Tab' });
    expect(document.activeElement).toBe(cancel);
    await fireEvent.keyDown(dialog, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(confirm);
    await fireEvent(dialog, new Event('cancel', { cancelable: true }));
    expect(dialog.hasAttribute('open')).toBe(false);
  });

  it('deletes on confirmation and says so', async () => {
    const mock = stubFetch({ 'DELETE /api/activities/a1': () => json(200, { ok: true }) });
    const ondeleted = vi.fn();
    render(DeleteActivity, { props: { activity: A, ondeleted } });
    await fireEvent.click(screen.getByRole('button', { name: 'Delete activity' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    await vi.waitFor(() => expect(ondeleted).toHaveBeenCalledTimes(1));
    expect(mock).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('dialog', { hidden: true }).hasAttribute('open')).toBe(false);
  });

  it('keeps the dialog open with the error when the delete fails', async () => {
    stubFetch({ 'DELETE /api/activities/a1': () => apiError(404, 'not_found', 'No such activity') });
    const ondeleted = vi.fn();
    render(DeleteActivity, { props: { activity: A, ondeleted } });
    await fireEvent.click(screen.getByRole('button', { name: 'Delete activity' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    expect((await screen.findByRole('alert')).textContent).toContain('No such activity');
    expect(screen.getByRole('dialog').hasAttribute('open')).toBe(true);
    expect(ondeleted).not.toHaveBeenCalled();
  });
  it('opens again after the browser closed it by itself', async () => {
    stubFetch({});
    render(DeleteActivity, { props: { activity: A, ondeleted: vi.fn() } });
    const opener = screen.getByRole('button', { name: 'Delete activity' });
    await fireEvent.click(opener);
    const dialog = screen.getByRole('dialog') as HTMLDialogElement;
    dialog.close();
    await fireEvent.click(opener);
    expect(dialog.hasAttribute('open')).toBe(true);
  });
});
