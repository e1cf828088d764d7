import type { ImportJob } from '../../api/imports';

export const ACCEPT = '.fit,.gpx,.tcx,.fit.gz,.gpx.gz,.tcx.gz,.gz,.zip';
const OK = /\.(fit|gpx|tcx)(\.gz)?$|\.zip$/i;

/** Splits picked files into the ones the server reads and the ones it would reject. */
export function partitionFiles(files: Iterable<File>): { accepted: File[]; rejected: string[] } {
  const accepted: File[] = [];
  const rejected: string[] = [];
  for (const f of files) {
    if (OK.test(f.name)) accepted.push(f);
    else rejected.push(f.name);
  }
  return { accepted, rejected };
}

export function isRunning(job: ImportJob | null): boolean {
  return !!job && job.state !== 'done' && job.state !== 'failed' && job.finishedAt === null;
}

/**
 * Folds a new progress snapshot (event bus, SSE or polling) into the shown one: another job
 * replaces it, the same job only moves forward (a late, older frame is dropped).
 */
export function reduceImport(current: ImportJob | null, next: ImportJob | null): ImportJob | null {
  if (!next) return current;
  if (!current || current.jobId !== next.jobId) return next;
  if (!isRunning(current) && isRunning(next)) {
    // Files joined a finished job only when the count grew.
    return next.files > current.files ? next : current;
  }
  if (next.filesDone < current.filesDone && next.files <= current.files) return current;
  return next;
}

/** 0–100, from files finished of files known. */
export function percent(job: ImportJob | null): number {
  if (!job || job.files <= 0) return 0;
  return Math.min(100, Math.round((job.filesDone / job.files) * 100));
}

const STATES: Record<string, string> = {
  queued: 'Waiting',
  pending: 'Waiting',
  running: 'Reading',
  parsing: 'Reading',
  done: 'Imported',
  imported: 'Imported',
  failed: 'Failed',
  skipped: 'Skipped',
  duplicate: 'Already known',
  known: 'Already known',
};

export function stateWords(state: string): string {
  return STATES[state] ?? state.charAt(0).toUpperCase() + state.slice(1).replace(/[_-]/g, ' ');
}

/** One line per file outcome: what was added, merged or already there. */
export function outcomeWords(r: { activitiesNew: number; activitiesMerged: number; activitiesKnown: number }): string {
  const parts: string[] = [];
  if (r.activitiesNew) parts.push(`${r.activitiesNew} new`);
  if (r.activitiesMerged) parts.push(`${r.activitiesMerged} merged`);
  if (r.activitiesKnown) parts.push(`${r.activitiesKnown} already known`);
  return parts.join(', ') || '—';
}
