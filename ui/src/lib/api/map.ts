import { api, withQuery, type RequestOptions } from './client';

/** GET /api/map/settings: the tile URL template (null when the server is set to fetch no tiles), its credit, zoom. */
export interface MapSettings {
  tiles: string | null;
  attribution: string;
  maxZoom: number;
}

let settings: Promise<MapSettings> | null = null;

/** The map settings, asked once per page load (they change only with a server restart); a failure is asked again. */
export function getMapSettings(): Promise<MapSettings> {
  settings ??= api.get<MapSettings>('/api/map/settings').catch((e) => {
    settings = null;
    throw e;
  });
  return settings;
}

/** For tests: forget the settings read so far. */
export function resetMapSettings(): void {
  settings = null;
}

export interface HeatmapRoute {
  id: string;
  /** The sport family (run, ride, ...). */
  sport: string;
  date: string;
  /** Google encoded polylines (precision 5), one per visible run of the route. */
  segments: string[];
}

export interface Heatmap {
  routes: HeatmapRoute[];
  /** True when older routes were left out to keep the answer small. */
  truncated: boolean;
}

export interface HeatmapQuery {
  sport?: string;
  from?: string;
  to?: string;
}

export function getHeatmap(query: HeatmapQuery, options?: RequestOptions): Promise<Heatmap> {
  return api.get<Heatmap>(withQuery('/api/map/heatmap', { ...query }), options);
}
