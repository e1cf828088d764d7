import type uPlot from 'uplot';
import { formatShortDate, isoDate } from '../format';

const DAY_S = 86400;
const MONTH_ABBR = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * Seconds at the browser's local midnight of a YYYY-MM-DD date: uPlot's local time axis then shows the
 * dates as they are, without a time-zone conversion.
 */
export function localSeconds(date: string): number {
  return new Date(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)).getTime() / 1000;
}

/** Local midnight n days after the given seconds (calendar days: right across a daylight-saving change). */
export function daysAfter(seconds: number, n: number): number {
  const d = new Date(seconds * 1000);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + n).getTime() / 1000;
}

/**
 * Tick labels for a date axis, as short as the tick spacing allows so they never run into each other:
 * "12 Oct" between days or weeks, "Oct" between months (the year instead at January), "2025" between years.
 */
export function dateTickLabels(splits: number[], incr: number): string[] {
  return splits.map((s) => {
    const d = new Date(s * 1000);
    if (incr >= 360 * DAY_S) return String(d.getFullYear());
    if (incr >= 28 * DAY_S) return d.getMonth() === 0 ? String(d.getFullYear()) : MONTH_ABBR[d.getMonth()];
    return formatShortDate(isoDate(d), d.getFullYear());
  });
}

/** A date x axis whose labels follow {@link dateTickLabels}; `space` is the least room per label in CSS pixels. */
export function dateAxisValues(): uPlot.Axis.DynamicValues {
  return (_u, splits, _axis, _space, incr) => dateTickLabels(splits, incr);
}

/**
 * The index a key moves a chart's keyboard cursor to: arrows by one (Shift: by `big`), Page keys by `page`,
 * Home/End to the ends. `null` for Escape (hide the cursor), `undefined` for a key the chart does not use.
 */
export function cursorKey(key: string, shift: boolean, current: number, count: number, big: number, page: number): number | null | undefined {
  const last = count - 1;
  const clamp = (i: number) => Math.min(last, Math.max(0, i));
  switch (key) {
    case 'ArrowLeft':
      return clamp(current - (shift ? big : 1));
    case 'ArrowRight':
      return clamp(current + (shift ? big : 1));
    case 'PageUp':
      return clamp(current - page);
    case 'PageDown':
      return clamp(current + page);
    case 'Home':
      return 0;
    case 'End':
      return last;
    case 'Escape':
      return null;
    default:
      return undefined;
  }
}
