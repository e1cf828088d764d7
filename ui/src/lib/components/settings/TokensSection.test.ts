// @vitest-environment jsdom
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import TokensSection from './TokensSection.svelte';
import { apiError, json, stubFetch } from '../../../test/http';
import { claudeDesktopConfig, mcpUrl } from '../../api/tokens';

const TOKEN = 'fct_' + 'Ab9_-'.repeat(8) + 'xyz';
const OLD = { id: 'a1', name: 'Open WebUI', scope: 'mcp', createdAt: '2026-11-01T08:00:00Z', lastUsedAt: null };

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('Connect another AI app', () => {
  it('lists tokens with when they were created and last used', async () => {
    const used = new Date(Date.now() - 5 * 60_000).toISOString();
    stubFetch({
      'GET /api/settings/tokens': () => json(200, { tokens: [OLD, { ...OLD, id: 'b2', name: 'Claude Desktop', lastUsedAt: used }] }),
    });
    render(TokensSection);
    const list = await screen.findByRole('list', { name: 'Access tokens' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0].textContent).toContain('Open WebUI');
    expect(items[0].textContent).toContain('Created 1 Nov 2026');
    expect(items[0].textContent).toContain('never used');
    expect(items[1].textContent).toContain('last used 5 min ago');
  });

  it('says so when no app is connected, and that Strava API data is never served', async () => {
    stubFetch({ 'GET /api/settings/tokens': () => json(200, { tokens: [] }) });
    render(TokensSection);
    expect(await screen.findByText('No app is connected yet.')).toBeTruthy();
    expect(document.body.textContent).toContain('Data from the Strava API is never served to other apps');
  });

  it('creates a token with a name and shows it once, with a copy button, the MCP address and a Claude Desktop config', async () => {
    let listed = [OLD];
    const fetchMock = stubFetch({
      'GET /api/settings/tokens': () => json(200, { tokens: listed }),
      'POST /api/settings/tokens': () => {
        const created = { id: 'c3', name: 'Claude Desktop', scope: 'mcp', createdAt: '2026-12-07T00:00:00Z', lastUsedAt: null };
        listed = [OLD, created];
        return json(201, { ...created, token: TOKEN });
      },
    });
    const writeText = vi.fn(async () => undefined);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    render(TokensSection);
    await screen.findByRole('list', { name: 'Access tokens' });

    await fireEvent.input(screen.getByLabelText('App name'), { target: { value: '  Claude Desktop ' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Create token' }));

    const shown = await screen.findByTestId('token-created');
    const post = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST')!;
    expect(JSON.parse(String(post[1]!.body))).toEqual({ name: 'Claude Desktop', scope: 'mcp' });
    expect((within(shown).getByLabelText('Token') as HTMLInputElement).value).toBe(TOKEN);
    expect((within(shown).getByLabelText('MCP address') as HTMLInputElement).value).toBe(`${window.location.origin}/mcp`);
    expect(shown.textContent).toContain('cannot show it again');
    expect(within(shown).getByLabelText('Claude Desktop configuration').textContent).toContain('mcp-remote');
    await vi.waitFor(() => expect(document.activeElement?.id).toBe('token-created-title'));
    await vi.waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(2));

    await fireEvent.click(within(shown).getByRole('button', { name: 'Copy token' }));
    expect(writeText).toHaveBeenCalledWith(TOKEN);
    expect(await within(shown).findByText('Token copied.')).toBeTruthy();

    // Once dismissed, the token is gone from the page: the list never carries it.
    await fireEvent.click(within(shown).getByRole('button', { name: 'Done' }));
    expect(screen.queryByTestId('token-created')).toBeNull();
    expect(document.body.innerHTML).not.toContain(TOKEN);
  });

  it('shows the server’s reason when a token cannot be created (the limit of 20)', async () => {
    stubFetch({
      'GET /api/settings/tokens': () => json(200, { tokens: [OLD] }),
      'POST /api/settings/tokens': () => apiError(409, 'too_many_tokens', 'You already have 20 access tokens. Revoke one you no longer use first.'),
    });
    render(TokensSection);
    await screen.findByRole('list', { name: 'Access tokens' });
    await fireEvent.input(screen.getByLabelText('App name'), { target: { value: 'one more' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Create token' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Revoke one you no longer use first.');
    expect(screen.queryByTestId('token-created')).toBeNull();
  });

  it('revokes only after a confirmation, and Cancel or Escape keeps the token', async () => {
    let listed = [OLD];
    const fetchMock = stubFetch({
      'GET /api/settings/tokens': () => json(200, { tokens: listed }),
      'DELETE /api/settings/tokens/a1': () => {
        listed = [];
        return new Response(null, { status: 204 });
      },
    });
    render(TokensSection);
    await screen.findByRole('list', { name: 'Access tokens' });

    await fireEvent.click(screen.getByRole('button', { name: 'Revoke Open WebUI' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'DELETE')).toBe(false);

    await fireEvent.click(screen.getByRole('button', { name: 'Revoke Open WebUI' }));
    const group = screen.getByRole('group', { name: 'Revoke Open WebUI?' });
    await fireEvent.keyDown(within(group).getByRole('button', { name: 'Revoke' }), { key: 'Escape' });
    expect(screen.queryByRole('group', { name: 'Revoke Open WebUI?' })).toBeNull();

    await fireEvent.click(screen.getByRole('button', { name: 'Revoke Open WebUI' }));
    const confirm = screen.getByRole('group', { name: 'Revoke Open WebUI?' });
    expect(confirm.textContent).toContain('Apps using it stop at once.');
    await fireEvent.click(within(confirm).getByRole('button', { name: 'Revoke' }));
    await vi.waitFor(() => expect(screen.getByText('No app is connected yet.')).toBeTruthy());
    expect(document.body.textContent).toContain('“Open WebUI” is revoked');
    expect(fetchMock.mock.calls.filter(([, init]) => init?.method === 'DELETE')).toHaveLength(1);
  });
});

describe('MCP address and Claude Desktop configuration', () => {
  it('builds the address from the origin FitCoach is open at', () => {
    expect(mcpUrl('http://localhost:8080')).toBe('http://localhost:8080/mcp');
    expect(mcpUrl('https://coach.example.com/')).toBe('https://coach.example.com/mcp');
  });

  it('bridges a stdio client through npx mcp-remote with the token as a Bearer header', () => {
    const config = JSON.parse(claudeDesktopConfig('http://localhost:8080/mcp', TOKEN));
    const server = config.mcpServers.fitcoach;
    expect(server.command).toBe('npx');
    expect(server.args).toEqual(['mcp-remote', 'http://localhost:8080/mcp', '--header', 'Authorization:${AUTH_HEADER}']);
    expect(server.env.AUTH_HEADER).toBe(`Bearer ${TOKEN}`);
  });
});
