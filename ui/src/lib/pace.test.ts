import { describe, expect, it } from 'vitest';
import { formatPaceInput, parsePace } from './pace';

describe('pace typed as m:ss', () => {
  it('reads m:ss per km as whole seconds per km', () => {
    expect(parsePace('4:05', 'metric')).toEqual({ secondsPerKm: 245 });
    expect(parsePace(' 12:30 ', 'metric')).toEqual({ secondsPerKm: 750 });
  });
  it('reads m:ss per mile and stores seconds per km', () => {
    expect(parsePace('7:15', 'imperial')).toEqual({ secondsPerKm: 270 });
    expect(parsePace('6:34', 'imperial')).toEqual({ secondsPerKm: 245 });
  });
  it('refuses what is not m:ss, naming the distance it counts', () => {
    for (const bad of ['245', '4:5', '4:60', '4.05', 'abc', '', '1:02:03']) {
      expect(parsePace(bad, 'metric')).toEqual({ error: 'Enter the pace as minutes:seconds per km, e.g. 4:30.' });
    }
    expect(parsePace('245', 'imperial')).toEqual({ error: 'Enter the pace as minutes:seconds per mile, e.g. 4:30.' });
    expect(parsePace('0:00', 'metric')).toHaveProperty('error');
  });
  it('keeps a pace inside a range, with bounds in the athlete’s units that are accepted when typed', () => {
    const range = { min: 120, max: 900 };
    expect(parsePace('1:59', 'metric', range)).toEqual({ error: 'Pace must be between 2:00 and 15:00 per km.' });
    expect(parsePace('15:01', 'metric', range)).toHaveProperty('error');
    expect(parsePace('2:00', 'metric', range)).toEqual({ secondsPerKm: 120 });
    const imperial = parsePace('3:00', 'imperial', range);
    expect(imperial).toEqual({ error: 'Pace must be between 3:13 and 24:09 per mile.' });
    expect(parsePace('3:13', 'imperial', range)).toEqual({ secondsPerKm: 120 });
    expect(parsePace('24:09', 'imperial', range)).toEqual({ secondsPerKm: 900 });
    expect(parsePace('24:10', 'imperial', range)).toHaveProperty('error');
  });
  it('shows seconds per km back as m:ss per km or per mile', () => {
    expect(formatPaceInput(245, 'metric')).toBe('4:05');
    expect(formatPaceInput(270, 'imperial')).toBe('7:15');
    expect(formatPaceInput(245, 'imperial')).toBe('6:34');
  });
});
