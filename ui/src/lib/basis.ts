import type { AnswerBasis, Coverage, OutdatedReason } from './api/ai';
import { formatNumber } from './format';

/** Where the athlete changes what the coach may read (Settings → Coach data policy). */
export const POLICY_HREF = '/settings#coach-data-policy';

function n(v: number): string {
  return formatNumber(v);
}

/** "your 14 file and export activities and 302 Strava activities": what an answer saw, in the athlete's words. */
export function seenWords(b: Pick<AnswerBasis, 'fileAndExport' | 'stravaApi'>): string {
  const own = b.fileAndExport > 0 ? (b.fileAndExport === 1 ? '1 file or export activity' : `${n(b.fileAndExport)} file and export activities`) : null;
  const strava = b.stravaApi > 0 ? `${n(b.stravaApi)} Strava ${b.stravaApi === 1 ? 'activity' : 'activities'}` : null;
  if (own && strava) return `your ${own} and ${strava}`;
  if (own || strava) return `your ${own ?? strava}`;
  return 'none of your activities';
}

/**
 * The meta line's words for what an answer was based on:
 * "based on your 14 file and export activities; 302 Strava activities are kept out by your coach data policy".
 * The caller adds the "change" link.
 */
export function basisWords(b: AnswerBasis): string {
  const kept = b.keptOut > 0
    ? `; ${n(b.keptOut)} Strava ${b.keptOut === 1 ? 'activity is' : 'activities are'} kept out by your coach data policy`
    : '';
  return `based on ${seenWords(b)}${kept}`;
}

/** The old meta line, for answers stored before the server kept their basis. */
export function countWords(count: number): string {
  return `based on ${n(count)} ${count === 1 ? 'activity' : 'activities'}`;
}

const REASONS: Record<OutdatedReason, string> = {
  new_activities: 'a new activity arrived since',
  activities_changed: 'activities it used were changed since',
  policy_changed: 'your coach data policy changed since',
  verdict_changed: 'today’s rule-based verdict changed since',
  verdict_contradicted: 'its verdict is not the card’s, which stands',
};

/** "Outdated: a new activity arrived since; your coach data policy changed since". */
export function outdatedWords(reasons: readonly string[] | null | undefined): string {
  const words = (reasons ?? []).map((r) => REASONS[r as OutdatedReason]).filter(Boolean);
  return `Outdated: ${words.length ? words.join('; ') : 'what it was based on changed since'}`;
}

/**
 * When the rule card (every activity the dashboard counts) and an AI answer (its basis) counted different sets,
 * says which: "The card counts all 316 activities; this answer saw your 14 file and export activities." Null when
 * they agree or either is unknown.
 */
export function differentSetWords(coverage: Pick<Coverage, 'activities'> | null, basis: AnswerBasis | null | undefined): string | null {
  if (!coverage || !basis || coverage.activities === basis.coachActivities) return null;
  const card = coverage.activities === 1 ? 'your 1 activity' : `all ${n(coverage.activities)} activities`;
  return `The card counts ${card}; this answer saw ${seenWords(basis)}.`;
}

/** The dashboard notice's heading and why, when the coach sees much less than the dashboard. */
export function coverageWords(c: Coverage): { title: string; why: string } {
  const title = `The coach sees ${n(c.coachActivities)} of your ${n(c.activities)} activities`;
  const why =
    c.keptOut > 0 && !c.stravaApiAllowed
      ? `The other ${n(c.keptOut)} came only through Strava’s API, and your coach data policy keeps Strava API data ` +
        'from the AI coach. The dashboard and the chart count them all.'
      : `The dashboard and the chart count all ${n(c.activities)}; the coach reads only the ${n(c.coachActivities)} it may.`;
  return { title, why };
}
