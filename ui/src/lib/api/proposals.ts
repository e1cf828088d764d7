import { api } from './client';
import type { PlannedWorkout, Step, WorkoutBody } from './plan';

/**
 * The coach's propose_plan draft as the engine reads it: each session's load, the weekly totals and the projected form,
 * all computed by the server (never the model's own numbers). Nothing is stored until the athlete adds it.
 */
export interface ProposedSession {
  date: string;
  sport: string;
  title: string;
  description: string | null;
  durationS: number | null;
  targetLoad: number | null;
  targetLoadEstimated: boolean;
  /** What the load stands on ("RPE 6"). */
  loadBasis: string | null;
  steps: Step[];
}

export interface ProposedWeek {
  weekStart: string;
  sessions: number;
  durationS: number;
  load: number;
}

export interface ProjectedDay {
  date: string;
  fitness: number;
  fatigue: number;
  form: number;
}

export interface Proposal {
  start: string | null;
  sessions: ProposedSession[];
  weeks: ProposedWeek[];
  /** Form, fitness and fatigue on the proposal's last day, with the plan already on the calendar. */
  last: ProjectedDay | null;
  note: string | null;
  /** The exact bodies for POST /api/plan/workouts/batch: adding stores what was shown. */
  workouts: WorkoutBody[];
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | null => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : null);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : null);

function day(v: unknown): ProjectedDay | null {
  const o = obj(v);
  const date = str(o?.date);
  const form = num(o?.form);
  if (!o || !date || form === null) return null;
  return { date, form, fitness: num(o.fitness) ?? Number.NaN, fatigue: num(o.fatigue) ?? Number.NaN };
}

/**
 * Reads the server's answer without trusting its shape: the projection's last day may come as `projection.last`, a
 * top-level `last`, or the last of the projected days; malformed sessions are left out rather than shown wrong.
 */
export function readProposal(raw: unknown): Proposal {
  const o = obj(raw) ?? {};
  const sessions: ProposedSession[] = [];
  for (const s of arr(o.sessions)) {
    const x = obj(s);
    const date = str(x?.date);
    if (!x || !date) continue;
    sessions.push({
      date,
      sport: str(x.sport) ?? '',
      title: str(x.title) ?? '',
      description: str(x.description),
      durationS: num(x.durationS),
      targetLoad: num(x.targetLoad),
      targetLoadEstimated: x.targetLoadEstimated === true,
      loadBasis: str(x.loadBasis),
      steps: arr(x.steps) as Step[],
    });
  }
  const weeks: ProposedWeek[] = [];
  for (const w of arr(o.weeks)) {
    const x = obj(w);
    const weekStart = str(x?.weekStart);
    if (!x || !weekStart) continue;
    weeks.push({ weekStart, sessions: num(x.sessions) ?? 0, durationS: num(x.durationS) ?? 0, load: num(x.load) ?? 0 });
  }
  const projection = obj(o.projection);
  const days = Array.isArray(o.projection) ? o.projection : arr(projection?.days);
  const last = day(projection?.last) ?? day(o.last) ?? day(days.at(-1));
  return {
    start: str(o.start),
    sessions,
    weeks,
    last,
    note: str(o.note),
    workouts: arr(o.workouts).filter((w) => obj(w) !== null) as WorkoutBody[],
  };
}

/** The engine's reading of a propose_plan call's arguments (422 with the reason when the draft is not valid). */
export async function previewProposal(args: Record<string, unknown>): Promise<Proposal> {
  return readProposal(await api.post<unknown>('/api/plan/proposals', args));
}

/** Adds the proposal's workouts to the calendar in one go (all or none). */
export function addProposal(workouts: WorkoutBody[]): Promise<{ workouts: PlannedWorkout[] }> {
  return api.post('/api/plan/workouts/batch', { workouts });
}
