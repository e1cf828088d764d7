/**
 * The legs of a multisport activity (a triathlon: swim, T1, bike, T2, run) as rows of a table. Transitions are
 * numbered T1, T2, … so they read as changeovers in words, not only by the row's styling.
 */
import type { ActivityLeg } from './api/activities';
import type { Units } from './api/settings';
import { DASH, formatDistance, formatNumber, sportLabel } from './format';

export interface LegRow {
  /** Unique within the activity, for keyed lists. */
  key: string;
  sport: string;
  family: string;
  transition: boolean;
  start: string;
  time: string;
  distance: string;
  avgHr: string;
  avgPower: string;
}

export function isTransition(leg: Pick<ActivityLeg, 'sportType' | 'sportFamily'>): boolean {
  return leg.sportFamily === 'transition' || leg.sportType === 'Transition';
}

/** "0:00:00", "1:02:03": always with hours, as a race clock reads. */
export function formatOffset(seconds: number | null | undefined): string {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0) return DASH;
  const total = Math.round(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

/** The table rows of the legs, in order. */
export function legRows(legs: readonly ActivityLeg[], units: Units = 'metric'): LegRow[] {
  let transitions = 0;
  return legs.map((leg, i) => {
    const transition = isTransition(leg);
    return {
      key: `${i}-${leg.sportType}`,
      sport: transition ? `Transition T${++transitions}` : sportLabel(leg.sportType),
      family: transition ? 'transition' : leg.sportFamily,
      transition,
      start: formatOffset(leg.startOffsetS),
      time: formatOffset(leg.elapsedTimeS ?? leg.movingTimeS),
      // No distance (a swim without GPS, a changeover the device did not measure) is a dash, not "0.00 km".
      distance: leg.distanceM ? formatDistance(leg.distanceM, units, leg.sportFamily) : DASH,
      avgHr: formatNumber(leg.avgHr),
      avgPower: formatNumber(leg.avgPowerW),
    };
  });
}
