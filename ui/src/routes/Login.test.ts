// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import Login from './Login.svelte';
import { session } from '../lib/state/session.svelte';
import { USER, apiError, json, stubFetch } from '../test/http';

async function signIn(email: string, password: string) {
  await fireEvent.input(screen.getByLabelText('Email'), { target: { value: email } });
  await fireEvent.input(screen.getByLabelText('Password'), { target: { value: password } });
  await fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('Login screen', () => {
  it('says so on wrong credentials and clears the password', async () => {
    stubFetch({ 'POST /api/auth/login': () => apiError(401, 'invalid_credentials', 'Invalid credentials') });
    render(Login);
    await signIn('ana@example.com', 'wrong password');

    expect((await screen.findByRole('alert')).textContent).toBe('Wrong email or password.');
    expect((screen.getByLabelText('Password') as HTMLInputElement).value).toBe('');
    await vi.waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Password')));
    expect(session.user).toBeNull();
  });

  it('tells how long to wait when throttled', async () => {
    stubFetch({
      'POST /api/auth/login': () => apiError(429, 'too_many_attempts', 'Slow down', null, { 'Retry-After': '30' }),
    });
    render(Login);
    await signIn('ana@example.com', 'whatever123');

    expect((await screen.findByRole('alert')).textContent).toBe('Too many attempts, try again in 30 s.');
  });

  it('says when the server cannot be reached', async () => {
    vi.stubGlobal('fetch', vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))));
    render(Login);
    await signIn('ana@example.com', 'whatever123');

    expect((await screen.findByRole('alert')).textContent).toMatch(/^Cannot reach the FitCoach server/);
    const button = screen.getByRole('button', { name: 'Sign in' }) as HTMLButtonElement;
    expect(button.disabled).toBe(false);
    await vi.waitFor(() => expect(document.activeElement).toBe(button));
  });

  it('disables the button while signing in, then signs in', async () => {
    let release!: (r: Response) => void;
    stubFetch({ 'POST /api/auth/login': () => new Promise<Response>((resolve) => (release = resolve)) });
    render(Login);
    await signIn('ana@example.com', 'correct horse');

    expect((screen.getByRole('button', { name: 'Signing in…' }) as HTMLButtonElement).disabled).toBe(true);
    release(json(200, USER));
    await vi.waitFor(() => expect(session.user).toEqual(USER));
  });

  it('shows the notice left by setup once', async () => {
    session.notice = 'An account already exists on this server. Sign in with it.';
    const first = render(Login);
    expect(screen.getByRole('status').textContent).toMatch(/already exists/);
    first.unmount();
    render(Login);
    expect(screen.queryByRole('status')).toBeNull();
  });
});
