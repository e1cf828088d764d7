import type { EstimateChange } from './api/load';
import { formatNumber, formatShortDate } from './format';

const SHORT: Record<string, string> = { lthr: 'LTHR', max_hr: 'max HR', resting_hr: 'resting HR', ftp: 'FTP' };

/** "after the run of 12 Nov" from the activity that moved the estimate; "" when none joined the evidence. */
export function causeWords(change: EstimateChange): string {
  const cause = change.evidence.find((e) => e.activityId === change.causeActivityId);
  if (!cause) return '';
  const what = cause.sportType ? cause.sportType.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase() : 'activity';
  return ` after the ${what} of ${formatShortDate(cause.date)}`;
}

/** "Your estimated LTHR changed from 165 to 168 bpm after the run of 12 Nov; 214 past loads were recalculated." */
export function changeWords(change: EstimateChange): string {
  const unit = change.kind === 'ftp' ? 'W' : 'bpm';
  const loads =
    change.loadsChanged === 0
      ? 'no past load changed'
      : `${formatNumber(change.loadsChanged)} past ${change.loadsChanged === 1 ? 'load was' : 'loads were'} recalculated`;
  return (
    `Your estimated ${SHORT[change.kind] ?? change.kind} changed from ${formatNumber(change.oldValue)} to ` +
    `${formatNumber(change.newValue)} ${unit}${causeWords(change)}; ${loads}.`
  );
}
