import type { Profile } from '../../api/settings';

export type NumField = 'birthYear' | 'weightKg' | 'heightCm' | 'maxHr' | 'restingHr' | 'lthr' | 'ftpWatts' | 'thresholdPaceSPerKm' | 'vo2max';

export interface FieldSpec {
  key: NumField;
  label: string;
  unit: string;
  min: number;
  max: number;
  step: number;
}

export function fieldSpecs(now = new Date()): FieldSpec[] {
  return [
    { key: 'birthYear', label: 'Birth year', unit: '', min: 1900, max: now.getFullYear() - 5, step: 1 },
    { key: 'weightKg', label: 'Weight', unit: 'kg', min: 20, max: 350, step: 0.1 },
    { key: 'heightCm', label: 'Height', unit: 'cm', min: 80, max: 260, step: 1 },
    { key: 'maxHr', label: 'Max heart rate', unit: 'bpm', min: 100, max: 230, step: 1 },
    { key: 'restingHr', label: 'Resting heart rate', unit: 'bpm', min: 25, max: 120, step: 1 },
    { key: 'lthr', label: 'Threshold heart rate (LTHR)', unit: 'bpm', min: 80, max: 220, step: 1 },
    { key: 'ftpWatts', label: 'FTP', unit: 'W', min: 50, max: 600, step: 1 },
    { key: 'thresholdPaceSPerKm', label: 'Threshold pace', unit: 's/km', min: 120, max: 900, step: 1 },
    { key: 'vo2max', label: 'VO₂max', unit: 'ml/kg/min', min: 20, max: 100, step: 0.1 },
  ];
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

export function toDraft(p: Profile): ProfileDraft {
  const nums = {} as Record<NumField, string | number | null>;
  for (const s of fieldSpecs()) nums[s.key] = p[s.key] == null ? '' : String(p[s.key]);
  return {
    sex: p.sex ?? '',
    units: p.units,
    timeZone: p.timeZone,
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
  for (const s of fieldSpecs(now)) {
    const raw = String(d.nums[s.key] ?? '').trim();
    if (raw === '') continue;
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
  for (const s of fieldSpecs()) {
    const raw = String(d.nums[s.key] ?? '').trim();
    body[s.key] = raw === '' ? null : Number(raw);
  }
  return body;
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
