/**
 * Time in zones as shares of the total, and the split below / at / above threshold by zone index: zones 1–3 are
 * below, zone 4 is at, zone 5 and up are above (the same rule for power and heart rate).
 */
export interface ZoneSplit {
  total: number;
  shares: number[];
  below: number;
  at: number;
  above: number;
}

export function zoneSplit(seconds: number[] | null | undefined): ZoneSplit | null {
  if (!seconds || seconds.length === 0) return null;
  const total = seconds.reduce((a, b) => a + (Number.isFinite(b) ? b : 0), 0);
  if (total <= 0) return null;
  const sum = (from: number, to: number) => seconds.slice(from, to).reduce((a, b) => a + (Number.isFinite(b) ? b : 0), 0);
  return {
    total,
    shares: seconds.map((s) => (Number.isFinite(s) ? s / total : 0)),
    below: sum(0, 3) / total,
    at: sum(3, 4) / total,
    above: sum(4, seconds.length) / total,
  };
}

/** Coggan's power levels, as the server names them in /api/analysis/zones. */
export const POWER_ZONE_NAMES = ['Active recovery', 'Endurance', 'Tempo', 'Threshold', 'VO2max', 'Anaerobic', 'Neuromuscular'];
export const HR_ZONE_NAMES = ['Recovery', 'Aerobic', 'Tempo', 'Threshold', 'Above threshold'];
/** Friel's run pace zones. */
export const PACE_ZONE_NAMES = ['Recovery', 'Aerobic', 'Tempo', 'Threshold', 'Above threshold', 'Anaerobic', 'Sprint'];

/** A pace zone: from its slowest pace to the next zone's (s/km); null where the zone has no such end. */
export interface PaceZoneRow {
  zone: number;
  name: string;
  slowest: number | null;
  fastest: number | null;
  seconds: number;
  share: number;
}

/** Rows for a pace zone table from each zone's slowest pace (null for Z1) and the seconds in each. */
export function paceZoneRows(bounds: (number | null)[], seconds: number[]): PaceZoneRow[] {
  const total = seconds.reduce((a, b) => a + b, 0);
  return seconds.map((s, i) => ({
    zone: i + 1,
    name: PACE_ZONE_NAMES[i] ?? `Zone ${i + 1}`,
    slowest: bounds[i] ?? null,
    fastest: i + 1 < bounds.length ? (bounds[i + 1] ?? null) : null,
    seconds: s,
    share: total > 0 ? s / total : 0,
  }));
}

export interface ZoneRow {
  zone: number;
  name: string;
  /** Lower bound (inclusive) and upper bound (exclusive), null for the top zone. */
  low: number;
  high: number | null;
  seconds: number;
  share: number;
}

/** Rows for a zone table from the zones' lower bounds and the seconds in each. */
export function zoneRows(bounds: number[], seconds: number[], names: string[]): ZoneRow[] {
  const total = seconds.reduce((a, b) => a + b, 0);
  return seconds.map((s, i) => ({
    zone: i + 1,
    name: names[i] ?? `Zone ${i + 1}`,
    low: Math.round(bounds[i] ?? 0),
    high: i + 1 < bounds.length ? Math.round(bounds[i + 1]) : null,
    seconds: s,
    share: total > 0 ? s / total : 0,
  }));
}
