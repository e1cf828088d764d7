// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import Setup from './Setup.svelte';
import { session } from '../lib/state/session.svelte';
import { USER, apiError, json, stubFetch } from '../test/http';

async function fill(email: string, password: string, confirm: string) {
  await fireEvent.input(screen.getByLabelText('Email'), { target: { value: email } });
  await fireEvent.input(screen.getByLabelText('Password'), { target: { value: password } });
  await fireEvent.input(screen.getByLabelText('Confirm password'), { target: { value: confirm } });
}

describe('Setup screen', () => {
  afterEach(() => {
    session.setupCodeRequired = false;
    vi.restoreAllMocks();
  });

  it('asks for the setup code only when the server needs one', async () => {
    render(Setup);
    expect(screen.queryByLabelText("Setup code (printed in FitCoach's log)")).toBeNull();
  });

  it('sends the setup code from the log, and refuses to send without one', async () => {
    session.setupCodeRequired = true;
    const fetchMock = stubFetch({ 'POST /api/auth/setup': () => json(201, USER) });
    render(Setup);
    await fill('ana@example.com', 'correct horse battery', 'correct horse battery');
    await fireEvent.click(screen.getByRole('button', { name: 'Create account' }));
    expect(screen.getByText("Enter the setup code from FitCoach's log.")).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();

    await fireEvent.input(screen.getByLabelText("Setup code (printed in FitCoach's log)"), {
      target: { value: ' ABCDE-23456 ' },
    });
    await fireEvent.click(screen.getByRole('button', { name: 'Create account' }));
    await vi.waitFor(() => expect(session.user).toEqual(USER));
    const init = fetchMock.mock.calls[0][1] as RequestInit;
    expect(JSON.parse(init.body as string)).toEqual({
      email: 'ana@example.com',
      password: 'correct horse battery',
      setupCode: 'ABCDE-23456',
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    });
    expect(session.setupCodeRequired).toBe(false);
  });

  it('puts a wrong setup code error under the setup code field', async () => {
    session.setupCodeRequired = true;
    stubFetch({
      'POST /api/auth/setup': () =>
        apiError(403, 'setup_code_wrong', "That setup code is not the one in FitCoach's log; check it and try again", 'setupCode'),
    });
    render(Setup);
    await fireEvent.input(screen.getByLabelText("Setup code (printed in FitCoach's log)"), {
      target: { value: 'WRONG-CODE1' },
    });
    await fill('ana@example.com', 'correct horse battery', 'correct horse battery');
    await fireEvent.click(screen.getByRole('button', { name: 'Create account' }));
    expect(
      await screen.findByText("That is not the setup code in FitCoach's log. Check it (the latest start prints a new one) and try again."),
    ).toBeTruthy();
    const field = screen.getByLabelText("Setup code (printed in FitCoach's log)");
    expect(field.getAttribute('aria-invalid')).toBe('true');
    await vi.waitFor(() => expect(document.activeElement).toBe(field));
  });

  it('checks length and confirmation before calling the server', async () => {
    const fetchMock = stubFetch({});
    render(Setup);
    await fill('ana@example.com', 'short', 'shorter');
    await fireEvent.click(screen.getByRole('button', { name: 'Create account' }));

    expect(screen.getByText('Use at least 10 characters.')).toBeTruthy();
    expect(screen.getByText('The passwords do not match.')).toBeTruthy();
    expect(screen.getByLabelText('Password').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('Password').getAttribute('aria-describedby')).toBe('password-hint password-error');
    expect(fetchMock).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Password')));
  });

  it('creates the account, showing progress while it waits', async () => {
    let release!: (r: Response) => void;
    const fetchMock = stubFetch({
      'POST /api/auth/setup': () => new Promise<Response>((resolve) => (release = resolve)),
    });
    render(Setup);
    await fill(' ana@example.com ', 'correct horse battery', 'correct horse battery');
    await fireEvent.click(screen.getByRole('button', { name: 'Create account' }));

    const busy = screen.getByRole('button', { name: 'Creating account…' }) as HTMLButtonElement;
    expect(busy.disabled).toBe(true);
    const init = fetchMock.mock.calls[0][1] as RequestInit;
    expect(JSON.parse(init.body as string)).toEqual({
      email: 'ana@example.com',
      password: 'correct horse battery',
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    });

    release(json(201, USER));
    await vi.waitFor(() => expect(session.user).toEqual(USER));
    expect(session.setupDone).toBe(true);
  });

  it("puts the server's field error under that field", async () => {
    stubFetch({
      'POST /api/auth/setup': () => apiError(400, 'invalid_email', 'That email address is not valid', 'email'),
    });
    render(Setup);
    await fill('ana@example.com', 'correct horse battery', 'correct horse battery');
    await fireEvent.click(screen.getByRole('button', { name: 'Create account' }));

    expect(await screen.findByText('That email address is not valid')).toBeTruthy();
    expect(screen.getByLabelText('Email').getAttribute('aria-invalid')).toBe('true');
    expect((screen.getByRole('button', { name: 'Create account' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('creates the account in the browser’s time zone', async () => {
    const real = Intl.DateTimeFormat().resolvedOptions();
    vi.spyOn(Intl.DateTimeFormat.prototype, 'resolvedOptions').mockReturnValue({ ...real, timeZone: 'America/Denver' });
    const fetchMock = stubFetch({ 'POST /api/auth/setup': () => json(201, USER) });
    render(Setup);
    await fill('ana@example.com', 'correct horse battery', 'correct horse battery');
    await fireEvent.click(screen.getByRole('button', { name: 'Create account' }));
    await vi.waitFor(() => expect(session.user).toEqual(USER));
    const init = fetchMock.mock.calls[0][1] as RequestInit;
    expect(JSON.parse(init.body as string)).toEqual({
      email: 'ana@example.com',
      password: 'correct horse battery',
      timeZone: 'America/Denver',
    });
  });
});
