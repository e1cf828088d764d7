/**
 * Pace as the athlete types it: m:ss per km (metric) or per mile (imperial). FitCoach stores whole seconds per km,
 * so every form that takes a pace reads and shows it through these two functions.
 */
import type { Units } from './api/settings';

const KM_PER_MILE = 1.609344;

/** "per km" or "per mile": the distance a typed pace counts. */
export function paceDistance(units: Units): string {
  return units === 'imperial' ? 'per mile' : 'per km';
}

/** Whole seconds per km as m:ss per km or per mile: 245 → "4:05" (metric), "6:34" (imperial). */
export function formatPaceInput(secondsPerKm: number, units: Units): string {
  const total = Math.round(units === 'imperial' ? secondsPerKm * KM_PER_MILE : secondsPerKm);
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}

/**
 * What the athlete typed ("4:05", "12:30") as whole seconds per km, or a sentence saying why it cannot be read.
 * With `range` (seconds per km), a pace outside it is refused, the bounds shown in the athlete's units.
 */
export function parsePace(
  text: string,
  units: Units,
  range?: { min: number; max: number },
): { secondsPerKm: number } | { error: string } {
  const t = text.trim();
  const per = paceDistance(units);
  if (t === '') return { error: `Enter the pace as minutes:seconds ${per}, e.g. 4:30.` };
  const m = /^(\d{1,2}):([0-5]\d)$/.exec(t);
  if (!m) return { error: `Enter the pace as minutes:seconds ${per}, e.g. 4:30.` };
  const perUnit = Number(m[1]) * 60 + Number(m[2]);
  const secondsPerKm = Math.round(units === 'imperial' ? perUnit / KM_PER_MILE : perUnit);
  if (perUnit === 0) return { error: 'A pace must be more than 0:00.' };
  if (range && (secondsPerKm < range.min || secondsPerKm > range.max)) {
    return { error: `Pace must be between ${paceBound(range.min, units, 'up')} and ${paceBound(range.max, units, 'down')} ${per}.` };
  }
  return { secondsPerKm };
}

/** A bound of the stored range in the athlete's units, rounded inwards so that typing it is accepted. */
function paceBound(secondsPerKm: number, units: Units, toward: 'up' | 'down'): string {
  if (units === 'metric') return formatPaceInput(secondsPerKm, units);
  // The fastest (or slowest) whole-second pace per mile that is stored inside the range.
  const shown = secondsPerKm * KM_PER_MILE;
  let s = toward === 'up' ? Math.floor(shown) - 2 : Math.ceil(shown) + 2;
  if (toward === 'up') while (Math.round(s / KM_PER_MILE) < secondsPerKm) s++;
  else while (Math.round(s / KM_PER_MILE) > secondsPerKm) s--;
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
