import { describe, expect, it } from 'vitest';
import {
  MAX_FILES_PER_UPLOAD,
  UPLOAD_BATCH_FILES,
  UploadStopped,
  batchFiles,
  uploadInBatches,
  type BatchProgress,
  type ImportJob,
} from './imports';
import { ApiError } from './client';

function files(count: number, size = 10): File[] {
  return Array.from({ length: count }, (_, i) => new File([new Uint8Array(size)], `run-${i}.fit`));
}

function job(files: number): ImportJob {
  return {
    jobId: 'j1',
    state: 'running',
    files,
    filesDone: 0,
    filesFailed: 0,
    activitiesNew: 0,
    activitiesMerged: 0,
    activitiesKnown: 0,
    createdAt: '2026-11-24T05:00:00Z',
    finishedAt: null,
    fileResults: [],
  };
}

describe('batchFiles', () => {
  it('splits a big selection into batches of at most 50 files, in order', () => {
    const picked = files(120);
    const batches = batchFiles(picked);
    expect(batches.map((b) => b.length)).toEqual([UPLOAD_BATCH_FILES, UPLOAD_BATCH_FILES, 20]);
    expect(batches.flat()).toEqual(picked);
  });

  it('never puts more files in a batch than the server takes in one upload', () => {
    expect(batchFiles(files(600), 1000).map((b) => b.length)).toEqual([MAX_FILES_PER_UPLOAD, MAX_FILES_PER_UPLOAD, 88]);
  });

  it('starts a new batch before the byte budget is exceeded; a bigger file goes alone', () => {
    const small = files(3, 40);
    const huge = new File([new Uint8Array(500)], 'export.zip');
    const batches = batchFiles([...small, huge, ...files(2, 40)], 50, 100);
    expect(batches.map((b) => b.map((f) => f.size))).toEqual([[40, 40], [40], [500], [40, 40]]);
  });

  it('makes no batch of nothing', () => {
    expect(batchFiles([])).toEqual([]);
  });
});

describe('uploadInBatches', () => {
  it('sends the batches one after another and reports progress over the whole selection', async () => {
    const sent: number[] = [];
    let inFlight = 0;
    const seen: BatchProgress[] = [];
    const result = await uploadInBatches(files(120, 10), (p) => seen.push(p), {
      upload: async (batch, onProgress) => {
        const list = Array.from(batch);
        inFlight++;
        expect(inFlight).toBe(1);
        onProgress(50, 100);
        await Promise.resolve();
        inFlight--;
        sent.push(list.length);
        return job(sent.reduce((a, b) => a + b, 0));
      },
    });
    expect(sent).toEqual([50, 50, 20]);
    expect(result.files).toBe(120);
    expect(seen.some((p) => p.batch === 2 && p.batches === 3 && p.filesSent === 50 && p.bytesSent === 750)).toBe(true);
    expect(seen.at(-1)).toEqual({ batch: 3, batches: 3, filesSent: 120, files: 120, bytesSent: 1200, bytes: 1200 });
  });

  it('stops at a failing batch and says how many files were sent before it', async () => {
    let calls = 0;
    const failure = new ApiError(413, 'payload_too_large', 'The upload is larger than 8 MB');
    const attempt = uploadInBatches(files(120), () => {}, {
      upload: async () => {
        if (++calls === 2) throw failure;
        return job(50);
      },
    });
    await expect(attempt).rejects.toBeInstanceOf(UploadStopped);
    const stopped = (await attempt.catch((e: unknown) => e)) as UploadStopped;
    expect(stopped.filesSent).toBe(50);
    expect(stopped.files).toBe(120);
    expect(stopped.reason).toBe(failure);
    expect(calls).toBe(2);
  });

  it('lets an abort through as an abort', async () => {
    const abort = new DOMException('Aborted', 'AbortError');
    await expect(
      uploadInBatches(files(3), () => {}, {
        upload: async () => {
          throw abort;
        },
      }),
    ).rejects.toBe(abort);
  });
});
