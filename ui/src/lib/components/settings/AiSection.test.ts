// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import AiSection from './AiSection.svelte';
import { toolSupport } from '../../state/toolSupport.svelte';
import { apiError, json, stubFetch } from '../../../test/http';

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

describe('AiSection: loading the provider’s models', () => {
  function withModels(models: () => Promise<Response> | Response) {
    stubFetch({
      'GET /api/ai/settings': () =>
        json(200, { provider: 'openai', model: 'm', fastModel: 'm', active: { provider: 'openai', model: 'm', fastModel: 'm' }, problem: null }),
      'GET /api/settings/apikey': () => json(200, { providers: [{ provider: 'openai', source: 'stored', last4: null, baseUrl: 'http://localhost:11434/v1', model: null, updatedAt: null }] }),
      'GET /api/ai/models?provider=openai': models,
    });
  }

  it('shows that it is loading, then how many models came, each offered in the model boxes', async () => {
    let release!: (r: Response) => void;
    withModels(() => new Promise<Response>((resolve) => (release = resolve)));
    const { container } = render(AiSection);
    await fireEvent.click(await screen.findByRole('button', { name: 'Load models from provider' }));
    const busy = screen.getByRole('button', { name: 'Loading models…' }) as HTMLButtonElement;
    expect(busy.disabled).toBe(true);
    expect(busy.getAttribute('aria-busy')).toBe('true');
    release(json(200, { provider: 'openai', models: [{ id: 'llama3.1', displayName: null, createdAt: null }, { id: 'qwen2.5', displayName: 'Qwen', createdAt: null }] }));
    expect(await screen.findByText('2 models loaded: pick one in the boxes below.')).toBeTruthy();
    expect([...container.querySelectorAll('#ai-models option')].map((o) => (o as HTMLOptionElement).value)).toEqual(['llama3.1', 'qwen2.5']);
    expect((screen.getByRole('button', { name: 'Load models from provider' }) as HTMLButtonElement).disabled).toBe(false);
  }, 20_000);

  it('says so when the provider lists one model or none', async () => {
    withModels(() => json(200, { provider: 'openai', models: [{ id: 'llama3.1', displayName: null, createdAt: null }] }));
    render(AiSection);
    await fireEvent.click(await screen.findByRole('button', { name: 'Load models from provider' }));
    expect(await screen.findByText('1 model loaded: pick one in the boxes below.')).toBeTruthy();
  }, 20_000);

  it('shows the provider’s error', async () => {
    withModels(() => apiError(502, 'llm_unavailable', 'The provider did not answer'));
    render(AiSection);
    await fireEvent.click(await screen.findByRole('button', { name: 'Load models from provider' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/\S/);
    expect(screen.queryByText(/models? loaded/)).toBeNull();
  }, 20_000);
});
