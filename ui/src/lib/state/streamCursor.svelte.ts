import type { StreamAxis } from '../streamSeries';

/**
 * The one cursor of an activity's stream charts: a sample index shared by every chart, the route map's marker and the
 * keyboard slider, so they all show the same moment.
 */
export class StreamCursor {
  index = $state<number | null>(null);

  constructor(private readonly length: () => number) {}

  set(index: number | null) {
    if (index === null) {
      this.index = null;
      return;
    }
    const n = this.length();
    this.index = n === 0 ? null : Math.min(n - 1, Math.max(0, Math.round(index)));
  }

  /** Moves by `step` samples from where it is (from the start when nowhere). */
  move(step: number) {
    this.set((this.index ?? (step < 0 ? this.length() : -1)) + step);
  }
}

const AXIS_KEY = 'fitcoach.streamAxis';

/** The athlete's choice of x axis for the stream charts, time or distance, remembered in this browser. */
export class StreamAxisChoice {
  axis = $state<StreamAxis>('time');

  constructor(private readonly storage: Storage | null = typeof localStorage === 'undefined' ? null : localStorage) {
    try {
      if (storage?.getItem(AXIS_KEY) === 'distance') this.axis = 'distance';
    } catch {
      // Storage refused (private mode): the default stands.
    }
  }

  set(axis: StreamAxis) {
    this.axis = axis;
    try {
      this.storage?.setItem(AXIS_KEY, axis);
    } catch {
      // Not remembered, still applied.
    }
  }
}

export const streamAxis = new StreamAxisChoice();
