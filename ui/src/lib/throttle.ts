/**
 * Runs a task at most once per interval however often it is asked for: a request after a quiet spell runs at once,
 * requests within the interval fold into one run at its end, and a run never overlaps the one before. Unlike a
 * debounce, a steady stream of requests (a long sync's pages) still runs the task every interval, not only when the
 * stream stops.
 */
export class Throttle {
  readonly #task: () => unknown;
  readonly #intervalMs: number;
  #lastStart = Number.NEGATIVE_INFINITY;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #running = false;
  #pending = false;
  #cancelled = false;

  constructor(task: () => unknown, intervalMs: number) {
    this.#task = task;
    this.#intervalMs = intervalMs;
  }

  request(): void {
    if (this.#cancelled) return;
    if (this.#running) {
      this.#pending = true;
      return;
    }
    if (this.#timer !== undefined) return;
    const wait = this.#lastStart + this.#intervalMs - Date.now();
    if (wait <= 0) {
      void this.#run();
    } else {
      this.#timer = setTimeout(() => {
        this.#timer = undefined;
        void this.#run();
      }, wait);
    }
  }

  /** Stops for good (the screen went away): nothing scheduled runs. */
  cancel(): void {
    this.#cancelled = true;
    this.#pending = false;
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  async #run(): Promise<void> {
    this.#running = true;
    this.#lastStart = Date.now();
    try {
      await this.#task();
    } catch {
      // The task shows its own errors.
    } finally {
      this.#running = false;
      if (this.#pending) {
        this.#pending = false;
        this.request();
      }
    }
  }
}
