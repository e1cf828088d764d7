import { describe, expect, it } from 'vitest';
import { basisWords, countWords, coverageWords, differentSetWords, outdatedWords } from './basis';
import type { AnswerBasis, Coverage } from './api/ai';

const OFF: AnswerBasis = { coachActivities: 14, fileAndExport: 14, stravaApi: 0, keptOut: 302, stravaApiAllowed: false };
const ON: AnswerBasis = { coachActivities: 316, fileAndExport: 14, stravaApi: 302, keptOut: 0, stravaApiAllowed: true };

describe('basisWords', () => {
  it('names what the coach read and what the policy kept out, in the athlete’s words', () => {
    expect(basisWords(OFF)).toBe('based on your 14 file and export activities; 302 Strava activities are kept out by your coach data policy');
    expect(basisWords(ON)).toBe('based on your 14 file and export activities and 302 Strava activities');
  });

  it('counts one in the singular and says so when the coach read nothing', () => {
    expect(basisWords({ coachActivities: 1, fileAndExport: 1, stravaApi: 0, keptOut: 1, stravaApiAllowed: false })).toBe(
      'based on your 1 file or export activity; 1 Strava activity is kept out by your coach data policy',
    );
    expect(basisWords({ coachActivities: 0, fileAndExport: 0, stravaApi: 0, keptOut: 300, stravaApiAllowed: false })).toBe(
      'based on none of your activities; 300 Strava activities are kept out by your coach data policy',
    );
    expect(basisWords({ coachActivities: 5, fileAndExport: 0, stravaApi: 5, keptOut: 0, stravaApiAllowed: true })).toBe(
      'based on your 5 Strava activities',
    );
  });

  it('keeps the old count for answers without a basis', () => {
    expect(countWords(3)).toBe('based on 3 activities');
    expect(countWords(1)).toBe('based on 1 activity');
  });
});

describe('outdatedWords', () => {
  it('says why, in the server’s order', () => {
    expect(outdatedWords(['new_activities'])).toBe('Outdated: a new activity arrived since');
    expect(outdatedWords(['new_activities', 'policy_changed'])).toBe(
      'Outdated: a new activity arrived since; your coach data policy changed since',
    );
    expect(outdatedWords(['activities_changed'])).toBe('Outdated: activities it used were changed since');
    // An answer that named another verdict than the decision card it was asked to narrate.
    expect(outdatedWords(['verdict_contradicted'])).toBe('Outdated: its verdict is not the card’s, which stands');
  });
  it('still says it is outdated without (known) reasons', () => {
    expect(outdatedWords([])).toBe('Outdated: what it was based on changed since');
    expect(outdatedWords(['something_new'])).toBe('Outdated: what it was based on changed since');
    expect(outdatedWords(undefined)).toBe('Outdated: what it was based on changed since');
  });
});

describe('differentSetWords', () => {
  it('says which set each side counted when they differ', () => {
    expect(differentSetWords({ activities: 316 }, OFF)).toBe(
      'The card counts all 316 activities; this answer saw your 14 file and export activities.',
    );
  });
  it('is silent when they agree or either is unknown', () => {
    expect(differentSetWords({ activities: 316 }, ON)).toBeNull();
    expect(differentSetWords(null, OFF)).toBeNull();
    expect(differentSetWords({ activities: 316 }, null)).toBeNull();
    expect(differentSetWords({ activities: 316 }, undefined)).toBeNull();
  });
});

describe('coverageWords', () => {
  it('says how many the coach sees and why', () => {
    const c: Coverage = { ...OFF, activities: 316, muchLess: true };
    expect(coverageWords(c)).toEqual({
      title: 'The coach sees 14 of your 316 activities',
      why:
        'The other 302 came only through Strava’s API, and your coach data policy keeps Strava API data from the AI ' +
        'coach. The dashboard and the chart count them all.',
    });
  });
  it('states the counts when the policy is not the reason', () => {
    const c: Coverage = { ...ON, coachActivities: 10, fileAndExport: 10, stravaApi: 0, activities: 316, muchLess: true };
    expect(coverageWords(c).why).toBe('The dashboard and the chart count all 316; the coach reads only the 10 it may.');
  });
});
