import type { Units } from '../../api/settings';
import { stepsBody, type PlannedWorkout, type Step, type StepTarget, type StepType, type TargetType, type WorkoutBody } from '../../api/plan';
import { formatClock, metersPerDistanceUnit, paceIn } from '../../format';
import { familyOf } from '../../sportTypes';
import { parseDuration } from '../activity/manualEntry';

/**
 * The planned-workout form as typed, and its translation to and from the API's JSON. Errors are keyed by the
 * server's field paths ("durationS", "steps[1].steps[0].target.low"), so a 422 lands on the input it names.
 */

export interface StepDraft {
  /** Stable key for the list, never sent. */
  key: number;
  type: StepType;
  /** Whether the step lasts a time or a distance (not for repeats). */
  measure: 'time' | 'distance';
  /** m:ss or h:mm:ss */
  duration: string;
  /** In the athlete's unit. */
  distance: string;
  /** Repeats only. */
  count: string;
  steps: StepDraft[];
  targetType: TargetType | '';
  /** Pace as m:ss per km or mi; other targets as numbers. */
  low: string;
  high: string;
}

export interface WorkoutDraft {
  date: string;
  sport: string;
  title: string;
  description: string;
  /** h:mm */
  duration: string;
  distance: string;
  intensityType: '' | 'rpe' | 'hr_zone';
  intensityValue: string;
  /** Blank: the server estimates it. */
  targetLoad: string;
  steps: StepDraft[];
}

export type DraftErrors = Record<string, string>;

let nextKey = 1;

export const STEP_TYPES: { value: StepType; label: string }[] = [
  { value: 'warmup', label: 'Warm-up' },
  { value: 'work', label: 'Work' },
  { value: 'recovery', label: 'Recovery' },
  { value: 'cooldown', label: 'Cool-down' },
  { value: 'repeat', label: 'Repeat' },
];

export const TARGET_TYPES: { value: TargetType; label: string }[] = [
  { value: 'ftp_percent', label: '% FTP' },
  { value: 'lthr_percent', label: '% threshold HR' },
  { value: 'hr_zone', label: 'HR zone' },
  { value: 'pace', label: 'Pace' },
];

export function newStep(type: StepType = 'work'): StepDraft {
  return {
    key: nextKey++,
    type,
    measure: 'time',
    duration: type === 'repeat' ? '' : '5:00',
    distance: '',
    count: type === 'repeat' ? '4' : '',
    steps: type === 'repeat' ? [newStep('work'), newStep('recovery')] : [],
    targetType: '',
    low: '',
    high: '',
  };
}

export function emptyWorkout(date: string, sport = 'Run'): WorkoutDraft {
  return {
    date,
    sport,
    title: '',
    description: '',
    duration: '',
    distance: '',
    intensityType: '',
    intensityValue: '',
    targetLoad: '',
    steps: [],
  };
}

/** "1:30" → 5400, "45" (minutes) → 2700; null when it is neither. */
export function parseHoursMinutes(text: string): number | null {
  const t = text.trim();
  if (/^\d{1,4}$/.test(t)) return Number(t) * 60;
  const m = /^(\d{1,2}):(\d{2})$/.exec(t);
  if (!m || Number(m[2]) > 59) return null;
  return Number(m[1]) * 3600 + Number(m[2]) * 60;
}

/** 5400 → "1:30". */
export function formatHoursMinutes(seconds: number): string {
  const minutes = Math.round(seconds / 60);
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

/** A step's time: m:ss, h:mm:ss, or bare minutes. */
function parseStepDuration(text: string): number | null {
  const t = text.trim();
  if (/^\d{1,3}$/.test(t)) return Number(t) * 60;
  return parseDuration(t);
}

function parseNumber(text: string): number | null {
  const t = text.trim().replace(',', '.');
  if (t === '') return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/** Seconds per km of a pace typed per the athlete's unit (m:ss). */
function parsePace(text: string, units: Units, family: string): number | null {
  const s = parseDuration(text);
  if (s === null || s <= 0) return null;
  return Math.round((s / paceIn(1, units, family)) * 10) / 10;
}

function formatPaceValue(secondsPerKm: number, units: Units, family: string): string {
  return formatClock(paceIn(secondsPerKm, units, family));
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

interface Context {
  units: Units;
  family: string;
  errors: DraftErrors;
}

function stepBody(d: StepDraft, path: string, ctx: Context, inRepeat: boolean): Step {
  const { errors } = ctx;
  if (d.type === 'repeat') {
    const count = parseNumber(d.count);
    if (inRepeat) errors[`${path}.type`] = 'A repeat cannot hold another repeat.';
    if (count === null || !Number.isInteger(count) || count < 2 || count > 50) errors[`${path}.count`] = 'Repeat 2 to 50 times.';
    if (d.steps.length === 0) errors[`${path}.steps`] = 'Add a step to repeat.';
    return {
      type: 'repeat',
      durationS: null,
      distanceM: null,
      count: count ?? 0,
      steps: d.steps.map((s, i) => stepBody(s, `${path}.steps[${i}]`, ctx, true)),
      target: null,
    };
  }
  let durationS: number | null = null;
  let distanceM: number | null = null;
  if (d.measure === 'time') {
    durationS = parseStepDuration(d.duration);
    if (durationS === null || durationS <= 0) errors[`${path}.durationS`] = 'Enter a time as m:ss.';
  } else {
    const n = parseNumber(d.distance);
    if (n === null || n <= 0) errors[`${path}.distanceM`] = 'Enter a distance above 0.';
    else distanceM = round1(n * metersPerDistanceUnit(ctx.units, ctx.family));
  }
  let target: StepTarget | null = null;
  if (d.targetType !== '') {
    const read = (text: string) =>
      d.targetType === 'pace' ? parsePace(text, ctx.units, ctx.family) : parseNumber(text);
    const low = read(d.low);
    // One value is a single target (one zone, one pace).
    const high = d.high.trim() === '' ? low : read(d.high);
    const hint = d.targetType === 'pace' ? 'Enter a pace as m:ss.' : 'Enter a number.';
    if (low === null) errors[`${path}.target.low`] = hint;
    if (high === null) errors[`${path}.target.high`] = hint;
    if (low !== null && high !== null) target = { type: d.targetType, low: Math.min(low, high), high: Math.max(low, high) };
  }
  return { type: d.type, durationS, distanceM, count: null, steps: [], target };
}

/** The body to send, or the errors found first (keyed by the server's field paths). */
export function workoutBody(d: WorkoutDraft, units: Units): { errors: DraftErrors; body: WorkoutBody | null } {
  const errors: DraftErrors = {};
  const family = familyOf(d.sport);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d.date)) errors.date = 'Enter the date.';
  if (d.sport === '') errors.sport = 'Choose a sport.';
  if (d.title.trim() === '') errors.title = 'Give the workout a title.';

  let durationS: number | null = null;
  if (d.duration.trim() !== '') {
    durationS = parseHoursMinutes(d.duration);
    if (durationS === null || durationS <= 0) errors.durationS = 'Write the duration as h:mm, e.g. 1:15.';
  }
  let distanceM: number | null = null;
  if (d.distance.trim() !== '') {
    const n = parseNumber(d.distance);
    if (n === null || n <= 0) errors.distanceM = 'Enter a distance above 0.';
    else distanceM = round1(n * metersPerDistanceUnit(units, family));
  }
  let intensity: WorkoutBody['intensity'] = null;
  if (d.intensityType !== '') {
    const v = parseNumber(d.intensityValue);
    const max = d.intensityType === 'rpe' ? 10 : 5;
    if (v === null || !Number.isInteger(v) || v < 1 || v > max) errors.intensity = `Choose 1 to ${max}.`;
    else intensity = { type: d.intensityType, value: v };
  }
  let targetLoad: number | null = null;
  if (d.targetLoad.trim() !== '') {
    targetLoad = parseNumber(d.targetLoad);
    if (targetLoad === null || targetLoad < 0) errors.targetLoad = 'Enter a load of 0 or more, or leave it blank.';
  }
  const ctx: Context = { units, family, errors };
  const steps = d.steps.map((s, i) => stepBody(s, `steps[${i}]`, ctx, false));
  // Left blank, the duration (or distance) is the steps' total, when they all last a time (or all a distance).
  if (durationS === null && distanceM === null && !errors.durationS && !errors.distanceM) {
    const flat = steps.flatMap((s) => (s.type === 'repeat' ? s.steps.map((c) => ({ ...c, times: s.count ?? 0 })) : [{ ...s, times: 1 }]));
    if (flat.length > 0 && flat.every((s) => s.durationS != null)) durationS = flat.reduce((t, s) => t + s.durationS! * s.times, 0);
    else if (flat.length > 0 && flat.every((s) => s.distanceM != null)) distanceM = round1(flat.reduce((t, s) => t + s.distanceM! * s.times, 0));
    else errors.durationS = 'Enter a duration or a distance.';
  }
  if (Object.keys(errors).length > 0) return { errors, body: null };
  return {
    errors,
    body: {
      date: d.date,
      sport: d.sport,
      title: d.title.trim(),
      description: d.description.trim() || null,
      durationS,
      distanceM,
      intensity,
      targetLoad,
      steps: stepsBody(steps),
    },
  };
}

function stepDraft(s: Step, units: Units, family: string): StepDraft {
  const value = (v: number) =>
    s.target?.type === 'pace' ? formatPaceValue(v, units, family) : String(v);
  return {
    key: nextKey++,
    type: s.type,
    measure: s.distanceM != null ? 'distance' : 'time',
    duration: s.durationS != null ? formatClock(s.durationS) : '',
    distance: s.distanceM != null ? String(round2(s.distanceM / metersPerDistanceUnit(units, family))) : '',
    count: s.count != null ? String(s.count) : '',
    steps: (s.steps ?? []).map((c) => stepDraft(c, units, family)),
    targetType: s.target?.type ?? '',
    low: s.target ? value(s.target.low) : '',
    high: s.target ? value(s.target.high) : '',
  };
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/** The form filled with a stored workout. An estimated load is left blank, so it is estimated again. */
export function draftOf(w: PlannedWorkout, units: Units): WorkoutDraft {
  const family = familyOf(w.sport);
  return {
    date: w.date,
    sport: w.sport,
    title: w.title,
    description: w.description ?? '',
    duration: w.durationS != null ? formatHoursMinutes(w.durationS) : '',
    distance: w.distanceM != null ? String(round2(w.distanceM / metersPerDistanceUnit(units, family))) : '',
    intensityType: w.intensity?.type ?? '',
    intensityValue: w.intensity ? String(w.intensity.value) : '',
    targetLoad: w.targetLoad != null && !w.targetLoadEstimated ? String(w.targetLoad) : '',
    steps: (w.steps ?? []).map((s) => stepDraft(s, units, family)),
  };
}

const TOP_FIELDS: Record<string, string> = {
  date: 'date',
  sport: 'sport',
  title: 'title',
  description: 'description',
  durationS: 'durationS',
  distanceM: 'distanceM',
  intensity: 'intensity',
  'intensity.type': 'intensity',
  'intensity.value': 'intensity',
  targetLoad: 'targetLoad',
};

/**
 * The error key a server field belongs to: a top-level input, a step's own input ("steps[1].steps[0].target.low"),
 * or the step itself when the path names something inside it the form has no input for. Null: no field, shown
 * for the whole form.
 */
export function errorKeyOf(field: string | null): string | null {
  if (!field) return null;
  if (TOP_FIELDS[field]) return TOP_FIELDS[field];
  const m = /^((?:steps\[\d+\])(?:\.steps\[\d+\])?)(?:\.(.*))?$/.exec(field);
  if (!m) return field === 'steps' ? 'steps' : null;
  const [, step, rest] = m;
  const known = ['durationS', 'distanceM', 'count', 'type', 'steps', 'target.low', 'target.high', 'target.type'];
  if (rest && known.includes(rest)) return `${step}.${rest === 'target.type' ? 'target.low' : rest}`;
  if (rest === 'target') return `${step}.target.low`;
  return `${step}.type`;
}
