import { afterEach, describe, expect, it } from 'vitest';
import {
  daysBefore,
  familyLabel,
  formatAgo,
  formatClock,
  formatDate,
  formatDateTime,
  formatDistance,
  formatDuration,
  formatElevation,
  formatNumber,
  formatPace,
  formatPaceOrSpeed,
  formatShortDate,
  formatSigned,
  formatTime,
  formatSpeed,
  loadMethodLabel,
  mergeChoiceText,
  SPORT_FAMILIES,
  sourceLabel,
  sourceNoun,
  sportLabel,
  zoneLabel,
} from './format';

describe('numbers', () => {
  it('groups thousands and uses a real minus sign, never "−0"', () => {
    expect(formatNumber(12345.6)).toBe('12,346');
    expect(formatNumber(-3.4, 1)).toBe('\u22123.4');
    expect(formatNumber(-0.2)).toBe('0');
    expect(formatNumber(null)).toBe('—');
    expect(formatNumber(Number.NaN)).toBe('—');
  });

  it('signs form values', () => {
    expect(formatSigned(5.4)).toBe('+5');
    expect(formatSigned(-12)).toBe('\u221212');
    expect(formatSigned(0.3)).toBe('0');
    expect(formatSigned(undefined)).toBe('—');
  });
});

describe('durations', () => {
  it('formats clock style for tables', () => {
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(59.6)).toBe('1:00');
    expect(formatClock(45 * 60 + 7)).toBe('45:07');
    expect(formatClock(3723)).toBe('1:02:03');
    expect(formatClock(36000)).toBe('10:00:00');
    expect(formatClock(null)).toBe('—');
    expect(formatClock(-1)).toBe('—');
  });

  it('formats words for cards', () => {
    expect(formatDuration(40)).toBe('40 s');
    expect(formatDuration(45 * 60)).toBe('45 min');
    expect(formatDuration(3900)).toBe('1 h 05 min');
    expect(formatDuration(2 * 3600 + 59 * 60 + 50)).toBe('3 h 00 min');
  });
});

describe('distances and elevation', () => {
  it('uses km or miles with sensible precision', () => {
    expect(formatDistance(5000)).toBe('5.00 km');
    expect(formatDistance(42195)).toBe('42.2 km');
    expect(formatDistance(160934, 'metric')).toBe('161 km');
    expect(formatDistance(1609.344, 'imperial')).toBe('1.00 mi');
    expect(formatDistance(42195, 'imperial')).toBe('26.2 mi');
    expect(formatDistance(null)).toBe('—');
  });

  it('counts swims in metres or yards', () => {
    expect(formatDistance(1500, 'metric', 'swim')).toBe('1,500 m');
    expect(formatDistance(914.4, 'imperial', 'swim')).toBe('1,000 yd');
  });

  it('shows elevation in m or ft', () => {
    expect(formatElevation(350)).toBe('350 m');
    expect(formatElevation(1000, 'imperial')).toBe('3,281 ft');
  });
});

describe('pace and speed', () => {
  it('gives pace per km, per mile and per 100 m / 100 yd', () => {
    expect(formatPace(1000 / 275)).toBe('4:35 /km');
    expect(formatPace(1609.344 / 480, 'imperial')).toBe('8:00 /mi');
    expect(formatPace(100 / 95, 'metric', 'swim')).toBe('1:35 /100 m');
    expect(formatPace(91.44 / 90, 'imperial', 'swim')).toBe('1:30 /100 yd');
  });

  it('has no pace when standing still or crawling', () => {
    expect(formatPace(0)).toBe('—');
    expect(formatPace(0.1)).toBe('—');
    expect(formatPace(null)).toBe('—');
  });

  it('gives speed in km/h or mph', () => {
    expect(formatSpeed(10)).toBe('36.0 km/h');
    expect(formatSpeed(10, 'imperial')).toBe('22.4 mph');
  });

  it('picks pace for foot sports and swims, speed otherwise', () => {
    expect(formatPaceOrSpeed(4, 'metric', 'run')).toBe('4:10 /km');
    expect(formatPaceOrSpeed(10, 'metric', 'ride')).toBe('36.0 km/h');
  });
});

describe('dates', () => {
  it('shows local date-times as recorded, without shifting time zones', () => {
    expect(formatDate('2026-03-31T23:30:00')).toBe('Tue, 31 Mar 2026');
    expect(formatDateTime('2026-03-31T23:30:00')).toBe('Tue, 31 Mar 2026, 23:30');
    expect(formatDate('2026-11-24')).toBe('Tue, 24 Nov 2026');
    expect(formatDate(null)).toBe('—');
    expect(formatDate('garbage')).toBe('—');
  });

  it('omits the year of this year in short dates', () => {
    expect(formatShortDate('2026-03-31', 2026)).toBe('31 Mar');
    expect(formatShortDate('2025-03-31', 2026)).toBe('31 Mar 2025');
  });

  it('counts days back across months and leap years', () => {
    expect(daysBefore('2024-03-01', 1)).toBe('2024-02-29');
    expect(daysBefore('2026-01-05', 89)).toBe('2025-10-08');
  });

  it('says how long ago', () => {
    const now = Date.parse('2026-11-24T12:00:00Z');
    expect(formatAgo('2026-11-24T11:59:30Z', now)).toBe('just now');
    expect(formatAgo('2026-11-24T11:15:00Z', now)).toBe('45 min ago');
    expect(formatAgo('2026-11-24T07:00:00Z', now)).toBe('5 h ago');
    expect(formatAgo('2026-11-23T10:00:00Z', now)).toBe('yesterday');
    expect(formatAgo('2026-11-20T10:00:00Z', now)).toBe('4 days ago');
  });
});

describe('words', () => {
  it('names sports, families, methods, sources and zones', () => {
    expect(sportLabel('TrailRun')).toBe('Trail run');
    expect(sportLabel('HighIntensityIntervalTraining')).toBe('HIIT');
    expect(sportLabel(null)).toBe('Activity');
    expect(familyLabel('walk')).toBe('Walk & hike');
    expect(familyLabel('multisport')).toBe('Multisport');
    expect(familyLabel('transition')).toBe('Transition');
    expect(familyLabel(null)).toBe('Other');
    expect(SPORT_FAMILIES).toContain('multisport');
    // A transition is only ever a leg: no activity filter offers it.
    expect(SPORT_FAMILIES).not.toContain('transition');
    expect(sportLabel('Triathlon')).toBe('Triathlon');
    expect(sourceLabel('file')).toBe('Device file');
    expect(sourceLabel('demo')).toBe('Demo');
    expect(sourceNoun('strava')).toBe('Strava API');
    expect(sourceNoun('file')).toBe('device file');
    expect(loadMethodLabel('HEART_RATE')).toBe('Heart rate');
    expect(loadMethodLabel('power')).toBe('Power');
    expect(loadMethodLabel('MANUAL')).toBe('Set by you');
    expect(sourceLabel('strava_export')).toBe('Strava export');
    expect(zoneLabel('optimal')).toBe('Productive');
  });

  it('puts the athlete’s say about a merge in words', () => {
    expect(mergeChoiceText('separate')).toMatch(/split this copy off.*stays apart/);
    expect(mergeChoiceText('lead')).toMatch(/chose this copy to lead/);
    expect(mergeChoiceText(null)).toBeNull();
    expect(mergeChoiceText(undefined)).toBeNull();
  });
});

describe('in the browser’s language (pinned to en-GB for the other tests)', () => {
  function useLanguage(language: string) {
    Object.defineProperty(globalThis.navigator ?? (globalThis.navigator = {} as Navigator), 'language', { value: language, configurable: true });
  }
  afterEach(() => useLanguage('en-GB'));

  it('writes numbers with the language’s separators, keeping the athlete’s units', () => {
    useLanguage('de-DE');
    expect(formatNumber(12345.6, 1)).toBe('12.345,6');
    expect(formatNumber(-0.04, 1)).toBe('0,0');
    expect(formatSigned(-3.25, 1)).toBe('\u22123,3');
    expect(formatDistance(12345, 'metric')).toBe('12,3 km');
    expect(formatDistance(12345, 'imperial')).toBe('7,67 mi');
    useLanguage('en-US');
    expect(formatDistance(1234567, 'metric')).toBe('1,235 km');
  });

  it('writes dates and times in the language’s order, never shifted by the browser’s zone', () => {
    useLanguage('en-US');
    expect(formatDate('2026-03-31T23:30:00')).toBe('Tue, Mar 31, 2026');
    expect(formatShortDate('2026-03-31', 2026)).toBe('Mar 31');
    expect(formatTime('2026-03-31T23:30:00')).toBe('11:30 PM');
    useLanguage('de-DE');
    expect(formatDate('2026-03-31T23:30:00')).toBe('Di., 31. März 2026');
    expect(formatShortDate('2025-03-31', 2026)).toBe('31. März 2025');
    expect(formatDateTime('2026-03-31T07:05:00')).toBe('Di., 31. März 2026, 07:05');
  });
});
