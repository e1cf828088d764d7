// @vitest-environment jsdom
import { render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import AiSection from './AiSection.svelte';
import { toolSupport } from '../../state/toolSupport.svelte';
import { json, stubFetch } from '../../../test/http';

const NOTICE = 'This model cannot look things up; the coach uses a fixed summary of your data.';

function settings(extra: Record<string, unknown>, model = 'llama3.1') {
  stubFetch({
    'GET /api/ai/settings': () =>
      json(200, { provider: 'openai', model, fastModel: model, active: { provider: 'openai', model, fastModel: model }, problem: null, ...extra }),
    'GET /api/settings/apikey': () => json(200, { providers: [{ provider: 'openai', source: 'stored', last4: null, baseUrl: 'http://localhost:11434/v1', model: null, updatedAt: null }] }),
    'GET /api/ai/usage': () => json(200, { usage: [] }),
  });
}

afterEach(() => {
  toolSupport.rejectedModel = null;
});

describe('AiSection: can the model look things up?', () => {
  it('says so, once, when the server says the model cannot use tools', async () => {
    settings({ toolsSupported: false });
    render(AiSection);
    expect(await screen.findByText(NOTICE)).toBeTruthy();
    expect(screen.getAllByTestId('no-tools-notice')).toHaveLength(1);
  });

  it('says nothing when the model can', async () => {
    settings({ toolsSupported: true });
    toolSupport.noteRejected('llama3.1');
    render(AiSection);
    expect(await screen.findByText('llama3.1')).toBeTruthy();
    expect(screen.queryByText(NOTICE)).toBeNull();
  });

  it('says so after an answer found the chosen model refusing tools, but not for another model', async () => {
    settings({});
    toolSupport.noteRejected('llama3.1');
    const first = render(AiSection);
    expect(await screen.findByText(NOTICE)).toBeTruthy();
    first.unmount();

    settings({}, 'qwen2.5');
    render(AiSection);
    expect(await screen.findByText('qwen2.5')).toBeTruthy();
    expect(screen.queryByText(NOTICE)).toBeNull();
  });
});
