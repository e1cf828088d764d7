/**
 * Time in heart-rate zones, from the heart-rate stream and the athlete's lactate threshold
 * heart rate (Coggan's five LTHR zones). Each sample counts for the time until the next one,
 * capped so that a pause in recording does not count as time in a zone.
 */

export interface HrZone {
  zone: number;
  name: string;
  /** Inclusive lower bound in bpm (0 for zone 1). */
  low: number;
  /** Exclusive upper bound in bpm (null for the top zone). */
  high: number | null;
  seconds: number;
  share: number;
}

export const ZONE_BOUNDS = [0.69, 0.84, 0.95, 1.06];
const NAMES = ['Recovery', 'Endurance', 'Tempo', 'Threshold', 'Above threshold'];
const MAX_GAP_S = 10;

export function hrZones(heartrate: (number | null)[], time: number[] | undefined, lthr: number): HrZone[] | null {
  if (!heartrate.length || !(lthr > 0)) return null;
  const bounds = ZONE_BOUNDS.map((b) => Math.round(b * lthr));
  const seconds = [0, 0, 0, 0, 0];
  let total = 0;
  for (let i = 0; i < heartrate.length; i++) {
    const hr = heartrate[i];
    if (hr == null || !(hr > 0)) continue;
    let dt = 1;
    if (time && time.length === heartrate.length) {
      const next = i + 1 < time.length ? time[i + 1] - time[i] : 1;
      dt = Math.min(Math.max(next, 0), MAX_GAP_S);
    }
    let z = 0;
    while (z < 4 && hr >= bounds[z]) z++;
    seconds[z] += dt;
    total += dt;
  }
  if (total === 0) return null;
  return seconds.map((s, i) => ({
    zone: i + 1,
    name: NAMES[i],
    low: i === 0 ? 0 : bounds[i - 1],
    high: i === 4 ? null : bounds[i],
    seconds: s,
    share: s / total,
  }));
}
