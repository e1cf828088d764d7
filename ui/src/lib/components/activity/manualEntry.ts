import type { ManualActivity } from '../../api/activities';
import type { Units } from '../../api/settings';
import { distanceUnit, formatNumber, metersPerDistanceUnit } from '../../format';
import { familyOf, isSportType } from '../../sportTypes';

/** The form's inputs, as typed. */
export interface ManualDraft {
  sportType: string;
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM */
  time: string;
  /** h:mm:ss or m:ss */
  duration: string;
  /** In the athlete's unit (km or mi; a swim's m or yd); empty when not measured. */
  distance: string;
  /** "1".."10" or "" */
  rpe: string;
  name: string;
  notes: string;
}

export type ManualField = keyof ManualDraft;
export type ManualErrors = Partial<Record<ManualField, string>>;

/** The server's limits (ManualActivityRequest): keep them in step. */
export const MIN_DURATION_S = 60;
export const MAX_DURATION_S = 48 * 3600;
export const MAX_DISTANCE_M = 1_000_000;
export const MAX_NAME = 200;
export const MAX_NOTES = 2000;
export const EARLIEST_DATE = '1970-01-01';

/** "1:05:30" → 3930, "45:00" → 2700; null when it is not h:mm:ss or m:ss. */
export function parseDuration(text: string): number | null {
  const m = /^\s*(?:(\d{1,2}):)?(\d{1,3}):(\d{2})\s*$/.exec(text);
  if (!m) return null;
  const [h, min, s] = [Number(m[1] ?? 0), Number(m[2]), Number(m[3])];
  if (s > 59 || (m[1] !== undefined && min > 59)) return null;
  return h * 3600 + min * 60 + s;
}

/** The wall-clock date and time now in a time zone, as "YYYY-MM-DDTHH:MM" (the browser's zone when none). */
export function localNow(timeZone: string | null | undefined, now: Date = new Date()): string {
  try {
    const parts = new Intl.DateTimeFormat('en-CA', {
      timeZone: timeZone || undefined,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(now);
    const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
    return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
  } catch {
    return localNow(null, now);
  }
}

/** A new entry: a run that started on the hour, an hour or so ago. */
export function emptyDraft(nowLocal: string): ManualDraft {
  const start = plusMinutes(nowLocal, -60);
  return {
    sportType: 'Run',
    date: start.slice(0, 10),
    time: `${start.slice(11, 13)}:00`,
    duration: '',
    distance: '',
    rpe: '',
    name: '',
    notes: '',
  };
}

export function plusMinutes(local: string, minutes: number): string {
  const d = new Date(`${local}:00Z`);
  d.setUTCMinutes(d.getUTCMinutes() + minutes);
  return d.toISOString().slice(0, 16);
}

/**
 * The server's rules, checked before sending: a known sport, a start from 1970 on and not more than an hour ahead
 * of now in the athlete's zone, 1 minute to 48 hours, a distance up to 1,000 km, RPE 1–10, name and notes not too long.
 */
export function validateManual(
  d: ManualDraft,
  units: Units,
  nowLocal: string,
): { errors: ManualErrors; body: ManualActivity | null } {
  const errors: ManualErrors = {};
  if (!isSportType(d.sportType)) errors.sportType = 'Choose a sport.';

  if (!/^\d{4}-\d{2}-\d{2}$/.test(d.date)) errors.date = 'Enter the date.';
  else if (d.date < EARLIEST_DATE) errors.date = 'Enter a date from 1970 on.';
  if (!/^\d{2}:\d{2}$/.test(d.time)) errors.time = 'Enter the start time.';
  const startLocal = `${d.date}T${d.time}`;
  if (!errors.date && !errors.time && startLocal > plusMinutes(nowLocal, 60)) {
    errors.date = 'A session cannot start in the future.';
  }

  const durationS = parseDuration(d.duration);
  if (d.duration.trim() === '') errors.duration = 'Enter how long it took, as h:mm:ss.';
  else if (durationS === null) errors.duration = 'Write the duration as h:mm:ss, e.g. 1:05:00.';
  else if (durationS < MIN_DURATION_S) errors.duration = 'At least one minute.';
  else if (durationS > MAX_DURATION_S) errors.duration = 'At most 48 hours.';

  let distanceM: number | null = null;
  if (d.distance.trim() !== '') {
    const n = Number(d.distance.replace(',', '.'));
    const family = familyOf(d.sportType);
    const factor = metersPerDistanceUnit(units, family);
    if (!Number.isFinite(n) || n < 0) errors.distance = 'Enter a distance of 0 or more.';
    else if (n * factor > MAX_DISTANCE_M) {
      errors.distance = `At most ${formatNumber(Math.floor(MAX_DISTANCE_M / factor))} ${distanceUnit(units, family)}.`;
    }
    else distanceM = Math.round(n * factor * 10) / 10;
  }

  const rpe = d.rpe === '' ? null : Number(d.rpe);
  if (rpe !== null && !(Number.isInteger(rpe) && rpe >= 1 && rpe <= 10)) errors.rpe = 'Choose 1 to 10.';
  if (d.name.length > MAX_NAME) errors.name = `At most ${MAX_NAME} characters.`;
  if (d.notes.length > MAX_NOTES) errors.notes = `At most ${MAX_NOTES} characters.`;

  if (Object.keys(errors).length > 0) return { errors, body: null };
  return {
    errors,
    body: {
      sportType: d.sportType,
      startLocal,
      durationS: durationS!,
      distanceM,
      rpe,
      name: d.name.trim() || null,
      notes: d.notes.trim() || null,
    },
  };
}

/** Which input a server error (`error.field`) belongs to. */
export function manualFieldOf(field: string | null): ManualField | null {
  switch (field) {
    case 'sportType':
    case 'name':
    case 'notes':
    case 'rpe':
      return field;
    case 'startLocal':
    case 'timeZone':
      return 'date';
    case 'durationS':
      return 'duration';
    case 'distanceM':
      return 'distance';
    default:
      return null;
  }
}
