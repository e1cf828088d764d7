// @vitest-environment jsdom
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import CalendarFeedSection from './CalendarFeedSection.svelte';
import TokensSection from './TokensSection.svelte';
import { apiError, json, stubFetch } from '../../../test/http';
import { calendarFeedUrl, webcalUrl } from '../../api/tokens';

const TOKEN = 'fct_' + 'Cd7_-'.repeat(8) + 'abc';
const MCP = { id: 'm1', name: 'Open WebUI', scope: 'mcp', createdAt: '2026-11-01T08:00:00Z', lastUsedAt: null };
const FEED = { id: 'c1', name: 'Phone', scope: 'calendar', createdAt: '2026-11-02T08:00:00Z', lastUsedAt: null };

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('Subscribe in your calendar', () => {
  it('creates a token of scope calendar and shows the feed address once, with Copy and a webcal link', async () => {
    let listed = [MCP];
    const fetchMock = stubFetch({
      'GET /api/settings/tokens': () => json(200, { tokens: listed }),
      'POST /api/settings/tokens': () => {
        const created = { id: 'c2', name: 'iPhone', scope: 'calendar', createdAt: '2026-12-07T00:00:00Z', lastUsedAt: null };
        listed = [MCP, created];
        return json(201, { ...created, token: TOKEN });
      },
    });
    const writeText = vi.fn(async () => undefined);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    render(CalendarFeedSection);
    expect(await screen.findByText('No calendar is subscribed yet.')).toBeTruthy();
    expect(document.body.textContent).toContain('read-only feed');
    expect(document.body.textContent).toContain('revoke it here any time');

    await fireEvent.input(screen.getByLabelText('Calendar name'), { target: { value: ' iPhone ' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Create feed address' }));

    const shown = await screen.findByTestId('feed-created');
    const post = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST')!;
    expect(JSON.parse(String(post[1]!.body))).toEqual({ name: 'iPhone', scope: 'calendar' });
    const url = `${window.location.origin}/api/plan/calendar.ics?token=${TOKEN}`;
    expect((within(shown).getByLabelText('Feed address') as HTMLInputElement).value).toBe(url);
    const webcal = within(shown).getByRole('link', { name: 'Open in your calendar app' });
    expect(webcal.getAttribute('href')).toBe(url.replace(/^https?:\/\//, 'webcal://'));
    expect(shown.textContent).toContain('cannot show again');
    await vi.waitFor(() => expect(document.activeElement?.id).toBe('feed-created-title'));

    const list = await screen.findByRole('list', { name: 'Calendar feeds' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(1);
    expect(items[0].textContent).toContain('iPhone');
    expect(items[0].textContent).toContain('Calendar feed');
    expect(list.textContent).not.toContain('Open WebUI');

    await fireEvent.click(within(shown).getByRole('button', { name: 'Copy address' }));
    expect(writeText).toHaveBeenCalledWith(url);
    expect(await within(shown).findByText('Address copied.')).toBeTruthy();

    await fireEvent.click(within(shown).getByRole('button', { name: 'Done' }));
    expect(screen.queryByTestId('feed-created')).toBeNull();
    expect(document.body.innerHTML).not.toContain(TOKEN);
  });

  it('revokes a calendar feed after a confirmation', async () => {
    let listed = [MCP, FEED];
    const fetchMock = stubFetch({
      'GET /api/settings/tokens': () => json(200, { tokens: listed }),
      'DELETE /api/settings/tokens/c1': () => {
        listed = [MCP];
        return new Response(null, { status: 204 });
      },
    });
    render(CalendarFeedSection);
    await fireEvent.click(await screen.findByRole('button', { name: 'Revoke Phone' }));
    const confirm = screen.getByRole('group', { name: 'Revoke Phone?' });
    await fireEvent.click(within(confirm).getByRole('button', { name: 'Revoke' }));
    await vi.waitFor(() => expect(screen.getByText('No calendar is subscribed yet.')).toBeTruthy());
    expect(document.body.textContent).toContain('“Phone” is revoked');
    expect(fetchMock.mock.calls.filter(([, init]) => init?.method === 'DELETE')).toHaveLength(1);
  });

  it('shows the server’s reason when the feed cannot be created', async () => {
    stubFetch({
      'GET /api/settings/tokens': () => json(200, { tokens: [] }),
      'POST /api/settings/tokens': () => apiError(409, 'too_many_tokens', 'You already have 20 access tokens. Revoke one you no longer use first.'),
    });
    render(CalendarFeedSection);
    await screen.findByText('No calendar is subscribed yet.');
    await fireEvent.input(screen.getByLabelText('Calendar name'), { target: { value: 'Phone' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Create feed address' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Revoke one you no longer use first.');
    expect(screen.queryByTestId('feed-created')).toBeNull();
  });

  it('keeps calendar feeds out of the AI apps list, which names each token’s scope', async () => {
    stubFetch({ 'GET /api/settings/tokens': () => json(200, { tokens: [MCP, FEED] }) });
    render(TokensSection);
    const list = await screen.findByRole('list', { name: 'Access tokens' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(1);
    expect(items[0].textContent).toContain('Open WebUI');
    expect(items[0].textContent).toContain('AI app (MCP)');
  });
});

describe('Feed address', () => {
  it('is the origin plus the feed path with the token, and its webcal form', () => {
    const url = calendarFeedUrl('fct_a-b_c', 'https://coach.example.com/');
    expect(url).toBe('https://coach.example.com/api/plan/calendar.ics?token=fct_a-b_c');
    expect(webcalUrl(url)).toBe('webcal://coach.example.com/api/plan/calendar.ics?token=fct_a-b_c');
    expect(webcalUrl('http://localhost:8080/api/plan/calendar.ics?token=x')).toBe('webcal://localhost:8080/api/plan/calendar.ics?token=x');
  });
});
