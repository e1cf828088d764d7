// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import RouteMap from './RouteMap.svelte';
import { resetMapSettings } from '../api/map';
import { json, stubFetch } from '../../test/http';
import type { LatLng } from '../geo';

// Leaflet measures its container and needs SVG support to draw paths: jsdom has neither, so the page gets a size and
// SVG elements the one method Leaflet checks for. Leaflet itself runs for real.
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 600 });
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 360 });
  (SVGSVGElement.prototype as unknown as { createSVGRect: () => object }).createSVGRect = () => ({});
});

vi.setConfig({ testTimeout: 30_000 });

const TILES = { tiles: 'http://127.0.0.1:9/{z}/{x}/{y}.png', attribution: '© Test <b>tiles</b>', maxZoom: 19 };
const route: LatLng[] = Array.from({ length: 200 }, (_, i) => [46 + i * 0.0002, 14.5 + Math.sin(i / 20) * 0.001]);

function tiles(): HTMLImageElement[] {
  return Array.from(document.querySelectorAll('img.leaflet-tile'));
}

beforeEach(() => resetMapSettings());
afterEach(() => vi.unstubAllGlobals());

describe('RouteMap', () => {
  it('with tiles set to none draws the route without a map and asks for no tile', async () => {
    const fetch = stubFetch({ 'GET /api/map/settings': () => json(200, { tiles: null, attribution: '', maxZoom: 19 }) });
    render(RouteMap, { points: route, marker: route[50] });
    await screen.findByTestId('route-drawing');
    expect(document.querySelector('[data-testid="route-cursor"]')).not.toBeNull();
    expect(document.querySelector('[data-testid="route-map"]')).toBeNull();
    expect(tiles()).toHaveLength(0);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('shows the route on tiles with start and finish, the credit as text, and falls back when the first tiles fail', async () => {
    stubFetch({ 'GET /api/map/settings': () => json(200, TILES) });
    render(RouteMap, { points: route });
    await screen.findByTestId('route-map');
    await waitFor(() => expect(tiles().length).toBeGreaterThan(0));
    expect(tiles()[0].src).toMatch(/^http:\/\/127\.0\.0\.1:9\/\d+\/\d+\/\d+\.png$/);
    expect(document.querySelector('path.fc-start')).not.toBeNull();
    expect(document.querySelector('path.fc-finish')).not.toBeNull();
    expect(document.querySelectorAll('path.fc-route-line')).toHaveLength(1);
    expect(document.querySelector('.leaflet-control-attribution')!.textContent).toContain('© Test <b>tiles</b>');
    expect(screen.getByRole('region', { name: /Map of the route/ }).getAttribute('tabindex')).toBe('0');

    await fireEvent.error(tiles()[0]);
    await screen.findByTestId('route-drawing');
    expect(screen.getByRole('status').textContent).toContain('did not load');
    expect(document.querySelector('[data-testid="route-map"]')).toBeNull();
  });

  it('keeps the map once a tile has loaded, even if a later one fails', async () => {
    stubFetch({ 'GET /api/map/settings': () => json(200, TILES) });
    render(RouteMap, { points: route });
    await waitFor(() => expect(tiles().length).toBeGreaterThan(1));
    await fireEvent.load(tiles()[0]);
    await fireEvent.error(tiles()[1]);
    expect(document.querySelector('[data-testid="route-map"]')).not.toBeNull();
    expect(document.querySelector('[data-testid="route-drawing"]')).toBeNull();
  });

  it('draws a gap in the positions as separate segments, on tiles and in the drawing', async () => {
    const gapped: (LatLng | null)[] = [...route.slice(0, 80), null, null, ...route.slice(82)];
    stubFetch({ 'GET /api/map/settings': () => json(200, TILES) });
    const { unmount } = render(RouteMap, { points: gapped });
    await waitFor(() => expect(document.querySelectorAll('path.fc-route-line')).toHaveLength(2));
    unmount();
    resetMapSettings();
    stubFetch({ 'GET /api/map/settings': () => json(200, { tiles: null, attribution: '', maxZoom: 19 }) });
    render(RouteMap, { points: gapped });
    const svg = await screen.findByTestId('route-drawing');
    expect(svg.querySelector('path.line')!.getAttribute('d')!.match(/M/g)).toHaveLength(2);
    expect(svg.textContent).toBe('');
    expect(document.body.textContent).toContain('1 gap without positions');
  });

  it('highlights the chosen lap over the route', async () => {
    stubFetch({ 'GET /api/map/settings': () => json(200, TILES) });
    const { rerender } = render(RouteMap, { points: route, highlight: null });
    await waitFor(() => expect(document.querySelector('path.fc-route-line')).not.toBeNull());
    expect(document.querySelector('path.fc-lap')).toBeNull();
    await rerender({ points: route, highlight: { from: 20, to: 60, label: 'lap 2' } });
    await waitFor(() => expect(document.querySelector('path.fc-lap')).not.toBeNull());
    expect(document.body.textContent).toContain('Showing lap 2 on the route.');
    await rerender({ points: route, highlight: null });
    await waitFor(() => expect(document.querySelector('path.fc-lap')).toBeNull());
  });

  it('says when a privacy zone hides part of the route and offers to show it', async () => {
    stubFetch({ 'GET /api/map/settings': () => json(200, { tiles: null, attribution: '', maxZoom: 19 }) });
    const onprivacy = vi.fn();
    const { rerender } = render(RouteMap, {
      points: [null, null, ...route.slice(2)],
      privacy: { hiddenPoints: 2, applied: true },
      onprivacy,
    });
    await screen.findByTestId('route-drawing');
    expect(screen.getByTestId('privacy-note').textContent).toContain('hidden (2 points)');
    await fireEvent.click(screen.getByRole('button', { name: 'Show hidden part' }));
    expect(onprivacy).toHaveBeenCalledWith(true);
    await rerender({ points: route, privacy: { hiddenPoints: 2, applied: false }, onprivacy });
    await fireEvent.click(screen.getByRole('button', { name: 'Hide it again' }));
    expect(onprivacy).toHaveBeenLastCalledWith(false);
    await rerender({ points: route, privacy: { hiddenPoints: 0, applied: true }, onprivacy });
    expect(screen.queryByTestId('privacy-note')).toBeNull();
  });
});
