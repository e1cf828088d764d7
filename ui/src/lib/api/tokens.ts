import { api } from './client';

/** A personal access token as listed: the token itself is shown only once, when created. */
export interface AccessToken {
  id: string;
  name: string;
  /** What it opens: 'mcp' (another AI app reading your data). */
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
