import { getPmc, type Pmc, type Projection } from '../api/load';
import { PROJECTION_HORIZON } from '../charts/projection';
import { errorMessage } from '../errors';
import { daysBefore } from '../format';

export type PmcRange = '90d' | '1y' | 'all';

export const RANGES: { value: PmcRange; label: string }[] = [
  { value: '90d', label: '90 days' },
  { value: '1y', label: '1 year' },
  { value: 'all', label: 'All' },
];

const RANGE_KEY = 'fitcoach.pmcRange.';
const PROJECTION_KEY = 'fitcoach.pmcProjection.';

/**
 * The performance-management chart's data for the chosen range. Each range is fetched once
 * and kept; switching back is instant, and a slow answer for an old range never overwrites
 * the current one. The chosen range is remembered per user in this browser.
 */
export class PmcState {
  range = $state<PmcRange>('90d');
  data = $state.raw<Pmc | null>(null);
  loading = $state(false);
  error = $state<string | null>(null);
  /** What the days ahead are projected from; remembered like the range. */
  projection = $state<Projection>('plan');
  /** The projection from today on (null until loaded, or when the server has none). */
  future = $state.raw<Pmc | null>(null);
  /** The plan's projection, kept to know how far ahead to show when the rest projection carries no plan. */
  planned = $state.raw<Pmc | null>(null);

  readonly #futureCache = new Map<Projection, Pmc>();
  #futureRequest = 0;
  readonly #fetch: typeof getPmc;
  readonly #cache = new Map<PmcRange, Pmc>();
  #request = 0;

  readonly #user: string | null;

  /** `user`: whose remembered range to start from and to keep (none: not remembered). */
  constructor(fetchPmc: typeof getPmc = getPmc, user: string | number | null = null) {
    this.#fetch = fetchPmc;
    this.#user = user == null ? null : String(user);
    const saved = this.#user ? read(RANGE_KEY + this.#user) : null;
    if (RANGES.some((r) => r.value === saved)) this.range = saved as PmcRange;
    const projection = this.#user ? read(PROJECTION_KEY + this.#user) : null;
    if (projection === 'rest') this.projection = 'rest';
  }

  /**
   * The days ahead, projected from the plan or from rest, from `today` to the horizon. A failure (an older server)
   * leaves the chart without a future.
   */
  async loadFuture(today: string | null, projection: Projection = this.projection, options: { force?: boolean } = {}): Promise<void> {
    if (projection !== this.projection && this.#user) write(PROJECTION_KEY + this.#user, projection);
    this.projection = projection;
    if (!today) return;
    const cached = this.#futureCache.get(projection);
    if (cached && !options.force) {
      this.future = cached;
      return;
    }
    const request = ++this.#futureRequest;
    try {
      const to = daysBefore(today, -PROJECTION_HORIZON);
      const pmc = await this.#fetch({ from: today, to, projection });
      this.#futureCache.set(projection, pmc);
      if (projection === 'plan') this.planned = pmc;
      if (request === this.#futureRequest) this.future = pmc;
    } catch {
      if (request === this.#futureRequest) this.future = null;
    }
  }

  /**
   * The query for a range; "all" starts at the first activity (or ten years back). The long ranges ask for
   * weekly load bars: a day is narrower than a pixel over a year.
   */
  static query(range: PmcRange, today: string | null, firstActivity: string | null): { from?: string; to?: string; by?: 'week' } {
    // The server's default is the last 90 days up to the athlete's today.
    if (range === '90d' || !today) return {};
    if (range === '1y') return { from: daysBefore(today, 364), to: today, by: 'week' };
    return { from: firstActivity ?? daysBefore(today, 3649), to: today, by: 'week' };
  }

  async load(range: PmcRange, today: string | null, firstActivity: string | null, options: { force?: boolean } = {}): Promise<void> {
    if (range !== this.range && this.#user) write(RANGE_KEY + this.#user, range);
    this.range = range;
    const cached = this.#cache.get(range);
    if (cached && !options.force) {
      this.data = cached;
      this.error = null;
      return;
    }
    const request = ++this.#request;
    this.loading = true;
    this.error = null;
    try {
      const pmc = await this.#fetch(PmcState.query(range, today, firstActivity));
      // Without today a long range fell back to the server's 90 days: shown, but not kept as that range.
      if (range === '90d' || today) this.#cache.set(range, pmc);
      if (request === this.#request) this.data = pmc;
    } catch (e) {
      if (request === this.#request) this.error = errorMessage(e);
    } finally {
      if (request === this.#request) this.loading = false;
    }
  }

  /** Forget cached ranges (activities changed). */
  invalidate(): void {
    this.#cache.clear();
    this.#futureCache.clear();
  }
}

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Private mode or full storage: the range is kept for this visit only.
  }
}
