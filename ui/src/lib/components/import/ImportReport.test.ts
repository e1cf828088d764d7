// @vitest-environment jsdom
import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import ImportReport from './ImportReport.svelte';
import type { ImportJob } from '../../api/imports';

const LONG = 'garmin-forerunner-965-2026-11-24-07-30-00-morning-threshold-intervals-with-warmup-and-cooldown.fit';
const REASON = 'Not a FIT file: the header is 0 bytes long where a FIT file has 12 or 14, so nothing in it could be read.';

function job(extra: Partial<ImportJob> = {}): ImportJob {
  return {
    jobId: 'j1', state: 'done', files: 1, filesDone: 1, filesFailed: 1, activitiesNew: 0, activitiesMerged: 0,
    activitiesKnown: 0, createdAt: '2026-11-24T07:30:00Z', finishedAt: null,
    fileResults: [{ name: LONG, state: 'failed', activitiesNew: 0, activitiesMerged: 0, activitiesKnown: 0, error: REASON, warning: null }],
    ...extra,
  };
}

describe('ImportReport', () => {
  it('shows a long file name and the whole failure reason in cells that wrap', () => {
    const { container } = render(ImportReport, { job: job() });
    const table = container.querySelector('table.per-file')!;
    expect(table.querySelector('td.name')!.textContent).toBe(LONG);
    expect(table.querySelector('td.notes .err')!.textContent).toBe(REASON);
  });

  it('counts files in the singular and the plural', () => {
    const one = render(ImportReport, { job: job() });
    expect(screen.getByText(/Import finished.*1 of 1 file$/s)).toBeTruthy();
    one.unmount();
    render(ImportReport, { job: job({ state: 'running', files: 3, filesDone: 1 }) });
    expect(screen.getByText(/Importing… 1 of 3 files done/)).toBeTruthy();
  });
});
