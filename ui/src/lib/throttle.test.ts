import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Throttle } from './throttle';

describe('Throttle', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs a lone request at once', async () => {
    const task = vi.fn();
    new Throttle(task, 2500).request();
    expect(task).toHaveBeenCalledTimes(1);
  });

  it('keeps running every interval while requests keep coming, not only when they stop', async () => {
    const task = vi.fn();
    const t = new Throttle(task, 2500);
    // A request every 400 ms for 10 s, as a long sync's pages arrive.
    for (let ms = 0; ms < 10_000; ms += 400) {
      t.request();
      await vi.advanceTimersByTimeAsync(400);
    }
    // 10 s at one run per 2.5 s: the first at once, then one per interval (a debounce would have run 0 times so far).
    expect(task.mock.calls.length).toBeGreaterThanOrEqual(4);
    expect(task.mock.calls.length).toBeLessThanOrEqual(5);
  });

  it('folds requests within the interval into one run at its end', async () => {
    const task = vi.fn();
    const t = new Throttle(task, 2500);
    t.request();
    t.request();
    t.request();
    expect(task).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(2499);
    expect(task).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(task).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(task).toHaveBeenCalledTimes(2);
  });

  it('never overlaps a run still going, and runs once more after it', async () => {
    let finish!: () => void;
    const task = vi.fn(() => new Promise<void>((r) => (finish = r)));
    const t = new Throttle(task, 100);
    t.request();
    await vi.advanceTimersByTimeAsync(500);
    t.request();
    t.request();
    expect(task).toHaveBeenCalledTimes(1);
    finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(task).toHaveBeenCalledTimes(2);
  });

  it('runs nothing after cancel', async () => {
    const task = vi.fn();
    const t = new Throttle(task, 2500);
    t.request();
    t.request();
    t.cancel();
    await vi.advanceTimersByTimeAsync(5000);
    t.request();
    expect(task).toHaveBeenCalledTimes(1);
  });
});
