// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import Heatmap from './Heatmap.svelte';
import { resetMapSettings } from '../lib/api/map';
import { router } from '../lib/state/router.svelte';
import { json, stubFetch } from '../test/http';

// Leaflet measures its container and draws on a canvas: jsdom has neither a size nor a 2D context, so the page gets
// a size and canvases a context that draws nothing. Leaflet itself runs for real.
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 800 });
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 500 });
  const noop = () => {};
  const ctx = new Proxy({}, { get: (_t, key) => (key === 'canvas' ? document.createElement('canvas') : noop), set: () => true });
  HTMLCanvasElement.prototype.getContext = (() => ctx) as unknown as typeof HTMLCanvasElement.prototype.getContext;
});

vi.setConfig({ testTimeout: 30_000 });

const NO_TILES = { tiles: null, attribution: '', maxZoom: 19 };
// Two loops near one home, encoded at precision 5.
const ROUTES = {
  routes: [
    { id: 'a', sport: 'run', date: '2026-11-30', segments: ['_p~iF~ps|U_ulLnnqC', '_p~iF~ps|U_ulLnnqC_mqNvxq`@'] },
    { id: 'b', sport: 'ride', date: '2026-10-02', segments: ['_p~iF~ps|U_ulLnnqC_mqNvxq`@'] },
  ],
  truncated: false,
};

beforeEach(() => {
  resetMapSettings();
  history.replaceState(null, '', '/heatmap');
  router.sync();
});
afterEach(() => vi.unstubAllGlobals());

describe('Heatmap', () => {
  it('draws every route on a canvas, says how many, and with tiles off asks for no tile', async () => {
    const fetch = stubFetch({
      'GET /api/map/settings': () => json(200, NO_TILES),
      'GET /api/map/heatmap': () => json(200, ROUTES),
    });
    render(Heatmap);
    await screen.findByText('2 routes, all sports, of all time.');
    await waitFor(() => expect(document.querySelector('[data-testid="heatmap"] canvas')).not.toBeNull());
    expect(document.querySelectorAll('img.leaflet-tile')).toHaveLength(0);
    expect(screen.getByRole('list', { name: 'Colours' }).textContent).toContain('Runs');
    expect(screen.getByRole('region', { name: /Heatmap of your routes/ }).getAttribute('tabindex')).toBe('0');
    expect(fetch.mock.calls.map((c) => String(c[0]))).toEqual(['/api/map/heatmap', '/api/map/settings']);
  });

  it('filters by sport and dates through the address, and says when older routes were left out', async () => {
    const asked: string[] = [];
    stubFetch({
      'GET /api/map/settings': () => json(200, NO_TILES),
      'GET /api/map/heatmap': () => json(200, ROUTES),
      'GET /api/map/heatmap?sport=ride': () => {
        asked.push('ride');
        return json(200, { routes: [ROUTES.routes[1]], truncated: false });
      },
      'GET /api/map/heatmap?sport=ride&from=2026-01-01': () => {
        asked.push('ride from');
        return json(200, { routes: [ROUTES.routes[1]], truncated: true });
      },
    });
    render(Heatmap);
    await screen.findByText('2 routes, all sports, of all time.');
    await fireEvent.change(screen.getByLabelText('Sport'), { target: { value: 'ride' } });
    await screen.findByText('1 route, rides, of all time.');
    expect(router.search).toBe('?sport=ride');
    await fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-01-01' } });
    await screen.findByText(/1 route, rides, since 2026-01-01\./);
    expect(screen.getByTestId('heatmap-summary').textContent).toContain('Only the newest are drawn');
    expect(asked).toEqual(['ride', 'ride from']);
    await fireEvent.click(screen.getByRole('button', { name: 'All dates' }));
    await screen.findByText('1 route, rides, of all time.');
  });

  it('tells the athlete when the heatmap cannot be read', async () => {
    stubFetch({
      'GET /api/map/settings': () => json(200, NO_TILES),
      'GET /api/map/heatmap': () => json(422, { error: { code: 'invalid_value', message: "'from' must be a date", field: 'from' } }),
    });
    render(Heatmap);
    await screen.findByText(/'from' must be a date/);
  });
});
