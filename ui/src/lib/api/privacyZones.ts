import { api } from './client';

/**
 * A privacy zone: a circle (home, work) inside which FitCoach leaves positions out of what it shows and hands out
 * (activity streams and routes; the export when asked). Centre in degrees, radius in metres.
 */
export interface PrivacyZone {
  id: string;
  name: string;
  lat: number;
  lon: number;
  radiusM: number;
}

/** What the athlete sends to add or change a zone (every field, for both). */
export type PrivacyZoneInput = Omit<PrivacyZone, 'id'>;

/** The server's limits, mirrored so the form can say them before sending. */
export const MAX_ZONE_NAME = 80;
export const MIN_RADIUS_M = 100;
export const MAX_RADIUS_M = 1000;
export const MAX_ZONES = 20;

const PATH = '/api/settings/privacy-zones';

export function listPrivacyZones(): Promise<{ zones: PrivacyZone[] }> {
  return api.get(PATH);
}

export function createPrivacyZone(zone: PrivacyZoneInput): Promise<PrivacyZone> {
  return api.post(PATH, zone);
}

export function updatePrivacyZone(id: string, zone: PrivacyZoneInput): Promise<PrivacyZone> {
  return api.put(`${PATH}/${encodeURIComponent(id)}`, zone);
}

export function deletePrivacyZone(id: string): Promise<void> {
  return api.delete(`${PATH}/${encodeURIComponent(id)}`);
}

/** The export without the positions inside zones (and without the zones), for sharing rather than backing up. */
export const PRIVATE_EXPORT_URL = '/api/export?privacy=on';

/** A number typed into a form field, or null when it is not one (empty, text, NaN). */
export function parseNumber(text: string | number): number | null {
  if (typeof text === 'number') return Number.isFinite(text) ? text : null;
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return null;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : null;
}

/** What is wrong with a zone before it is sent, with the field it concerns; null when it can be sent. */
export function checkZone(zone: { name: string; lat: string | number; lon: string | number; radiusM: string | number }): {
  field: keyof PrivacyZoneInput;
  message: string;
} | null {
  const name = zone.name.trim();
  if (!name) return { field: 'name', message: 'Give the zone a name, e.g. Home.' };
  if (name.length > MAX_ZONE_NAME) return { field: 'name', message: `The name can be at most ${MAX_ZONE_NAME} characters.` };
  const lat = parseNumber(zone.lat);
  if (lat === null || lat < -90 || lat > 90) return { field: 'lat', message: 'Latitude must be a number from -90 to 90.' };
  const lon = parseNumber(zone.lon);
  if (lon === null || lon < -180 || lon > 180) return { field: 'lon', message: 'Longitude must be a number from -180 to 180.' };
  const radius = parseNumber(zone.radiusM);
  if (radius === null || !Number.isInteger(radius) || radius < MIN_RADIUS_M || radius > MAX_RADIUS_M) {
    return { field: 'radiusM', message: `The radius must be a whole number of metres from ${MIN_RADIUS_M} to ${MAX_RADIUS_M}.` };
  }
  return null;
}
