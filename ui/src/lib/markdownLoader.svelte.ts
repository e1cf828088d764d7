/**
 * The markdown renderer (marked and DOMPurify, about 90 KB) is loaded on its own rather than with the screens that
 * show answers: evaluating it is a long task on a phone-class CPU, and as a dynamic import it runs in a task of its
 * own, and a screen with nothing to render (no AI answer yet) never loads it. A screen that receives an answer waits
 * for the renderer (withMarkdown) before showing it, so the answer is laid out once; a Markdown component made
 * before that shows plain paragraphs until the renderer arrives.
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

/**
 * Resolves with `value` once the renderer is there, when `needed` (the value holds markdown to show); a renderer that
 * cannot load leaves the text plain rather than holding the screen back.
 */
export async function withMarkdown<T>(value: T, needed: boolean): Promise<T> {
  if (needed && !markdown.render) await loadMarkdown().catch(() => {});
  return value;
}
