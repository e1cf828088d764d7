import type * as Leaflet from 'leaflet';
import type { MapSettings } from '../api/map';
import type { L } from './leaflet';

/**
 * Watches a tile layer and calls `failed` once if its tiles do not load: an error before any tile has loaded (the
 * tile server is down, blocked or offline). The first tile that loads ends the watch; a missing tile later is no reason
 * to give the map up.
 */
export function watchTiles(layer: Leaflet.TileLayer, failed: () => void): () => void {
  let done = false;
  const stop = () => {
    if (done) return;
    done = true;
    layer.off('tileload', stop);
    layer.off('tileerror', onError);
  };
  const onError = () => {
    if (done) return;
    stop();
    failed();
  };
  layer.on('tileload', stop);
  layer.on('tileerror', onError);
  return stop;
}

/** Text for Leaflet's attribution box, which takes HTML: the configured credit is shown as text, never markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * A Leaflet map in `container` with the configured tiles (none when the server says null: then nothing is requested
 * from anywhere). Keyboard panning and zooming are Leaflet's (the container takes focus).
 */
export function baseMap(
  lib: L,
  container: HTMLElement,
  settings: MapSettings,
  options: Leaflet.MapOptions = {},
): { map: Leaflet.Map; tiles: Leaflet.TileLayer | null } {
  const map = lib.map(container, { keyboard: true, zoomSnap: 0.5, ...options });
  map.attributionControl.setPrefix('<a href="https://leafletjs.com" data-external>Leaflet</a>');
  let tiles: Leaflet.TileLayer | null = null;
  if (settings.tiles) {
    tiles = lib.tileLayer(settings.tiles, {
      maxZoom: settings.maxZoom,
      attribution: escapeHtml(settings.attribution),
    });
    tiles.addTo(map);
  }
  return { map, tiles };
}

/**
 * A canvas renderer that skips a redraw once it has been taken off the map. Leaflet 1.9 can leave a redraw frame
 * pending when it redraws at once (a move or the map being removed) and then calls it on a canvas that is gone, a
 * TypeError after leaving the screen.
 */
export function safeCanvas(lib: L, options: Leaflet.RendererOptions = {}): Leaflet.Canvas {
  type Redrawing = Leaflet.Canvas & { _ctx?: unknown; _redraw: () => void };
  const base = (lib.Canvas.prototype as unknown as Redrawing)._redraw;
  const Safe = lib.Canvas.extend({
    _redraw(this: Redrawing) {
      if (this._ctx) base.call(this);
    },
  }) as unknown as new (options: Leaflet.RendererOptions) => Leaflet.Canvas;
  return new Safe(options);
}
