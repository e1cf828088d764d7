import { tick } from 'svelte';

/** After the DOM shows the errors, moves focus to the first invalid input in the form. */
export async function focusFirstInvalid(form: HTMLFormElement): Promise<void> {
  await tick();
  form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
}

/**
 * After a screen change, moves focus to the new screen's heading (it has tabindex="-1"), or to the section the
 * address names ("/settings#coach-data-policy").
 */
export async function focusHeading(waitMs = 3000): Promise<void> {
  await tick();
  if (focusTarget(window.location.hash)) return;
  const heading = document.querySelector<HTMLElement>('main h1');
  if (heading) {
    heading.focus();
    return;
  }
  // The screen's chunk may still be on its way (screens load lazily): focus its heading when it appears, unless the
  // athlete has put focus somewhere themselves by then.
  const main = document.querySelector('main') ?? document.body;
  await new Promise<void>((resolve) => {
    const done = () => {
      observer.disconnect();
      clearTimeout(timer);
      resolve();
    };
    const observer = new MutationObserver(() => {
      const h1 = document.querySelector<HTMLElement>('main h1');
      if (!h1) return;
      const active = document.activeElement;
      if (!active || active === document.body) h1.focus();
      done();
    });
    const timer = setTimeout(done, waitMs);
    observer.observe(main, { childList: true, subtree: true });
  });
}

/** Shows the section an address's hash names and focuses its heading; false when there is none. */
export function focusTarget(hash: string): boolean {
  if (!hash || hash.length < 2) return false;
  const el = document.getElementById(decodeURIComponent(hash.slice(1)));
  if (!el) return false;
  const heading = el.matches('h1, h2, h3') ? el : el.querySelector<HTMLElement>('h2, h3');
  const target = heading?.hasAttribute('tabindex') ? heading : el;
  el.scrollIntoView?.({ block: 'start' });
  target.focus({ preventScroll: true });
  keepInView(el);
  return true;
}

const INTERACTIONS = ['wheel', 'touchstart', 'keydown', 'mousedown'] as const;

/**
 * Sections above the target still load after it is shown and push it down: keep it at the top while the page
 * settles, until the athlete scrolls or acts, or `ms` pass.
 */
function keepInView(el: HTMLElement, ms = 2000): void {
  if (typeof ResizeObserver !== 'function') return;
  const observer = new ResizeObserver(() => el.scrollIntoView?.({ block: 'start' }));
  const stop = () => {
    observer.disconnect();
    clearTimeout(timer);
    for (const e of INTERACTIONS) window.removeEventListener(e, stop, true);
  };
  const timer = setTimeout(stop, ms);
  for (const e of INTERACTIONS) window.addEventListener(e, stop, { capture: true, passive: true });
  observer.observe(el.closest('main') ?? document.body);
}

/** After the DOM updates, focuses the element matching selector inside root. */
export async function focusIn(root: ParentNode, selector: string): Promise<void> {
  await tick();
  root.querySelector<HTMLElement>(selector)?.focus();
}

/** Where focus goes when a `keepFocus` element vanishes: a function, or a selector looked up in the element's parent. */
export type FocusNext = (() => HTMLElement | null | undefined) | string;

/**
 * Action for an element that can vanish while it has focus (a Send button replaced by Stop, a loading heading
 * replaced by the real one): when it is removed while focused, focus passes to `next` once the DOM has settled,
 * instead of dropping to the page body where a keyboard or screen-reader user loses their place.
 */
export function keepFocus(node: HTMLElement, next: FocusNext) {
  let focused = false;
  let pick = next;
  // The parent is kept now: once removed, the node has none.
  const parent = node.parentElement;
  const onIn = () => (focused = true);
  // Chromium fires focusout when a focused element is removed; only a focus that left a still-attached node counts.
  const onOut = () =>
    queueMicrotask(() => {
      if (node.isConnected && document.activeElement !== node) focused = false;
    });
  node.addEventListener('focusin', onIn);
  node.addEventListener('focusout', onOut);
  if (document.activeElement === node) focused = true;
  return {
    update(n: FocusNext) {
      pick = n;
    },
    destroy() {
      node.removeEventListener('focusin', onIn);
      node.removeEventListener('focusout', onOut);
      if (!focused) return;
      void tick().then(() => {
        const active = document.activeElement;
        if (active && active !== document.body && active.isConnected) return;
        const target = typeof pick === 'string' ? parent?.querySelector<HTMLElement>(pick) : pick();
        target?.focus();
      });
    },
  };
}
