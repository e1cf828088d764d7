import { api, send, withQuery, type RequestOptions } from './client';

/** How hard a planned session is meant to be: RPE 1–10 or heart-rate zone 1–5. */
export interface Intensity {
  type: 'rpe' | 'hr_zone';
  value: number;
}

export type TargetType = 'ftp_percent' | 'lthr_percent' | 'hr_zone' | 'pace';

/** A step's aim as a range; pace in seconds per km, low the faster bound. */
export interface StepTarget {
  type: TargetType;
  low: number;
  high: number;
}

export type StepType = 'warmup' | 'work' | 'recovery' | 'cooldown' | 'repeat';

/**
 * One step of a structured workout. A repeat has `count` (2–50) and its own steps (no repeat inside); every other
 * step has exactly one of durationS and distanceM, and an optional target.
 */
export interface Step {
  type: StepType;
  durationS: number | null;
  distanceM: number | null;
  count: number | null;
  steps: Step[];
  target: StepTarget | null;
}

/** The activity that did a planned workout, and done against planned as ratios (null where either side is missing). */
/** The activity that did a workout; link "none" is the athlete's word that none did (activityId null, no figures). */
export interface Completion {
  activityId: string | null;
  link: 'auto' | 'manual' | 'none';
  doneDurationS: number | null;
  doneLoad: number | null;
  durationRatio: number | null;
  loadRatio: number | null;
}

export interface PlannedWorkout {
  id: string;
  date: string;
  sport: string;
  title: string;
  description: string | null;
  durationS: number | null;
  distanceM: number | null;
  intensity: Intensity | null;
  targetLoad: number | null;
  /** The server estimated targetLoad from duration and intensity. */
  targetLoadEstimated: boolean;
  steps: Step[];
  completion: Completion | null;
}

/** What is sent to create or replace a planned workout (PUT is a full replace). */
export interface WorkoutBody {
  date: string;
  sport: string;
  title: string;
  description?: string | null;
  durationS?: number | null;
  distanceM?: number | null;
  intensity?: Intensity | null;
  targetLoad?: number | null;
  steps?: Step[];
}

export type Priority = 'A' | 'B' | 'C';

export interface PlanEvent {
  id: string;
  date: string;
  name: string;
  sport: string;
  distanceM: number | null;
  priority: Priority;
}

export interface EventBody {
  date: string;
  name: string;
  sport: string;
  distanceM?: number | null;
  priority: Priority;
}

/** A done activity as the calendar lists it. */
export interface CalendarActivity {
  id: string;
  name: string | null;
  sportType: string;
  sportFamily: string;
  durationS: number | null;
  distanceM: number | null;
  load: number | null;
}

export interface CalendarDay {
  date: string;
  activities: CalendarActivity[];
  workouts: PlannedWorkout[];
  events: PlanEvent[];
}

export interface Totals {
  durationS: number;
  load: number;
}

/** A Monday-based week of the range: planned against done. */
export interface CalendarWeek {
  weekStart: string;
  planned: Totals;
  done: Totals;
}

export interface Calendar {
  from: string;
  to: string;
  /** Every day of the range, in order. */
  days: CalendarDay[];
  weeks: CalendarWeek[];
}

/** Local dates, inclusive, at most 62 days. */
export function getCalendar(from: string, to: string, options?: RequestOptions): Promise<Calendar> {
  return api.get(withQuery('/api/plan/calendar', { from, to }), options);
}

const workoutPath = (id: string) => `/api/plan/workouts/${encodeURIComponent(id)}`;
const eventPath = (id: string) => `/api/plan/events/${encodeURIComponent(id)}`;

/** 201 with the workout (targetLoad estimated when not given); 422 names the field. */
export function createWorkout(body: WorkoutBody): Promise<PlannedWorkout> {
  return api.post('/api/plan/workouts', body);
}

/** A full replace; moving a workout is this with another date. */
export function updateWorkout(id: string, body: WorkoutBody): Promise<PlannedWorkout> {
  return api.put(workoutPath(id), body);
}

/** Where a structured workout downloads as a FIT workout file for a watch or bike computer. */
export function workoutFitPath(id: string): string {
  return `${workoutPath(id)}/fit`;
}

/**
 * The FIT workout file as a Blob with the server's file name, so a refusal (422 lthr_missing: a %LTHR target with no
 * entered LTHR) arrives as an ApiError with its message instead of a broken download.
 */
export async function downloadWorkoutFit(id: string, fallbackName = 'workout.fit'): Promise<{ blob: Blob; fileName: string }> {
  const res = await send('GET', workoutFitPath(id), undefined, { accept: 'application/vnd.ant.fit, application/json' });
  const disposition = res.headers.get('Content-Disposition') ?? '';
  const named = /filename="?([^";]+)"?/i.exec(disposition)?.[1];
  return { blob: await res.blob(), fileName: named || fallbackName };
}

export function deleteWorkout(id: string): Promise<void> {
  return api.delete(workoutPath(id));
}

/** Links an activity by hand; null says no activity did it. */
export function linkWorkout(id: string, activityId: string | null): Promise<PlannedWorkout> {
  return api.put(`${workoutPath(id)}/link`, { activityId });
}

/** Back to automatic linking. */
export function unlinkWorkout(id: string): Promise<PlannedWorkout> {
  return api.delete(`${workoutPath(id)}/link`);
}

export function createEvent(body: EventBody): Promise<PlanEvent> {
  return api.post('/api/plan/events', body);
}

export function updateEvent(id: string, body: EventBody): Promise<PlanEvent> {
  return api.put(eventPath(id), body);
}

export function deleteEvent(id: string): Promise<void> {
  return api.delete(eventPath(id));
}

/**
 * A step as the server takes it: a repeat with its count and steps only, any other step with its duration, distance
 * and target only. The server answers every field of every step (nulls and empty lists included) but refuses a
 * non-repeat step that carries `steps` (even an empty list) or a repeat that carries a duration: a stored workout
 * sent back as it was read would fail.
 */
export function stepsBody(steps: Step[] | null | undefined): Step[] {
  return (steps ?? []).map((s) =>
    s.type === 'repeat'
      ? ({ type: s.type, count: s.count, steps: stepsBody(s.steps) } as Step)
      : ({ type: s.type, durationS: s.durationS ?? null, distanceM: s.distanceM ?? null, target: s.target ?? null } as Step),
  );
}

/** The body that rewrites a workout as it is (e.g. to move it to another date). */
export function bodyOf(w: PlannedWorkout, changes: Partial<WorkoutBody> = {}): WorkoutBody {
  return {
    date: w.date,
    sport: w.sport,
    title: w.title,
    description: w.description,
    durationS: w.durationS,
    distanceM: w.distanceM,
    intensity: w.intensity,
    // An estimated load is the server's: leave it out so it is estimated again for the new workout.
    targetLoad: w.targetLoadEstimated ? null : w.targetLoad,
    steps: stepsBody(w.steps),
    ...changes,
  };
}
