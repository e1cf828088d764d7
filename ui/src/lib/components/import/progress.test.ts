import { describe, expect, it } from 'vitest';
import type { ImportJob } from '../../api/imports';
import { isRunning, outcomeWords, partitionFiles, percent, reduceImport, stateWords } from './progress';

function job(over: Partial<ImportJob> = {}): ImportJob {
  return {
    jobId: 'j1',
    state: 'running',
    files: 4,
    filesDone: 1,
    filesFailed: 0,
    activitiesNew: 1,
    activitiesMerged: 0,
    activitiesKnown: 0,
    createdAt: '2026-11-24T05:00:00Z',
    finishedAt: null,
    fileResults: [],
    ...over,
  };
}

describe('reduceImport', () => {
  it('takes the first snapshot and a different job', () => {
    expect(reduceImport(null, job())).toEqual(job());
    const other = job({ jobId: 'j2', filesDone: 0 });
    expect(reduceImport(job({ filesDone: 3 }), other)).toBe(other);
  });
  it('moves the same job forward only', () => {
    const a = job({ filesDone: 2 });
    expect(reduceImport(a, job({ filesDone: 1 }))).toBe(a);
    const b = job({ filesDone: 3 });
    expect(reduceImport(a, b)).toBe(b);
  });
  it('keeps a finished job unless files joined it', () => {
    const done = job({ state: 'done', filesDone: 4, finishedAt: '2026-11-24T05:01:00Z' });
    expect(reduceImport(done, job({ filesDone: 3 }))).toBe(done);
    const grown = job({ files: 6, filesDone: 4 });
    expect(reduceImport(done, grown)).toBe(grown);
  });
  it('ignores null', () => {
    const a = job();
    expect(reduceImport(a, null)).toBe(a);
  });
});

describe('import helpers', () => {
  it('computes percent and running', () => {
    expect(percent(job({ files: 4, filesDone: 1 }))).toBe(25);
    expect(percent(job({ files: 0, filesDone: 0 }))).toBe(0);
    expect(percent(null)).toBe(0);
    expect(isRunning(job())).toBe(true);
    expect(isRunning(job({ state: 'done', finishedAt: 'x' }))).toBe(false);
  });
  it('accepts activity files, gz forms and zips only', () => {
    const names = ['a.fit', 'b.GPX', 'c.tcx.gz', 'export.zip', 'notes.txt', 'd.fit.gz', 'e.pdf'];
    const { accepted, rejected } = partitionFiles(names.map((n) => new File(['x'], n)));
    expect(accepted.map((f) => f.name)).toEqual(['a.fit', 'b.GPX', 'c.tcx.gz', 'export.zip', 'd.fit.gz']);
    expect(rejected).toEqual(['notes.txt', 'e.pdf']);
  });
  it('words states and outcomes', () => {
    expect(stateWords('failed')).toBe('Failed');
    expect(stateWords('weird_state')).toBe('Weird state');
    expect(outcomeWords({ activitiesNew: 2, activitiesMerged: 1, activitiesKnown: 0 })).toBe('2 new, 1 merged');
    expect(outcomeWords({ activitiesNew: 0, activitiesMerged: 0, activitiesKnown: 0 })).toBe('—');
  });
});
