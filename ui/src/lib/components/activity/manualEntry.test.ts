import { describe, expect, it } from 'vitest';
import { emptyDraft, localNow, manualFieldOf, parseDuration, validateManual, type ManualDraft } from './manualEntry';

const NOW = '2026-11-24T12:00';
const OK: ManualDraft = {
  sportType: 'Yoga',
  date: '2026-11-24',
  time: '07:30',
  duration: '1:05:30',
  distance: '',
  rpe: '4',
  name: '  Morning flow ',
  notes: '',
};

describe('parseDuration', () => {
  it('reads h:mm:ss and m:ss', () => {
    expect(parseDuration('1:05:30')).toBe(3930);
    expect(parseDuration('45:00')).toBe(2700);
    expect(parseDuration(' 0:01:00 ')).toBe(60);
  });
  it('refuses anything else', () => {
    for (const bad of ['', '90', '1:60:00', '1:05:75', 'an hour', '1:05:00:00']) expect(parseDuration(bad)).toBeNull();
  });
});

describe('validateManual', () => {
  it('reads a swim’s distance in metres, or yards in imperial units', () => {
    const swim = { ...OK, sportType: 'Swim', distance: '1500' };
    expect(validateManual(swim, 'metric', NOW).body?.distanceM).toBe(1500);
    expect(validateManual(swim, 'imperial', NOW).body?.distanceM).toBe(1371.6);
    expect(validateManual({ ...swim, distance: '2000000' }, 'metric', NOW).errors.distance).toBe('At most 1,000,000 m.');
    expect(validateManual({ ...OK, sportType: 'Run', distance: '10' }, 'metric', NOW).body?.distanceM).toBe(10000);
  });

  it('builds the body the server expects', () => {
    const { errors, body } = validateManual(OK, 'metric', NOW);
    expect(errors).toEqual({});
    expect(body).toEqual({
      sportType: 'Yoga',
      startLocal: '2026-11-24T07:30',
      durationS: 3930,
      distanceM: null,
      rpe: 4,
      name: 'Morning flow',
      notes: null,
    });
  });

  it('turns the distance in the athlete’s unit into metres', () => {
    expect(validateManual({ ...OK, distance: '10,5' }, 'metric', NOW).body?.distanceM).toBe(10500);
    expect(validateManual({ ...OK, distance: '2' }, 'imperial', NOW).body?.distanceM).toBe(3218.7);
  });

  it('applies the server’s limits', () => {
    const { errors, body } = validateManual(
      { ...OK, sportType: 'Transition', duration: '0:00:59', distance: '1001', name: 'x'.repeat(201), notes: 'y'.repeat(2001) },
      'metric',
      NOW,
    );
    expect(body).toBeNull();
    expect(errors).toEqual({
      sportType: 'Choose a sport.',
      duration: 'At least one minute.',
      distance: 'At most 1,000 km.',
      name: 'At most 200 characters.',
      notes: 'At most 2000 characters.',
    });
    expect(validateManual({ ...OK, duration: '48:00:01' }, 'metric', NOW).errors.duration).toBe('At most 48 hours.');
    expect(validateManual({ ...OK, distance: '622' }, 'imperial', NOW).errors.distance).toBe('At most 621 mi.');
    expect(validateManual({ ...OK, duration: '' }, 'metric', NOW).errors.duration).toMatch(/h:mm:ss/);
  });

  it('refuses a start more than an hour ahead, or before 1970', () => {
    expect(validateManual({ ...OK, time: '13:00' }, 'metric', NOW).errors).toEqual({});
    expect(validateManual({ ...OK, time: '13:01' }, 'metric', NOW).errors.date).toBe('A session cannot start in the future.');
    expect(validateManual({ ...OK, date: '1969-12-31' }, 'metric', NOW).errors.date).toBe('Enter a date from 1970 on.');
    expect(validateManual({ ...OK, date: '', time: '' }, 'metric', NOW).errors).toEqual({
      date: 'Enter the date.',
      time: 'Enter the start time.',
    });
  });
});

describe('manualFieldOf', () => {
  it('puts each server field next to its input', () => {
    expect(manualFieldOf('startLocal')).toBe('date');
    expect(manualFieldOf('timeZone')).toBe('date');
    expect(manualFieldOf('durationS')).toBe('duration');
    expect(manualFieldOf('distanceM')).toBe('distance');
    expect(manualFieldOf('sportType')).toBe('sportType');
    expect(manualFieldOf(null)).toBeNull();
    expect(manualFieldOf('other')).toBeNull();
  });
});

describe('localNow', () => {
  it('reads the wall clock in the athlete’s zone', () => {
    const instant = new Date('2026-11-24T23:30:00Z');
    expect(localNow('Europe/Berlin', instant)).toBe('2026-11-25T00:30');
    expect(localNow('America/New_York', instant)).toBe('2026-11-24T18:30');
    expect(localNow('Not/AZone', instant)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
  });
});

describe('emptyDraft', () => {
  it('starts on the hour, an hour or so before now, so it is valid as it stands', () => {
    expect(emptyDraft('2026-11-24T12:40')).toMatchObject({ date: '2026-11-24', time: '11:00', sportType: 'Run' });
    expect(emptyDraft('2026-11-24T00:20')).toMatchObject({ date: '2026-11-23', time: '23:00' });
  });
});
