import { listActivities, type ActivityPage, type ActivityQuery, type ActivitySort } from '../api/activities';
import { errorMessage } from '../errors';
import { isAbortError } from '../stream/sse';

export const PAGE_SIZE = 25;

export interface ActivityFilters {
  sport: string;
  from: string;
  to: string;
  text: string;
  sort: ActivitySort;
  /** 1-based. */
  page: number;
}

export const DEFAULT_FILTERS: ActivityFilters = { sport: '', from: '', to: '', text: '', sort: 'date_desc', page: 1 };

const SORTS: ActivitySort[] = ['date_desc', 'date_asc', 'load_desc', 'distance_desc', 'duration_desc'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Filters from the address bar (?sport=run&page=2), ignoring anything malformed. */
export function filtersFromQuery(params: URLSearchParams): ActivityFilters {
  const sort = params.get('sort') as ActivitySort | null;
  const page = Number(params.get('page'));
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  return {
    sport: params.get('sport') ?? '',
    from: DATE.test(from) ? from : '',
    to: DATE.test(to) ? to : '',
    text: params.get('q') ?? '',
    sort: sort && SORTS.includes(sort) ? sort : 'date_desc',
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

/** The address-bar query for filters; defaults are left out. */
export function filtersToQuery(f: ActivityFilters): Record<string, string | number | null> {
  return {
    sport: f.sport || null,
    from: f.from || null,
    to: f.to || null,
    q: f.text.trim() || null,
    sort: f.sort === 'date_desc' ? null : f.sort,
    page: f.page > 1 ? f.page : null,
  };
}

export function apiQuery(f: ActivityFilters): ActivityQuery {
  return {
    limit: PAGE_SIZE,
    offset: (f.page - 1) * PAGE_SIZE,
    sport: f.sport || undefined,
    from: f.from || undefined,
    to: f.to || undefined,
    text: f.text.trim() || undefined,
    sort: f.sort,
  };
}

/**
 * The activity table: the current page for the current filters. A new query aborts the one in
 * flight, and the previous rows stay on screen (dimmed) while the next page loads, so the
 * table never jumps.
 */
export class ActivityList {
  filters = $state<ActivityFilters>({ ...DEFAULT_FILTERS });
  page = $state.raw<ActivityPage | null>(null);
  loading = $state(false);
  error = $state<string | null>(null);

  readonly #fetch: typeof listActivities;
  #controller: AbortController | null = null;

  constructor(fetchPage: typeof listActivities = listActivities) {
    this.#fetch = fetchPage;
  }

  get pageCount(): number {
    return this.page ? Math.max(1, Math.ceil(this.page.total / PAGE_SIZE)) : 1;
  }

  async load(filters: ActivityFilters = this.filters): Promise<void> {
    this.filters = filters;
    this.#controller?.abort();
    const controller = new AbortController();
    this.#controller = controller;
    this.loading = true;
    this.error = null;
    try {
      const page = await this.#fetch(apiQuery(filters), { signal: controller.signal });
      if (controller.signal.aborted) return;
      this.page = page;
      // A page past the end (e.g. after filtering) falls back to the last one.
      if (page.items.length === 0 && page.total > 0 && filters.page > 1) {
        const last = Math.max(1, Math.ceil(page.total / PAGE_SIZE));
        if (last < filters.page) {
          await this.load({ ...filters, page: last });
          return;
        }
      }
    } catch (e) {
      if (controller.signal.aborted || isAbortError(e)) return;
      this.error = errorMessage(e);
    } finally {
      if (this.#controller === controller) {
        this.loading = false;
        this.#controller = null;
      }
    }
  }

  /** Changing any filter goes back to page 1. */
  update(changes: Partial<Omit<ActivityFilters, 'page'>>): Promise<void> {
    return this.load({ ...this.filters, ...changes, page: 1 });
  }

  goTo(page: number): Promise<void> {
    const p = Math.min(Math.max(1, page), this.pageCount);
    return this.load({ ...this.filters, page: p });
  }

  dispose(): void {
    this.#controller?.abort();
  }
}
