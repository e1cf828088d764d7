import { api, ApiError, NETWORK_ERROR, request } from './client';

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

/**
 * uploadFiles with upload progress (fetch cannot report it): XMLHttpRequest, same cookie and the
 * same ApiError on failure. onProgress gets bytes sent and total.
 */
export function uploadFilesWithProgress(
  files: Iterable<File>,
  onProgress: (loaded: number, total: number) => void,
  signal?: AbortSignal,
): Promise<ImportJob> {
  if (typeof XMLHttpRequest === 'undefined') return uploadFiles(files, signal);
  const form = new FormData();
  for (const file of files) form.append('files', file, file.name);
  return new Promise<ImportJob>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/imports');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.withCredentials = true;
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded, e.total);
    };
    xhr.onerror = () => reject(new ApiError(0, NETWORK_ERROR, 'Cannot reach the FitCoach server'));
    xhr.onabort = () => reject(new DOMException('Aborted', 'AbortError'));
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(body as ImportJob);
        return;
      }
      const err = (body as { error?: { code?: string; message?: string; field?: string | null } } | null)?.error;
      reject(new ApiError(xhr.status, err?.code ?? `http_${xhr.status}`, err?.message ?? xhr.statusText, err?.field ?? null));
    };
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}
