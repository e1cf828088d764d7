import { describe, expect, it } from 'vitest';
import { inTurn } from './inTurn';

const nextTask = () => new Promise((r) => setTimeout(r, 0));

describe('inTurn', () => {
  it('runs queued jobs later, one per task, in order', async () => {
    const ran: string[] = [];
    inTurn(() => ran.push('a'));
    inTurn(() => ran.push('b'));
    expect(ran).toEqual([]);
    await new Promise<void>((resolve) => inTurn(() => resolve()));
    expect(ran).toEqual(['a', 'b']);
  });

  it('runs one job per task: a job queued first runs before a later task sees the second', async () => {
    const ran: string[] = [];
    inTurn(() => {
      ran.push('first');
      // Queued from inside a job: still its own, later task.
      inTurn(() => ran.push('third'));
      queueMicrotask(() => ran.push('microtask after first'));
    });
    inTurn(() => ran.push('second'));
    for (let i = 0; i < 10 && ran.length < 4; i++) await nextTask();
    expect(ran).toEqual(['first', 'microtask after first', 'second', 'third']);
  });

  it('drops a job taken off the queue before it ran', async () => {
    const ran: string[] = [];
    const cancel = inTurn(() => ran.push('cancelled'));
    inTurn(() => ran.push('kept'));
    cancel();
    for (let i = 0; i < 10 && ran.length < 1; i++) await nextTask();
    await nextTask();
    expect(ran).toEqual(['kept']);
  });
});
