import { api } from './client';

/** A personal access token as listed: the token itself is shown only once, when created. */
export interface AccessToken {
  id: string;
  name: string;
  /** What it opens: 'mcp' (another AI app reading your data) or 'calendar' (the plan's iCalendar feed only). */
  scope: string;
  createdAt: string;
  lastUsedAt: string | null;
}

export interface CreatedToken extends AccessToken {
  /** The secret, returned this once; FitCoach keeps only a hash of it. */
  token: string;
}

export const MAX_TOKEN_NAME = 100;

export function listTokens(): Promise<{ tokens: AccessToken[] }> {
  return api.get('/api/settings/tokens');
}

export function createToken(name: string, scope = 'mcp'): Promise<CreatedToken> {
  return api.post('/api/settings/tokens', { name, scope });
}

export function revokeToken(id: string): Promise<void> {
  return api.delete(`/api/settings/tokens/${encodeURIComponent(id)}`);
}

export const CALENDAR_SCOPE = 'calendar';

/** How a token's scope reads in a list, so a calendar link is told apart from an AI app. */
export function scopeLabel(scope: string): string {
  return scope === CALENDAR_SCOPE ? 'Calendar feed' : scope === 'mcp' ? 'AI app (MCP)' : scope;
}

/** The read-only iCalendar feed of the plan that a calendar app subscribes to; the token is its only key. */
export function calendarFeedUrl(token: string, origin: string = window.location.origin): string {
  return `${origin.replace(/\/+$/, '')}/api/plan/calendar.ics?token=${encodeURIComponent(token)}`;
}

/** The same feed as a webcal:// link, which phones and desktop calendars open as "subscribe". */
export function webcalUrl(feedUrl: string): string {
  return feedUrl.replace(/^https?:\/\//, 'webcal://');
}

/** Where an MCP client reaches this FitCoach: the address the athlete has it open at, plus /mcp. */
export function mcpUrl(origin: string = window.location.origin): string {
  return `${origin.replace(/\/+$/, '')}/mcp`;
}

/**
 * A Claude Desktop entry (claude_desktop_config.json) for a stdio-only client: mcp-remote bridges it to /mcp with the
 * token as a Bearer header.
 */
export function claudeDesktopConfig(url: string, token: string): string {
  const config = {
    mcpServers: {
      fitcoach: {
        command: 'npx',
        args: ['mcp-remote', url, '--header', 'Authorization:${AUTH_HEADER}'],
        env: { AUTH_HEADER: `Bearer ${token}` },
      },
    },
  };
  return JSON.stringify(config, null, 2);
}
