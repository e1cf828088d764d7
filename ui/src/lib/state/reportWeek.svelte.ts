import { getAiSettings } from '../api/ai';
import { getWeekNumbers, type WeekNumbers } from '../api/reports';
import { errorMessage } from '../errors';

const DAY_MS = 86_400_000;

/** The Monday (YYYY-MM-DD) of the week holding a date. */
export function mondayOf(date: string): string {
  const [y, m, d] = date.slice(0, 10).split('-').map(Number);
  const day = Date.UTC(y, m - 1, d);
  const weekday = (new Date(day).getUTCDay() + 6) % 7; // Monday 0
  return new Date(day - weekday * DAY_MS).toISOString().slice(0, 10);
}

/** The Monday `weeks` weeks after (negative: before) a Monday. */
export function addWeeks(monday: string, weeks: number): string {
  const [y, m, d] = monday.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d) + weeks * 7 * DAY_MS).toISOString().slice(0, 10);
}

/**
 * One week's numbers on the Reports screen, straight from the engine (no AI needed), and whether an AI provider is set
 * up to write the coach's notes.
 */
export class ReportWeekState {
  numbers = $state.raw<WeekNumbers | null>(null);
  loading = $state(false);
  error = $state<string | null>(null);
  /** True with a provider, false without one, null until known (or when the settings could not be read). */
  aiReady = $state<boolean | null>(null);
  #seq = 0;

  /** week: "2026-W47" or a date in the week; null for this week. */
  async load(week: string | null): Promise<void> {
    const seq = ++this.#seq;
    this.loading = true;
    this.error = null;
    try {
      const found = await getWeekNumbers(week);
      if (seq === this.#seq) this.numbers = found;
    } catch (e) {
      if (seq !== this.#seq) return;
      this.numbers = null;
      this.error = errorMessage(e);
    } finally {
      if (seq === this.#seq) this.loading = false;
    }
  }

  async checkAi(): Promise<void> {
    try {
      this.aiReady = (await getAiSettings()).active != null;
    } catch {
      this.aiReady = null;
    }
  }
}
