/**
 * Leaflet, loaded when the first map is drawn rather than with the screen (like uPlot, see charts/uplot.ts): its code
 * and stylesheet are a chunk of their own that only a screen showing a map on tiles ever asks for.
 */
import type * as Leaflet from 'leaflet';

export type L = typeof Leaflet;

let loading: Promise<L> | null = null;

/** Starts loading Leaflet and its stylesheet (once) and resolves with the library. */
export function loadLeaflet(): Promise<L> {
  loading ??= Promise.all([import('leaflet'), import('leaflet/dist/leaflet.css')])
    .then(([m]) => ((m as unknown as { default?: L }).default ?? m) as L)
    .catch((e) => {
      loading = null;
      throw e;
    });
  return loading;
}
