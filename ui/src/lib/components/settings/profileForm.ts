import type { Profile, Units } from '../../api/settings';
import { formatPaceInput, parsePace } from '../../pace';

export type NumField = 'birthYear' | 'weightKg' | 'heightCm' | 'maxHr' | 'restingHr' | 'lthr' | 'ftpWatts' | 'thresholdPaceSPerKm' | 'vo2max';

export interface FieldSpec {
  key: NumField;
  label: string;
  unit: string;
  min: number;
  max: number;
  step: number;
  /** The value shown is the stored (metric) value times this. */
  factor: number;
  /** Decimals kept when a shown value is turned back into the stored one. */
  storedDecimals: number;
  /** Typed as m:ss per km or per mile (stored as seconds per km, min and max in those) rather than as a number. */
  pace?: true;
}

/** The stored range of threshold pace, seconds per km (the server's). */
const PACE_RANGE = { min: 120, max: 900 };

/** Fields shown differently in imperial units; the profile itself always stores metric values. */
const IMPERIAL: Partial<Record<NumField, { unit: string; factor: number; step: number }>> = {
  weightKg: { unit: 'lb', factor: 2.2046226218, step: 0.1 },
  heightCm: { unit: 'in', factor: 1 / 2.54, step: 0.1 },
};

export function fieldSpecs(now = new Date(), units: Units = 'metric'): FieldSpec[] {
  const metric: FieldSpec[] = [
    { key: 'birthYear', label: 'Birth year', unit: '', min: 1900, max: now.getFullYear() - 5, step: 1, factor: 1, storedDecimals: 0 },
    { key: 'weightKg', label: 'Weight', unit: 'kg', min: 20, max: 350, step: 0.1, factor: 1, storedDecimals: 1 },
    { key: 'heightCm', label: 'Height', unit: 'cm', min: 80, max: 260, step: 1, factor: 1, storedDecimals: 1 },
    { key: 'maxHr', label: 'Max heart rate', unit: 'bpm', min: 100, max: 230, step: 1, factor: 1, storedDecimals: 0 },
    { key: 'restingHr', label: 'Resting heart rate', unit: 'bpm', min: 25, max: 120, step: 1, factor: 1, storedDecimals: 0 },
    { key: 'lthr', label: 'Threshold heart rate (LTHR)', unit: 'bpm', min: 80, max: 220, step: 1, factor: 1, storedDecimals: 0 },
    { key: 'ftpWatts', label: 'FTP', unit: 'W', min: 50, max: 600, step: 1, factor: 1, storedDecimals: 0 },
    { key: 'thresholdPaceSPerKm', label: 'Threshold pace', unit: 'min:s per km', ...PACE_RANGE, step: 1, factor: 1, storedDecimals: 0, pace: true },
    { key: 'vo2max', label: 'VO₂max', unit: 'ml/kg/min', min: 20, max: 100, step: 0.1, factor: 1, storedDecimals: 1 },
  ];
  if (units === 'metric') return metric;
  return metric.map((s) => {
    if (s.pace) return { ...s, unit: 'min:s per mile' };
    const i = IMPERIAL[s.key];
    if (!i) return s;
    // The shown range stays inside the stored one after rounding to the step.
    const per = 1 / i.step;
    return { ...s, unit: i.unit, step: i.step, factor: i.factor,
      min: Math.ceil(s.min * i.factor * per) / per, max: Math.floor(s.max * i.factor * per) / per };
  });
}

function round(n: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(n * f) / f;
}

function decimalsOf(step: number): number {
  return step >= 1 ? 0 : Math.round(-Math.log10(step));
}

/** The range a field takes, in the units it is typed in: "20–350", "2:00–15:00". */
export function rangeText(s: FieldSpec, units: Units): string {
  if (!s.pace) return `${s.min}–${s.max}`;
  return `${formatPaceInput(s.min, units)}–${formatPaceInput(s.max, units)}`;
}

/** A stored (metric) value as the form shows it. */
function shown(stored: number, s: FieldSpec, units: Units): string {
  if (s.pace) return formatPaceInput(stored, units);
  return String(s.factor === 1 ? stored : round(stored * s.factor, decimalsOf(s.step)));
}

/** A value typed in the form as the profile stores it. */
function stored(typed: number, s: FieldSpec): number {
  return s.factor === 1 ? typed : round(typed / s.factor, s.storedDecimals);
}

/** The form's text inputs: numbers as strings so an empty box means "not set". */
export interface ProfileDraft {
  sex: '' | 'male' | 'female' | 'other';
  units: 'metric' | 'imperial';
  timeZone: string;
  goals: string;
  preferences: string;
  /** Number inputs bind numbers (or null when empty); strings from toDraft. */
  nums: Record<NumField, string | number | null>;
}

/**
 * The form's draft of a profile. A profile never saved (no updatedAt) has the server's default zone, UTC, rather than
 * one the athlete chose: the draft offers the browser's zone instead (`browserZone`), saved with the rest.
 */
export function toDraft(p: Profile, browserZone: string | null = null): ProfileDraft {
  const nums = {} as Record<NumField, string | number | null>;
  for (const s of fieldSpecs(new Date(), p.units)) {
    const v = p[s.key];
    nums[s.key] = v == null ? '' : shown(v, s, p.units);
  }
  return {
    sex: p.sex ?? '',
    units: p.units,
    timeZone: p.updatedAt == null && browserZone ? browserZone : p.timeZone,
    goals: p.goals ?? '',
    preferences: p.preferences ?? '',
    nums,
  };
}

export const TEXT_MAX = 1000;

/** Field → sentence for every problem; empty when the draft can be saved. */
export function validate(d: ProfileDraft, now = new Date()): Partial<Record<NumField | 'goals' | 'preferences' | 'timeZone', string>> {
  const errors: Partial<Record<NumField | 'goals' | 'preferences' | 'timeZone', string>> = {};
  const val: Partial<Record<NumField, number>> = {};
  for (const s of fieldSpecs(now, d.units)) {
    const raw = String(d.nums[s.key] ?? '').trim();
    if (raw === '') continue;
    if (s.pace) {
      const pace = parsePace(raw, d.units, PACE_RANGE);
      if ('error' in pace) errors[s.key] = pace.error;
      continue;
    }
    const n = Number(raw);
    if (!Number.isFinite(n)) errors[s.key] = `${s.label} must be a number.`;
    else if (n < s.min || n > s.max) errors[s.key] = `${s.label} must be between ${s.min} and ${s.max}${s.unit ? ' ' + s.unit : ''}.`;
    else val[s.key] = n;
  }
  if (val.restingHr != null && val.maxHr != null && val.restingHr >= val.maxHr && !errors.restingHr) {
    errors.restingHr = 'Resting heart rate must be below max heart rate.';
  }
  if (val.lthr != null && !errors.lthr) {
    if ((val.restingHr != null && val.lthr <= val.restingHr) || (val.maxHr != null && val.lthr >= val.maxHr)) {
      errors.lthr = 'Threshold heart rate must be between resting and max heart rate.';
    }
  }
  if (d.goals.length > TEXT_MAX) errors.goals = `Goals can be at most ${TEXT_MAX} characters.`;
  if (d.preferences.length > TEXT_MAX) errors.preferences = `Preferences can be at most ${TEXT_MAX} characters.`;
  if (!d.timeZone) errors.timeZone = 'Choose a time zone.';
  return errors;
}

/** The PUT body: every field (empty clears to null). */
export function toUpdate(d: ProfileDraft): Partial<Omit<Profile, 'updatedAt'>> {
  const body: Partial<Omit<Profile, 'updatedAt'>> = {
    sex: d.sex === '' ? null : d.sex,
    units: d.units,
    timeZone: d.timeZone,
    goals: d.goals.trim() === '' ? null : d.goals,
    preferences: d.preferences.trim() === '' ? null : d.preferences,
  };
  for (const s of fieldSpecs(new Date(), d.units)) {
    const raw = String(d.nums[s.key] ?? '').trim();
    if (raw === '') body[s.key] = null;
    else if (s.pace) {
      const pace = parsePace(raw, d.units);
      body[s.key] = 'error' in pace ? null : pace.secondsPerKm;
    } else body[s.key] = stored(Number(raw), s);
  }
  return body;
}

/** The draft shown in other units: every typed number converted, anything unreadable left as typed. */
export function switchUnits(d: ProfileDraft, units: Units): ProfileDraft {
  if (d.units === units) return d;
  const from = fieldSpecs(new Date(), d.units);
  const to = new Map(fieldSpecs(new Date(), units).map((s) => [s.key, s]));
  const nums = { ...d.nums };
  for (const s of from) {
    const raw = String(d.nums[s.key] ?? '').trim();
    if (s.pace) {
      const pace = raw === '' ? null : parsePace(raw, d.units);
      if (pace && !('error' in pace)) nums[s.key] = formatPaceInput(pace.secondsPerKm, units);
      continue;
    }
    const n = Number(raw);
    if (raw !== '' && Number.isFinite(n) && s.factor !== to.get(s.key)!.factor) {
      const target = to.get(s.key)!;
      nums[s.key] = String(round((n / s.factor) * target.factor, decimalsOf(target.step)));
    }
  }
  return { ...d, units, nums };
}

/** IANA zones the browser knows, with the saved one kept even when missing. */
export function timeZones(current: string): string[] {
  let zones: string[] = [];
  try {
    zones = (Intl as unknown as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
  } catch {
    zones = [];
  }
  if (!zones.includes('UTC')) zones = ['UTC', ...zones];
  if (current && !zones.includes(current)) zones = [current, ...zones];
  return zones;
}
