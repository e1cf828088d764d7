import { api, request } from './client';

export interface ImportFileResult {
  name: string;
  state: string;
  activitiesNew: number;
  activitiesMerged: number;
  activitiesKnown: number;
  error: string | null;
  warning: string | null;
}

export interface ImportJob {
  jobId: string;
  state: string;
  files: number;
  filesDone: number;
  filesFailed: number;
  activitiesNew: number;
  activitiesMerged: number;
  activitiesKnown: number;
  createdAt: string;
  finishedAt: string | null;
  fileResults: ImportFileResult[];
}

/** The SSE feed of import progress (`event: progress`). */
export const IMPORT_EVENTS_URL = '/api/imports/events';

/** Uploads FIT/GPX/TCX (also .gz) files or a Strava export zip; they join a running import. */
export function uploadFiles(files: Iterable<File>, signal?: AbortSignal): Promise<ImportJob> {
  const form = new FormData();
  for (const file of files) form.append('files', file, file.name);
  return request<ImportJob>('POST', '/api/imports', form, { signal });
}

/** The latest import's report; 404 when there was none. */
export function getLatestImport(): Promise<ImportJob> {
  return api.get<ImportJob>('/api/imports/latest');
}

export function getImport(jobId: string): Promise<ImportJob> {
  return api.get<ImportJob>(`/api/imports/${encodeURIComponent(jobId)}`);
}
