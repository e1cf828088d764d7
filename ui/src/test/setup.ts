import { loadUplot } from '../lib/charts/uplot';
import { loadMarkdown } from '../lib/markdownLoader.svelte';

// Browser APIs jsdom lacks, for components that use them (charts, theme).
if (typeof window !== 'undefined') {
  if (typeof window.matchMedia !== 'function') {
    window.matchMedia = (query: string) =>
      ({
        matches: false,
        media: query,
        onchange: null,
        addEventListener: () => {},
        removeEventListener: () => {},
        addListener: () => {},
        removeListener: () => {},
        dispatchEvent: () => false,
      }) as MediaQueryList;
    (globalThis as { matchMedia?: unknown }).matchMedia = window.matchMedia;
  }
  if (typeof window.ResizeObserver !== 'function') {
    window.ResizeObserver = class {
      observe() {}
      unobserve() {}
      disconnect() {}
    } as unknown as typeof ResizeObserver;
    (globalThis as { ResizeObserver?: unknown }).ResizeObserver = window.ResizeObserver;
  }
}

// jsdom has no modal dialogs: showModal/close only toggle `open` (focus handling is the component's own).
if (typeof HTMLDialogElement !== 'undefined' && typeof HTMLDialogElement.prototype.showModal !== 'function') {
  HTMLDialogElement.prototype.showModal = function (this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close = function (this: HTMLDialogElement) {
    this.removeAttribute('open');
    this.dispatchEvent(new Event('close'));
  };
}

// Dates and numbers follow the browser's language: the tests pin British English, whatever the machine's.
if (typeof globalThis.navigator !== 'undefined') {
  Object.defineProperty(globalThis.navigator, 'language', { value: 'en-GB', configurable: true });
}

// The chart and markdown libraries load lazily in the app (their own tasks); tests render with them already there.
await Promise.all([loadUplot(), loadMarkdown()]);
