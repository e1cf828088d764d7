import type { ThresholdKind } from '../../api/thresholds';
import type { Units } from '../../api/settings';
import { formatPaceInput, parsePace } from '../../pace';

const KG_PER_LB = 1 / 2.2046226218;

/** The unit a threshold is typed in. */
export function thresholdUnit(kind: ThresholdKind, units: Units): string {
  switch (kind) {
    case 'ftp':
      return 'W';
    case 'threshold_pace':
      return units === 'imperial' ? 'min:s per mile' : 'min:s per km';
    case 'weight':
      return units === 'imperial' ? 'lb' : 'kg';
    default:
      return 'bpm';
  }
}

/** A stored value as the form shows it: pace as m:ss per km or mile, weight in kg or lb. */
export function shownValue(kind: ThresholdKind, value: number, units: Units): string {
  if (kind === 'threshold_pace') return formatPaceInput(value, units);
  if (kind === 'weight') return units === 'imperial' ? String(Math.round((value / KG_PER_LB) * 10) / 10) : String(value);
  return String(value);
}

/** What the athlete typed as the stored value (W, bpm, s per km, kg), or why it cannot be read. */
export function storedValue(kind: ThresholdKind, text: string, units: Units): { value: number } | { error: string } {
  const t = text.trim();
  if (t === '') return { error: 'Enter a value.' };
  if (kind === 'threshold_pace') {
    const pace = parsePace(t, units);
    return 'error' in pace ? pace : { value: pace.secondsPerKm };
  }
  const n = Number(t.replace(',', '.'));
  if (!Number.isFinite(n) || n <= 0) return { error: 'Enter a positive number.' };
  if (kind === 'weight') return { value: Math.round((units === 'imperial' ? n * KG_PER_LB : n) * 10) / 10 };
  return { value: Math.round(n) };
}

/** A YYYY-MM-DD date that exists. */
export function validDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

/** The form field a server error names ("validFrom", "value", "kind"); a 409 is about the date. */
export function errorField(status: number, field: string | null): 'kind' | 'validFrom' | 'value' | null {
  if (status === 409) return 'validFrom';
  if (field === 'kind' || field === 'validFrom' || field === 'value') return field;
  if (field === 'valid_from' || field === 'date') return 'validFrom';
  return null;
}
