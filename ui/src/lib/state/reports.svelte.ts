import { getWeeklyReport, listWeeklyReports, streamWeeklyReport, type StoredAnswer } from '../api/ai';
import { errorMessage } from '../errors';
import { AnswerStream } from './answer.svelte';
import { withMarkdown } from '../markdownLoader.svelte';

/** "2026-W47" for a date (YYYY-MM-DD) in that ISO week. */
export function isoWeek(date: string): string {
  const [y, m, d] = date.slice(0, 10).split('-').map(Number);
  const day = Date.UTC(y, m - 1, d);
  const weekday = (new Date(day).getUTCDay() + 6) % 7; // Monday 0
  const thursday = new Date(day + (3 - weekday) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Weekly reports: the stored list (newest first), one opened report, and generation. */
export class ReportsState {
  reports = $state.raw<StoredAnswer[] | null>(null);
  listError = $state<string | null>(null);
  /** The week asked for in the address bar ("2026-W47" or a date in it). */
  week = $state<string | null>(null);
  current = $state.raw<StoredAnswer | null>(null);
  currentLoading = $state(false);
  currentError = $state<string | null>(null);
  /** The opened week has no report yet. */
  currentMissing = $state(false);
  readonly answer = new AnswerStream();
  #openSeq = 0;

  async load(): Promise<void> {
    try {
      const { reports } = await listWeeklyReports();
      this.reports = [...reports].sort((a, b) => ((a.date ?? '') < (b.date ?? '') ? 1 : (a.date ?? '') > (b.date ?? '') ? -1 : 0));
      this.listError = null;
    } catch (e) {
      this.listError = errorMessage(e);
    }
  }

  /** Opens a week's report (null: back to the list). */
  async open(week: string | null): Promise<void> {
    const seq = ++this.#openSeq;
    if (week !== this.week) this.answer.reset();
    this.week = week;
    this.currentError = null;
    this.currentMissing = false;
    if (!week) {
      this.current = null;
      this.currentLoading = false;
      return;
    }
    if (this.current && isoWeek(this.current.date ?? '') !== isoWeekOf(week)) this.current = null;
    this.currentLoading = true;
    try {
      const fetched = await getWeeklyReport(week);
      const report = await withMarkdown(fetched, fetched !== null);
      if (seq !== this.#openSeq) return;
      this.current = report;
      this.currentMissing = report === null; // no report yet is an answer (null), not an error
    } catch (e) {
      if (seq !== this.#openSeq) return;
      this.current = null;
      this.currentError = errorMessage(e);
    } finally {
      if (seq === this.#openSeq) this.currentLoading = false;
    }
  }

  /**
   * Writes (or rewrites) a week's report, streamed into `answer`; null is this week.
   * Resolves with the week ("2026-W47") once it is stored, else null.
   */
  async generate(week: string | null): Promise<string | null> {
    await this.answer.run((signal) => streamWeeklyReport(week, signal));
    const start = this.answer.start;
    const written = start?.weekStart ? isoWeek(start.weekStart) : week ? isoWeekOf(week) : null;
    if (this.answer.phase !== 'done') return null;
    await this.load();
    if (written && this.week && isoWeekOf(this.week) === written) {
      await this.open(this.week);
      if (this.current) this.answer.reset();
    }
    return written;
  }

  dispose(): void {
    this.answer.cancel();
  }
}

function isoWeekOf(week: string): string {
  return /^\d{4}-W\d{2}$/.test(week) ? week : isoWeek(week);
}
