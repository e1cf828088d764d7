/** The address bar as state: a small history-mode router (the server answers index.html for every non-/api GET). */
export class Router {
  path = $state('/');
  search = $state('');
  /** "#coach-data-policy": a section of the screen to show. */
  hash = $state('');

  constructor(
    location: { pathname: string; search: string; hash?: string } = typeof window === 'undefined'
      ? { pathname: '/', search: '' }
      : window.location,
  ) {
    this.path = location.pathname;
    this.search = location.search;
    this.hash = location.hash ?? '';
  }

  /** Query parameters of the current address. */
  get params(): URLSearchParams {
    return new URLSearchParams(this.search);
  }

  /** Goes to an in-app address ("/activities?sport=run"); replace keeps the history entry. */
  navigate(to: string, options: { replace?: boolean } = {}): void {
    const url = new URL(to, window.location.origin);
    const target = url.pathname + url.search + url.hash;
    if (target !== window.location.pathname + window.location.search + window.location.hash) {
      if (options.replace) history.replaceState(null, '', target);
      else history.pushState(null, '', target);
    }
    this.path = url.pathname;
    this.search = url.search;
    this.hash = url.hash;
  }

  /** Replaces the query of the current address (filters), without a new history entry. */
  setQuery(query: Record<string, string | number | null | undefined>, options: { replace?: boolean } = { replace: true }): void {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) {
      if (v !== null && v !== undefined && v !== '') params.set(k, String(v));
    }
    const qs = params.toString();
    this.navigate(this.path + (qs ? `?${qs}` : ''), options);
  }

  /** After back/forward. */
  sync(): void {
    this.path = window.location.pathname;
    this.search = window.location.search;
    this.hash = window.location.hash;
  }
}

export const router = new Router();

/**
 * Decides whether a click on a link stays in the app: same origin, a plain left click, no
 * target or download, and not a server path (/api, /eventbus).
 */
export function inAppHref(event: MouseEvent, anchor: HTMLAnchorElement): string | null {
  if (event.defaultPrevented || event.button !== 0) return null;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return null;
  if (anchor.target && anchor.target !== '_self') return null;
  if (anchor.hasAttribute('download') || anchor.dataset.external !== undefined) return null;
  if (anchor.origin !== window.location.origin) return null;
  if (anchor.pathname.startsWith('/api/') || anchor.pathname.startsWith('/eventbus')) return null;
  return anchor.pathname + anchor.search + anchor.hash;
}
