/**
 * Keyboard access to scrolled tables (WCAG 2.1.1, axe "scrollable-region-focusable"): a `.table-wrap` whose table is
 * wider than the screen (a phone) scrolls sideways, and a keyboard user can only scroll what can take focus. Every
 * such wrapper that overflows becomes a focusable, named region (tabindex 0, role region, the table's name); one
 * that fits again loses those, so desktop users do not tab through wrappers that do not scroll. Done once for the
 * whole app, so every screen's tables (now and later ones) get it without each component repeating it.
 */
export const SCROLL_WRAP = '.table-wrap';
const MARK = 'data-scroll-region';

/** The name a scrolled wrapper announces: its table's caption or label, else a plain word. */
export function regionName(wrap: HTMLElement): string {
  const table = wrap.querySelector('table');
  const labelledBy = table?.getAttribute('aria-labelledby');
  const byId = labelledBy
    ?.split(/\s+/)
    .map((id) => document.getElementById(id)?.textContent?.trim() ?? '')
    .join(' ')
    .trim();
  const name = table?.getAttribute('aria-label') || byId || table?.querySelector('caption')?.textContent?.trim();
  return name ? `${name} (scrolls sideways)` : 'Table (scrolls sideways)';
}

/** Marks or unmarks one wrapper by whether it overflows now; only the attributes it added are taken away again. */
export function updateRegion(wrap: HTMLElement): void {
  const overflows = wrap.scrollWidth > wrap.clientWidth + 1 || wrap.scrollHeight > wrap.clientHeight + 1;
  const added = wrap.getAttribute(MARK);
  if (overflows) {
    if (added === null) {
      const mine = (['tabindex', 'role', 'aria-label'] as const).filter((a) => !wrap.hasAttribute(a));
      wrap.setAttribute(MARK, mine.join(' '));
      if (mine.includes('tabindex')) wrap.setAttribute('tabindex', '0');
      if (mine.includes('role')) wrap.setAttribute('role', 'region');
    }
    if ((wrap.getAttribute(MARK) ?? '').includes('aria-label')) {
      const name = regionName(wrap);
      if (wrap.getAttribute('aria-label') !== name) wrap.setAttribute('aria-label', name);
    }
  } else if (added !== null) {
    for (const a of added.split(' ').filter(Boolean)) wrap.removeAttribute(a);
    wrap.removeAttribute(MARK);
  }
}

/** Keeps every wrapper under `root` up to date as screens render and the window resizes; returns the stop. */
export function watchScrollRegions(root: HTMLElement): () => void {
  let frame = 0;
  const resize = typeof ResizeObserver === 'function' ? new ResizeObserver(() => schedule()) : null;
  const observed = new WeakSet<Element>();
  function scan() {
    frame = 0;
    for (const wrap of root.querySelectorAll<HTMLElement>(SCROLL_WRAP)) {
      if (resize && !observed.has(wrap)) {
        observed.add(wrap);
        resize.observe(wrap);
      }
      updateRegion(wrap);
    }
  }
  function schedule() {
    if (!frame) frame = requestAnimationFrame(scan);
  }
  // Our own attribute changes are not watched (attributes: false), so marking does not re-trigger a scan.
  const mutations = new MutationObserver(schedule);
  mutations.observe(root, { childList: true, subtree: true });
  window.addEventListener('resize', schedule);
  schedule();
  return () => {
    if (frame) cancelAnimationFrame(frame);
    mutations.disconnect();
    resize?.disconnect();
    window.removeEventListener('resize', schedule);
  };
}
