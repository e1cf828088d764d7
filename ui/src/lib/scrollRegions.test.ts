// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { updateRegion, watchScrollRegions } from './scrollRegions';

/** jsdom lays nothing out: the sizes a browser would measure are set by hand. */
function wrap(html: string, scrollWidth: number, clientWidth: number): HTMLElement {
  const el = document.createElement('div');
  el.className = 'table-wrap';
  el.innerHTML = html;
  Object.defineProperty(el, 'scrollWidth', { configurable: true, get: () => scrollWidth });
  Object.defineProperty(el, 'clientWidth', { configurable: true, get: () => clientWidth });
  document.body.append(el);
  return el;
}

function resize(el: HTMLElement, scrollWidth: number, clientWidth: number) {
  Object.defineProperty(el, 'scrollWidth', { configurable: true, get: () => scrollWidth });
  Object.defineProperty(el, 'clientWidth', { configurable: true, get: () => clientWidth });
}

afterEach(() => document.body.replaceChildren());

describe('scroll regions', () => {
  it('makes a table that overflows a focusable region named after the table', () => {
    const el = wrap('<table aria-label="Weekly time in power zones"><tr><td>1</td></tr></table>', 900, 350);
    updateRegion(el);
    expect(el.getAttribute('tabindex')).toBe('0');
    expect(el.getAttribute('role')).toBe('region');
    expect(el.getAttribute('aria-label')).toBe('Weekly time in power zones (scrolls sideways)');
  });

  it('takes the name from aria-labelledby or the caption', () => {
    const title = document.createElement('h2');
    title.id = 'usage-title';
    title.textContent = 'Usage by day';
    document.body.append(title);
    const a = wrap('<table aria-labelledby="usage-title"></table>', 900, 350);
    const b = wrap('<table><caption>Laps</caption></table>', 900, 350);
    updateRegion(a);
    updateRegion(b);
    expect(a.getAttribute('aria-label')).toBe('Usage by day (scrolls sideways)');
    expect(b.getAttribute('aria-label')).toBe('Laps (scrolls sideways)');
  });

  it('leaves a table that fits alone, and unmarks one that fits again', () => {
    const el = wrap('<table aria-label="Best efforts"></table>', 600, 600);
    updateRegion(el);
    expect(el.hasAttribute('tabindex')).toBe(false);
    resize(el, 900, 350);
    updateRegion(el);
    expect(el.getAttribute('tabindex')).toBe('0');
    resize(el, 600, 600);
    updateRegion(el);
    expect(el.hasAttribute('tabindex')).toBe(false);
    expect(el.hasAttribute('role')).toBe(false);
    expect(el.hasAttribute('aria-label')).toBe(false);
  });

  it('keeps what the component set itself, also after the table fits again', () => {
    const el = wrap('<table aria-label="Laps"></table>', 900, 350);
    el.setAttribute('role', 'group');
    el.setAttribute('aria-label', 'Laps table');
    updateRegion(el);
    expect(el.getAttribute('tabindex')).toBe('0');
    expect(el.getAttribute('role')).toBe('group');
    expect(el.getAttribute('aria-label')).toBe('Laps table');
    resize(el, 600, 600);
    updateRegion(el);
    expect(el.hasAttribute('tabindex')).toBe(false);
    expect(el.getAttribute('role')).toBe('group');
    expect(el.getAttribute('aria-label')).toBe('Laps table');
  });
});

describe('watching a screen for scroll regions', () => {
  /** A stand-in for the browser's ResizeObserver (jsdom has none): the test says when layout has happened. */
  class FakeResizeObserver {
    static all: FakeResizeObserver[] = [];
    watched = new Set<Element>();
    constructor(private readonly callback: ResizeObserverCallback) {
      FakeResizeObserver.all.push(this);
    }
    observe(el: Element) {
      this.watched.add(el);
    }
    disconnect() {
      this.watched.clear();
    }
    /** What the browser does after a layout: reports the observed boxes. */
    layout() {
      const entries = [...this.watched].map((target) => ({ target }) as unknown as ResizeObserverEntry);
      this.callback(entries, this as unknown as ResizeObserver);
    }
  }

  it('reads sizes only after layout, for wrappers present at the start and ones added later, and stops', async () => {
    vi.stubGlobal('ResizeObserver', FakeResizeObserver);
    FakeResizeObserver.all = [];
    const root = document.createElement('main');
    document.body.append(root);
    const first = wrap('<table aria-label="Weeks"></table>', 900, 300);
    root.append(first);
    const stop = watchScrollRegions(root);
    // Nothing is measured while the screen is being built: no attribute before the observer reports.
    expect(first.hasAttribute('tabindex')).toBe(false);
    const observer = FakeResizeObserver.all[0];
    expect(observer.watched.has(first)).toBe(true);
    expect(observer.watched.has(first.querySelector('table')!)).toBe(true);
    observer.layout();
    expect(first.getAttribute('tabindex')).toBe('0');

    const later = wrap('<table aria-label="Zones"></table>', 900, 300);
    root.append(later);
    await Promise.resolve(); // mutation records are delivered as a microtask
    expect(observer.watched.has(later)).toBe(true);
    observer.layout();
    expect(later.getAttribute('aria-label')).toBe('Zones (scrolls sideways)');

    stop();
    expect(observer.watched.size).toBe(0);
  });
});
