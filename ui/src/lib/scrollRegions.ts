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

/**
 * Keeps every wrapper under `root` up to date as screens render and the window resizes; returns the stop. Sizes are
 * read only in ResizeObserver callbacks, which run after the browser's own layout: reading scrollWidth anywhere else
 * forces a layout of the freshly rendered screen in the middle of a task (measured at 40–70 ms on a phone-class CPU
 * for a screen of tables), and the screen is laid out again anyway before it paints. A wrapper is observed as soon as
 * it is added, and the observer reports it once straight away and again whenever its box changes size.
 */
export function watchScrollRegions(root: HTMLElement): () => void {
  if (typeof ResizeObserver !== 'function') return () => {};
  const resize = new ResizeObserver((entries) => {
    const wraps = new Set<HTMLElement>();
    for (const entry of entries) {
      const wrap = entry.target.closest<HTMLElement>(SCROLL_WRAP);
      if (wrap?.isConnected) wraps.add(wrap);
    }
    for (const wrap of wraps) updateRegion(wrap);
  });
  const observed = new WeakSet<Element>();
  function observe(el: Element | null) {
    if (!el || observed.has(el)) return;
    observed.add(el);
    resize.observe(el);
  }
  // The wrapper's box and its table's: a table that grows inside a wrapper of the same size changes only the latter.
  function watch(wrap: Element) {
    observe(wrap);
    observe(wrap.querySelector('table'));
  }
  // Added nodes only: our own attribute changes are not watched, so marking does not trigger anything.
  const mutations = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (!(node instanceof Element)) continue;
        const around = node.closest(SCROLL_WRAP);
        if (around) watch(around);
        for (const wrap of node.querySelectorAll(SCROLL_WRAP)) watch(wrap);
      }
    }
  });
  mutations.observe(root, { childList: true, subtree: true });
  for (const wrap of root.querySelectorAll(SCROLL_WRAP)) watch(wrap);
  return () => {
    mutations.disconnect();
    resize.disconnect();
  };
}
