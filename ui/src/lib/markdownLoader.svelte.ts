/**
 * The markdown renderer (marked and DOMPurify, about 90 KB) is loaded on its own rather than with the screens that
 * show answers: evaluating it is a long task on a phone-class CPU, and as a dynamic import it runs in a task of its
 * own. Loading starts when a screen that can show markdown is loaded (Markdown.svelte's module), so it has normally
 * arrived before the screen's data; until then an answer is shown as plain paragraphs.
 */
import type { renderMarkdown } from './markdown';

export const markdown = $state<{ render: typeof renderMarkdown | null }>({ render: null });

let loading: Promise<void> | null = null;

/** Starts loading the renderer (once). */
export function loadMarkdown(): Promise<void> {
  loading ??= import('./markdown').then((m) => {
    markdown.render = m.renderMarkdown;
  });
  return loading;
}
