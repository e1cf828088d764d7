import { describe, expect, it } from 'vitest';
import type { Profile } from '../../api/settings';
import { fieldSpecs, rangeText, switchUnits, timeZones, toDraft, toUpdate, validate } from './profileForm';

const P: Profile = {
  sex: 'female', birthYear: 1990, weightKg: 60, heightCm: null, maxHr: 190, restingHr: 50, lthr: 170,
  ftpWatts: null, thresholdPaceSPerKm: 270, vo2max: null, units: 'metric', timeZone: 'Europe/Berlin',
  goals: 'Marathon', preferences: null, updatedAt: null,
};
const NOW = new Date('2026-11-24T00:00:00Z');

describe('profile form', () => {
  it('round-trips a profile, empty boxes clearing to null', () => {
    const d = toDraft(P);
    expect(d.nums.heightCm).toBe('');
    expect(d.nums.maxHr).toBe('190');
    const body = toUpdate(d);
    expect(body).toMatchObject({ sex: 'female', maxHr: 190, heightCm: null, preferences: null, goals: 'Marathon' });
    expect(validate(d, NOW)).toEqual({});
  });
  it('shows and takes imperial values, storing metric ones', () => {
    const d = toDraft({ ...P, units: 'imperial', heightCm: 170 });
    expect(d.nums.weightKg).toBe('132.3');
    expect(d.nums.heightCm).toBe('66.9');
    expect(d.nums.thresholdPaceSPerKm).toBe('7:15');
    expect(d.nums.maxHr).toBe('190');
    expect(validate(d, NOW)).toEqual({});
    expect(toUpdate(d)).toMatchObject({ units: 'imperial', weightKg: 60, heightCm: 169.9, thresholdPaceSPerKm: 270, maxHr: 190 });
    d.nums.weightKg = '40';
    expect(validate(d, NOW).weightKg).toBe('Weight must be between 44.1 and 771.6 lb.');
  });
  it('converts what was typed when the units change', () => {
    const metric = toDraft({ ...P, heightCm: 170 });
    metric.nums.weightKg = '70';
    const imperial = switchUnits(metric, 'imperial');
    expect(imperial.units).toBe('imperial');
    expect(imperial.nums).toMatchObject({ weightKg: '154.3', heightCm: '66.9', thresholdPaceSPerKm: '7:15', maxHr: '190' });
    const back = switchUnits(imperial, 'metric');
    expect(back.nums).toMatchObject({ weightKg: '70', heightCm: '170', thresholdPaceSPerKm: '4:30', maxHr: '190' });
    expect(switchUnits({ ...metric, nums: { ...metric.nums, weightKg: 'abc' } }, 'imperial').nums.weightKg).toBe('abc');
  });
  it('takes threshold pace as m:ss per km or per mile and stores seconds per km', () => {
    const d = toDraft(P);
    expect(d.nums.thresholdPaceSPerKm).toBe('4:30');
    d.nums.thresholdPaceSPerKm = '4:05';
    expect(validate(d, NOW)).toEqual({});
    expect(toUpdate(d)).toMatchObject({ thresholdPaceSPerKm: 245 });
    const imperial = { ...d, units: 'imperial' as const, nums: { ...d.nums, thresholdPaceSPerKm: '6:34' } };
    expect(toUpdate(imperial)).toMatchObject({ thresholdPaceSPerKm: 245 });
    d.nums.thresholdPaceSPerKm = '245';
    expect(validate(d, NOW).thresholdPaceSPerKm).toBe('Enter the pace as minutes:seconds per km, e.g. 4:30.');
    d.nums.thresholdPaceSPerKm = '1:30';
    expect(validate(d, NOW).thresholdPaceSPerKm).toBe('Pace must be between 2:00 and 15:00 per km.');
    expect(rangeText(fieldSpecs(NOW, 'imperial').find((s) => s.key === 'thresholdPaceSPerKm')!, 'imperial')).toBe('3:13–24:08');
  });
  it('checks ranges', () => {
    const d = toDraft(P);
    d.nums.weightKg = '10';
    d.nums.birthYear = '2024';
    d.nums.vo2max = 'abc';
    const e = validate(d, NOW);
    expect(e.weightKg).toBe('Weight must be between 20 and 350 kg.');
    expect(e.birthYear).toBe('Birth year must be between 1900 and 2021.');
    expect(e.vo2max).toBe('VO₂max must be a number.');
  });
  it('orders resting < LTHR < max', () => {
    const d = toDraft(P);
    d.nums.restingHr = '100';
    d.nums.maxHr = '100';
    d.nums.lthr = '95';
    const e = validate(d, NOW);
    expect(e.restingHr).toMatch(/below max/);
    expect(e.lthr).toMatch(/between resting and max/);
  });
  it('accepts the numbers and nulls that number inputs bind', () => {
    const d = toDraft(P);
    d.nums.weightKg = 400;
    d.nums.heightCm = null;
    d.nums.ftpWatts = 250;
    expect(validate(d, NOW).weightKg).toMatch(/between 20 and 350/);
    d.nums.weightKg = 61.5;
    expect(toUpdate(d)).toMatchObject({ weightKg: 61.5, heightCm: null, ftpWatts: 250 });
  });
  it('limits the free text', () => {
    const d = toDraft(P);
    d.goals = 'x'.repeat(1001);
    expect(validate(d, NOW).goals).toMatch(/1000/);
  });
  it('offers the browser’s zone for a profile never saved, and keeps a saved one', () => {
    expect(toDraft({ ...P, timeZone: 'UTC', updatedAt: null }, 'America/Denver').timeZone).toBe('America/Denver');
    expect(toUpdate(toDraft({ ...P, timeZone: 'UTC', updatedAt: null }, 'America/Denver')).timeZone).toBe('America/Denver');
    expect(toDraft({ ...P, timeZone: 'UTC', updatedAt: null }, null).timeZone).toBe('UTC');
    expect(toDraft({ ...P, updatedAt: '2026-11-20T08:00:00Z' }, 'America/Denver').timeZone).toBe('Europe/Berlin');
  });
  it('keeps the saved zone in the list', () => {
    expect(timeZones('Mars/Olympus')[0]).toBe('Mars/Olympus');
    expect(timeZones('UTC')).toContain('UTC');
  });
});
