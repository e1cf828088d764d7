import { tick } from 'svelte';

/** After the DOM shows the errors, moves focus to the first invalid input in the form. */
export async function focusFirstInvalid(form: HTMLFormElement): Promise<void> {
  await tick();
  form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
}

/** After a screen change, moves focus to the new screen's heading (it has tabindex="-1"). */
export async function focusHeading(): Promise<void> {
  await tick();
  document.querySelector<HTMLElement>('main h1')?.focus();
}

/** After the DOM updates, focuses the element matching selector inside root. */
export async function focusIn(root: ParentNode, selector: string): Promise<void> {
  await tick();
  root.querySelector<HTMLElement>(selector)?.focus();
}
