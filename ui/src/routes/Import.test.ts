// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import Import from './Import.svelte';
import { json, stubFetch } from '../test/http';
import { live } from '../lib/state/live.svelte';

vi.mock('../lib/state/live.svelte', () => ({
  live: { activitiesVersion: 0, sync: null, importJob: null, status: 'open', start: vi.fn(), stop: vi.fn() },
}));

const JOB = {
  jobId: 'j1',
  state: 'done',
  files: 3,
  filesDone: 3,
  filesFailed: 1,
  activitiesNew: 1,
  activitiesMerged: 1,
  activitiesKnown: 0,
  createdAt: '2026-11-24T05:00:00Z',
  finishedAt: '2026-11-24T05:01:00Z',
  fileResults: [
    { name: 'ride.fit', state: 'done', activitiesNew: 1, activitiesMerged: 0, activitiesKnown: 0, error: null, warning: null },
    { name: 'run.gpx', state: 'done', activitiesNew: 0, activitiesMerged: 1, activitiesKnown: 0, error: null, warning: 'No heart rate in the file' },
    { name: 'bad.tcx', state: 'failed', activitiesNew: 0, activitiesMerged: 0, activitiesKnown: 0, error: 'Not a TCX file', warning: null },
  ],
};

describe('Import', () => {
  it('shows the latest report per file with errors and warnings in words', async () => {
    stubFetch({ 'GET /api/imports/latest': () => json(200, JOB) });
    render(Import);
    expect(await screen.findByText('bad.tcx')).toBeTruthy();
    expect(screen.getByText('Not a TCX file')).toBeTruthy();
    expect(screen.getByText('No heart rate in the file')).toBeTruthy();
    expect(screen.getByText('1 merged')).toBeTruthy();
    expect(screen.getByRole('progressbar', { name: 'Import progress' }).getAttribute('value')).toBe('100');
    expect(screen.getByText(/device file > Strava export > Strava API > manual/)).toBeTruthy();
  });

  it('says when there was no import yet', async () => {
    stubFetch({ 'GET /api/imports/latest': () => json(200, null) });
    render(Import);
    expect(await screen.findByText('No import yet.')).toBeTruthy();
    expect(screen.getByLabelText(/Choose files/)).toBeTruthy();
  });
});

describe('Import without the event bus', () => {
  afterEach(() => {
    vi.useRealTimers();
    (live as { status: string }).status = 'open';
  });

  it('polls the latest import while it runs', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    (live as { status: string }).status = 'closed';
    const running = { ...JOB, state: 'running', filesDone: 1, finishedAt: null, fileResults: [JOB.fileResults[0]] };
    let calls = 0;
    stubFetch({ 'GET /api/imports/latest': () => json(200, ++calls === 1 ? running : JOB) });
    render(Import);
    expect(await screen.findByText(/Importing… 1 of 3 files done/)).toBeTruthy();
    await vi.advanceTimersByTimeAsync(2100);
    expect(await screen.findByText('bad.tcx')).toBeTruthy();
    await vi.advanceTimersByTimeAsync(4100);
    expect(calls).toBe(2);
  });
});

/** A stand-in for the browser's XMLHttpRequest: records each upload's file count and answers 202 with the job so far. */
class UploadXhr {
  static sizes: number[] = [];
  status = 0;
  responseText = '';
  statusText = '';
  withCredentials = false;
  upload: { onprogress: ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = {
    onprogress: null,
  };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  open() {}
  setRequestHeader() {}
  abort() {}
  send(form: FormData) {
    UploadXhr.sizes.push(form.getAll('files').length);
    const files = UploadXhr.sizes.reduce((a, b) => a + b, 0);
    setTimeout(() => {
      this.upload.onprogress?.({ lengthComputable: true, loaded: 1, total: 1 });
      this.status = 202;
      this.responseText = JSON.stringify({ ...JOB, state: 'running', files, filesDone: 0, finishedAt: null, fileResults: [] });
      this.onload?.();
    }, 0);
  }
}

describe('Import of a big selection', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    UploadXhr.sizes = [];
  });

  it('sends the files in batches of 50, one after another, into one import', async () => {
    stubFetch({ 'GET /api/imports/latest': () => json(200, null) });
    vi.stubGlobal('XMLHttpRequest', UploadXhr);
    render(Import);
    const input = (await screen.findByLabelText(/Choose files/)) as HTMLInputElement;
    const picked = Array.from({ length: 120 }, (_, i) => new File(['x'], `ride-${i}.fit`));
    Object.defineProperty(input, 'files', { value: picked, configurable: true });
    await fireEvent.change(input);
    expect(await screen.findByText(/Importing… 0 of 120 files done/)).toBeTruthy();
    expect(UploadXhr.sizes).toEqual([50, 50, 20]);
  });
});
