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

/** The server takes at most this many files in one upload (413 beyond). */
export const MAX_FILES_PER_UPLOAD = 256;
/** Files per request from the Import screen: small requests keep progress honest and a failure cheap to repeat. */
export const UPLOAD_BATCH_FILES = 50;
/** Bytes per request (a single bigger file, such as a Strava export, goes alone). */
export const UPLOAD_BATCH_BYTES = 256 * 1024 * 1024;

/**
 * Splits files, in order, into batches of at most maxFiles files (capped at the server's limit) and, unless one file is
 * bigger on its own, at most maxBytes bytes.
 */
export function batchFiles<T extends { size: number }>(
  files: readonly T[],
  maxFiles: number = UPLOAD_BATCH_FILES,
  maxBytes: number = UPLOAD_BATCH_BYTES,
): T[][] {
  const perBatch = Math.max(1, Math.min(maxFiles, MAX_FILES_PER_UPLOAD));
  const batches: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const file of files) {
    if (current.length && (current.length >= perBatch || bytes + file.size > maxBytes)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(file);
    bytes += file.size;
  }
  if (current.length) batches.push(current);
  return batches;
}

/** Where a batched upload is: the batch being sent (1-based) and files and bytes sent of the whole selection. */
export interface BatchProgress {
  batch: number;
  batches: number;
  filesSent: number;
  files: number;
  bytesSent: number;
  bytes: number;
}

/** A batched upload stopped at a failing batch; the batches before it were sent and joined the import. */
export class UploadStopped extends Error {
  readonly filesSent: number;
  readonly files: number;
  readonly reason: unknown;

  constructor(filesSent: number, files: number, reason: unknown) {
    super(reason instanceof Error ? reason.message : 'Upload stopped');
    this.name = 'UploadStopped';
    this.filesSent = filesSent;
    this.files = files;
    this.reason = reason;
  }
}

export interface BatchOptions {
  signal?: AbortSignal;
  maxFiles?: number;
  maxBytes?: number;
  /** The request for one batch (tests pass their own). */
  upload?: typeof uploadFilesWithProgress;
}

/**
 * Uploads a selection of any size as batches (see batchFiles), one after another: each joins the running import, so
 * the athlete sees one import. Resolves with the job as the last batch left it; a failing batch stops the rest and
 * rejects with UploadStopped (an abort rejects as the abort).
 */
export async function uploadInBatches(
  files: readonly File[],
  onProgress: (progress: BatchProgress) => void,
  options: BatchOptions = {},
): Promise<ImportJob> {
  const upload = options.upload ?? uploadFilesWithProgress;
  const batches = batchFiles(files, options.maxFiles, options.maxBytes);
  const bytes = files.reduce((n, f) => n + f.size, 0);
  let filesSent = 0;
  let bytesSent = 0;
  let job: ImportJob | null = null;
  for (let i = 0; i < batches.length; i++) {
    const batch = batches[i];
    const batchBytes = batch.reduce((n, f) => n + f.size, 0);
    const report = (fraction: number) =>
      onProgress({
        batch: i + 1,
        batches: batches.length,
        filesSent,
        files: files.length,
        bytesSent: bytesSent + Math.round(batchBytes * Math.min(1, Math.max(0, fraction))),
        bytes,
      });
    report(0);
    try {
      job = await upload(batch, (loaded, total) => report(total > 0 ? loaded / total : 0), options.signal);
    } catch (e) {
      if (e instanceof DOMException && e.name === 'AbortError') throw e;
      throw new UploadStopped(filesSent, files.length, e);
    }
    filesSent += batch.length;
    bytesSent += batchBytes;
    report(0);
  }
  if (!job) throw new UploadStopped(0, 0, new Error('No files to upload'));
  return job;
}

/** The latest import's report; null when nothing has been imported yet. */
export function getLatestImport(): Promise<ImportJob | null> {
  return api.get<ImportJob | null>('/api/imports/latest');
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
