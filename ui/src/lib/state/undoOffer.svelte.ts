/** How long an Undo stays offered: long enough to notice a slip, short enough not to undo something older by surprise. */
export const UNDO_MS = 10_000;

const HOLD = { focus: 1, pointer: 2 } as const;

/**
 * A status sentence about the athlete's last change, with an Undo while it is cheap: the previous values sent back
 * through the same API. The offer ends after {@link UNDO_MS} (held while the Undo button has the focus or the pointer),
 * on the athlete's next action ({@link clear} or {@link say}), or once used.
 */
export class UndoOffer {
  text = $state('');
  canUndo = $state(false);
  #undo: (() => Promise<unknown>) | null = null;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #holds = 0;

  /** Says `text` with an Undo that runs `undo`. */
  offer(text: string, undo: () => Promise<unknown>): void {
    this.#stop();
    this.text = text;
    this.#undo = undo;
    this.canUndo = true;
    this.resume();
  }

  /** Says `text` with no Undo (progress, "Nothing changed."): any earlier offer is over. */
  say(text: string): void {
    this.#stop();
    this.#undo = null;
    this.#holds = 0;
    this.canUndo = false;
    this.text = text;
  }

  clear(): void {
    this.say('');
  }

  /** Holds the offer while the button has the focus or the pointer: it never vanishes under either. */
  hold(by: 'focus' | 'pointer', on: boolean): void {
    this.#holds = on ? this.#holds | HOLD[by] : this.#holds & ~HOLD[by];
    this.resume();
  }

  resume(): void {
    this.#stop();
    if (this.canUndo && this.#holds === 0) this.#timer = setTimeout(() => this.clear(), UNDO_MS);
  }

  /** Takes the offer back (once): the Undo goes away before its request is sent. */
  async undo(): Promise<void> {
    const run = this.#undo;
    this.clear();
    if (run) await run();
  }

  #stop(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }
}
