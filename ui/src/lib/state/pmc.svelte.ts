import { getPmc, type Pmc } from '../api/load';
import { errorMessage } from '../errors';
import { daysBefore } from '../format';

export type PmcRange = '90d' | '1y' | 'all';

export const RANGES: { value: PmcRange; label: string }[] = [
  { value: '90d', label: '90 days' },
  { value: '1y', label: '1 year' },
  { value: 'all', label: 'All' },
];

/**
 * The performance-management chart's data for the chosen range. Each range is fetched once
 * and kept; switching back is instant, and a slow answer for an old range never overwrites
 * the current one.
 */
export class PmcState {
  range = $state<PmcRange>('90d');
  data = $state.raw<Pmc | null>(null);
  loading = $state(false);
  error = $state<string | null>(null);

  readonly #fetch: typeof getPmc;
  readonly #cache = new Map<PmcRange, Pmc>();
  #request = 0;

  constructor(fetchPmc: typeof getPmc = getPmc) {
    this.#fetch = fetchPmc;
  }

  /** The query for a range; "all" starts at the first activity (or ten years back). */
  static query(range: PmcRange, today: string | null, firstActivity: string | null): { from?: string; to?: string } {
    // The server's default is the last 90 days up to the athlete's today.
    if (range === '90d' || !today) return {};
    if (range === '1y') return { from: daysBefore(today, 364), to: today };
    return { from: firstActivity ?? daysBefore(today, 3649), to: today };
  }

  async load(range: PmcRange, today: string | null, firstActivity: string | null, options: { force?: boolean } = {}): Promise<void> {
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
      this.#cache.set(range, pmc);
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
  }
}
